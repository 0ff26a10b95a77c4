"""`make bench`: load the demo data, serve it with gunicorn, drive it with wrk, print a table.

For each back-end (a fresh PostgreSQL database with Redis, then SQLite) it starts gunicorn with 4
workers and measures, one after the other:

  1. the home page,
  2. an article page read again and again by the same visitor,
  3. an article page where every request comes from a new visitor (a new User-Agent each
     time), so that every request records a page view, a visit and a view count,
  4. a bare Django view (HttpResponse, no database, no template) — the ceiling.

Then it checks that the article's view count and the total of visits rose by exactly the
number of requests the server answered (read from gunicorn's access log, so that requests
still in flight when wrk stops are counted too).

Environment: BENCH_DURATION (seconds per case, default 15), BENCH_WARMUP (unmeasured
seconds before each case, default 3), BENCH_CONNECTIONS (default 32),
BENCH_THREADS (wrk threads, default 2), BENCH_WORKERS (gunicorn workers, default 4),
BENCH_DB_NAME (the PostgreSQL database it recreates, default portal_bench),
BENCH_BACKENDS (default "postgres sqlite"; also "postgres-noredis": PostgreSQL without
Redis, every counter in the database).
"""

import os
import platform
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: the project's packages are importable

from tests.support.servers import Gunicorn  # noqa: E402 - needs the path above

OUT = ROOT / "bench" / "out"
PYTHON = sys.executable
DURATION = int(os.environ.get("BENCH_DURATION", "15"))
# Each case first runs this long unmeasured: workers import, compile templates, connect
# and fill their caches, so the table shows the steady state (its requests are counted).
WARMUP = int(os.environ.get("BENCH_WARMUP", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
BACKENDS = os.environ.get("BENCH_BACKENDS", "postgres sqlite").split()
READER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36"
)
SEED_SLUG = (
    "so-khoa-hoc-va-cong-nghe-to-chuc-hoi-nghi-so-ket-cong-tac-xay-dung-va-nhan-rong-"
    "dien-hinh-tien-tien-giai-doan-2015-2020"
)

# A new User-Agent for every request: the run's number (given after "--", so that the
# warm-up and the measured run never share a visitor), the thread and a counter.
NEW_VISITOR_LUA = """
counter = 0
run = "0"
threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", tostring(threads))
end
init = function(args)
  run = args[1] or "0"
end
request = function()
  counter = counter + 1
  local agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    .. "Chrome/124." .. run .. "." .. id .. "." .. counter .. " Safari/537.36"
  return wrk.format("GET", nil, {["User-Agent"] = agent})
end
"""


def log(message):
    print(f"[bench] {message}", flush=True)


def ensure_tools():
    subprocess.run(["bash", str(ROOT / "scripts" / "ensure-services.sh")], check=True)
    if not shutil.which("wrk"):
        log("installing wrk from Debian's packages")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
        subprocess.run(
            [*sudo, "apt-get", "install", "-y", "-qq", "wrk"],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )


def backend_env(backend):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_LOG_LEVEL="WARNING",
        PORTAL_BENCH_VIEW="1",
    )
    if backend in ("postgres", "postgres-noredis"):
        name = os.environ.get("BENCH_DB_NAME", "portal_bench")
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "root", "--if-exists", "--force", name], check=True
        )
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "root", name], check=True)
        env["DATABASE_URL"] = f"postgres://root@127.0.0.1:5432/{name}"
        if backend == "postgres-noredis":  # every counter and cache in PostgreSQL/memory
            env.pop("REDIS_URL", None)
            return env
        env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/9")
        subprocess.run(
            ["redis-cli", "-n", env["REDIS_URL"].rsplit("/", 1)[-1], "flushdb"],
            check=False,
            capture_output=True,
        )
    else:
        path = OUT / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{path}"
        env.pop("REDIS_URL", None)
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def django_value(env, expression):
    """Evaluate ``expression`` inside Django (a fresh process) and return its output."""
    code = f"import django; django.setup(); from bench import probes; print({expression})"
    result = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout.strip().splitlines()[-1]


def start_gunicorn(env, access_log):
    server = Gunicorn(
        env=env,
        log_path=OUT / "gunicorn.log",
        workers=WORKERS,
        extra_args=[
            "--access-logfile",
            str(access_log),
            "--access-logformat",
            '%(s)s "%(r)s"',
            "--log-level",
            "warning",
        ],
    )
    try:
        server.wait_until("/healthz", 200, timeout=20)
    except (AssertionError, RuntimeError) as exc:
        server.stop()
        raise SystemExit(f"gunicorn did not start: {exc}") from exc
    return server


def to_ms(value, unit):
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]
    return float(value) * factor


