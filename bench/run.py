"""`make bench`: load the demo data, serve it with gunicorn, drive it with wrk, print a table.

For each back-end (a fresh PostgreSQL database with Redis, then SQLite) it measures the
ceiling, a bare Django project (``bench/bare``: its own settings, no installed app, no
middleware, one view returning ``HttpResponse``) under the same gunicorn (same workers and
options), before and after the portal's cases (the table compares with the mean of both),
and between them starts the portal and measures, one after the other:

  1. the home page,
  2. an article page read again and again by the same visitor,
  3. an article page where every request is a new visitor as production sees one: a new
     client address (``X-Forwarded-For`` from the trusted proxy 127.0.0.1) and a
     User-Agent drawn from a pool of real browsers, so that every request records a page
     view, a visit and a view count,
  4. the worst case: a new, never seen User-Agent on every request (bot detection runs on
     every request, its verdict cache never hits),
  5. the bare view mounted inside the portal (``bench/views.py``, through the portal's
     whole middleware stack): an extra line, what the stack alone costs.

Then it checks that the article's view count and the total of visits rose by exactly the
number of requests the server answered (read from gunicorn's access log, so that requests
still in flight when wrk stops are counted too).

Environment: BENCH_DURATION (seconds per case, default 15), BENCH_WARMUP (unmeasured
seconds before each case, default 3), BENCH_CONNECTIONS (default 32),
BENCH_THREADS (wrk threads, default 2), BENCH_WORKERS (gunicorn workers, default 4),
BENCH_DB_NAME (the PostgreSQL database it recreates, default portal_bench),
BENCH_REDIS_URL (the Redis database it flushes and uses, default redis://127.0.0.1:6379/9),
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

# Real browsers' User-Agents (desktop and mobile, as a Vietnamese reader's might be): the
# realistic new visitor draws one of them; a test checks none is taken for a bot.
BROWSER_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "coc_coc_browser/137.0.232 Chrome/131.0.6778.232 Safari/537.36",
    "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/109.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.6 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.6778.81 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A235F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 14; 23108RN04Y Build/UP1A.231005.007) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 12; CPH2269) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; U; Android 12; vi-vn; Redmi Note 11 Build/SKQ1.211103.001) "
    "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/112.0.5615.136 "
    "Mobile Safari/537.36 XiaoMi/MiuiBrowser/14.9.0-gn",
    "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0",
    "Mozilla/5.0 (Linux; Android 11; RMX2180) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36 OPR/86.0.0.0",
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.6778.39 Mobile Safari/537.36 Zalo android/12110812 ZaloTheme/light "
    "ZaloLanguage/vi",
]

# wrk's Lua: every wrk run gets its own number (after "--"), so that the warm-up and the
# measured run never share a visitor; each thread its own number; each request a counter.
_LUA_COMMON = """
counter = 0
run = 0
threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
init = function(args)
  run = tonumber(args[1] or "0")
end
"""

# The realistic new visitor: a new client address behind the trusted proxy (the address is
# run, thread and counter packed into 32 bits above 11.0.0.0: never the same twice in one
# bench) and a browser from the pool.
NEW_ADDRESS_LUA = (
    _LUA_COMMON
    + "agents = {\n"
    + "".join(f"  {agent!r},\n" for agent in BROWSER_AGENTS)
    + """}
