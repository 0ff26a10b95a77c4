"""Eligibility rules of the registry, one named function each.

Each rule reads its parameter from ``awards.conf`` (a setting with the law's default) and
refuses with a ``WorkflowError`` whose Vietnamese message names the article it comes from.
The services call ``check_review`` when the council concludes and ``check_decision`` when a
decision is issued, before anything is written.

- ``grassroots_fighter_has_advanced_worker``: Chiến sĩ thi đua cơ sở needs Lao động tiên
  tiến the same year (Luật Thi đua, khen thưởng 2022, Điều 23 khoản 1);
- ``excellent_collective_members``: Tập thể lao động xuất sắc — every member completed their
  tasks, ≥ 70 % Lao động tiên tiến, ≥ 1 Chiến sĩ thi đua cơ sở (Điều 27);
- ``provincial_fighter_consecutive_years``: Chiến sĩ thi đua cấp tỉnh needs Chiến sĩ thi đua
  cơ sở in each of the 3 preceding years (Điều 22);
- ``no_open_discipline``: no award while a discipline or investigation record overlaps the
  review date;
- ``registration_approved``: an approved start-of-year registration (off by default);
- ``dossier_complete``: the dossier checklist of the award form;
- ``grassroots_fighter_ratio``: Chiến sĩ thi đua cơ sở ≤ 15 % of Lao động tiên tiến, counted
  over the department ("agency", default) or per unit.
"""

from django.db.models import Q

from awards import conf
from awards.catalogue import DEFAULT_DOSSIER
from awards.models import (
    Attachment,
    AwardForm,
    DisciplineRecord,
    EmulationRegistration,
    Nomination,
    Stage,
)
from awards.services.common import WorkflowError

LAW = "Luật Thi đua, khen thưởng 2022"
ADVANCED = AwardForm.LAO_DONG_TIEN_TIEN
FIGHTER = AwardForm.CHIEN_SI_THI_DUA_CO_SO
EXCELLENT_COLLECTIVE = "tap-the-lao-dong-xuat-sac"
PROVINCIAL_FIGHTER = "chien-si-thi-dua-cap-tinh"
PASSED = [Stage.REVIEWED, Stage.HONOURED]


def _candidate_filter(nomination):
    if nomination.collective_id:
        return Q(collective_id=nomination.collective_id)
    return Q(individual_id=nomination.individual_id)


def _holds(nomination, code, year, *, stages, together=()):
    """Whether the candidate holds ``code`` in ``year`` (in ``stages``, or moved together)."""
    for other in together:
        if (
            other.award_form.code == code
            and other.year == year
            and other.collective_id == nomination.collective_id
            and other.individual_id == nomination.individual_id
        ):
            return True
    return Nomination.objects.filter(
        _candidate_filter(nomination), award_form__code=code, year=year, stage__in=stages
    ).exists()


def grassroots_fighter_has_advanced_worker(nomination, *, stages=PASSED, together=()):
    """Chiến sĩ thi đua cơ sở requires Lao động tiên tiến the same year (Điều 23 k1)."""
    if nomination.award_form.code != FIGHTER or not conf.grassroots_fighter_needs_advanced_worker():
        return
    if not _holds(nomination, ADVANCED, nomination.year, stages=stages, together=together):
        raise WorkflowError(
            "“%(candidate)s” chưa đạt danh hiệu Lao động tiên tiến năm %(year)s: Chiến sĩ thi "
            "đua cơ sở chỉ xét cho cá nhân đạt Lao động tiên tiến (%(law)s, Điều 23 khoản 1).",
            code="needs_advanced_worker",
            params={"candidate": nomination.candidate, "year": nomination.year, "law": LAW},
        )


def excellent_collective_members(nomination):
    """Tập thể lao động xuất sắc: members' results recorded on the nomination (Điều 27)."""
    if nomination.award_form.code != EXCELLENT_COLLECTIVE:
        return
    total = nomination.members_total
    params = {"candidate": nomination.candidate, "law": LAW}
    if not total:
        raise WorkflowError(
            "Hồ sơ “%(candidate)s” chưa ghi số thành viên của tập thể: cần để xét Tập thể lao "
            "động xuất sắc (%(law)s, Điều 27).",
            code="excellent_collective",
            params=params,
        )
    min_share = conf.excellent_collective_min_advanced()
    min_fighters = conf.excellent_collective_min_fighters()
    problems = []
    if (nomination.members_completed or 0) < total:
        problems.append("không phải mọi thành viên đều hoàn thành nhiệm vụ")
    if (nomination.members_advanced or 0) < min_share * total:
        problems.append(
            f"{nomination.members_advanced or 0}/{total} thành viên đạt Lao động tiên tiến, "
            f"cần ít nhất {conf.percent(min_share)}"
        )
    if (nomination.members_fighters or 0) < min_fighters:
        problems.append(f"cần ít nhất {min_fighters} thành viên đạt Chiến sĩ thi đua cơ sở")
    if problems:
        raise WorkflowError(
            "“%(candidate)s” chưa đủ tiêu chuẩn Tập thể lao động xuất sắc: %(problems)s "
            "(%(law)s, Điều 27).",
            code="excellent_collective",
            params={**params, "problems": "; ".join(problems)},
        )


