"""Search ignores case and diacritics on SQLite and PostgreSQL alike."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news import selectors
from news.models import Article
from news.search import SearchTimeout, ensure_index, time_limit

from .conftest import main_html

# The searched articles, made in this order: where each holds "điển hình tiên tiến" (the
# title, the summary, the body, or a draft's title), and one without it.
CORPUS = {
    "title": {"title": "Tôn vinh điển hình tiên tiến năm 2017"},
    "summary": {"title": "Hội nghị", "summary": "Nhân rộng điển hình tiên tiến"},
    "body": {"title": "Tin khác", "body": "<p>Các <b>điển hình tiên tiến</b></p>"},
    "other": {"title": "Chuyển đổi số", "body": "<p>Chữ ký số</p>"},
    "draft": {"title": "Điển hình tiên tiến nháp", "status": "draft"},
}


@pytest.fixture
def corpus(make_article):
    return {key: make_article(**fields) for key, fields in CORPUS.items()}


def found(client, query, **params):
    response = client.get("/tim-kiem/", {"q": query, **params})
    assert response.status_code == 200
    return main_html(response)


@pytest.mark.parametrize(
    "query", ["dien hinh tien tien", "điển hình tiên tiến", "ĐIỂN HÌNH TIÊN TIẾN", "Dien Hinh"]
)
def test_search_finds_title_summary_and_body_ignoring_case_and_diacritics(reader, corpus, query):
    html = found(reader, query)
    for key in ("title", "summary", "body"):
        assert corpus[key].get_absolute_url() in html, key
    assert corpus["other"].get_absolute_url() not in html
    assert corpus["draft"].get_absolute_url() not in html
    assert "Tìm thấy <strong>3</strong> bài viết" in html


def test_search_with_d_matches_both_ways(reader, make_article):
    article = make_article(title="Đo lường chất lượng")
    assert article.get_absolute_url() in found(reader, "do luong")
    assert article.get_absolute_url() in found(reader, "ĐO LƯỜNG")


def test_search_needs_every_word(reader, corpus):
    html = found(reader, "điển hình 2017")
    assert corpus["title"].get_absolute_url() in html
    assert corpus["body"].get_absolute_url() not in html


def test_search_with_no_match_says_so(reader, corpus):
    assert "Không tìm thấy bài viết nào" in found(reader, "vũ trụ")


def test_query_is_echoed_escaped(reader, corpus):
    html = found(reader, '<script>alert("x")</script>')
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_empty_query_asks_for_words(reader, db):
    assert "Nhập từ khóa" in found(reader, "   ")
    assert "Nhập từ khóa" in main_html(reader.get("/tim-kiem/"))


@pytest.mark.parametrize("query", ["%%%", "'\"", "--", "\x00\x01", "*)(&^"])
def test_odd_queries_get_a_friendly_message(reader, corpus, query):
    html = found(reader, query)
    assert "Vui lòng thử lại" in html or "Không tìm thấy" in html or "Nhập từ khóa" in html


def test_overlong_query_is_a_400_with_a_vietnamese_message(reader, db):
    response = reader.get("/tim-kiem/", {"q": "a" * 201})
    assert response.status_code == 400
    assert "Từ khóa quá dài" in response.content.decode()


@pytest.mark.parametrize("value", ["abc", "0", "-1", "99999", "", "2"])
def test_search_results_are_paginated_without_failing_on_odd_pages(reader, make_article, value):
    for n in range(13):
        make_article(title=f"Khoa học công nghệ {n}")
    html = found(reader, "khoa hoc", page=value)
    assert "Tìm thấy <strong>13</strong> bài viết" in html


def test_search_pagination_links_keep_the_query(reader, make_article):
    for n in range(13):
        make_article(title=f"Khoa học công nghệ {n}")
    html = found(reader, "khoa hoc")
    assert "?q=khoa+hoc&amp;page=2" in html


def test_search_ranks_title_above_summary_above_body(reader, corpus):
    # The corpus is dated title < summary < body: newest first would give the reverse.
    html = found(reader, "điển hình tiên tiến")
    places = [html.index(corpus[key].get_absolute_url()) for key in ("title", "summary", "body")]
    assert places == sorted(places)


def test_more_than_ten_words_is_a_400_asking_for_fewer(reader, corpus):
    response = reader.get("/tim-kiem/", {"q": "điển hình tiên tiến " * 3})
    assert response.status_code == 400
    assert "không quá 10 từ" in main_html(response)
    assert found(reader, "một hai ba bốn năm sáu bảy tám chín mười")  # ten is fine


@pytest.mark.parametrize("query", ["", "   ", "%%%", "*)(&^", "từ " * 11, "a" * 201])
def test_empty_or_hostile_queries_run_no_search(reader, corpus, query):
    reader.get("/tim-kiem/")  # the sidebar's lists are cached from here on
    with CaptureQueriesContext(connection) as queries:
        assert reader.get("/tim-kiem/", {"q": query}).status_code in (200, 400)
    searching = [
        q["sql"] for q in queries if "news_article" in q["sql"] or "statement_timeout" in q["sql"]
    ]
    assert searching == []


def _slow_statement():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_sleep(2)")
        else:
            cursor.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                "WHERE i < 100000000) SELECT count(*) FROM n"
            )


def test_a_search_past_its_time_limit_gets_a_friendly_503(reader, corpus, settings, monkeypatch):
    settings.NEWS_SEARCH_TIMEOUT_MS = 100
    search_articles = selectors.search_articles

    def slow_search(query, now=None):
        _slow_statement()
        return search_articles(query, now)

    monkeypatch.setattr(selectors, "search_articles", slow_search)
    started = time.monotonic()
    response = reader.get("/tim-kiem/", {"q": "điển hình"})
    assert time.monotonic() - started < 1.5
    assert response.status_code == 503
    assert "Hệ thống đang bận, chưa tìm kịp" in main_html(response)
    monkeypatch.setattr(selectors, "search_articles", search_articles)
    assert corpus["title"].get_absolute_url() in found(reader, "điển hình")  # limit lifted


def test_the_time_limit_ends_with_its_block(db, settings):
    with pytest.raises(SearchTimeout), time_limit(50):
        _slow_statement()
    with time_limit(5000):
        assert Article.objects.count() == 0
    if connection.vendor == "postgresql":  # tests run in a transaction: the outer one
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "0"


@pytest.mark.skipif("connection.vendor != 'sqlite'")
def test_sqlite_index_comes_back_after_a_table_rebuild_dropped_its_triggers(reader, corpus):
    with connection.cursor() as cursor:
        for trigger in ("news_article_fts_ai", "news_article_fts_ad", "news_article_fts_au"):
            cursor.execute(f"DROP TRIGGER {trigger}")
        cursor.execute("DELETE FROM news_article_fts")
    assert "Không tìm thấy" in found(reader, "điển hình")
    ensure_index()  # what post_migrate runs
    later = Article.objects.create(title="Điển hình mới", status="published")
    html = found(reader, "điển hình")
    assert later.get_absolute_url() in html and corpus["body"].get_absolute_url() in html
