"""Screenshots of the main page kinds at desktop and phone widths.

Always taken (so the pages are checked in both sizes); written to ``docs/screenshots/``
only with ``SAVE_SCREENSHOTS=1``, after ``loaddemo`` data:

    SAVE_SCREENSHOTS=1 DJANGO_SECRET_KEY=x .venv/bin/python -m pytest \\
        tests/browser/test_screenshots.py
"""

import os
from pathlib import Path

import pytest

from tests.browser.conftest import DESKTOP_UA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WIDTHS = {"desktop": (1280, 900), "phone": (375, 740)}


def target_dir(tmp_path):
    if os.environ.get("SAVE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        return DOCS
    return tmp_path


def shoot(browser, page_problems, url, path, size):
    width, height = size
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="vi-VN", user_agent=DESKTOP_UA
    )
    page = context.new_page()
    page_problems.watch(page)
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response.status == 200
    # A full-page picture shows images below the fold: load the lazy ones now.
    page.evaluate(
        "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
    )
    # (page.evaluate, not wait_for_function: the latter's polling runs eval(), which the
    # site's Content-Security-Policy rightly refuses.)
    page.evaluate(
        """() => Promise.all([...document.images].filter(i => !i.complete).map(
               i => new Promise(done => { i.onload = i.onerror = done; })))"""
    )
    page.screenshot(path=str(path), full_page=True)
    context.close()
    assert path.stat().st_size > 10_000


# (name, path) of every page shot at each width; "article" is the newest published one.
PAGES = [
    ("home", "/"),
    ("article", None),
    ("about", "/gioi-thieu/"),
    ("english", "/en/"),
    # The pages made of tables: on a phone their rows are stacked cards.
    ("honours", "/dien-hinh-tien-tien/2015-2020/"),
    ("documents", "/van-ban/"),
]


def test_screenshots_of_the_main_page_kinds_at_both_widths(
    live_server, browser, page_problems, demo_content, tmp_path
):
    """Every page at every width on one demo load (a load and a flush per picture took
    about 10 s each); every failing picture is reported."""
    from news.models import Article

    article = Article.objects.published().first()
    assert article is not None, "loaddemo has no published article"
    failures = []
    for name, path in PAGES:
        path = path or article.get_absolute_url()
        for device, size in WIDTHS.items():
            target = target_dir(tmp_path) / f"{name}-{device}.png"
            try:
                shoot(browser, page_problems, live_server.url + path, target, size)
            except AssertionError as error:
                failures.append(f"{name} {device} ({path}): {error}")
    assert not failures, "\n".join(failures)
    assert not page_problems, "\n".join(page_problems)
