"""Issue #17 in a browser: the article page's breadcrumbs (home › parent › category ›
article) and "Tin cùng chuyên mục" with its newer and older articles, clicked through;
axe-core finds no WCAG violation on the page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from .checkers import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def series():
    from news.models import Article, Category

    root = Category.objects.create(name="Khoa học công nghệ", slug="khoa-hoc-cong-nghe")
    child = Category.objects.create(name="Chuyển đổi số", slug="chuyen-doi-so", parent=root)
    other = Category.objects.create(name="Thông báo", slug="thong-bao")
    start = timezone.now() - timedelta(days=20)
    made = []
    for n in range(9):
        made.append(Article.objects.create(
            title=f"Chuyển đổi số tin {n}", category=child, status="published",
            published_at=start + timedelta(days=n),
        ))  # fmt: skip
        Article.objects.create(title=f"Thông báo {n}", category=other, status="published",
                               published_at=start + timedelta(days=n, hours=2))  # fmt: skip
    return root, child, made


def test_breadcrumbs_and_neighbours_lead_through_the_category(live_server, page, series):
    root, child, made = series
    page.goto(live_server.url + made[4].get_absolute_url())

    trail = page.get_by_role("navigation", name="Vị trí trang")
    items = trail.get_by_role("listitem")
    assert [text.strip() for text in items.all_inner_texts()] == [
        "Trang chủ", "Khoa học công nghệ", "Chuyển đổi số", "Chuyển đổi số tin 4",
    ]  # fmt: skip
    assert items.last.get_attribute("aria-current") == "page"
    assert trail.locator("[itemtype='https://schema.org/BreadcrumbList']").count() == 1

    section = page.locator("section:has(> h2:text-is('Tin cùng chuyên mục'))")
    newer = section.locator("[data-neighbours='newer'] a").all_inner_texts()
    older = section.locator("[data-neighbours='older'] a").all_inner_texts()
    assert newer == [f"Chuyển đổi số tin {n}" for n in (8, 7, 6, 5)]
    assert older == [f"Chuyển đổi số tin {n}" for n in (3, 2, 1, 0)]
    assert page.locator("section:has(> h2:text-is('Tin khác'))").is_visible()

    # The nearest older one, then up the trail to the parent category.
    section.locator("[data-neighbours='older'] a").first.click()
    page.wait_for_url(re.compile(re.escape(made[3].get_absolute_url()) + "$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Chuyển đổi số tin 3"
    page.get_by_role("navigation", name="Vị trí trang").get_by_role(
        "link", name="Khoa học công nghệ"
    ).click()
    page.wait_for_url(re.compile(re.escape(root.get_absolute_url()) + "$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Khoa học công nghệ"
    # The parent's page lists its child's articles and links the sub-category.
    assert page.locator("#main").get_by_role("link", name="Chuyển đổi số tin 8").is_visible()
    subcategories = page.get_by_role("navigation", name="Chuyên mục con của Khoa học công nghệ")
    assert subcategories.get_by_role("link", name="Chuyển đổi số").is_visible()


def test_article_and_parent_category_pages_pass_axe(live_server, browser, series):
    root, _child, made = series
    # axe-core is injected as a script the site's policy would refuse.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        for url in (made[4].get_absolute_url(), root.get_absolute_url()):
            page.goto(live_server.url + url)
            assert run_axe(page) == [], url
    finally:
        context.close()
