"""Council rules of the registry, read from settings with their legal defaults.

The thresholds come from older decrees and sector rules that could not be confirmed for
the 2022 law, so each is a setting (see DOMAIN notes). Functions, not constants, so that
``override_settings`` in tests and a changed setting take effect without a restart.
"""

from decimal import Decimal
from fractions import Fraction

from django.conf import settings

# The defaults of the two wordings below.
DIRECTOR_ISSUING_BODY = "Giám đốc Sở Khoa học và Công nghệ tỉnh Cao Bằng"
DISCIPLINE_CITATION = "Luật Thi đua, khen thưởng 2022, Điều 5 (nguyên tắc khen thưởng)"


def _fraction(name, default):
    return Fraction(getattr(settings, name, default))


def quorum():
    """Share of the council's members who must be present for a valid meeting (2/3)."""
    return _fraction("AWARDS_QUORUM", Fraction(2, 3))


def pass_threshold():
    """Share of the members present whose votes a nomination needs (70 %)."""
    return _fraction("AWARDS_PASS_THRESHOLD", Fraction(70, 100))


def secret_ballot_threshold():
    """Share of all members, by secret ballot, for Chiến sĩ thi đua cấp tỉnh and above (90 %)."""
    return _fraction("AWARDS_SECRET_BALLOT_THRESHOLD", Fraction(90, 100))


def grassroots_fighter_ratio():
    """Chiến sĩ thi đua cơ sở: at most this share of the unit's Lao động tiên tiến (15 %)."""
    return _fraction("AWARDS_GRASSROOTS_FIGHTER_RATIO", Fraction(15, 100))


def percent(value):
    """A rule's share as people read it: Fraction(2, 3) → "2/3", Fraction(7, 10) → "70 %"."""
    value = Fraction(value)
    if (value * 100).denominator == 1:
        return f"{int(value * 100)} %"
    return f"{value.numerator}/{value.denominator}"


def pass_threshold_base():
    """What ``pass_threshold`` is a share of: "present" (default) or "members" (all members,
    counting absent members' written opinions). The 90 % rule always counts all members."""
    value = getattr(settings, "AWARDS_PASS_THRESHOLD_BASE", "present")
    return value if value in ("present", "members") else "present"


def grassroots_ratio_scope():
    """Where the 15 % cap is counted: "agency" (default: the whole department, the awarding
    authority) or "unit" (each office or affiliate separately)."""
    value = getattr(settings, "AWARDS_GRASSROOTS_RATIO_SCOPE", "agency")
    return value if value in ("agency", "unit") else "agency"


def director_issuing_body():
    """Who a Director's decision is shown as issued by on the public pages."""
    return getattr(settings, "AWARDS_DIRECTOR_ISSUING_BODY", DIRECTOR_ISSUING_BODY)


def grassroots_fighter_needs_advanced_worker():
    """Điều 23 k1: Chiến sĩ thi đua cơ sở needs Lao động tiên tiến the same year (on)."""
    return bool(getattr(settings, "AWARDS_GRASSROOTS_NEEDS_ADVANCED", True))


def excellent_collective_min_advanced():
    """Điều 27: share of a collective's members holding Lao động tiên tiến (70 %)."""
    return _fraction("AWARDS_EXCELLENT_COLLECTIVE_MIN_ADVANCED", Fraction(70, 100))


def excellent_collective_min_fighters():
    """Điều 27: members of the collective holding Chiến sĩ thi đua cơ sở (at least 1)."""
    return int(getattr(settings, "AWARDS_EXCELLENT_COLLECTIVE_MIN_FIGHTERS", 1))


def provincial_fighter_years():
    """Chiến sĩ thi đua cấp tỉnh: consecutive preceding years of Chiến sĩ thi đua cơ sở (3)."""
    return int(getattr(settings, "AWARDS_PROVINCIAL_FIGHTER_YEARS", 3))


def refuse_during_discipline():
    """No award while a discipline or investigation record overlaps the review date (on)."""
    return bool(getattr(settings, "AWARDS_REFUSE_DURING_DISCIPLINE", True))


def discipline_citation():
    """The rule cited when a disciplined candidate is refused (wording to be confirmed)."""
    return getattr(settings, "AWARDS_DISCIPLINE_CITATION", DISCIPLINE_CITATION)


def require_approved_registration():
    """Refuse a nomination without an approved start-of-year registration (off)."""
    return bool(getattr(settings, "AWARDS_REQUIRE_APPROVED_REGISTRATION", False))


def dossier_requirements():
    """Award form code → the attachment kinds its dossier needs (see ``catalogue``)."""
    from awards.catalogue import DOSSIER_REQUIREMENTS

    return getattr(settings, "AWARDS_DOSSIER_REQUIREMENTS", DOSSIER_REQUIREMENTS)


def base_salary():
    """Mức lương cơ sở in đồng (2.340.000 đ from 01/07/2024, Nghị định 73/2024/NĐ-CP)."""
    return Decimal(str(getattr(settings, "AWARDS_BASE_SALARY", 2_340_000)))


def reward_coefficients():
    """Award form code → coefficient of the base salary (Nghị định 98/2023, Điều 54)."""
    from awards.catalogue import REWARD_COEFFICIENTS

    return {
        code: Decimal(str(value))
        for code, value in getattr(
            settings, "AWARDS_REWARD_COEFFICIENTS", REWARD_COEFFICIENTS
        ).items()
    }
