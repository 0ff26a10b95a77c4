"""Playwright for Python driving Debian's Chromium against pytest-django's live server.

The live server runs on the test database (SQLite file or PostgreSQL), so pages are the
real templates on real data. Every page records console errors and failed requests; the
``page`` fixture fails the test if any appeared.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

# Playwright's sync API runs an event loop in this thread; Django must allow ORM calls
# from the test body all the same.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser` (Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class PageProblems(list):
    def watch(self, page):
        page.on(
            "console",
            lambda msg: (
                self.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None
            ),
        )
        page.on("pageerror", lambda exc: self.append(f"page error: {exc}"))
        page.on(
            "response",
            lambda resp: (
                self.append(f"HTTP {resp.status} for {resp.url}") if resp.status >= 500 else None
            ),
        )


@pytest.fixture
def browser_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    yield context
    context.close()


@pytest.fixture
def page_problems():
    return PageProblems()


@pytest.fixture
def page(browser_context, page_problems):
    """A fresh page; the test fails if the page logged a console error or got a 5xx."""
    page = browser_context.new_page()
    page_problems.watch(page)
    yield page
    assert not page_problems, "problems in the browser:\n" + "\n".join(page_problems)