def provincial_fighter_consecutive_years(nomination):
    """Chiến sĩ thi đua cấp tỉnh: CSTĐCS in each of the preceding consecutive years (Điều 22)."""
    if nomination.award_form.code != PROVINCIAL_FIGHTER:
        return
    years = conf.provincial_fighter_years()
    wanted = set(range(nomination.year - years, nomination.year))
    held = set(
        Nomination.objects.filter(
            _candidate_filter(nomination),
            award_form__code=FIGHTER,
            year__in=wanted,
            stage=Stage.HONOURED,
        ).values_list("year", flat=True)
    )
    missing = sorted(wanted - held)
    if missing:
        raise WorkflowError(
            "“%(candidate)s” chưa đủ %(years)s năm liên tục đạt Chiến sĩ thi đua cơ sở trước năm "
            "%(year)s (thiếu năm %(missing)s) để xét Chiến sĩ thi đua cấp tỉnh (%(law)s, Điều 22).",
            code="provincial_fighter_years",
            params={
                "candidate": nomination.candidate,
                "years": years,
                "year": nomination.year,
                "missing": ", ".join(str(y) for y in missing),
                "law": LAW,
            },
        )


def no_open_discipline(nomination, *, on):
    """No award while a discipline or investigation record of the candidate covers ``on``."""
    if not conf.refuse_during_discipline():
        return
    record = (
        DisciplineRecord.objects.filter(_candidate_filter(nomination), starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .first()
    )
    if record is not None:
        raise WorkflowError(
            "Chưa xét khen thưởng “%(candidate)s”: %(kind)s từ ngày %(start)s (%(citation)s).",
            code="discipline",
            params={
                "candidate": nomination.candidate,
                "kind": record.get_kind_display().lower(),
                "start": f"{record.starts_on:%d/%m/%Y}",
                "citation": conf.discipline_citation(),
            },
        )


def registration_approved(*, year, award_form, collective=None, individual=None):
    """With ``AWARDS_REQUIRE_APPROVED_REGISTRATION``: an approved registration is needed."""
    if not conf.require_approved_registration():
        return
    approved = EmulationRegistration.objects.filter(
        year=year,
        award_form=award_form,
        collective=collective,
        individual=individual,
        state=EmulationRegistration.State.APPROVED,
    ).exists()
    if not approved:
        raise WorkflowError(
            "“%(candidate)s” chưa có đăng ký thi đua đầu năm %(year)s được duyệt cho “%(form)s” "
            "(Sở yêu cầu đăng ký thi đua đầu năm trước khi đề nghị khen thưởng).",
            code="no_registration",
            params={
                "candidate": collective or individual,
                "year": year,
                "form": award_form,
            },
        )


def missing_documents(nomination):
    """The checklist lines of the nomination's dossier that have no attachment yet."""
    required = conf.dossier_requirements().get(nomination.award_form.code, DEFAULT_DOSSIER)
    present = set(nomination.attachments.values_list("kind", flat=True))
    return [str(Attachment.Kind(kind).label) for kind in required if kind not in present]


def dossier_complete(nomination):
    """The council concludes only on a complete dossier."""
    missing = missing_documents(nomination)
    if missing:
        raise WorkflowError(
            "Hồ sơ “%(candidate)s” chưa đủ thành phần, còn thiếu: %(missing)s.",
            code="dossier",
            params={"candidate": nomination.candidate, "missing": ", ".join(missing)},
        )


def grassroots_fighter_ratio(proposed):
    """Chiến sĩ thi đua cơ sở ≤ 15 % of Lao động tiên tiến in the same year and scope."""
    ratio = conf.grassroots_fighter_ratio()
    per_unit = conf.grassroots_ratio_scope() == "unit"
    ids = [n.pk for n in proposed]

    def key(n):
        return (n.unit_id if per_unit else None, n.year)

    groups = {key(n): n for n in proposed if n.award_form.code == FIGHTER}
    for (unit_id, year), sample in groups.items():
        scope = Q(year=year) & (Q(unit_id=unit_id) if per_unit else Q())

        def count(code, unit_id=unit_id, year=year, scope=scope):
            group = (unit_id, year)
            new = sum(1 for n in proposed if n.award_form.code == code and key(n) == group)
            passed = (
                Nomination.objects.filter(scope, award_form__code=code, stage__in=PASSED)
                .exclude(pk__in=ids)
                .count()
            )
            return new + passed

        fighters = count(FIGHTER)
        advanced = count(ADVANCED)
        if fighters > ratio * advanced:
            raise WorkflowError(
                "%(scope)s, năm %(year)s: số Chiến sĩ thi đua cơ sở (%(fighters)s) vượt quá "
                "%(rule)s số Lao động tiên tiến (%(advanced)s).",
                code="grassroots_ratio",
                params={
                    "scope": sample.unit if per_unit else "Toàn Sở",
                    "year": year,
                    "fighters": fighters,
                    "rule": conf.percent(ratio),
                    "advanced": advanced,
                },
            )


def check_review(nominations, *, on):
    """Every rule the council's proposal of ``nominations`` (on date ``on``) must meet."""
    for nomination in nominations:
        dossier_complete(nomination)
        no_open_discipline(nomination, on=on)
        grassroots_fighter_has_advanced_worker(nomination, together=nominations)
        excellent_collective_members(nomination)
        provincial_fighter_consecutive_years(nomination)
    grassroots_fighter_ratio(nominations)


def check_decision(nominations, *, on):
    """Every rule a decision honouring ``nominations`` (signed ``on``) must meet."""
    for nomination in nominations:
        no_open_discipline(nomination, on=on)
        grassroots_fighter_has_advanced_worker(
            nomination, stages=[Stage.HONOURED], together=nominations
        )
