"""Council rules of the registry, read from settings with their legal defaults.

The thresholds come from older decrees and sector rules that could not be confirmed for
the 2022 law, so each is a setting (see DOMAIN notes). Functions, not constants, so that
``override_settings`` in tests and a changed setting take effect without a restart.
"""

from fractions import Fraction

from django.conf import settings


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