def measure(url, agent=None, lua=None):
    """wrk's figures for ``url`` after an unmeasured warm-up."""
    if WARMUP:
        run_wrk(url, agent=agent, lua=lua, duration=WARMUP)
    return run_wrk(url, agent=agent, lua=lua)


def run_wrk(url, agent=None, lua=None, duration=DURATION):
    command = ["wrk", "-t", str(THREADS), "-c", str(CONNECTIONS), "-d", f"{duration}s"]
    command += ["--latency", "--timeout", "10s"]
    if agent:
        command += ["-H", f"User-Agent: {agent}"]
    command += ["-s", str(lua), url, "--", str(secrets.randbelow(10**9))] if lua else [url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    lat = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))

    def parse(text):
        value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
        return to_ms(value, unit)

    errors = 0
    match = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if match:
        errors += int(match.group(1))
    match = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if match:
        errors += sum(int(group) for group in match.groups())
    total = int(re.search(r"(\d+) requests in", output).group(1))
    return {
        "rps": rps,
        "p50": parse(lat["50"]),
        "p99": parse(lat["99"]),
        "errors": errors,
        "requests": total,
    }


def answered(access_log, path, status="200"):
    pattern = f'{status} "GET {path} HTTP/1.1"'
    with open(access_log, encoding="utf-8") as handle:
        return sum(1 for line in handle if line.strip() == pattern)


def bench_backend(backend):
    log(f"{backend}: preparing a fresh database with the demo data")
    env = backend_env(backend)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "loaddemo", "-v", "0")
    access_log = OUT / f"{backend}-access.log"
    access_log.unlink(missing_ok=True)
    lua = OUT / "new_visitor.lua"
    lua.write_text(NEW_VISITOR_LUA)
    article_path = f"/tin-tuc/{SEED_SLUG}/"
    bare_path = "/bench/bare/"
    server = start_gunicorn(env, access_log)
    base = server.url("")
    try:
        views_before = int(django_value(env, f"probes.article_views({SEED_SLUG!r})"))
        visits_before = int(django_value(env, "probes.total_visits()"))
        results = {}
        log(f"{backend}: 4. bare Django view")
        results["bare"] = measure(base + bare_path, agent=READER_AGENT)
        log(f"{backend}: 1. home page")
        results["home"] = measure(base + "/", agent=READER_AGENT)
        log(f"{backend}: 2. article, same visitor")
        results["same"] = measure(base + article_path + "?v=same", agent=READER_AGENT)
        log(f"{backend}: 3. article, a new visitor every request")
        results["new"] = measure(base + article_path, lua=lua)
    finally:
        server.stop()
    # Counters buffered in Redis (if any) are flushed by the probes before reading.
    views_after = int(django_value(env, f"probes.article_views({SEED_SLUG!r})"))
    visits_after = int(django_value(env, "probes.total_visits()"))
    new_visitor_answers = answered(access_log, article_path)
    same_visitor_answers = answered(access_log, article_path + "?v=same")
    expected_views = new_visitor_answers + (1 if same_visitor_answers else 0)
    # The reader (cases 1 and 2, one User-Agent) makes one visit; each new visitor makes one.
    expected_visits = new_visitor_answers + 1
    checks = {
        "views": (views_after - views_before, expected_views),
        "visits": (visits_after - visits_before, expected_visits),
    }
    return results, checks


def print_table(backend, results, checks):
    bare = results["bare"]["rps"]
    rows = [
        ("1. Trang chủ (home page)", results["home"]),
        ("2. Bài viết, cùng người đọc (same visitor)", results["same"]),
        ("3. Bài viết, mỗi lượt một người mới (new visitor)", results["new"]),
        ("4. View Django trần (bare HttpResponse)", results["bare"]),
    ]
    print()
    print(
        f"### {backend} — gunicorn {WORKERS} workers, wrk {THREADS} threads × "
        f"{CONNECTIONS} connections × {DURATION}s"
    )
    print()
    print("| case | req/s | p50 ms | p99 ms | errors | % of bare |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, row in rows:
        ratio = 100.0 * row["rps"] / bare if bare else 0.0
        print(
            f"| {label} | {row['rps']:.0f} | {row['p50']:.2f} | {row['p99']:.2f} | "
            f"{row['errors']} | {ratio:.0f} % |"
        )
    print()
    for name, (got, expected) in checks.items():
        verdict = "EXACT" if got == expected else "MISMATCH"
        print(f"- {name}: rose by {got}, server answered {expected} counted requests: {verdict}")
    print()


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    ensure_tools()
    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {platform.platform()}"
    )
    failures = 0
    for backend in BACKENDS:
        results, checks = bench_backend(backend)
        print_table(backend, results, checks)
        failures += sum(1 for got, expected in checks.values() if got != expected)
        failures += sum(row["errors"] for row in results.values())
    if failures:
        print("bench: counts were not exact or requests failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
