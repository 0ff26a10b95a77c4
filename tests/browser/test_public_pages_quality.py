"""Every public page kind, on the demo content, at 375 px and 1366 px: axe-core finds no
WCAG 2.1 A/AA violation, the Nu HTML Checker finds no error, and nothing scrolls sideways
or is cut off.

A check that fails because of a template another part of the project owns is listed in
``KNOWN`` with the reason: it must keep failing (an expected failure, strict), so that the
entry is removed as soon as the template is fixed.
"""

import urllib.error
import urllib.request

import pytest

from tests.browser.checkers import (
    PAGE_KINDS,
    WIDTHS,
    HtmlChecker,
    layout_problems,
    public_pages,
    run_axe,
)
from tests.browser.conftest import DESKTOP_UA, PHONE_UA, PageProblems
from tests.support.servers import free_port

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# (page kind, check) -> why it is expected to fail today. Checks: "axe", "layout", "html".
KNOWN = {}


@pytest.fixture(scope="session")
def html_checker():
    checker = HtmlChecker(free_port()).start()
    yield checker
    checker.stop()


def _fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:  # the 404 page is a page too
        return error.read().decode("utf-8")


def _browser_checks(browser, url, width, page_problems, kind):
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        locale="vi-VN",
        is_mobile=width < 600,
        has_touch=width < 600,
        user_agent=PHONE_UA if width < 600 else DESKTOP_UA,
        bypass_csp=True,  # axe-core is injected as a script the site's policy would refuse
    )
    try:
        page = context.new_page()
        page_problems.watch(page)
        if kind == "not-found":
            page_problems.expect_console("404")
        page.goto(url, wait_until="load")
        return run_axe(page), layout_problems(page)
    finally:
        context.close()


def _problems_of(kind, path, url, browser, html_checker):
    """{check: [lines]} of one page kind: axe and layout at each width, then the HTML."""
    found = {"browser": [], "axe": [], "layout": [], "html": []}
    for label, width in WIDTHS.items():
        problems = PageProblems()
        axe, layout = _browser_checks(browser, url, width, problems, kind)
        found["browser"] += [f"{label} {width}px: {line}" for line in problems]
        found["axe"] += [f"{label} {width}px: {line}" for line in axe]
        found["layout"] += [f"{label} {width}px: {line}" for line in layout]
    found["html"] = html_checker.errors(_fetch(url))
    return found


def test_every_public_page_kind_is_accessible_valid_and_fits(
    live_server, browser, demo_content, html_checker
):
    """All page kinds in one test, so that the demo is loaded once (about 10 s a load on
    the project's machine, and a flush after each test); every kind is still checked and
    every problem reported, by kind."""
    pages = public_pages()
    unexpected, fixed, known = [], [], []
    for kind in PAGE_KINDS:
        path = pages[kind]
        if not path:
            unexpected.append(f"{kind}: the demo content has no {kind} page")
            continue
        found = _problems_of(kind, path, live_server.url + path, browser, html_checker)
        unexpected += [
            f"{kind} {path} [{check}] {line}"
            for check, lines in found.items()
            if (kind, check) not in KNOWN
            for line in lines
        ]
        fixed += [f"{kind} {path}: {check}" for check in found
                  if (kind, check) in KNOWN and not found[check]]  # fmt: skip
        known += [f"{kind} {check}: {KNOWN[(kind, check)]}" for check in found
                  if (kind, check) in KNOWN]  # fmt: skip
    assert not unexpected, "\n".join(unexpected)
    assert not fixed, f"{fixed} now pass: remove them from KNOWN"
    if known:
        pytest.xfail("; ".join(known))


def test_the_checkers_find_what_they_look_for(browser):
    """The probes themselves: a wide box, a clipped text, an image without alt, bad HTML."""
    context = browser.new_context(viewport={"width": 375, "height": 700}, bypass_csp=True)
    try:
        page = context.new_page()
        page.set_content(
            '<!DOCTYPE html><html lang="vi"><head><title>t</title></head><body>'
            '<div style="width:600px">rộng</div>'
            '<p style="width:100px;overflow:hidden;white-space:nowrap">một dòng chữ rất dài '
            'bị cắt mất phần cuối</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
            '<table class="wide" style="display:block;overflow-x:auto;width:200px"><tr>'
            '<td style="min-width:500px">cột rộng</td></tr></table>'
            '<div class="article-body"><table style="display:block;overflow-x:auto;width:200px">'
            '<tr><td style="min-width:500px">bảng của biên tập viên</td></tr></table></div>'
            "</body></html>"
        )
        layout = layout_problems(page)
        assert any(line.startswith("sideways scroll") for line in layout)
        assert any(line.startswith("content cut off: p") for line in layout)
        sideways = [line for line in layout if line.startswith("needs sideways scrolling")]
        assert len(sideways) == 1 and "table.wide" in sideways[0]
        assert any(line.startswith("image-alt") for line in run_axe(page))
    finally:
        context.close()


def test_the_html_checker_reports_a_skipped_heading_level(html_checker):
    html = '<!DOCTYPE html><html lang="vi"><head><title>t</title></head><body><h1>a</h1><h3>b</h3>'
    assert any("skipping 1 heading level" in line for line in html_checker.errors(html))
