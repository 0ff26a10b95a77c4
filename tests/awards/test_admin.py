"""The secretary's admin: no history revert of workflow records, the "Quy trình" panel,
checks before forms, votes refused on the meeting form, a picker that tells namesakes apart."""

import datetime
import json

import pytest

from awards import services
from awards.models import CouncilMeeting, Decision, Nomination, Stage
from tests.awards.conftest import admin_action

pytestmark = pytest.mark.django_db


def _messages(response):
    return [str(m) for m in response.context["messages"]]


# --- History: read, never reverted ---------------------------------------------------------


def test_history_revert_cannot_change_a_nominations_stage(
    secretary_client, honoured, make_individual, client
):
    decision, [nomination] = honoured(make_individual("Lò Văn Giữ"))
    first = nomination.history.earliest()
    assert first.stage == Stage.REGISTERED
    url = f"/admin/awards/nomination/{nomination.pk}/history/{first.history_id}/"
    page = secretary_client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()  # no "Revert" button
    response = secretary_client.post(
        url,
        {"period": nomination.period_id, "year": 2017, "achievements": "x"},
        follow=True,
    )
    nomination.refresh_from_db()
    assert nomination.stage == Stage.HONOURED and nomination.decision == decision
    assert any("Không thể khôi phục" in m for m in _messages(response))


@pytest.mark.parametrize("model", ["decision", "councilmeeting"])
def test_no_workflow_record_can_be_reverted(secretary_client, honoured, make_individual, model):
    decision, [nomination] = honoured(make_individual())
    obj = {"decision": decision, "councilmeeting": nomination.meeting}[model]
    record = obj.history.earliest()
    response = secretary_client.post(
        f"/admin/awards/{model}/{obj.pk}/history/{record.history_id}/", {}, follow=True
    )
    assert any("Không thể khôi phục" in m for m in _messages(response))


def test_history_names_the_step_of_each_change(secretary_client, honoured, make_individual):
    _decision, [nomination] = honoured(make_individual())
    reasons = list(
        nomination.history.order_by("history_id").values_list("history_change_reason", flat=True)
    )
    assert reasons == [
        "Bước 1: lập hồ sơ đề nghị",
        "Bước 2: khối thi đua giới thiệu",
        "Bước 3: Hội đồng bình xét, đề nghị",
        "Bước 4–5: quyết định khen thưởng",
    ]
    html = secretary_client.get(
        f"/admin/awards/nomination/{nomination.pk}/history/"
    ).content.decode()
    assert "Bước 3: Hội đồng bình xét, đề nghị" in html


# --- The index -------------------------------------------------------------------------------


def test_admin_index_shows_the_workflow_panel_with_counts(
    secretary_client, register, reviewed, make_individual
):
    register(make_individual())
    register(make_individual())
    reviewed(make_individual())
    html = secretary_client.get("/admin/").content.decode()
    assert "Quy trình xét khen thưởng" in html
    for number, title in enumerate(
        [
            "Đăng ký",
            "Khối giới thiệu",
            "Họp Hội đồng",
            "Quyết định / Tờ trình",
            "Quyết định cấp trên",
        ],
        start=1,
    ):
        assert f"{number}. {title}" in html
    assert 'data-step="2"' in html and 'data-count="2"' in html  # two wait for their block
    assert "?stage__exact=reviewed&amp;proposal__isnull=True" in html
    # The app's models are listed in the order of the workflow, not alphabetically.
    assert html.index("/admin/awards/nomination/") < html.index("/admin/awards/councilmeeting/")
    assert html.index("/admin/awards/councilmeeting/") < html.index("/admin/awards/decision/")


def test_add_decision_leads_to_the_reviewed_nominations(secretary_client):
    response = secretary_client.get("/admin/awards/decision/add/")
    assert response.status_code == 302
    assert response["Location"].endswith("/admin/awards/nomination/?stage__exact=reviewed")


# --- Checks before forms, validation on forms ---------------------------------------------


def test_decision_form_is_not_shown_for_an_ineligible_nomination(
    secretary_client, register, make_individual, secretary, settings
):
    settings.AWARDS_GRASSROOTS_NEEDS_ADVANCED = False  # let it through the council
    settings.AWARDS_GRASSROOTS_FIGHTER_RATIO = 100
    person = make_individual()
    worker = register(person, code="lao-dong-tien-tien")
    fighter = register(person, code="chien-si-thi-dua-co-so")
    for n in (worker, fighter):
        services.nomination_introduce(nomination=n, block=n.unit.block, by=secretary)
    meeting = CouncilMeeting.objects.create(
        period=fighter.period,
        held_on=datetime.date(2017, 8, 30),
        members_total=9,
        members_present=8,
    )
    services.council_meeting_record(
        meeting=meeting,
        conclusions=[
            {"nomination": fighter, "votes_for": 8},
            {"nomination": worker, "votes_for": 8},
        ],
        by=secretary,
    )
    settings.AWARDS_GRASSROOTS_NEEDS_ADVANCED = True
    response = admin_action(secretary_client, "issue_decision", [fighter])
    html = response.content.decode()
    assert "Số quyết định" not in html  # the form is never shown
    assert any("Điều 23 khoản 1" in m for m in _messages(response))


def test_decision_form_uses_the_admins_date_widget_and_dd_mm_yyyy(
    secretary_client, reviewed, make_individual
):
    nominations = reviewed(make_individual())
    html = admin_action(secretary_client, "issue_decision", nominations).content.decode()
    assert 'class="vDateField"' in html and "admin/js/admin/DateTimeShortcuts.js" in html
    admin_action(
        secretary_client,
        "issue_decision",
        nominations,
        apply="1",
        number="5/QĐ-SKHCN",
        date="08/09/2017",
        signer="Nông Văn Thành",
        signer_position="Giám đốc",
    )
    assert Decision.objects.get(number="5/QĐ-SKHCN").signed_on == datetime.date(2017, 9, 8)


