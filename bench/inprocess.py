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

CPU time on a shared virtual machine moves by a third between runs; instructions do not.
``--callgrind CASE N`` (CASE: ``home``, ``same`` or ``new``) runs N requests of one case
inside ``functools.reduce``, the page kept fresh, the statistics cached and the garbage
collector off, so that callgrind can count that loop and nothing else:

    valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*functools_reduce*' \
        .venv/bin/python bench/inprocess.py --callgrind home 300

(the same environment as above; instructions per request: callgrind's "Collected" / N).
"""

import functools
import gc
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
# New readers' addresses (10.x.y.z) start at a random place: a run must not meet the
# readers of an earlier run on the same database, who would no longer be new.
numbers = itertools.count(int.from_bytes(os.urandom(3), "big") % (1 << 23) + 1)


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


def make_cases():
    article = Article.objects.filter(status="published").latest("published_at")
    path = article.get_absolute_url()
    return {
        "home page": lambda: request("/"),
        "article, same reader": lambda: request(path),
        "article, new reader": lambda: request(path, new_reader=True),
    }


def counted(case, number):
    """``number`` requests of ``case`` inside ``functools.reduce`` (for callgrind)."""
    from django.conf import settings

    from visitors import conf

    settings.PAGE_CACHE_SECONDS = 10**6  # no page expires during the loop
    conf.cache_seconds = lambda: 3600  # nor the statistics the page shows
    function = dict(zip(("home", "same", "new"), make_cases().values(), strict=True))[case]
    for _ in range(100):  # the page cached and known, the worker warm
        function()
    gc.collect()
    gc.disable()
    functools.reduce(lambda _done, _next: function(), range(number + 1))


def main():
    if sys.argv[1:2] == ["--callgrind"]:
        counted(sys.argv[2], int(sys.argv[3]))
        return
    cases = make_cases()
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
