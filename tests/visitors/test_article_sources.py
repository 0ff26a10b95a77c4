"""The report's article lists without (or with a failing) registered source: the most-viewed
list is empty and a failure is logged, the per-month list is ``None`` (the report says it has
no source)."""

from datetime import date

import pytest

from visitors import selectors


@pytest.fixture
def no_sources(monkeypatch):
    monkeypatch.setattr(selectors, "_article_sources", {})


def test_without_sources_most_viewed_is_empty_and_month_is_none(no_sources):
    assert selectors.top_articles(limit=5) == []
    assert selectors.top_articles_in_month(month=date(2026, 1, 1), limit=5) is None


def test_registered_sources_get_their_arguments(no_sources):
    calls = []

    def most_viewed(**kwargs):
        calls.append(("most_viewed", kwargs))
        return iter(["a", "b"])

    def in_month(**kwargs):
        calls.append(("in_month", kwargs))
        return iter(["c"])

    selectors.register_article_source(selectors.MOST_VIEWED, most_viewed)
    selectors.register_article_source(selectors.MOST_VIEWED_IN_MONTH, in_month)
    assert selectors.top_articles(limit=3) == ["a", "b"]
    assert selectors.top_articles_in_month(month=date(2026, 2, 1), limit=4) == ["c"]
    assert calls == [
        ("most_viewed", {"limit": 3}),
        ("in_month", {"month": date(2026, 2, 1), "limit": 4}),
    ]


def test_failing_most_viewed_source_is_logged_and_empty(no_sources, monkeypatch):
    # The module's logger itself is watched: another test may have reconfigured logging.
    warnings = []
    monkeypatch.setattr(
        selectors.logger, "warning", lambda message, *args, **kwargs: warnings.append(message)
    )

    def broken(**kwargs):
        raise RuntimeError("view counts unavailable")

    selectors.register_article_source(selectors.MOST_VIEWED, broken)
    assert selectors.top_articles(limit=5) == []
    assert warnings == ["visitors: could not read article view counts"]
