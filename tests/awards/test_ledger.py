"""The registry year after year (issue #13): annual titles, decisions of every level with
several forms, eligibility rules of the 2022 law, written opinions, revocation."""

import datetime

import pytest

from awards import services
from awards.models import (
    CouncilMeeting,
    Decision,
    DisciplineRecord,
    EmulationRegistration,
    Nomination,
    RevocationReason,
    Stage,
)
from awards.services import WorkflowError
from tests.awards.conftest import award_form, sitemap_text

pytestmark = pytest.mark.django_db

PROVINCE = "Chủ tịch UBND tỉnh Cao Bằng"


@pytest.fixture
def season(period, secretary):
    """Walk nominations through introduction and one council meeting (8 of 9 present)."""

    def review(nominations, *, held_on, votes_for=8, written_for=0, total=9, present=8):
        for n in nominations:
            services.nomination_introduce(nomination=n, block=n.unit.block, by=secretary)
        meeting = CouncilMeeting.objects.create(
            period=period,
            held_on=held_on,
            members_total=total,
            members_present=present,
            secret_ballot=any(n.award_form.secret_ballot for n in nominations),
        )
        services.council_meeting_record(
            meeting=meeting,
            conclusions=[
                {"nomination": n, "votes_for": votes_for, "written_for": written_for}
                for n in nominations
            ],
            by=secretary,
        )
        for n in nominations:
            n.refresh_from_db()
        return meeting

    return review


@pytest.fixture
def honour(season, secretary):
    def honour(nominations, *, number, year):
        season(nominations, held_on=datetime.date(year, 12, 10))
        decision = services.decision_issue(
            number=number,
            date=datetime.date(year, 12, 20),
            signer="Nông Văn Thành",
            signer_position="Giám đốc",
            nominations=nominations,
            by=secretary,
        )
        for n in nominations:
            n.refresh_from_db()
        return decision

    return honour


# --- A ledger by year -------------------------------------------------------------------


def test_the_same_person_is_advanced_worker_in_2015_2016_and_2017(
    register, make_individual, honour, client
):
    person = make_individual("Lương Thị Bền")
    for year in (2015, 2016, 2017):
        honour(
            [register(person, code="lao-dong-tien-tien", year=year)],
            number="12/QĐ-SKHCN",
            year=year,
        )
    honoured = Nomination.objects.filter(individual=person, stage=Stage.HONOURED)
    assert sorted(honoured.values_list("year", flat=True)) == [2015, 2016, 2017]
    # The same number each year: numbering starts again every year.
    assert Decision.objects.filter(number="12/QĐ-SKHCN").count() == 3
    html = client.get(person.get_absolute_url()).content.decode()
    for year in ("2015", "2016", "2017"):
        assert f'<td data-label="Năm">{year}</td>' in html


def test_a_candidate_rejected_in_2017_is_honoured_in_2018(
    register, make_individual, honour, secretary
):
    person = make_individual()
    services.nomination_reject(
        nomination=register(person, code="lao-dong-tien-tien", year=2017),
        reason="Chưa đủ thời gian công tác",
        by=secretary,
    )
    later = register(person, code="lao-dong-tien-tien", year=2018)
    honour([later], number="3/QĐ-SKHCN", year=2018)
    assert later.stage == Stage.HONOURED
    assert list(person.nominations.values_list("year", "stage").order_by("year")) == [
        (2017, Stage.REJECTED),
        (2018, Stage.HONOURED),
    ]


# --- Decisions of every level, several forms --------------------------------------------


def record_province_decision(proposal, *, honoured, by, **rest):
    """The province's decision 2150/QĐ-UBND answering ``proposal``, through the service."""
    return services.decision_record_external(
        proposal=proposal,
        number="2150/QĐ-UBND",
        date=datetime.date(2017, 12, 28),
        issuing_body=PROVINCE,
        signer="Hoàng Xuân Ánh",
        signer_position="Chủ tịch",
        honoured=honoured,
        by=by,
        **rest,
    )


