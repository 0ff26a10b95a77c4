"""The "Thư ký Hội đồng" group: exactly the permissions it needs, and admin actions that
run the workflow through the services and report a refused step as a message."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages

from awards.catalogue import SECRETARY_GROUP, secretary_codenames
from awards.models import CouncilConclusion, Decision, Nomination, Stage
from tests.awards.conftest import ISSUE_DECISION, admin_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    return Group.objects.get(name=SECRETARY_GROUP)


def test_group_has_exactly_the_registry_permissions(group):
    permissions = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert permissions == {("awards", codename) for codename in secretary_codenames()} | {
        ("documents", "view_legaldocument"),
        ("documents", "add_legaldocument"),
        ("documents", "change_legaldocument"),
    }
    codenames = {codename for _app, codename in permissions}
    assert "delete_decision" not in codenames
    assert "delete_nomination" not in codenames
    assert {"view_nomination", "add_nomination", "change_nomination"} <= codenames
    assert {"view_decision", "add_decision", "change_decision"} <= codenames
    assert "change_awardform" not in codenames


def test_group_permissions_all_exist(group):
    assert group.permissions.count() == len(secretary_codenames()) + 3
    assert Permission.objects.filter(content_type__app_label="awards").count() > len(
        secretary_codenames()
    )


def test_secretary_can_use_the_registry_admin(secretary_client, honoured, make_individual):
    decision, [nomination] = honoured(make_individual())
    for url in [
        "/admin/awards/",
        "/admin/awards/nomination/",
        "/admin/awards/nomination/add/",
        f"/admin/awards/nomination/{nomination.pk}/change/",
        f"/admin/awards/nomination/{nomination.pk}/history/",
        "/admin/awards/councilmeeting/add/",
        "/admin/awards/decision/",
        f"/admin/awards/decision/{decision.pk}/change/",
        "/admin/documents/legaldocument/add/",
        "/admin/awards/period/",
        "/admin/awards/awardform/",
    ]:
        assert secretary_client.get(url).status_code == 200, url


def test_secretary_cannot_reach_users_or_delete_decisions_or_other_apps(
    secretary_client, secretary, honoured, make_individual
):
    decision, [nomination] = honoured(make_individual())
    assert secretary_client.get("/admin/auth/user/").status_code == 403
    assert secretary_client.get("/admin/auth/group/").status_code == 403
    assert secretary_client.get(f"/admin/awards/decision/{decision.pk}/delete/").status_code == 403
    assert (
        secretary_client.get(f"/admin/awards/nomination/{nomination.pk}/delete/").status_code == 403
    )
    assert secretary_client.get("/admin/awards/awardform/add/").status_code == 403
    assert not secretary.has_perm("news.delete_article")
    assert not any(
        p.startswith(("auth.", "news.", "banners.")) for p in secretary.get_all_permissions()
    )


def test_changelist_filters_and_search(
    secretary_client, honoured, register, make_individual, period
):
    honoured(make_individual("Hoàng Văn Được"))
    register(make_individual("Nông Thị Chờ"))
    html = secretary_client.get("/admin/awards/nomination/?q=45/QĐ-SKHCN").content.decode()
    assert "Hoàng Văn Được" in html and "Nông Thị Chờ" not in html
    html = secretary_client.get("/admin/awards/nomination/?q=Nông Thị").content.decode()
    assert "Nông Thị Chờ" in html and "Hoàng Văn Được" not in html
    html = secretary_client.get(
        f"/admin/awards/nomination/?stage__exact=registered&period__id__exact={period.pk}"
        "&candidate_kind__exact=individual"
    ).content.decode()
    assert "Nông Thị Chờ" in html and "Hoàng Văn Được" not in html
    for label in ["Giai đoạn", "Khối thi đua", "Đơn vị", "Bước", "Loại đối tượng"]:
        assert label in html, label


def test_secretary_registers_a_nomination_in_the_admin(
    secretary_client, secretary, period, make_individual
):
    from awards.models import AwardForm

    person = make_individual()
    response = secretary_client.post(
        "/admin/awards/nomination/add/",
        {
            "period": period.pk,
            "year": 2017,
            "award_form": AwardForm.objects.get(code="giay-khen").pk,
            "individual": person.pk,
            "achievements": "Hoàn thành xuất sắc nhiệm vụ.",
            "attachments-TOTAL_FORMS": 0,
            "attachments-INITIAL_FORMS": 0,
            "conclusions-TOTAL_FORMS": 0,
            "conclusions-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    nomination = Nomination.objects.get(individual=person)
    assert nomination.registered_by == secretary and nomination.stage == Stage.REGISTERED
    assert nomination.history.get().history_user == secretary


def test_admin_actions_walk_the_workflow(
    secretary_client, register, make_individual, make_meeting, secretary
):
    nominations = [register(make_individual()) for _ in range(2)]
    response = admin_action(secretary_client, "introduce", nominations)
    assert response.status_code == 200
    assert set(Nomination.objects.values_list("stage", flat=True)) == {Stage.INTRODUCED}

    meeting = make_meeting()
    for n in nominations:
        CouncilConclusion.objects.create(meeting=meeting, nomination=n, votes_for=8)
    response = secretary_client.post(
        "/admin/awards/councilmeeting/",
        {"action": "record", "_selected_action": [meeting.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert set(Nomination.objects.values_list("stage", flat=True)) == {Stage.REVIEWED}

    form_page = admin_action(secretary_client, "issue_decision", nominations)
    assert "Số quyết định" in form_page.content.decode()
    response = admin_action(
        secretary_client,
        "issue_decision",
        nominations,
        **ISSUE_DECISION,
    )
    assert response.status_code == 200
    decision = Decision.objects.get(number="45/QĐ-SKHCN")
    assert decision.issued_by == secretary and decision.nominations.count() == 2


def test_refused_admin_step_shows_the_vietnamese_message_and_changes_nothing(
    secretary_client, register, make_individual
):
    nomination = register(make_individual())
    response = admin_action(
        secretary_client,
        "issue_decision",
        [nomination],
        **ISSUE_DECISION,
    )
    assert response.status_code == 200
    assert "Đã được Hội đồng bình xét" in response.content.decode()
    assert not Decision.objects.exists()
    nomination.refresh_from_db()
    assert nomination.stage == Stage.REGISTERED


def test_meeting_without_quorum_is_reported_in_the_admin(
    secretary_client, register, make_individual, make_meeting, secretary
):
    from awards import services

    nomination = register(make_individual())
    services.nomination_introduce(nomination=nomination, block=nomination.unit.block, by=secretary)
    meeting = make_meeting(total=9, present=4)
    CouncilConclusion.objects.create(meeting=meeting, nomination=nomination, votes_for=4)
    response = secretary_client.post(
        "/admin/awards/councilmeeting/",
        {"action": "record", "_selected_action": [meeting.pk]},
        follow=True,
    )
    messages = [str(m) for m in get_messages(response.wsgi_request)] or [response.content.decode()]
    assert any("2/3" in m for m in messages)
    nomination.refresh_from_db()
    assert nomination.stage == Stage.INTRODUCED


def test_reject_action_asks_for_a_reason(secretary_client, register, make_individual):
    nomination = register(make_individual())
    response = admin_action(secretary_client, "reject", [nomination])
    assert "Lý do không được chọn" in response.content.decode()
    admin_action(secretary_client, "reject", [nomination], apply="1", reason="Hồ sơ chưa đầy đủ")
    nomination.refresh_from_db()
    assert nomination.stage == Stage.REJECTED and nomination.rejection_reason == "Hồ sơ chưa đầy đủ"


def test_secretary_without_the_group_sees_nothing(client, secretary):
    client.force_login(secretary)  # staff, but not in the group
    assert client.get("/admin/awards/nomination/").status_code == 403
