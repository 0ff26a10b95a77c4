"""Served scripts: with Redis, what serving a cached page costs (the page view, an
article's view count) rides in the page's own lookup, guarded by the content version under
which this process last answered the page (``pagecache.register_served_script``,
``core.redis.cache_get_many_guarded``). Counting stays exact whichever way the request
then goes: served, rendered again, or with the scripts skipped."""

import uuid

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from core.redis import SKIPPED, Guarded, cache_get_many_guarded
from news.models import Article
from news.services import view_counts_flush
from pagecache import middleware, storage
from tests.news.conftest import make_reader
from tests.news.test_view_counting import views_shown
from tests.support.redis import RoundTrips
from visitors.models import DailyStat
from visitors.services import stats_flush


@pytest.fixture(autouse=True)
def forget_known_pages():
    middleware._known.clear()
    yield
    middleware._known.clear()


def page_key(url):
    return storage.page_key(RequestFactory().get(url))


def pageviews():
    stats_flush()
    return sum(DailyStat.objects.values_list("pageviews", flat=True))


def learned(article):
    """The article's page rendered and stored, then answered once from the cache (which
    this process now knows); returns the page views counted so far (2)."""
    url = article.get_absolute_url()
    assert make_reader(60).get(url).status_code == 200  # rendered and stored
    assert make_reader(61).get(url).status_code == 200  # answered: now known
    assert page_key(url) in middleware._known
    return pageviews()


def test_a_guarded_script_new_to_the_server_is_sent_again_with_its_source(redis_mode):
    source = f"-- {uuid.uuid4().hex}\nreturn 7"
    cache.set("guard", 5, None)
    # The thread's own connection made (its handshake is not what is counted here).
    cache_get_many_guarded(
        cache, ["page"], guard=("guard", "5"), scripts=[Guarded("return 1", [], [])]
    )
    with RoundTrips() as trips:
        _values, answers = cache_get_many_guarded(
            cache, ["page"], guard=("guard", "5"), scripts=[Guarded(source, [], [])]
        )
    assert answers == [7]
    assert trips.count == 2  # NOSCRIPT (it did not run), then EVAL
    with RoundTrips() as trips:
        _values, answers = cache_get_many_guarded(
            cache, ["page"], guard=("guard", "5"), scripts=[Guarded(source, [], [])]
        )
    assert answers == [7]
    assert trips.count == 1


def test_a_guarded_script_runs_only_while_its_guard_holds(redis_mode):
    # A source of its own: the first call meets NOSCRIPT and is sent again with its source.
    source = f"-- {uuid.uuid4().hex}\nreturn {{KEYS[1], ARGV[1], #KEYS, #ARGV}}"
    script = Guarded(source, ["own-key"], ["own-arg"])
    cache.set("guard", 5, None)
    cache.set("page", {"parts": ["x"]}, None)
    values, answers = cache_get_many_guarded(
        cache, ["page"], guard=("guard", "5"), scripts=[script]
    )
    assert values == {"page": {"parts": ["x"]}}
    # The script sees its own keys and arguments only, not the guard's.
    assert answers == [[b"own-key", b"own-arg", 1, 1]]
    cache.set("guard", 6, None)
    values, answers = cache_get_many_guarded(
        cache, ["page"], guard=("guard", "5"), scripts=[script]
    )
    assert values == {"page": {"parts": ["x"]}}
    assert answers == [SKIPPED]


def test_a_known_article_hit_is_one_round_trip_and_counts_exactly(redis_mode, make_article):
    article = make_article(view_count=7)
    url = article.get_absolute_url()
    assert learned(article) == 2
    response = make_reader(62).get(url)  # counted in the lookup (its scripts loaded)
    assert views_shown(response) == 10
    with RoundTrips() as trips:
        response = make_reader(63).get(url)  # a new reader
    assert response.status_code == 200
    assert trips.count == 1  # the page, its page view and its view count together
    assert views_shown(response) == 11
    with RoundTrips() as trips:
        response = make_reader(63).get(url)  # the same reader again: not a new view
    assert trips.count == 1
    assert views_shown(response) == 11
    assert pageviews() == 5  # but a page view each time
    view_counts_flush()
    assert Article.objects.get(pk=article.pk).view_count == 11