def test_bang_khen_proposed_by_to_trinh_is_recorded_by_the_provinces_decision(
    register, make_individual, make_collective, season, secretary, client, period
):
    person, team, refused = make_individual("Đàm Văn Tỉnh"), make_collective(), make_individual()
    rows = [register(c, code="bang-khen-tinh") for c in (person, team, refused)]
    season(rows, held_on=datetime.date(2017, 11, 2))
    proposal = services.proposal_submit(
        number="25/TTr-SKHCN", date=datetime.date(2017, 11, 10), nominations=rows, by=secretary
    )
    decision = record_province_decision(
        proposal, honoured=rows[:2], not_honoured=rows[2:], by=secretary
    )
    assert decision.issuing_level == "province" and decision.proposal == proposal
    for n in rows:
        n.refresh_from_db()
    assert [n.stage for n in rows] == [Stage.HONOURED, Stage.HONOURED, Stage.REJECTED]
    assert rows[2].rejection_reason.startswith("Cấp trên không khen thưởng")
    board = client.get(period.get_absolute_url()).content.decode()
    assert "Đàm Văn Tỉnh" in board and "2150/QĐ-UBND" in board and PROVINCE in board
    history = client.get(person.get_absolute_url()).content.decode()
    assert PROVINCE in history


def test_the_directors_authority_is_checked_on_decision_issue_only(
    register, make_individual, season, secretary
):
    rows = [register(make_individual(), code="bang-khen-tinh")]
    season(rows, held_on=datetime.date(2017, 11, 2))
    with pytest.raises(WorkflowError, match="thẩm quyền"):
        services.decision_issue(
            number="1/QĐ-SKHCN",
            date=datetime.date(2017, 11, 5),
            signer="X",
            signer_position="Giám đốc",
            nominations=rows,
            by=secretary,
        )


def test_an_external_decision_needs_nominations_of_its_to_trinh(
    register, make_individual, season, secretary
):
    rows = [register(make_individual(), code="bang-khen-tinh") for _ in range(2)]
    season(rows, held_on=datetime.date(2017, 11, 2))
    proposal = services.proposal_submit(
        number="25/TTr-SKHCN", date=datetime.date(2017, 11, 10), nominations=rows[:1], by=secretary
    )
    with pytest.raises(WorkflowError, match="không thuộc"):
        record_province_decision(proposal, honoured=rows, by=secretary)
    assert not Decision.objects.exists()


def test_one_decision_number_holds_advanced_worker_and_grassroots_fighter_lists(
    register, make_individual, honour, client
):
    people = [make_individual() for _ in range(7)]
    rows = [register(p, code="lao-dong-tien-tien") for p in people]
    rows.append(register(people[0], code="chien-si-thi-dua-co-so"))
    decision = honour(rows, number="88/QĐ-SKHCN", year=2017)
    assert decision.nominations.count() == 8
    assert {n.award_form.code for n in decision.nominations.all()} == {
        "lao-dong-tien-tien",
        "chien-si-thi-dua-co-so",
    }
    html = client.get(decision.get_absolute_url()).content.decode()
    assert 'data-award-form="lao-dong-tien-tien"' in html
    assert 'data-award-form="chien-si-thi-dua-co-so"' in html
    assert html.index("Lao động tiên tiến (7)") < html.index("Chiến sĩ thi đua cơ sở (1)")
    # 7 × 0,3 × 2.340.000 + 1 × 1,0 × 2.340.000 = 7.254.000 đ
    assert "data-reward-total>7.254.000 đ<" in html


def test_reward_amounts_follow_the_base_salary_setting(
    register, make_individual, honour, client, settings
):
    settings.AWARDS_BASE_SALARY = 1_800_000
    decision = honour(
        [register(make_individual(), code="lao-dong-tien-tien")], number="9/QĐ-SKHCN", year=2017
    )
    html = client.get(decision.get_absolute_url()).content.decode()
    assert "data-reward-total>540.000 đ<" in html  # 0,3 × 1.800.000


# --- Eligibility rules -------------------------------------------------------------------


def test_grassroots_fighter_without_advanced_worker_is_refused_naming_article_23(
    register, make_individual, season
):
    nomination = register(make_individual(), code="chien-si-thi-dua-co-so")
    with pytest.raises(WorkflowError, match="Điều 23 khoản 1"):
        season([nomination], held_on=datetime.date(2017, 12, 1))
    nomination.refresh_from_db()
    assert nomination.stage == Stage.INTRODUCED


def test_grassroots_fighter_rule_is_a_setting(register, make_individual, season, settings):
    settings.AWARDS_GRASSROOTS_NEEDS_ADVANCED = False
    settings.AWARDS_GRASSROOTS_FIGHTER_RATIO = 1
    nomination = register(make_individual(), code="chien-si-thi-dua-co-so")
    with pytest.raises(WorkflowError, match="15 %|vượt quá"):
        # Without any Lao động tiên tiến the ratio still refuses: 1 > 1 × 0.
        season([nomination], held_on=datetime.date(2017, 12, 1))