def test_meeting_form_refuses_more_votes_than_members_present(
    secretary_client, register, make_individual, period, secretary
):
    nomination = register(make_individual())
    services.nomination_introduce(nomination=nomination, block=nomination.unit.block, by=secretary)
    response = secretary_client.post(
        "/admin/awards/councilmeeting/add/",
        {
            "period": period.pk,
            "held_on": "30/08/2017",
            "title": "Họp Hội đồng",
            "members_total": 9,
            "members_present": 8,
            "conclusions-TOTAL_FORMS": 1,
            "conclusions-INITIAL_FORMS": 0,
            "conclusions-0-nomination": nomination.pk,
            "conclusions-0-votes_for": 8,
            "conclusions-0-votes_against": 1,
            "conclusions-0-written_for": 0,
            "conclusions-0-written_against": 0,
            "conclusions-0-proposed": "on",
        },
    )
    assert response.status_code == 200
    assert "vượt số thành viên có mặt (8)" in response.content.decode()
    assert not CouncilMeeting.objects.exists()


def test_recording_a_meeting_says_what_happened(
    secretary_client, register, make_individual, make_meeting, secretary
):
    from awards.models import CouncilConclusion

    chosen, other = register(make_individual()), register(make_individual())
    for n in (chosen, other):
        services.nomination_introduce(nomination=n, block=n.unit.block, by=secretary)
    meeting = make_meeting()
    CouncilConclusion.objects.create(meeting=meeting, nomination=chosen, votes_for=8)
    CouncilConclusion.objects.create(
        meeting=meeting, nomination=other, votes_for=2, votes_against=6, proposed=False
    )
    response = admin_action(secretary_client, "record", [meeting], model="councilmeeting")
    assert "Đã ghi nhận cuộc họp ngày 30/08/2017: 1 hồ sơ được đề nghị, 1 không được chọn." in (
        _messages(response)
    )


# --- Picker, tờ trình, revocation --------------------------------------------------------


def test_person_picker_shows_position_and_unit_and_finds_names_without_diacritics(
    secretary_client, make_individual
):
    make_individual("Nông Văn Hùng", position="Trưởng phòng")
    make_individual("Hoàng Thị Lan")
    response = secretary_client.get(
        "/admin/autocomplete/",
        {
            "term": "hung",
            "app_label": "awards",
            "model_name": "nomination",
            "field_name": "individual",
        },
    )
    results = json.loads(response.content)["results"]
    assert [r["text"] for r in results] == ["Nông Văn Hùng — Trưởng phòng, Phòng Quản lý khoa học"]


def test_the_provinces_decision_is_recorded_from_the_to_trinh(
    secretary_client, register, make_individual, reviewed, secretary
):
    people = [make_individual(), make_individual()]
    rows = reviewed(*people, code="bang-khen-tinh")
    proposal = services.proposal_submit(
        number="25/TTr-SKHCN", date=datetime.date(2017, 9, 10), nominations=rows, by=secretary
    )
    response = admin_action(
        secretary_client,
        "record_external_decision",
        [proposal],
        model="proposal",
        apply="1",
        number="2150/QĐ-UBND",
        date="28/12/2017",
        issuing_body="Chủ tịch UBND tỉnh Cao Bằng",
        signer="Hoàng Xuân Ánh",
        signer_position="Chủ tịch",
        honoured=[rows[0].pk],
        not_honoured=[rows[1].pk],
    )
    assert any(
        "1 hồ sơ được khen thưởng, 1 không được khen thưởng" in m for m in _messages(response)
    )
    stages = dict(Nomination.objects.values_list("pk", "stage"))
    assert stages == {rows[0].pk: Stage.HONOURED, rows[1].pk: Stage.REJECTED}


def test_revoking_a_decision_in_the_admin_needs_a_confirmation(
    secretary_client, honoured, make_individual
):
    decision, [nomination] = honoured(make_individual())
    response = admin_action(
        secretary_client, "revoke", [decision], model="decision", apply="1", reason="forged_papers"
    )
    assert "Tôi xác nhận hủy khen thưởng" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.stage == Stage.HONOURED
    admin_action(
        secretary_client,
        "revoke",
        [decision],
        model="decision",
        apply="1",
        reason="forged_papers",
        confirm="on",
    )
    nomination.refresh_from_db()
    assert nomination.stage == Stage.REVOKED


def test_history_changes_column_shows_the_stage_moving(secretary_client, reviewed, make_individual):
    [nomination] = reviewed(make_individual())
    html = secretary_client.get(
        f"/admin/awards/nomination/{nomination.pk}/history/"
    ).content.decode()
    changes = html[html.index('id="change-history"') :]
    assert "Đã được khối giới thiệu" in changes and "Đã được Hội đồng bình xét" in changes


def test_a_persons_admin_page_lists_every_year_and_level(
    secretary_client, register, make_individual, honoured, secretary
):
    person = make_individual("Hà Thị Lịch Sử")
    _decision, [nomination] = honoured(person)
    services.nomination_reject(
        nomination=register(person, code="lao-dong-tien-tien", year=2018),
        reason="Chưa đủ thời gian",
        by=secretary,
    )
    html = secretary_client.get(f"/admin/awards/individual/{person.pk}/change/").content.decode()
    assert "Quá trình thi đua, khen thưởng" in html
    assert "2017" in html and "2018" in html
    assert "Giám đốc Sở Khoa học và Công nghệ tỉnh Cao Bằng" in html
    assert "Không được chọn" in html
