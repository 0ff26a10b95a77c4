"""Issue #17: "Tin cùng chuyên mục" (the newer and older articles of the same category),
breadcrumbs with parent categories, and parent category pages holding their children's
articles."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news import conf
from news.models import Article, Category

from .conftest import main_html

pytestmark = pytest.mark.django_db


def section(html, key):
    """The titles listed under "Tin mới hơn" (key "newer") or "Tin cũ hơn" ("older")."""
    found = re.search(rf'data-neighbours="{key}">(.*?)</ul>', html, re.S)
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', found.group(1)) if found else []


def breadcrumb_names(html):
    trail = re.search(r'<nav class="breadcrumbs" aria-label="Vị trí trang">(.*?)</nav>', html, re.S)
    assert trail, "no breadcrumbs"
    return re.findall(r'<span itemprop="name">([^<]+)</span>', trail.group(1))


@pytest.fixture
def tree(db):
    root = Category.objects.create(name="Khoa học công nghệ", slug="khoa-hoc-cong-nghe")
    child = Category.objects.create(name="Chuyển đổi số", slug="chuyen-doi-so", parent=root)
    other = Category.objects.create(name="Thông báo", slug="thong-bao")
    return root, child, other


@pytest.fixture
def series(make_article, tree):
    """Twelve articles of "Chuyển đổi số" a day apart, interleaved with other categories'."""
    _root, child, other = tree
    start = timezone.now() - timedelta(days=30)
    articles = []
    for n in range(12):
        articles.append(
            make_article(
                title=f"Số {n:02d}", category=child, published_at=start + timedelta(days=n)
            )
        )
        make_article(
            title=f"Khác {n:02d}", category=other, published_at=start + timedelta(days=n, hours=1)
        )
    return articles


def test_article_page_lists_the_nearest_newer_and_older_of_its_category(reader, series):
    n = conf.NEIGHBOURS
    html = main_html(reader.get(series[6].get_absolute_url()))
    assert "Tin cùng chuyên mục" in html and "Tin mới hơn" in html and "Tin cũ hơn" in html
    # Newest first in both lists; only the category's own articles, never the article itself.
    assert section(html, "newer") == [f"Số {k:02d}" for k in range(6 + n, 6, -1)]
    assert section(html, "older") == [f"Số {k:02d}" for k in range(5, 5 - n, -1)]
    # "Tin khác" is still there, under it.
    assert html.index("Tin cùng chuyên mục") < html.index(">Tin khác<")


def test_first_and_last_articles_of_a_category_have_one_side_only(reader, series):
    newest = main_html(reader.get(series[-1].get_absolute_url()))
    assert section(newest, "newer") == [] and "Tin mới hơn" not in newest
    assert section(newest, "older")[0] == "Số 10"
    oldest = main_html(reader.get(series[0].get_absolute_url()))
    assert section(oldest, "older") == [] and "Tin cũ hơn" not in oldest
    assert section(oldest, "newer")[-1] == "Số 01"


def test_equal_times_are_ordered_by_id_without_losing_or_repeating_any(reader, make_article, tree):
    when = timezone.now() - timedelta(days=3)
    same = [
        make_article(title=f"Cùng giờ {n}", category=tree[1], published_at=when) for n in range(5)
    ]
    html = main_html(reader.get(same[2].get_absolute_url()))
    assert section(html, "newer") == ["Cùng giờ 4", "Cùng giờ 3"]
    assert section(html, "older") == ["Cùng giờ 1", "Cùng giờ 0"]


def test_drafts_and_scheduled_articles_are_not_neighbours(reader, make_article, series, tree):
    make_article(title="Bản nháp", category=tree[1], status=Article.Status.DRAFT,
                 published_at=series[6].published_at + timedelta(minutes=5))  # fmt: skip
    make_article(title="Hẹn giờ", category=tree[1],
                 published_at=timezone.now() + timedelta(days=1))  # fmt: skip
    html = main_html(reader.get(series[-1].get_absolute_url()))
    assert "Hẹn giờ" not in html.split("Tin khác")[0]
    assert "Bản nháp" not in main_html(reader.get(series[6].get_absolute_url()))


