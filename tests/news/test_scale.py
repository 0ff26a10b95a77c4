"""A larger archive (2 000 articles written in bulk, as `make bench-scale` writes 100 000):
search, sitemaps and deep pages read indexes, and list every public article exactly once.

On PostgreSQL the table is vacuumed and analysed after the load (as autovacuum would), and
the plan of every query a page runs on the article table is checked: no sequential scan.
"""

import re
from datetime import timedelta

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news import conf
from news.models import Article
from news.selectors import news_index_clear
from news.sitemaps import ArticleSitemap
from tests.sitemaps import sitemap_files, sitemap_urls

from .conftest import article_select_plans, bulk_archive, main_html

ARCHIVE = 2000


@pytest.fixture(scope="module")
def _archive(django_db_setup, django_db_blocker):
    """Written once for the module."""
    with bulk_archive(django_db_blocker, ARCHIVE, seed=14) as categories:
        yield categories


@pytest.fixture
def archive(_archive, db, settings):
    settings.PAGE_CACHE_SECONDS = 0
    return _archive


def _public_urls():
    return {
        f"http://testserver{article.get_absolute_url()}"
        for article in Article.objects.published().only("slug")
    }


def test_sitemap_index_links_every_published_article_exactly_once(client, archive, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 300)  # several files, as at 100 000
    files = sitemap_files(client)
    urls = sitemap_urls(client)
    article_files = [path for path in files if path.startswith("/sitemap-news.xml")]
    published = _public_urls()
    assert len(article_files) == -(-len(published) // 300)
    locations = [location for location, _lastmod in urls if "/tin-tuc/" in location]
    articles = [location for location in locations if "/chuyen-muc/" not in location]
    articles.remove("http://testserver/tin-tuc/")
    assert len(articles) == len(set(articles))  # exactly once
    assert set(articles) == published  # every published one, no draft, nothing scheduled
    assert all(lastmod for location, lastmod in urls if location in published)


def test_every_sitemap_file_holds_at_most_10_000_addresses(client, archive):
    from portal.sitemaps import SITEMAPS

    assert all(sitemap.limit <= 10_000 for sitemap in SITEMAPS.values())


def test_deep_pages_list_the_same_articles_as_offset_paging(client, archive):
    published = list(Article.objects.published().newest_first().values_list("slug", flat=True))
    pages = Paginator(published, conf.PER_PAGE)
    for number in (2, pages.num_pages // 2, pages.num_pages // 2 + 3, pages.num_pages):
        html = main_html(client.get("/tin-tuc/", {"page": number}))
        shown = [slug for slug in pages.page(number).object_list if f"/tin-tuc/{slug}/" in html]
        assert shown == list(pages.page(number).object_list), number
        order = [html.index(f"/tin-tuc/{slug}/") for slug in shown]
        assert order == sorted(order)
    category = archive[0]
    in_category = list(
        Article.objects.published().filter(category=category).newest_first()
        .values_list("slug", flat=True)
    )  # fmt: skip
    last = Paginator(in_category, conf.PER_PAGE).num_pages
    html = main_html(client.get(category.get_absolute_url(), {"page": last}))
    for slug in Paginator(in_category, conf.PER_PAGE).page(last).object_list:
        assert f"/tin-tuc/{slug}/" in html


def test_a_search_beyond_the_cap_ranks_the_newest_matches(client, archive, settings):
    settings.NEWS_SEARCH_MAX_RESULTS = 50
    html = main_html(client.get("/tim-kiem/", {"q": "khoa học"}))
    assert "Tìm thấy từ <strong>50</strong> bài viết trở lên" in html
    newest = Article.objects.published().newest_first()
    assert newest.filter(search_text__contains="khoa hoc").count() > 50


def _plans(client, paths):
    """EXPLAIN of every query the pages ran on the article table."""
    for path in paths:  # warm the lists' cache: the plans checked are the pages' own
        assert client.get(path).status_code == 200, path
    plans = {}
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        for sql, plan in article_select_plans(query["sql"] for query in queries):
            plans[(path, sql)] = plan
    return plans


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_search_sitemap_and_list_queries_use_indexes_on_postgresql(
    client, archive, settings, monkeypatch
):
    # A table of 2 000 rows is 450 pages: reading it all costs the planner less than a
    # tenth of it by index. Files of 50 addresses and searches ranking 20 matches keep the
    # choice it makes for 100 000 articles (files of 10 000 in a 20 000-page table, checked
    # by `make bench-scale`'s timings).
    monkeypatch.setattr(ArticleSitemap, "limit", 50)
    settings.NEWS_SEARCH_MAX_RESULTS = 20
    published = Article.objects.published()
    last = Paginator(range(published.count()), conf.PER_PAGE).num_pages
    category = archive[0]
    # An article in the middle of its category: "Tin cùng chuyên mục" reads its neighbours
    # from the category index, on both sides.
    middle = published.filter(category=category).newest_first()[published.count() // 16]
    paths = [
        middle.get_absolute_url(),
        "/tim-kiem/?q=khoa+học",
        "/tim-kiem/?q=Pác+Bó",
        "/tim-kiem/?q=vũ+trụ",
        "/tim-kiem/?q=chè+shan+tuyết&page=2",
        "/tin-tuc/?page=2",
        f"/tin-tuc/?page={last // 2}",
        f"/tin-tuc/?page={last}",
        f"{category.get_absolute_url()}?page=5",
        *sitemap_files(client),
    ]
    plans = _plans(client, paths)
    assert len(plans) > len(paths)
    scans = {key: plan for key, plan in plans.items() if "Seq Scan on news_article" in plan}
    assert not scans, "\n\n".join(f"{path}\n{sql}\n{plan}" for (path, sql), plan in scans.items())
    news_index_clear()  # the neighbours are cached with the index: read them anew
    with CaptureQueriesContext(connection) as queries:
        assert client.get(middle.get_absolute_url()).status_code == 200
    neighbours = [
        query["sql"] for query in queries
        if '"news_article"."category_id" =' in query["sql"]
        and re.search(r'OR "news_article"\."id" [<>] \d+\)', query["sql"])
    ]  # fmt: skip
    assert len(neighbours) == 2, [query["sql"] for query in queries]  # newer, older
    for sql in neighbours:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "news_article_cat_pub_idx" in plan and "Seq Scan on news_article" not in plan, plan
    searched = "\n".join(plan for (path, _sql), plan in plans.items() if "tim-kiem" in path)
    assert "news_article_search_idx" in searched


@pytest.mark.skipif("connection.vendor != 'sqlite'")
def test_search_reads_the_fts5_index_on_sqlite(client, archive):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/tim-kiem/", {"q": "Pác Bó"}).status_code == 200
    searches = [query["sql"] for query in queries if "MATCH" in query["sql"]]
    assert searches
    for sql in searches:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
        assert "SCAN news_article " not in f"{plan} " and "VIRTUAL TABLE INDEX" in plan, plan


def test_bulk_written_articles_are_found_like_saved_ones(client, archive):
    rare = Article.objects.published().filter(search_text__contains="pac bo")
    html = main_html(client.get("/tim-kiem/", {"q": "pac bo"}))
    assert rare.exists()
    for article in rare:
        assert article.get_absolute_url() in html
    hidden = Article.objects.exclude(pk__in=Article.objects.published()).filter(
        search_text__contains="pac bo"
    )
    for article in hidden:
        assert article.get_absolute_url() not in html


def test_scheduled_articles_stay_out_of_the_sitemap_until_their_time(client, archive):
    later = Article.objects.create(
        title="Hẹn giờ đăng", status="published", published_at=timezone.now() + timedelta(days=2)
    )
    assert f"http://testserver{later.get_absolute_url()}" not in dict(sitemap_urls(client))


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_a_parent_category_page_reads_indexes_on_postgresql(client, archive):
    parent, child = archive[3], archive[2]
    child.parent = parent
    child.save()  # rolled back with the test
    published = Article.objects.published()
    total = published.filter(category__in=[parent, child]).count()
    last = Paginator(range(total), conf.PER_PAGE).num_pages
    url = parent.get_absolute_url()
    paths = [url, f"{url}?page=5", f"{url}?page={last // 2}", f"{url}?page={last}"]
    plans = _plans(client, paths)
    scans = {key: plan for key, plan in plans.items() if "Seq Scan on news_article" in plan}
    assert not scans, "\n\n".join(f"{path}\n{sql}\n{plan}" for (path, sql), plan in scans.items())
    # Both categories' articles, newest first, on the last page too.
    expected = list(
        published.filter(category__in=[parent, child]).newest_first()
        .values_list("slug", flat=True)
    )  # fmt: skip
    html = main_html(client.get(url, {"page": last}))
    for slug in Paginator(expected, conf.PER_PAGE).page(last).object_list:
        assert f"/tin-tuc/{slug}/" in html
