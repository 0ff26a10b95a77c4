"""CPU time of a cached page in-process: the portal's WSGI application called in a loop.

No server, no network between client and worker: what a worker spends per request (the
Redis or database round trips included, as a worker makes them). Run against a database
that holds the demo content (``manage.py loaddemo``) and collected static files, with the
environment of the server to measure, for example:

    DATABASE_URL=postgres://root@127.0.0.1:5432/portal_bench \\
    REDIS_URL=redis://127.0.0.1:6379/9 TRUSTED_PROXIES=127.0.0.1 \\
    DJANGO_SECRET_KEY=... DJANGO_ALLOWED_HOSTS=127.0.0.1 .venv/bin/python bench/inprocess.py

Prints the best of ``ROUNDS`` (6) rounds of ``REQUESTS`` (600) requests, in milliseconds of
CPU per request, for the home page, an article read again by the same reader, and an
article read by a new reader (a new X-Forwarded-For address) each time.
"""

import io
import itertools
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402 - after the path and settings above

django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402

from bench.run import READER_AGENT  # noqa: E402
from news.models import Article  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "6"))
REQUESTS = int(os.environ.get("REQUESTS", "600"))
application = get_wsgi_application()
numbers = itertools.count(1)


def request(path, *, new_reader=False):
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr,
        "REMOTE_ADDR": "127.0.0.1", "HTTP_HOST": "127.0.0.1", "HTTP_USER_AGENT": READER_AGENT,
        "HTTP_ACCEPT": "text/html",
    }  # fmt: skip
    if new_reader:
        n = next(numbers)
        environ["HTTP_X_FORWARDED_FOR"] = f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"
    statuses = []
    b"".join(application(environ, lambda status, headers, exc_info=None: statuses.append(status)))
    if not statuses[0].startswith("200"):
        raise SystemExit(f"{path}: {statuses[0]}")


def main():
    article = Article.objects.filter(status="published").latest("published_at")
    path = article.get_absolute_url()
    cases = {
        "home page": lambda: request("/"),
        "article, same reader": lambda: request(path),
        "article, new reader": lambda: request(path, new_reader=True),
    }
    best = dict.fromkeys(cases, float("inf"))
    for function in cases.values():
        for _ in range(50):  # the page cached, the worker warm
            function()
    for _ in range(ROUNDS):
        for name, function in cases.items():
            started = time.process_time()
            for _ in range(REQUESTS):
                function()
            best[name] = min(best[name], (time.process_time() - started) / REQUESTS)
    for name, seconds in best.items():
        print(f"{name:24} {seconds * 1000:.3f} ms CPU per request")


if __name__ == "__main__":
    main()
