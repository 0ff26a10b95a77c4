"""Fixtures of the news tests: articles made through the ORM, clients that look like people."""

import contextlib
import io
import itertools
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone
from PIL import Image

from bench.scale import build_articles, make_categories
from news.models import Article, Category

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"  # noqa: E501
BOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"

# The article admin form's inlines, empty: a POST of the form needs their management counts.
NO_OLD_SLUGS = {"old_slugs-TOTAL_FORMS": "0", "old_slugs-INITIAL_FORMS": "0"}
NO_ATTACHMENTS = {"attachments-TOTAL_FORMS": "0", "attachments-INITIAL_FORMS": "0"}

_numbers = itertools.count(1)


@pytest.fixture
def reader():
    """An anonymous visitor with an ordinary browser."""
    return Client(HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR="203.0.113.10")


def make_reader(number):
    return Client(HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR=f"203.0.113.{number}")


@pytest.fixture
def category(db):
    return Category.objects.create(name="Tin hoạt động", slug="tin-hoat-dong", order=1)


@pytest.fixture
def make_article(db):
    """Create a published article dated in the past (newer for each call) unless told."""

    def make(**fields):
        number = next(_numbers)
        fields.setdefault("title", f"Bài viết thử số {number}")
        fields.setdefault("body", f"<p>Nội dung bài {number}.</p>")
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault(
            "published_at", timezone.now() - timedelta(days=400) + timedelta(minutes=number)
        )
        return Article.objects.create(**fields)

    return make


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        username="bientap", password="x-secret-123", is_staff=True, is_superuser=True
    )


@pytest.fixture
def staff_client(staff):
    client = Client(HTTP_USER_AGENT=BROWSER_UA)
    client.force_login(staff)
    return client


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def image_bytes(image_format="PNG", size=(640, 400), colour=(11, 79, 138)):
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, format=image_format)
    return output.getvalue()


def main_html(response):
    """The page's main column only (the sidebar lists the latest news on every page)."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


@contextlib.contextmanager
def bulk_archive(django_db_blocker, count, seed):
    """``count`` articles written in bulk (as `make bench-scale` does) outside the tests'
    transactions, the table analysed (vacuumed too on PostgreSQL, which needs that); yields
    the categories and deletes everything, history rows included, afterwards."""
    with django_db_blocker.unblock():
        categories = make_categories()
        Article.objects.bulk_create(build_articles(count, categories, seed=seed), batch_size=500)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("VACUUM ANALYZE news_article")
            else:
                cursor.execute("ANALYZE")
        yield categories
        Article.objects.all().delete()
        Article.history.model.objects.all().delete()  # the deletions' history rows
        Category.objects.all().delete()


def article_select_plans(statements):
    """(sql, EXPLAIN output) for each SELECT among ``statements`` that reads the article table."""
    for sql in statements:
        if "news_article" in sql and sql.lstrip().upper().startswith("SELECT"):
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN {sql}")
                yield sql, "\n".join(row[0] for row in cursor.fetchall())