def test_a_known_home_page_hit_is_one_round_trip(redis_mode, make_article):
    make_article()
    for number in (60, 61, 62):  # rendered, answered (now known), counted in the lookup
        assert make_reader(number).get("/").status_code == 200
    with RoundTrips() as trips:
        assert make_reader(63).get("/").status_code == 200
    assert trips.count == 1
    assert pageviews() == 4


def test_without_a_version_key_a_known_hit_is_still_one_round_trip(redis_mode, make_article):
    # Redis restarted (or emptied) and no content changed since: no version key, pages are
    # stored under version 0, and the guard reads the absent key as that version.
    cache.delete(storage.VERSION_KEY)
    article = make_article(view_count=7)
    cache.delete(storage.VERSION_KEY)  # (saving the article made one)
    url = article.get_absolute_url()
    assert learned(article) == 2
    assert middleware._known[page_key(url)].version == 0
    make_reader(62).get(url)  # its scripts loaded
    with RoundTrips() as trips:
        response = make_reader(63).get(url)
    assert trips.count == 1
    assert views_shown(response) == 11
    assert pageviews() == 4


def test_an_absent_guard_key_holds_the_empty_string(redis_mode):
    cache.delete("guard")
    script = Guarded("return 1", [], [])
    assert cache_get_many_guarded(cache, ["page"], guard=("guard", ""), scripts=[script])[1] == [1]
    assert cache_get_many_guarded(cache, ["page"], guard=("guard", "0"), scripts=[script])[1] == [
        SKIPPED
    ]
    cache.set("guard", 5, None)
    assert cache_get_many_guarded(cache, ["page"], guard=("guard", ""), scripts=[script])[1] == [
        SKIPPED
    ]


def test_a_new_version_skips_the_scripts_and_the_view_is_counted_once(redis_mode, make_article):
    article = make_article(view_count=7)
    url = article.get_absolute_url()
    assert learned(article) == 2
    storage.bump_version()  # content changed: the known page is not the page any more
    response = make_reader(62).get(url)  # rendered again, counted by the view
    assert views_shown(response) == 10
    assert pageviews() == 3
    response = make_reader(63).get(url)  # from the cache, learned again
    assert views_shown(response) == 11
    response = make_reader(64).get(url)  # and counted in the lookup again
    assert views_shown(response) == 12
    assert pageviews() == 5


def test_an_expired_page_rendered_again_counts_its_view_once(redis_mode, make_article):
    article = make_article(view_count=7)
    url = article.get_absolute_url()
    assert learned(article) == 2
    key = page_key(url)
    entry = cache.get(key)
    entry["fresh_until"] = 0  # expired: this request renders it again
    cache.set(key, entry, None)
    response = make_reader(62).get(url)
    assert response.status_code == 200
    assert cache.get(key)["fresh_until"] > 0  # it was rendered and stored again
    # Counted in the lookup; the rendering counted neither again.
    assert views_shown(response) == 10
    assert pageviews() == 3
    view_counts_flush()
    assert Article.objects.get(pk=article.pk).view_count == 10


def test_a_count_missing_from_redis_is_seeded_and_counted_once(redis_mode, make_article):
    from news.redis_backend import _count_key

    article = make_article(view_count=7)
    url = article.get_absolute_url()
    assert learned(article) == 2
    view_counts_flush()
    redis_mode.delete(_count_key(article.pk))  # Redis restarted, say
    response = make_reader(62).get(url)  # the script counted nothing; the hole does
    assert views_shown(response) == 10
    assert pageviews() == 3
