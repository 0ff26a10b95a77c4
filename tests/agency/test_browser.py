"""An inspector's checklist (Nghị định 42/2022, Điều 4 k1 and Điều 7 k2), walked in Chromium
the way an inspector does it: from the home page, by the links a reader sees."""

import pytest

from agency.models import Official, OrgUnit
from tests.support.documents import replaced_pair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PORTAL_PAGE = "<html lang='vi'><head><title>Cổng Dịch vụ công quốc gia</title></head></html>"


def test_inspector_walks_the_nd42_checklist(page, browser_context, live_server, agency_demo):
    # The public-service portal is outside this machine: answer for it, and record visits.
    portal_visits = []

    def fake_portal(route):
        portal_visits.append(route.request.url)
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=PORTAL_PAGE)

    browser_context.route("https://dichvucong.gov.vn/**", fake_portal)
    page.goto(live_server.url + "/")

    # Điều 4 k1 e: functions, the organisation chart, the leaders.
    page.get_by_role("navigation", name="Menu chính").get_by_role("link", name="Giới thiệu").click()
    page.wait_for_url("**/gioi-thieu/")
    assert page.get_by_role("heading", name="Chức năng, nhiệm vụ").is_visible()
    chart = page.locator("[data-chart]")
    assert chart.is_visible()
    units = list(OrgUnit.objects.filter(parent__isnull=False))
    assert len(units) == 7
    assert chart.get_by_role("link").count() == 7
    leaders = page.locator("#lanh-dao .official-card")
    assert leaders.count() == 3
    assert "Giám đốc Sở" in leaders.first.inner_text()

    # Each unit's own page, reached from the chart, with its tasks.
    for unit in units:
        page.locator("[data-chart]").get_by_role("link", name=unit.name, exact=True).click()
        page.wait_for_url(f"**{unit.get_absolute_url()}")
        assert page.get_by_role("heading", level=1).inner_text() == unit.name
        assert unit.function_paragraphs()[0] in page.locator("main").inner_text()
        page.go_back()

    # The contact official's five fields.
    page.get_by_role("navigation", name="Menu chính").get_by_role("link", name="Liên hệ").click()
    page.wait_for_url("**/lien-he/")
    contact = Official.objects.select_related("unit").get(is_contact_point=True)
    card = page.locator(f'[data-official="{contact.pk}"]')
    assert contact.full_name in card.locator(".official-name").inner_text()
    assert card.locator(".official-position").inner_text() == contact.position
    assert card.locator(".official-unit").inner_text() == contact.unit.name
    phone = card.locator(".official-phone a")
    assert phone.inner_text() == contact.phone
    assert phone.get_attribute("href") == "tel:+842063852649"
    assert card.locator(".official-email a").get_attribute("href") == f"mailto:{contact.email}"
    assert page.locator(".unit-contacts tbody tr").count() == 7

    # Điều 7 k2: the English version, and back.
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    menu = page.get_by_role("navigation", name="Main menu")
    for name, heading in [
        ("Organisation", "Organisation"),
        ("Functions and tasks", "Functions and tasks"),
        ("Leadership", "Leadership"),
        ("Contact", "Contact"),
    ]:
        menu.get_by_role("link", name=name, exact=True).click()
        assert page.get_by_role("heading", level=1).inner_text() == heading
    assert contact.position_en in page.locator("main").inner_text()
    page.get_by_role("banner").get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url("**/lien-he/")
    assert page.locator("html").get_attribute("lang") == "vi"

    # Điều 4 k1 c: procedures by field, each opening the public-service portal.
    page.get_by_role("contentinfo").get_by_role("link", name="Thủ tục hành chính").click()
    page.wait_for_url("**/thu-tuc-hanh-chinh/")
    assert page.locator(".procedure-group").count() == 4
    links = page.locator(".procedure-table a")
    assert links.count() == 7
    with browser_context.expect_page() as opened:
        links.first.click()
    portal = opened.value
    portal.wait_for_load_state()
    assert portal.title() == "Cổng Dịch vụ công quốc gia"
    assert portal_visits == ["https://dichvucong.gov.vn/"]
    portal.close()

    # Điều 4 k1 d–đ: plans, annual reports and budget disclosures by year, downloadable.
    page.get_by_role("contentinfo").get_by_role("link", name="Công khai").click()
    page.wait_for_url("**/cong-khai/")
    years = page.locator(".disclosure-year")
    assert [years.nth(i).get_attribute("data-year") for i in range(years.count())] == [
        "2026",
        "2025",
    ]
    report = page.get_by_role("link", name="Báo cáo tài chính năm 2025")
    response = page.request.get(live_server.url + report.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")

    # Điều 4 k1 a: documents with their status and the document that replaces them.
    new, _old = replaced_pair()
    page.get_by_role("navigation", name="Menu chính").get_by_role("link", name="Văn bản").click()
    page.wait_for_url("**/van-ban/")
    page.get_by_label("Tình trạng hiệu lực").select_option("bi-thay-the")
    page.get_by_role("button", name="Tìm văn bản").click()
    page.wait_for_url("**status=bi-thay-the**")
    table = page.locator(".document-table tbody")
    assert table.locator("tr").count() == 1
    assert "Bị thay thế (15/05/2023)" in table.inner_text()
    table.get_by_role("link", name="12/2018/QĐ-UBND").click()
    page.get_by_role("link", name="Quyết định số 25/2023/QĐ-UBND").click()
    page.wait_for_url(f"**{new.get_absolute_url()}")
    facts = page.locator(".document-facts").inner_text()
    assert "Còn hiệu lực" in facts and "Khoa học và công nghệ" in facts
    assert page.get_by_role("link", name="Cơ sở dữ liệu quốc gia", exact=False).is_visible()
    page.get_by_role("link", name="Văn bản", exact=True).first.click()
    page.get_by_role("link", name="Dự thảo văn bản lấy ý kiến").click()
    assert page.get_by_role("heading", name="Đang lấy ý kiến").is_visible()