def test_nine_members_eight_present_eight_plus_one_written_pass_a_ninety_percent_title(
    register, make_individual, season, settings
):
    settings.AWARDS_PROVINCIAL_FIGHTER_YEARS = 0  # the votes are under test
    nomination = register(make_individual(), code="chien-si-thi-dua-cap-tinh")
    season([nomination], held_on=datetime.date(2017, 12, 1), votes_for=8, written_for=1)
    assert nomination.stage == Stage.REVIEWED
    conclusion = nomination.conclusions.get()
    assert (conclusion.votes_for, conclusion.written_for, conclusion.total_for) == (8, 1, 9)


def test_written_opinions_cannot_exceed_absent_members(register, make_individual, season):
    nomination = register(make_individual())
    with pytest.raises(WorkflowError, match="vượt số thành viên vắng mặt"):
        season([nomination], held_on=datetime.date(2017, 12, 1), written_for=2)


def _fifteen_percent_case(register, make_individual, other_unit):
    """A unit with 6 Lao động tiên tiến and 1 Chiến sĩ thi đua cơ sở; one more LĐTT elsewhere."""
    people = [make_individual() for _ in range(6)]
    rows = [register(p, code="lao-dong-tien-tien") for p in people]
    rows.append(register(people[0], code="chien-si-thi-dua-co-so"))
    rows.append(register(make_individual(unit=other_unit), code="lao-dong-tien-tien"))
    return rows


def test_fifteen_percent_is_counted_over_the_department_by_default(
    register, make_individual, other_unit, season
):
    rows = _fifteen_percent_case(register, make_individual, other_unit)
    season(rows, held_on=datetime.date(2017, 12, 1))
    assert all(n.stage == Stage.REVIEWED for n in rows)  # 1 of 7 department-wide: 14,3 %


def test_fifteen_percent_per_unit_is_a_setting(
    register, make_individual, other_unit, season, settings
):
    settings.AWARDS_GRASSROOTS_RATIO_SCOPE = "unit"
    rows = _fifteen_percent_case(register, make_individual, other_unit)
    with pytest.raises(WorkflowError, match="Phòng Quản lý khoa học, năm 2017"):
        season(rows, held_on=datetime.date(2017, 12, 1))


@pytest.fixture
def with_record(register, make_individual):
    """``with_record(kind, starts_on=, ends_on=)``: the nomination of a new person who has
    one discipline record of ``kind``."""

    def make(kind, **dates):
        person = make_individual()
        DisciplineRecord.objects.create(kind=kind, individual=person, **dates)
        return register(person)

    return make


def test_a_disciplined_candidate_is_refused(with_record, season):
    nomination = with_record(DisciplineRecord.Kind.DISCIPLINE, starts_on=datetime.date(2017, 10, 1))
    with pytest.raises(WorkflowError, match="kỷ luật"):
        season([nomination], held_on=datetime.date(2017, 12, 1))
    nomination.refresh_from_db()
    assert nomination.stage == Stage.INTRODUCED


def test_a_closed_discipline_record_does_not_refuse(with_record, season):
    nomination = with_record(
        DisciplineRecord.Kind.INVESTIGATION,
        starts_on=datetime.date(2016, 1, 1),
        ends_on=datetime.date(2016, 6, 30),
    )
    season([nomination], held_on=datetime.date(2017, 12, 1))
    assert nomination.stage == Stage.REVIEWED


def test_provincial_fighter_needs_three_consecutive_years_of_grassroots_fighter(
    register, make_individual, honour, season
):
    person = make_individual()
    for year in (2015, 2016):
        lđtt = register(person, code="lao-dong-tien-tien", year=year)
        fighter = register(person, code="chien-si-thi-dua-co-so", year=year)
        others = [
            register(make_individual(), code="lao-dong-tien-tien", year=year) for _ in range(6)
        ]
        honour([lđtt, fighter, *others], number=f"1/QĐ-{year}", year=year)
    nomination = register(person, code="chien-si-thi-dua-cap-tinh", year=2018)
    with pytest.raises(WorkflowError, match="thiếu năm 2017.*Điều 22"):
        season([nomination], held_on=datetime.date(2018, 12, 1), votes_for=8, written_for=1)


def test_excellent_collective_needs_member_counts_of_article_27(register, make_collective, season):
    team = make_collective()
    nomination = register(team, code="tap-the-lao-dong-xuat-sac")
    with pytest.raises(WorkflowError, match="Điều 27"):
        season([nomination], held_on=datetime.date(2017, 12, 1))
    Nomination.objects.filter(pk=nomination.pk).update(
        members_total=10, members_completed=10, members_advanced=6, members_fighters=1
    )
    nomination.refresh_from_db()
    from awards import rules

    with pytest.raises(WorkflowError, match="6/10 thành viên đạt Lao động tiên tiến"):
        rules.excellent_collective_members(nomination)
    nomination.members_advanced = 7
    rules.excellent_collective_members(nomination)  # 70 %, one fighter: eligible


