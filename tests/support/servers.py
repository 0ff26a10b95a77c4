"""Real ``gunicorn portal.wsgi`` servers for the scale, fault and load tests.

Each server runs on a free port of 127.0.0.1 in its own process group, so that ``stop()``
ends the master *and* every worker (a worker left behind would keep the test database
open); its output goes to a log file that failures quote.
"""

import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"

# The environment a server gets from its caller alone, never from the test run's shell.
_OWN_VARIABLES = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "MEDIA_ROOT", "PORTAL_")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(settings_dict, *, host_port=None):
    """The URL of the database Django is connected to (the test database during a test),
    optionally through another ``(host, port)`` (a proxy)."""
    engine = settings_dict["ENGINE"]
    if engine in ("django.db.backends.sqlite3", "core.db.sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    if engine in ("django.db.backends.postgresql", "core.db.postgresql"):
        user = urllib.parse.quote(settings_dict.get("USER") or "root", safe="")
        password = settings_dict.get("PASSWORD") or ""
        auth = f"{user}:{urllib.parse.quote(password, safe='')}" if password else user
        host, port = host_port or (
            settings_dict.get("HOST") or "127.0.0.1",
            settings_dict.get("PORT") or 5432,
        )
        return f"postgres://{auth}@{host}:{port}/{settings_dict['NAME']}"
    raise NotImplementedError(f"no DATABASE_URL for {engine}")


def server_environment(*, database, secret_key, redis_url=None, **variables):
    """A server's environment: this process's, minus the project's own variables, plus
    ``database``, ``secret_key``, ``redis_url`` and any ``variables`` (e.g.
    ``DJANGO_STATIC_ROOT``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_OWN_VARIABLES)}
    env.update(
        DJANGO_SECRET_KEY=secret_key,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database,
        DJANGO_LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
        **{name: str(value) for name, value in variables.items()},
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def collectstatic(env, timeout=300):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=timeout,
        capture_output=True,
    )


_shared_static_root = None


def shared_static_root():
    """A folder of collected static files for every server of this test run, collected
    once (about 5 s each time): what ``collectstatic`` writes depends neither on the
    database nor on the secrets. Removed when the run ends."""
    global _shared_static_root
    if _shared_static_root is None:
        root = Path(tempfile.mkdtemp(prefix="portal-static-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        collectstatic(server_environment(database="sqlite://", secret_key="x" * 50,
                                         DJANGO_STATIC_ROOT=root))  # fmt: skip
        _shared_static_root = root
    return _shared_static_root


class Answer(NamedTuple):
    status: int
    body: str
    headers: object


class Gunicorn:
    """One ``gunicorn portal.wsgi`` (or another ``app``) with ``workers`` workers;
    ``stop()`` ends its group."""

    def __init__(self, *, env, log_path, workers=2, port=None, extra_args=(), app="portal.wsgi"):
        self.port = port or free_port()
        self.log_path = Path(log_path)
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                str(GUNICORN),
                app,
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
                *extra_args,
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def __repr__(self):
        return f"<Gunicorn 127.0.0.1:{self.port}>"

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path, *, agent=BROWSER, timeout=30):
        """``Answer(status, body, headers)`` of GET ``path``; HTTP errors are answers too."""
        request = urllib.request.Request(self.url(path), headers={"User-Agent": agent})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                body = response.read().decode("utf-8", "replace")
                return Answer(response.status, body, response.headers)
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.read().decode("utf-8", "replace"), error.headers)

    def wait_until(self, path="/healthz", status=200, *, agent=BROWSER, timeout=30):
        """Wait (at most ``timeout`` seconds) until ``path`` answers ``status``."""
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self!r} exited with {self.process.returncode}:\n{self.log()}")
            try:
                last = self.get(path, agent=agent, timeout=10)
                if last.status == status:
                    return last
            except OSError as exc:  # not listening yet, or the answer was cut
                last = exc
            time.sleep(0.2)
        raise AssertionError(f"{self!r} {path} never answered {status} ({last!r}):\n{self.log()}")

    def log(self, tail=5000):
        """The server's output: its last ``tail`` characters, or all of it with ``None``."""
        if not self._log.closed:
            self._log.flush()
        text = self.log_path.read_text("utf-8", "replace")
        return text if tail is None else text[-tail:]

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


@contextmanager
def one_server_without_redis(tmp_path, *, secret_key, workers=2):
    """The documented one-server setup, where the cache is per process (no REDIS_URL):
    a gunicorn with ``workers`` workers on the test database, answering ``/healthz``;
    stopped (master and workers) on leaving the block."""
    from django.db import connection

    env = server_environment(
        database=database_url(connection.settings_dict),
        secret_key=secret_key,
        DJANGO_STATIC_ROOT=shared_static_root(),
        MEDIA_ROOT=tmp_path / "media",
    )
    server = Gunicorn(env=env, log_path=tmp_path / "gunicorn.log", workers=workers)
    try:
        server.wait_until("/healthz", 200)
        yield server
    finally:
        server.stop()


def hold_a_worker(port):
    """Occupy one free sync worker with a request that never ends; close to release it.

    With the other worker held, the next request is answered by this one: the test decides
    which worker answers instead of hoping the kernel spreads the requests.
    """
    held = socket.create_connection(("127.0.0.1", port), timeout=10)
    held.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    time.sleep(0.5)  # let a worker accept it
    return held
