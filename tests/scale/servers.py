"""Real gunicorn servers for the scale test: ``gunicorn portal.wsgi`` on free ports of
127.0.0.1, each in its own process group so that teardown stops the master and every
worker, and an HTTP client that says which browser (or bot) it is."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"

# The environment a server gets from us alone, never from the test run's shell.
_OWN_VARIABLES = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "MEDIA_ROOT", "PORTAL_")

_STAT = re.compile(r'data-stat="(?P<name>[a-z]+)">(?P<value>[^<]*)<')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(settings_dict):
    """The URL of the database Django is connected to (the test database during a test)."""
    engine = settings_dict["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        return f"sqlite:///{settings_dict['NAME']}"
    if engine == "django.db.backends.postgresql":
        user = urllib.parse.quote(settings_dict.get("USER") or "", safe="")
        password = settings_dict.get("PASSWORD") or ""
        auth = f"{user}:{urllib.parse.quote(password, safe='')}" if password else user
        host = settings_dict.get("HOST") or "127.0.0.1"
        port = settings_dict.get("PORT") or 5432
        return f"postgres://{auth}@{host}:{port}/{settings_dict['NAME']}"
    raise NotImplementedError(f"no DATABASE_URL for {engine}")


def server_environment(*, database, static_root, media_root, redis_url=None):
    """What both servers are started with: the same secret key, database and Redis."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_OWN_VARIABLES)}
    env.update(
        DJANGO_SECRET_KEY="scale-test-" + "k" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database,
        DJANGO_STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(media_root),
        DJANGO_LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def collectstatic(env):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
    )


class Server:
    """One ``gunicorn portal.wsgi`` with ``workers`` workers; ``stop()`` ends its group."""

    def __init__(self, *, env, log_path, workers=2):
        self.port = free_port()
        self.log_path = Path(log_path)
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                str(GUNICORN),
                "portal.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def __repr__(self):
        return f"<Server 127.0.0.1:{self.port}>"

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path, *, agent, timeout=30):
        """``(status, body)`` of GET ``path`` sent with the User-Agent ``agent``."""
        request = urllib.request.Request(self.url(path), headers={"User-Agent": agent})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def wait_healthy(self, *, agent, timeout=30):
        """Wait (at most ``timeout`` seconds) until ``/healthz`` answers 200."""
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self!r} exited with {self.process.returncode}:\n{self.log()}")
            try:
                status, _body = self.get("/healthz", agent=agent, timeout=5)
                if status == 200:
                    return
                last = status
            except OSError as exc:  # not listening yet
                last = exc
            time.sleep(0.2)
        raise AssertionError(f"{self!r} /healthz never answered 200 ({last!r}):\n{self.log()}")

    def log(self):
        self._log.flush()
        return self.log_path.read_text("utf-8", "replace")[-5000:]

    def stop(self):
        """SIGTERM to the whole process group, SIGKILL what is left after a few seconds."""
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            pass
        try:  # workers still alive after the master (or a master that hung)
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(5)
        self._log.close()


def stats_of(html):
    """The ``data-stat`` numbers of a page as integers (``1.234`` → 1234)."""
    found = {}
    for match in _STAT.finditer(html):
        digits = match["value"].strip().replace(".", "")
        if not digits.isdigit():
            raise AssertionError(f"data-stat={match['name']!r} is not a number: {match['value']!r}")
        found[match["name"]] = int(digits)
    return found