def test_incomplete_dossier_blocks_the_councils_conclusion(register, make_individual, season):
    nomination = register(make_individual(), code="chien-si-thi-dua-co-so", dossier=False)
    with pytest.raises(WorkflowError, match="còn thiếu: Báo cáo thành tích, Giấy chứng nhận"):
        season([nomination], held_on=datetime.date(2017, 12, 1))


def test_approved_registration_required_when_the_setting_is_on(
    register, make_individual, secretary, settings
):
    settings.AWARDS_REQUIRE_APPROVED_REGISTRATION = True
    person = make_individual()
    with pytest.raises(WorkflowError, match="đăng ký thi đua đầu năm 2017"):
        register(person, code="lao-dong-tien-tien")
    registration = EmulationRegistration.objects.create(
        year=2017, award_form=award_form("lao-dong-tien-tien"), individual=person
    )
    registration = services.registration_submit(registration=registration, by=secretary)
    assert registration.get_state_display() == "Chờ duyệt"
    with pytest.raises(WorkflowError):
        register(person, code="lao-dong-tien-tien")
    services.registration_approve(registration=registration, by=secretary)
    assert register(person, code="lao-dong-tien-tien").stage == Stage.REGISTERED


def test_a_refused_registration_needs_a_reason_and_may_be_sent_again(make_individual, secretary):
    registration = EmulationRegistration.objects.create(
        year=2018, award_form=award_form("lao-dong-tien-tien"), individual=make_individual()
    )
    services.registration_submit(registration=registration, by=secretary)
    with pytest.raises(WorkflowError, match="lý do"):
        services.registration_refuse(registration=registration, reason=" ", by=secretary)
    refused = services.registration_refuse(
        registration=registration, reason="Chưa đủ 10 tháng công tác", by=secretary
    )
    assert refused.get_state_display() == "Từ chối"
    assert services.registration_submit(registration=refused, by=secretary).state == "pending"


# --- Revocation ---------------------------------------------------------------------------


def test_a_revoked_decision_leaves_public_pages_and_stays_in_the_admin(
    register, make_individual, honour, secretary, client, admin_client, period
):
    person = make_individual("Bế Văn Hủy")
    decision = honour([register(person)], number="77/QĐ-SKHCN", year=2017)
    assert "Bế Văn Hủy" in client.get(period.get_absolute_url()).content.decode()
    assert decision.get_absolute_url() in sitemap_text(client)
    with pytest.raises(WorkflowError, match="Chương VII"):
        services.decision_revoke(decision=decision, reason="", by=secretary)
    services.decision_revoke(
        decision=decision, reason=RevocationReason.FALSE_DECLARATION, by=secretary
    )
    assert "Bế Văn Hủy" not in client.get(period.get_absolute_url()).content.decode()
    assert client.get(decision.get_absolute_url()).status_code == 404
    assert client.get(person.get_absolute_url()).status_code == 404
    assert decision.get_absolute_url() not in sitemap_text(client)
    nomination = person.nominations.get()
    assert nomination.stage == Stage.REVOKED and nomination.decision == decision
    change = admin_client.get(f"/admin/awards/decision/{decision.pk}/change/").content.decode()
    assert "77/QĐ-SKHCN" in change and "Gian dối trong kê khai thành tích" in change
    history = admin_client.get(f"/admin/awards/nomination/{nomination.pk}/history/")
    assert history.status_code == 200


def test_one_row_of_a_decision_can_be_revoked(register, make_individual, honour, secretary, client):
    kept, revoked = make_individual("Giữ Lại"), make_individual("Bị Hủy")
    decision = honour([register(kept), register(revoked)], number="78/QĐ-SKHCN", year=2017)
    services.nomination_revoke(
        nomination=revoked.nominations.get(),
        reason=RevocationReason.FORGED_PAPERS,
        by=secretary,
    )
    html = client.get(decision.get_absolute_url()).content.decode()
    assert "Giữ Lại" in html and "Bị Hủy" not in html
    with pytest.raises(WorkflowError):
        services.nomination_revoke(
            nomination=revoked.nominations.get(),
            reason=RevocationReason.FORGED_PAPERS,
            by=secretary,
        )
