"""Load and soak test: gunicorn + PostgreSQL on loopback, uncached and with Redis; prints rps and latency per phase.

    .venv/bin/python benchmarks/load_soak.py --database-url postgres://postgres@127.0.0.1:5432/tracker_load \\
        --rows 100000 --modes uncached,redis

For each mode it starts gunicorn with gunicorn.conf.py in production settings
(debug off), then runs these phases against a mix of the public table, the
filtered table, pledge pages and a filtered CSV export:

    warm-up    10 clients,  5 s       pools, caches and the OS page cache fill up
    baseline   10 clients, 15 s       what "normal" latency is
    load       50 clients, 60 s       expectation: zero errors
    overload  200 clients, 60 s       expectation: only 200s and 503s, no worker timeouts
    (idle 30 s)
    recovery   10 clients, 15 s       expectation: p50/p95 back near the baseline

Only 127.0.0.1 is ever contacted; every loop is bounded by time and by count.
"""

import argparse
import http.client
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
MAX_REQUESTS_PER_CLIENT = 100_000  # a hard bound besides the phase's duration


@dataclass
class Phase:
    name: str
    clients: int
    seconds: float
    allowed: frozenset[int]


@dataclass
class Result:
    latencies_ms: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, status: int | None, elapsed_ms: float, error: str | None = None) -> None:
        with self.lock:
            if error is not None:
                self.errors[error] += 1
            else:
                self.statuses[status] += 1
                self.latencies_ms.append(elapsed_ms)


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def request_mix(pledge_ids: list[int], donors: list[str], categories: list[str]) -> list[tuple[int, str]]:
    """(weight, path) pairs: the shape of public traffic on an announcement day."""
    mix = [(25, "/pledges/")]
    for donor in donors[:5]:
        mix.append((4, f"/pledges/?donor={donor}"))
        for category in categories[:2]:
            mix.append((2, f"/pledges/?donor={donor}&category={category}"))
            mix.append((1, f"/pledges.csv?donor={donor}&category={category}"))
    mix.append((5, "/pledges/?page=2"))
    for pledge_id in pledge_ids:
        mix.append((max(1, 40 // max(1, len(pledge_ids))), f"/pledges/{pledge_id}/"))
    return mix


def client_loop(paths: list[str], weights: list[int], deadline: float, result: Result, seed: int) -> None:
    rng = random.Random(seed)
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    headers = {"Host": "localhost", "X-Forwarded-Proto": "https", "Connection": "keep-alive"}
    for _ in range(MAX_REQUESTS_PER_CLIENT):
        if time.monotonic() >= deadline:
            break
        path = rng.choices(paths, weights)[0]
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            result.record(response.status, (time.perf_counter() - started) * 1000)
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
        except (OSError, http.client.HTTPException) as exc:
            result.record(None, 0, type(exc).__name__)
            connection.close()
            connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    connection.close()


def run_phase(phase: Phase, mix: list[tuple[int, str]]) -> Result:
    result = Result()
    weights, paths = zip(*mix)
    deadline = time.monotonic() + phase.seconds
    threads = [
        threading.Thread(target=client_loop, args=(list(paths), list(weights), deadline, result, number), daemon=True)
        for number in range(phase.clients)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=phase.seconds + 90)
    result.elapsed = time.monotonic() - started
    return result


def report(mode: str, phase: Phase, result: Result) -> dict:
    count = len(result.latencies_ms)
    bad = {status: n for status, n in result.statuses.items() if status not in phase.allowed}
    row = {
        "mode": mode,
        "phase": phase.name,
        "clients": phase.clients,
        "requests": count,
        "rps": count / result.elapsed if result.elapsed else 0,
        "p50": percentile(result.latencies_ms, 0.50),
        "p95": percentile(result.latencies_ms, 0.95),
        "p99": percentile(result.latencies_ms, 0.99),
        "statuses": dict(sorted(result.statuses.items())),
        "errors": dict(result.errors),
        "ok": not bad and not result.errors,
    }
    print(
        f"{mode:9} {phase.name:9} {phase.clients:4} clients {count:7} req {row['rps']:8.1f} rps "
        f"p50 {row['p50']:8.1f} ms  p95 {row['p95']:8.1f} ms  p99 {row['p99']:8.1f} ms  "
        f"statuses {row['statuses']}  errors {row['errors']}  {'OK' if row['ok'] else 'UNEXPECTED'}",
        flush=True,
    )
    return row


def manage(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def generate_with_sql(database_url: str, count: int, seed: int) -> None:
    """Published pledges straight in PostgreSQL, a report for every ten and a source
    link for each (a fallback for when the app's generate_pledges is not there)."""
    import psycopg

    reports = max(1, count // 10)
    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as connection:
        connection.execute("SELECT setseed(%s)", [((seed % 1000) / 1000.0)])
        start = connection.execute("SELECT coalesce(max(id), 0) FROM pledges_report").fetchone()[0]
        connection.execute(
            """
            INSERT INTO pledges_report (title, publisher, source_kind, url, published_on, body, original,
                original_format, content_hash, added_at, parse_status, parse_error)
            SELECT 'Synthetic report ' || n, 'Ministry of Defence', 'government', '', d,
                   'Synthetic report ' || n || '. The government will send equipment.', '', 'text',
                   md5('load-' || %(start)s || '-' || n) || md5('soak-' || n), now(), 'parsed', ''
            FROM generate_series(1, %(reports)s) AS n,
                 LATERAL (SELECT date '2022-02-24' + (random() * 1400)::int AS d) AS day
            """,
            {"reports": reports, "start": start},
        )
        connection.execute(
            """
            WITH donors AS (SELECT array_agg(id ORDER BY id) AS ids FROM pledges_donor),
                 systems AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(category ORDER BY id) AS cats,
                                    array_agg(unit ORDER BY id) AS units FROM pledges_system),
                 new_reports AS (SELECT array_agg(id ORDER BY id) AS ids FROM pledges_report WHERE id > %(start)s),
                 picks AS (
                    SELECT n,
                           1 + floor(power(random(), 2) * array_length((SELECT ids FROM donors), 1))::int AS donor_i,
                           1 + floor(random() * array_length((SELECT ids FROM systems), 1))::int AS system_i,
                           1 + floor(random() * array_length((SELECT ids FROM new_reports), 1))::int AS report_i,
                           date '2022-02-24' + (random() * 1400)::int AS day,
                           1 + floor(random() * 100)::int AS quantity
                    FROM generate_series(1, %(count)s) AS n)
            INSERT INTO pledges_pledge (donor_id, system_id, category, item, quantity, qualifier, quantity_text,
                announced_on, status, source_report_id, evidence, value_currency, notes, is_published,
                created_at, approved_at, updated_at)
            SELECT (SELECT ids FROM donors)[donor_i], (SELECT ids FROM systems)[system_i],
                   (SELECT cats FROM systems)[system_i], (SELECT units FROM systems)[system_i],
                   quantity, 'exact', quantity::text, day, 'pledged', (SELECT ids FROM new_reports)[report_i],
                   'The government will send ' || quantity || ' units.', '', '', true, now(), now(), now()
            FROM picks
            """,
            {"count": count, "start": start},
        )
        connection.execute(
            """
            INSERT INTO pledges_pledgesource (pledge_id, report_id, evidence, added_at)
            SELECT id, source_report_id, evidence, now() FROM pledges_pledge p
            WHERE source_report_id > %(start)s
            ON CONFLICT DO NOTHING
            """,
            {"start": start},
        )
        connection.execute("ANALYZE")


def sample_targets(database_url: str) -> tuple[list[int], list[str], list[str]]:
    """Some published pledge ids, the busiest donors and categories, read straight from PostgreSQL."""
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as connection:
        ids = [row[0] for row in connection.execute(
            "SELECT id FROM pledges_pledge WHERE is_published ORDER BY random() LIMIT 200")]
        donors = [row[0].lower() for row in connection.execute(
            "SELECT d.code FROM pledges_pledge p JOIN pledges_donor d ON d.id = p.donor_id "
            "GROUP BY d.code ORDER BY count(*) DESC LIMIT 5")]
        categories = [row[0] for row in connection.execute(
            "SELECT category FROM pledges_pledge WHERE category <> '' GROUP BY category ORDER BY count(*) DESC LIMIT 2")]
        total = connection.execute("SELECT count(*) FROM pledges_pledge").fetchone()[0]
    print(f"dataset: {total} pledges; sampled {len(ids)} ids, donors {donors}, categories {categories}", flush=True)
    return ids, donors, categories


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def port_is_free(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        # As gunicorn binds: a port in TIME_WAIT after the previous mode is free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def drop_missing_routes(mix: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Leave out a kind of URL the app does not serve yet (404 on a first try), and say so."""
    kept, missing = [], set()
    for weight, path in mix:
        route = path.split("?")[0] if path.endswith(".csv") or ".csv?" in path else None
        if route and route not in missing:
            connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
            connection.request("GET", path, headers={"Host": "localhost", "X-Forwarded-Proto": "https"})
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status == 404:
                missing.add(route)
        if route in missing:
            continue
        kept.append((weight, path))
    for route in sorted(missing):
        print(f"note: {route} answers 404 here, left out of the mix", flush=True)
    return kept


def start_gunicorn(env: dict[str, str], log_path: Path) -> subprocess.Popen:
    # Never measure (or load) somebody else's server that happens to listen there.
    if not port_is_free(PORT):
        raise SystemExit(f"port {PORT} is taken; choose another with --port")
    log = log_path.open("w")
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--access-logfile", "/dev/null"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    for _ in range(300):
        try:
            connection = http.client.HTTPConnection(HOST, PORT, timeout=2)
            connection.request("GET", "/healthz", headers={"Host": "localhost", "X-Forwarded-Proto": "https"})
            if connection.getresponse().status == 200 and server.poll() is None:
                return server
        except OSError:
            pass
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited: see {log_path}")
        time.sleep(0.1)
    raise SystemExit(f"gunicorn did not become healthy: see {log_path}")


def main() -> None:
    global PORT
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True, help="postgres://... on 127.0.0.1")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/3")
    parser.add_argument("--rows", type=int, default=100_000, help="generate this many pledges if fewer exist")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--modes", default="uncached,redis")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (default: gunicorn.conf.py's)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every phase's duration (0.1 for a smoke run)")
    args = parser.parse_args()
    PORT = args.port or free_port()
    host = urllib.parse.urlsplit(args.database_url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("load tests run against a database on loopback only")

    base_env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL", "GUNICORN_", "DATABASE_"))},
        "DJANGO_SETTINGS_MODULE": "tracker.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "load-test-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": args.database_url,
        "DJANGO_DB_POOL": "true",
        "DJANGO_DB_POOL_MIN_SIZE": "1",
        "DJANGO_DB_POOL_MAX_SIZE": "2",
        "GUNICORN_BIND": f"{HOST}:{PORT}",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    if args.workers:
        base_env["GUNICORN_WORKERS"] = str(args.workers)

    setup_env = {**base_env, "DJANGO_DB_POOL": "false"}
    manage(setup_env, "migrate", "--no-input")
    manage(setup_env, "collectstatic", "--no-input")
    manage(setup_env, "load_reference")
    existing = int(manage(setup_env, "shell", "--no-imports", "-c", "from pledges.models import Pledge; print(Pledge.objects.count())").split()[-1])
    if existing < args.rows:
        started = time.monotonic()
        missing = args.rows - existing
        if "generate_pledges" in manage(setup_env, "help", "--commands"):
            manage(setup_env, "generate_pledges", "--count", str(missing), "--seed", str(args.seed))
            how = "generate_pledges"
        else:
            generate_with_sql(args.database_url, missing, args.seed)
            how = "SQL (no generate_pledges command)"
        print(f"generated {missing} pledges with {how} in {time.monotonic() - started:.0f} s", flush=True)
    mix = request_mix(*sample_targets(args.database_url))

    s = args.scale
    ok = {200}
    phases = [
        Phase("warm-up", 10, 5 * s, frozenset(ok)),  # fill pools, caches, page cache of the OS
        Phase("baseline", 10, 15 * s, frozenset(ok)),
        Phase("load", 50, 60 * s, frozenset(ok)),
        Phase("overload", 200, 60 * s, frozenset({200, 503})),
        Phase("recovery", 10, 15 * s, frozenset(ok)),
    ]
    rows = []
    for mode in args.modes.split(","):
        env = dict(base_env)
        if mode == "redis":
            env["REDIS_URL"] = args.redis_url
            subprocess.run(["redis-cli", "-u", args.redis_url, "FLUSHDB"], check=False, capture_output=True)
        elif mode == "uncached":
            env["TRACKER_PAGE_CACHE_SECONDS"] = "0"  # cache.set(..., 0) stores nothing
        else:
            raise SystemExit(f"unknown mode {mode!r}")
        log_path = Path(tempfile.gettempdir()) / f"load_soak_gunicorn_{mode}.log"
        server = start_gunicorn(env, log_path)
        mix = drop_missing_routes(mix)
        try:
            for phase in phases:
                if phase.name == "recovery":
                    time.sleep(30 * s)  # load has dropped; let queues drain
                rows.append(report(mode, phase, run_phase(phase, mix)))
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
        log = log_path.read_text(errors="replace")
        timeouts = log.count("WORKER TIMEOUT")
        baseline, recovery = rows[-4], rows[-1]
        print(
            f"{mode:9} worker timeouts: {timeouts}; recovery p50 {recovery['p50']:.1f} ms vs baseline "
            f"{baseline['p50']:.1f} ms, p95 {recovery['p95']:.1f} vs {baseline['p95']:.1f} ms "
            f"(gunicorn log: {log_path})",
            flush=True,
        )


PORT = 8765

if __name__ == "__main__":
    main()
