"""The council's secretary in Chromium: a season walked from the admin's "Quy trình" panel,
and a history revert that cannot move a nomination back."""

import pytest
from django.contrib.auth.models import Group

from awards import services
from awards.catalogue import SECRETARY_GROUP, ensure_award_forms, ensure_secretary_group
from awards.models import AwardForm, EmulationBlock, Individual, Nomination, Period, Stage, Unit
from tests.browser.conftest import (  # noqa: F401 - fixtures used by name
    browser_context,
    media_root,
    page,
    page_problems,
)
from tests.support.browser import admin_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "thu-ky-hoi-dong-2026"


@pytest.fixture
def registry(django_user_model, media_root):  # noqa: F811
    """What a season needs, after a flush: the catalogue, a period, a unit, people."""
    ensure_award_forms()
    ensure_secretary_group()
    secretary = django_user_model.objects.create_user(
        username="thuky", password=PASSWORD, is_staff=True
    )
    secretary.groups.add(Group.objects.get(name=SECRETARY_GROUP))
    period = Period.objects.create(
        name="2015-2020", slug="2015-2020", start_year=2015, end_year=2020
    )
    block = EmulationBlock.objects.create(name="Khối Văn phòng Sở và các phòng chuyên môn")
    unit = Unit.objects.create(name="Phòng Quản lý khoa học", block=block)
    for name in ("Nông Văn Hùng", "Hoàng Văn Hùng"):
        Individual.objects.create(full_name=name, position="Chuyên viên", unit=unit)
    Individual.objects.filter(full_name="Hoàng Văn Hùng").update(position="Trưởng phòng")
    return secretary, period


def _login(page, live_server):  # noqa: F811
    admin_login(page, live_server.url, "thuky", PASSWORD)


def _pick(page, field_id, term, text):  # noqa: F811
    """Choose in an admin autocomplete (select2): type ``term``, click the ``text`` option."""
    # The rendered label is empty (zero-sized) until a choice is made: click its box.
    page.locator(f"#select2-{field_id}-container").locator("xpath=..").click()
    page.fill(".select2-container--open .select2-search__field", term)
    page.locator(".select2-results__option", has_text=text).click()


def _run_action(page, action):  # noqa: F811
    page.locator("input[name=_selected_action]").first.check()
    page.select_option("select[name=action]", action)
    page.click("button[name=index]")


def test_the_secretarys_season_from_the_workflow_panel(live_server, page, registry):  # noqa: F811
    _secretary, period = registry
    _login(page, live_server)
    panel = page.locator("#awards-workflow")
    assert "1. Đăng ký" in panel.inner_text() and "5. Quyết định cấp trên" in panel.inner_text()

    # 1. Register: the picker tells the two Hùng apart and finds them without diacritics.
    panel.get_by_role("link", name="Thêm hồ sơ đề nghị").click()
    page.select_option("#id_period", str(period.pk))
    page.fill("#id_year", "2017")
    page.select_option("#id_award_form", str(AwardForm.objects.get(code="giay-khen").pk))
    _pick(page, "id_individual", "hung", "Hoàng Văn Hùng — Trưởng phòng, Phòng Quản lý khoa học")
    page.fill("#id_achievements", "Hoàn thành xuất sắc nhiệm vụ năm 2017.")
    page.locator("#attachments-group .add-row a").click()
    page.select_option("#id_attachments-0-kind", "bao-cao-thanh-tich")
    page.fill("#id_attachments-0-title", "Báo cáo thành tích")
    page.set_input_files(
        "#id_attachments-0-file",
        files=[{"name": "bao-cao.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 x"}],
    )
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/awards/nomination/")
    nomination = Nomination.objects.get()
    assert nomination.individual.full_name == "Hoàng Văn Hùng"
    # On a 1366 px screen the list fits, and the current step is the second column.
    page.set_viewport_size({"width": 1366, "height": 768})
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    headers = page.locator("#result_list thead th").all_inner_texts()
    assert headers[2].strip().lower() == "bước"  # after the checkbox and the candidate

    # 2. The block introduces it.
    page.goto(f"{live_server.url}/admin/")
    page.locator("#awards-workflow").get_by_role("link", name="Hồ sơ chờ giới thiệu").click()
    _run_action(page, "introduce")
    assert (
        "Đã ghi nhận khối thi đua giới thiệu 1 hồ sơ" in page.locator(".messagelist").inner_text()
    )

    # 3. The council meets: 8 of 9 present, 8 votes for.
    page.goto(f"{live_server.url}/admin/")
    page.locator("#awards-workflow").get_by_role("link", name="Thêm cuộc họp").click()
    page.select_option("#id_period", str(period.pk))
    page.fill("#id_held_on", "30/08/2017")
    page.fill("#id_members_total", "9")
    page.fill("#id_members_present", "8")
    _pick(page, "id_conclusions-0-nomination", "hoang", "Hoàng Văn Hùng")
    page.fill("#id_conclusions-0-votes_for", "8")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/awards/councilmeeting/")
    _run_action(page, "record")
    assert "1 hồ sơ được đề nghị, 0 không được chọn" in page.locator(".messagelist").inner_text()

    # 4. The Director's decision.
    page.goto(f"{live_server.url}/admin/")
    page.locator("#awards-workflow").get_by_role("link", name="Hồ sơ chờ quyết định").click()
    _run_action(page, "issue_decision")
    page.fill("#id_number", "45/QĐ-SKHCN")
    page.fill("#id_date", "08/09/2017")
    page.fill("#id_signer", "Nông Văn Thành")
    page.click("input[type=submit][value='Xác nhận']")
    assert "Đã ghi nhận Quyết định số 45/QĐ-SKHCN" in page.locator(".messagelist").inner_text()
    nomination.refresh_from_db()
    assert nomination.stage == Stage.HONOURED

    # The public honour board.
    page.goto(f"{live_server.url}/dien-hinh-tien-tien/2015-2020/")
    board = page.locator("table.award-board").inner_text()
    assert "Hoàng Văn Hùng" in board and "45/QĐ-SKHCN" in board


def test_a_history_revert_cannot_change_a_nominations_stage(
    live_server,
    page,  # noqa: F811
    registry,
    page_problems,  # noqa: F811
):
    secretary, period = registry
    person = Individual.objects.get(full_name="Nông Văn Hùng")
    nomination = services.nomination_register(
        period=period,
        award_form=AwardForm.objects.get(code="giay-khen"),
        individual=person,
        year=2017,
        achievements="x",
        by=secretary,
    )
    services.nomination_introduce(nomination=nomination, block=nomination.unit.block, by=secretary)
    _login(page, live_server)
    page.goto(f"{live_server.url}/admin/awards/nomination/{nomination.pk}/history/")
    history = page.locator("#change-history").inner_text()
    assert "Bước 1: lập hồ sơ đề nghị" in history and "Bước 2: khối thi đua giới thiệu" in history
    page.locator("#change-history tbody tr").last.locator("a").first.click()
    page.wait_for_url(f"**/admin/awards/nomination/{nomination.pk}/history/*/")
    assert page.locator("input[name=_save]").count() == 0  # no "Revert" button
    # Even a hand-made submit of the old version is refused and changes nothing.
    page.evaluate("document.querySelector('form[id$=_form]').submit()")
    page.wait_for_url(f"**/admin/awards/nomination/{nomination.pk}/history/")
    assert "Không thể khôi phục" in page.locator(".messagelist").inner_text()
    nomination.refresh_from_db()
    assert nomination.stage == Stage.INTRODUCED