request = function()
  counter = counter + 1
  local n = 184549376 + (run * 8 + id) * 1048576 + counter
  local address = string.format("%d.%d.%d.%d", math.floor(n / 16777216) % 256,
    math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  local agent = agents[(counter % #agents) + 1]
  return wrk.format("GET", nil, {["User-Agent"] = agent, ["X-Forwarded-For"] = address})
end
"""
)

# The worst case: a new User-Agent for every request (never seen by bot detection).
NEW_AGENT_LUA = (
    _LUA_COMMON
    + """
request = function()
  counter = counter + 1
  local agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    .. "Chrome/124." .. run .. "." .. id .. "." .. counter .. " Safari/537.36"
  return wrk.format("GET", nil, {["User-Agent"] = agent})
end
"""
)
_runs = 0  # wrk runs so far (each one's number for the Lua scripts)


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
        # wrk is the proxy: the realistic new visitor's address is its X-Forwarded-For.
        TRUSTED_PROXIES="127.0.0.1",
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
        # Never the caller's REDIS_URL: the bench flushes this database.
        env["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
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


def start_gunicorn(env, access_log, app="portal.wsgi"):
    server = Gunicorn(
        env=env,
        app=app,
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
    global _runs
    _runs += 1
    command += ["-s", str(lua), url, "--", str(_runs)] if lua else [url]
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


def bench_bare(env):
    """The ceiling: the bare Django project under the same gunicorn settings."""
    bare_env = {k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"}
    server = start_gunicorn(bare_env, OUT / "bare-access.log", app="bench.bare.wsgi")
    try:
        return measure(server.url("/"), agent=READER_AGENT)
    finally:
        server.stop()


def mean_of(first, second):
    """The ceiling measured before and after the cases, as one line: the machine's load
    may drift during a run, and each case is compared with the mean of both."""
    row = {name: (first[name] + second[name]) / 2 for name in ("rps", "p50", "p99")}
    row["errors"] = first["errors"] + second["errors"]
    row["requests"] = first["requests"] + second["requests"]
    row["spread"] = (first["rps"], second["rps"])
    return row


def bench_backend(backend):
    log(f"{backend}: preparing a fresh database with the demo data")
    env = backend_env(backend)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "loaddemo", "-v", "0")
    access_log = OUT / f"{backend}-access.log"
    access_log.unlink(missing_ok=True)
    new_address_lua = OUT / "new_address.lua"
    new_address_lua.write_text(NEW_ADDRESS_LUA)
    new_agent_lua = OUT / "new_agent.lua"
    new_agent_lua.write_text(NEW_AGENT_LUA)
    article_path = f"/tin-tuc/{SEED_SLUG}/"
    paths = {
        "same": article_path + "?v=same",
        "address": article_path + "?v=address",
        "agent": article_path + "?v=agent",
    }
    results = {}
    log(f"{backend}: ceiling, the bare Django project (before the cases)")
    bare_before = bench_bare(env)
    server = start_gunicorn(env, access_log)
    base = server.url("")
    try:
        views_before = int(django_value(env, f"probes.article_views({SEED_SLUG!r})"))
        visits_before = int(django_value(env, "probes.total_visits()"))
        log(f"{backend}: 1. home page")
        results["home"] = measure(base + "/", agent=READER_AGENT)
        log(f"{backend}: 2. article, same visitor")
        results["same"] = measure(base + paths["same"], agent=READER_AGENT)
        log(f"{backend}: 3. article, a new visitor (new address, real browser) every request")
        results["address"] = measure(base + paths["address"], lua=new_address_lua)
        log(f"{backend}: 4. article, a new User-Agent every request (worst case)")
        results["agent"] = measure(base + paths["agent"], lua=new_agent_lua)
        log(f"{backend}: 5. the bare view through the portal's stack")
        results["stack"] = measure(base + "/bench/bare/", agent=READER_AGENT)
    finally:
        server.stop()
    log(f"{backend}: ceiling, the bare Django project (after the cases)")
    results["bare"] = mean_of(bare_before, bench_bare(env))
    # Counters buffered in Redis (if any) are flushed by the probes before reading.
    views_after = int(django_value(env, f"probes.article_views({SEED_SLUG!r})"))
    visits_after = int(django_value(env, "probes.total_visits()"))
    answers = {name: answered(access_log, path) for name, path in paths.items()}
    new_visitors = answers["address"] + answers["agent"]
    expected_views = new_visitors + (1 if answers["same"] else 0)
    # The reader (cases 1 and 2, one address and User-Agent) makes one visit; each new
    # visitor makes one.
    expected_visits = new_visitors + 1
    checks = {
        "views": (views_after - views_before, expected_views),
        "visits": (visits_after - visits_before, expected_visits),
    }
    return results, checks


# Issue #14's targets, as shares of the bare Django project's req/s: PostgreSQL + Redis
# per case; without Redis (PostgreSQL alone, SQLite) every case 25 %.
TARGETS = {
    "postgres": {"home": 50, "same": 50, "address": 35, "agent": 20},
    "postgres-noredis": {"home": 25, "same": 25, "address": 25, "agent": 25},
    "sqlite": {"home": 25, "same": 25, "address": 25, "agent": 25},
}
LABELS = {
    "home": "1. Trang chủ (home page)",
    "same": "2. Bài viết, cùng người đọc (same visitor)",
    "address": "3. Bài viết, mỗi lượt một khách mới (new address, real browser)",
    "agent": "4. Bài viết, mỗi lượt một User-Agent mới (worst case)",
    "stack": "5. View trần qua middleware của cổng (bare view through the stack)",
    "bare": "Trần: dự án Django trần (bare Django project: the ceiling)",
}


def print_table(backend, results, checks):
    bare = results["bare"]["rps"]
    targets = TARGETS.get(backend, {})
    print()
    print(
        f"### {backend} — gunicorn {WORKERS} workers, wrk {THREADS} threads × "
        f"{CONNECTIONS} connections × {DURATION}s"
    )
    print()
    print("| case | req/s | p50 ms | p99 ms | errors | % of bare | target | met |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, label in LABELS.items():
        row = results[name]
        ratio = 100.0 * row["rps"] / bare if bare else 0.0
        target = targets.get(name)
        goal, met = ("", "") if target is None else (f"{target} %", _met(ratio >= target, row))
        print(
            f"| {label} | {row['rps']:.0f} | {row['p50']:.2f} | {row['p99']:.2f} | "
            f"{row['errors']} | {ratio:.0f} % | {goal} | {met} |"
        )
    print()
    before, after = results["bare"]["spread"]
    print(f"The ceiling is the mean of {before:.0f} req/s before the cases and {after:.0f} after.")
    for name, (got, expected) in checks.items():
        verdict = "EXACT" if got == expected else "MISMATCH"
        print(f"- {name}: rose by {got}, server answered {expected} counted requests: {verdict}")
    print()


def _met(reached, row):
    return "yes" if reached and not row["errors"] else "no"


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
