"""core.db.sqlite3: Django's SQLite back-end, each query text's conversion from ``%s`` to
sqlite3's ``?`` remembered; the queries run exactly as with Django's own cursor."""

import pytest
from django.db import connection
from django.db.backends.sqlite3.base import SQLiteCursorWrapper

from core.db.sqlite3 import base
from news.models import Article

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's back-end")

# Cursors not bound to a connection: ``convert_query`` only reads the text.
ours = base.CursorWrapper.__new__(base.CursorWrapper)

QUERIES = [
    "SELECT %s",
    "SELECT 'a %%s b', %s",  # a literal %s, escaped as Django wants it
    "SELECT '100%%', %s, %s",
    "UPDATE t SET n = n + %s WHERE id = %s RETURNING n",
    "SELECT 1",
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_conversion_is_djangos(query):
    django_cursor = SQLiteCursorWrapper.__new__(SQLiteCursorWrapper)
    expected = SQLiteCursorWrapper.convert_query(django_cursor, query)
    assert ours.convert_query(query) == expected
    assert ours.convert_query(query) == expected  # remembered


def test_a_text_is_converted_once(monkeypatch):
    base._converted.cache_clear()
    calls = []
    original = SQLiteCursorWrapper.convert_query

    def spy(self, query, *, param_names=None):
        calls.append(query)
        return original(self, query, param_names=param_names)

    monkeypatch.setattr(SQLiteCursorWrapper, "convert_query", spy)
    for _ in range(3):
        assert ours.convert_query("SELECT %s, %s") == "SELECT ?, ?"
    assert calls == ["SELECT %s, %s"]
    long_text = "SELECT " + ", ".join(["%s"] * 2000)  # longer than LONGEST_REMEMBERED
    ours.convert_query(long_text)
    ours.convert_query(long_text)
    assert calls.count(long_text) == 2  # converted each time, not kept
    named = ours.convert_query("SELECT %(a)s", param_names=["a"])
    assert named == "SELECT :a"  # named parameters: Django's, untouched


@pytest.mark.django_db
def test_the_project_runs_on_it(make_article):
    assert connection.settings_dict["ENGINE"] == "core.db.sqlite3"
    with connection.cursor() as cursor:
        assert isinstance(cursor.cursor, base.CursorWrapper)
        cursor.execute("SELECT %s, '50%%', %s", ["a", 2])
        assert cursor.fetchone() == ("a", "50%", 2)
    article = make_article(title="Khoa học %s và công nghệ")
    assert Article.objects.get(pk=article.pk, title__contains="%s").pk == article.pk
