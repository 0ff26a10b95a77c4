"""Without Redis, a change reaches every gunicorn worker within five seconds (finding 5).

Each worker keeps its own cache (pages, article lists, banner lists): a save empties the
cache of the process that saved, not the others'. So without a shared cache no copy of
content lives longer than ``core.caching.UNSHARED_MAX_SECONDS``. Here the article is
unpublished by a third process (the test), which no worker hears about at all.
"""

import time

import pytest
from django.utils import timezone

from core.caching import UNSHARED_MAX_SECONDS
from news.models import Article
from tests.support.servers import hold_a_worker, one_server_without_redis

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TITLE = "Thông báo kiểm tra độ trễ của bộ nhớ đệm"
LISTS = ("/", "/tin-tuc/")


def on_each_worker(server, path):
    """The answers of both workers to ``path``: the other worker is held each time."""
    answers = []
    held = hold_a_worker(server.port)
    answers.append(server.get(path))
    other = hold_a_worker(server.port)  # the worker that just answered, now idle
    held.close()
    answers.append(server.get(path))
    other.close()
    return answers


def test_an_unpublished_article_leaves_every_worker_within_five_seconds(tmp_path):
    article = Article.objects.create(
        title=TITLE,
        body="<p>Nội dung.</p>",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timezone.timedelta(hours=1),
    )
    with one_server_without_redis(tmp_path, secret_key="stale-pages-test-" + "k" * 40) as server:
        for path in (*LISTS, article.get_absolute_url()):
            for answer in on_each_worker(server, path):  # both workers cache it
                assert answer.status == 200 and TITLE in answer.body, (path, answer.status)

        article.status = Article.Status.DRAFT
        article.save()  # heard by no worker
        time.sleep(UNSHARED_MAX_SECONDS + 0.5)

        for path in LISTS:
            for answer in on_each_worker(server, path):
                assert answer.status == 200
                assert TITLE not in answer.body, f"{path} still lists the unpublished article"
        for answer in on_each_worker(server, article.get_absolute_url()):
            assert answer.status == 404
        assert "Traceback" not in server.log(tail=None)
