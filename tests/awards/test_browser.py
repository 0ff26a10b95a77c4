"""The registry's public pages in Chromium: no console error (a CSP violation is one)."""

import pytest

import awards.demo
import portal.demo
from tests.browser.conftest import (  # noqa: F401 - fixtures used by name
    browser_context,
    page,
    page_problems,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_statistics_honour_board_and_documents_render_cleanly(live_server, page):  # noqa: F811
    portal.demo.load()
    awards.demo.load()
    page.goto(f"{live_server.url}/dien-hinh-tien-tien/")
    section = page.locator('[data-period="2015-2020"]')
    assert section.locator('[data-stat="registered_individuals"]').inner_text() == "56"
    assert section.locator("svg rect.award-chart-bar").count() == 6
    bar = section.locator("svg rect.award-chart-bar-collectives").first
    assert bar.evaluate("el => getComputedStyle(el).fill") != "rgb(0, 0, 0)"  # CSS applied

    section.get_by_role("link", name="Bảng vàng giai đoạn 2015-2020").click()
    page.wait_for_url("**/dien-hinh-tien-tien/2015-2020/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Điển hình tiên tiến")
    page.locator("table.award-board a[href*='/ca-nhan/']").first.click()
    assert "Quá trình được tôn vinh" in page.content()

    page.goto(f"{live_server.url}/van-ban/")
    page.fill("#doc-q", "gioi thieu")
    page.get_by_role("button", name="Tìm văn bản").click()
    page.wait_for_url("**/van-ban/?q=gioi+thieu**")
    assert page.locator("table.document-table tbody tr").count() == 1
    assert "1295/SNV-BTĐKH" in page.locator("table.document-table").inner_text()
