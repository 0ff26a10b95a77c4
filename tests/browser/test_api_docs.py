"""/api/docs/ in Chromium: Swagger UI renders every dataset under the site's strict CSP."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_lists_every_dataset_with_no_csp_violation(live_server, page):
    # The ``page`` fixture fails the test on any console error, and a CSP refusal is one.
    page.goto(live_server.url + "/api/docs/")
    page.locator(".opblock").first.wait_for(timeout=15_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    for dataset in ("articles", "documents", "units", "officials", "honours", "statistics"):
        assert f"/api/v1/{dataset}/" in paths
    assert all(not path.startswith("/api/docs") for path in paths)
    # "Try it out" calls the API from the same origin.
    page.locator(".opblock-summary", has_text="/api/v1/units/").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    status = page.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for(timeout=15_000)
    assert status.inner_text().strip().startswith("200")