def test_a_newly_published_article_appears_as_newer_despite_the_page_cache(reader, series, tree):
    url = series[-1].get_absolute_url()
    assert section(main_html(reader.get(url)), "newer") == []
    # The page is now cached: a change that sends no signal is not seen...
    Article.objects.filter(pk=series[-2].pk).update(title="Đổi tên không báo")
    assert section(main_html(reader.get(url)), "older")[0] == "Số 10"
    # ...but publishing an article (a save) is, at once.
    Article.objects.create(title="Tin mới đăng", category=tree[1], status=Article.Status.PUBLISHED,
                           published_at=timezone.now() - timedelta(seconds=1))  # fmt: skip
    html = main_html(reader.get(url))
    assert section(html, "newer") == ["Tin mới đăng"]
    assert section(html, "older")[0] == "Đổi tên không báo"


def test_an_article_without_category_has_no_neighbours_section(reader, make_article):
    article = make_article(title="Không chuyên mục")
    html = main_html(reader.get(article.get_absolute_url()))
    assert "Tin cùng chuyên mục" not in html
    assert breadcrumb_names(html) == ["Trang chủ", "Không chuyên mục"]


def test_article_breadcrumbs_walk_home_parent_category_article(reader, series):
    html = reader.get(series[3].get_absolute_url()).content.decode()
    assert breadcrumb_names(html) == ["Trang chủ", "Khoa học công nghệ", "Chuyển đổi số", "Số 03"]
    trail = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert 'itemtype="https://schema.org/BreadcrumbList"' in trail
    assert re.findall(r'itemprop="position" content="(\d)"', trail) == ["1", "2", "3", "4"]
    assert re.findall(r'itemprop="item" href="([^"]+)"', trail) == [
        "/", "/tin-tuc/chuyen-muc/khoa-hoc-cong-nghe/", "/tin-tuc/chuyen-muc/chuyen-doi-so/",
    ]  # fmt: skip
    assert re.search(r'aria-current="page"><span itemprop="name">Số 03<', trail)
    assert "<ol" in trail


def test_parent_category_page_lists_its_childrens_articles_and_sub_categories(reader, series, tree):
    root, child, other = tree
    Article.objects.create(title="Bài của mục cha", category=root, status=Article.Status.PUBLISHED,
                           published_at=timezone.now() - timedelta(hours=2))  # fmt: skip
    html = main_html(reader.get(root.get_absolute_url()))
    assert breadcrumb_names(html) == ["Trang chủ", "Khoa học công nghệ"]
    sub = re.search(r'<nav class="subcategories" aria-label="([^"]+)">(.*?)</nav>', html, re.S)
    assert sub and sub.group(1) == "Chuyên mục con của Khoa học công nghệ"
    assert f'href="{child.get_absolute_url()}">Chuyển đổi số<' in sub.group(2)
    titles = re.findall(r"<h2><a [^>]+>([^<]+)</a></h2>", html)
    assert titles == ["Bài của mục cha", "Số 11", "Số 10", "Số 09", "Số 08", "Số 07",
                      "Số 06", "Số 05", "Số 04", "Số 03"]  # fmt: skip
    assert "Khác" not in " ".join(titles)
    # The child's own page: its articles only, its trail through the parent, no sub-list.
    child_html = main_html(reader.get(child.get_absolute_url()))
    assert breadcrumb_names(child_html) == ["Trang chủ", "Khoa học công nghệ", "Chuyển đổi số"]
    assert "Bài của mục cha" not in child_html and 'class="subcategories"' not in child_html


def test_category_cycle_in_data_does_not_loop(reader, tree, make_article):
    root, child, _other = tree
    Category.objects.filter(pk=root.pk).update(parent=child)  # bypasses clean()
    root.save()  # drops the cached tree
    article = make_article(title="Vòng lặp", category=child)
    html = main_html(reader.get(article.get_absolute_url()))
    assert breadcrumb_names(html) == [
        "Trang chủ",
        "Khoa học công nghệ",
        "Chuyển đổi số",
        "Vòng lặp",
    ]
    assert reader.get(root.get_absolute_url()).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_neighbours_and_trail_are_cached_with_the_lists(series, settings):
    from .conftest import make_reader

    settings.PAGE_CACHE_SECONDS = 0
    url = series[5].get_absolute_url()
    make_reader(60).get(url)
    with CaptureQueriesContext(connection) as context:
        html = main_html(make_reader(61).get(url + "?page=2"))
    assert section(html, "older")
    marks = ('"news_article"."published_at" >', 'FROM "news_category"')
    sqls = [query["sql"] for query in context.captured_queries]
    neighbour_reads = [sql for sql in sqls if any(mark in sql for mark in marks)]
    assert not neighbour_reads, neighbour_reads
