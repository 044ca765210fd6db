"""Speed of the public browser and its exports, side by side with `psql \\copy` and Datasette. Prints figures.

Usage (PostgreSQL with pledges from `generate_pledges`; see benchmarks/README.md):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tracker_bench \\
        .venv/bin/python benchmarks/public_speed.py [--requests 200] [--no-datasette]

It serves the tracker with gunicorn (DEBUG off, one sync worker, persistent
database connection), measures latency percentiles of three table views, the
full CSV and JSON downloads (rows/s, and the worker's memory growth while it
streams), a raw `psql \\copy` of the very same query, and the same rows served
by Datasette from a SQLite copy built from our CSV (Datasette lives in its own
venv, benchmarks/.venv-datasette, never in the tracker's dependencies).
"""

import argparse
import csv
import http.client
import os
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "benchmarks" / "var"
DATASETTE_VENV = ROOT / "benchmarks" / ".venv-datasette"
OUR_PORT, THEIR_PORT = 8765, 8766
SERVER_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "benchmark-only-not-secret",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_BEHIND_PROXY": "false",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_CONN_MAX_AGE": "600",
    "DJANGO_LOG_LEVEL": "WARNING",
}


def wait_for(port: int, path: str = "/", timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server on port {port} did not answer")


def fetch(port: int, path: str) -> tuple[int, int]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    connection.request("GET", path)
    response = connection.getresponse()
    size = 0
    while chunk := response.read(65536):
        size += len(chunk)
    connection.close()
    return response.status, size


def latency(port: int, path: str, requests: int) -> dict[str, float]:
    for _ in range(10):
        status, _ = fetch(port, path)
        assert status == 200, (path, status)
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        fetch(port, path)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"p50": statistics.median(times), "p95": times[int(len(times) * 0.95) - 1], "max": times[-1]}


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def download(port: int, path: str, *, watch_pid: int | None = None, save: Path | None = None) -> dict[str, float]:
    """Stream a download; count rows (newlines) and the watched process's memory growth."""
    peak = [0]
    baseline = rss_kb(watch_pid) if watch_pid else 0
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], rss_kb(watch_pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True) if watch_pid else None
    if sampler:
        sampler.start()
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    connection.request("GET", path)
    response = connection.getresponse()
    assert response.status == 200, (path, response.status)
    size = lines = 0
    out = save.open("wb") if save else None
    while chunk := response.read(262144):
        size += len(chunk)
        lines += chunk.count(b"\n")
        if out:
            out.write(chunk)
    if out:
        out.close()
    elapsed = time.perf_counter() - started
    done.set()
    if sampler:
        sampler.join()
    return {
        "seconds": elapsed,
        "bytes": size,
        "lines": lines,
        "growth_mb": (peak[0] - baseline) / 1024 if watch_pid else float("nan"),
    }


def export_sql() -> str:
    """The SQL our CSV export runs for the unfiltered, default-sorted view, with parameters inlined."""
    sys.path.insert(0, str(ROOT))
    os.environ.update(SERVER_ENV)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django

    django.setup()
    from django.db import connection
    from psycopg import ClientCursor

    from pledges.exports import _compiled, _csv_queryset
    from pledges.filters import sort_order_by
    from pledges.models import Pledge

    sql, params = _compiled(_csv_queryset(Pledge.objects.public().order_by(*sort_order_by(None))))
    connection.ensure_connection()
    return ClientCursor(connection.connection).mogrify(sql, params)


def psql_copy(database_url: str, sql: str) -> float:
    parsed = urllib.parse.urlparse(database_url)
    command = [
        "psql", "-h", parsed.hostname or "127.0.0.1", "-p", str(parsed.port or 5432),
        "-U", parsed.username or "postgres", "-d", parsed.path.lstrip("/"), "-qAt",
        "-c", f"\\copy ({' '.join(sql.split())}) TO STDOUT WITH (FORMAT csv)",
    ]
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        subprocess.run(command, stdout=sink, check=True)
    return time.perf_counter() - started


def build_sqlite_copy(csv_path: Path, db_path: Path) -> int:
    """Load our own full CSV into SQLite, so Datasette serves exactly the same rows."""
    if db_path.exists():
        db_path.unlink()
    db = sqlite3.connect(db_path)
    with csv_path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        integer = {"pledge_id", "quantity", "source_report_id"}
        columns = ", ".join(f"{name} {'INTEGER' if name in integer else 'TEXT'}" for name in header)
        db.execute(f"CREATE TABLE pledges ({columns}, PRIMARY KEY (pledge_id))")
        marks = ", ".join("?" for _ in header)
        db.executemany(
            f"INSERT INTO pledges VALUES ({marks})",
            ([v if v != "" else None for v in row] for row in reader),
        )
    # The same access paths as ours: donor+category by date, and by date.
    db.execute("CREATE INDEX pledges_donor_cat_date ON pledges (donor_code, category, announced_on, pledge_id)")
    db.execute("CREATE INDEX pledges_date ON pledges (announced_on, pledge_id)")
    db.commit()
    count = db.execute("SELECT count(*) FROM pledges").fetchone()[0]
    db.execute("VACUUM")
    db.close()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--donor", default="US")
    parser.add_argument("--category", default="air-defence")
    parser.add_argument("--no-datasette", action="store_true")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to the PostgreSQL database holding generated pledges.")
    VAR.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **SERVER_ENV}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    gunicorn = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "tracker.wsgi", "-b", f"127.0.0.1:{OUR_PORT}", "--workers", "1", "--timeout", "600"],
        cwd=ROOT, env=env,
    )
    datasette = None
    try:
        wait_for(OUR_PORT, "/healthz")
        worker = children(gunicorn.pid)[0]
        sql = export_sql()
        filtered = f"/pledges/?donor={args.donor.lower()}&category={args.category}"
        print(f"Tracker: gunicorn, 1 sync worker, DEBUG off, PostgreSQL ({database_url.rsplit('/', 1)[-1]})")
        results = {}
        for label, path in [
            ("filtered first page (donor+category, by date)", filtered),
            ("unfiltered first page", "/pledges/"),
            ("page 100 of the filtered view", f"{filtered}&page=100"),
        ]:
            results[path] = latency(OUR_PORT, path, args.requests)
            r = results[path]
            print(f"  {label:<48} p50 {r['p50']:6.1f} ms   p95 {r['p95']:6.1f} ms   max {r['max']:6.1f} ms   ({args.requests} requests, {path})")

        csv_path = VAR / "pledges.csv"
        ours = download(OUR_PORT, "/pledges.csv", watch_pid=worker, save=csv_path)
        rows = ours["lines"] - 1
        raw = psql_copy(database_url, sql)
        print(f"  full CSV over HTTP: {rows:,} rows, {ours['bytes'] / 1e6:.0f} MB in {ours['seconds']:.2f} s"
              f" = {rows / ours['seconds']:,.0f} rows/s; worker memory growth {ours['growth_mb']:.1f} MB")
        print(f"  raw psql \\copy of the same query: {raw:.2f} s = {rows / raw:,.0f} rows/s;"
              f" HTTP/raw = {ours['seconds'] / raw:.2f}x (goal under 1.5x)")
        ours_json = download(OUR_PORT, "/pledges.json", watch_pid=worker)
        print(f"  full JSON over HTTP: {ours_json['bytes'] / 1e6:.0f} MB in {ours_json['seconds']:.2f} s"
              f" = {rows / ours_json['seconds']:,.0f} rows/s ({ours['seconds'] / ours_json['seconds']:.2f} of the CSV rate;"
              f" goal at least 0.5); worker memory growth {ours_json['growth_mb']:.1f} MB")

        if args.no_datasette:
            return
        binary = DATASETTE_VENV / "bin" / "datasette"
        if not binary.exists():
            print(f"  Datasette: not installed; run: python3 -m venv {DATASETTE_VENV} && {DATASETTE_VENV}/bin/pip install 'datasette==0.65.*'")
            return
        db_path = VAR / "pledges.db"
        started = time.perf_counter()
        copied = build_sqlite_copy(csv_path, db_path)
        print(f"Datasette {subprocess.run([binary, '--version'], capture_output=True, text=True).stdout.split()[-1]}"
              f" serving a SQLite copy of the same {copied:,} rows (built from our CSV in {time.perf_counter() - started:.0f} s;"
              " indexes on donor_code+category+announced_on and announced_on), immutable mode")
        datasette = subprocess.Popen(
            [str(binary), "serve", "-i", str(db_path), "-p", str(THEIR_PORT),
             "--setting", "max_csv_mb", "0", "--setting", "sql_time_limit_ms", "600000", "--setting", "default_page_size", "25"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for(THEIR_PORT, "/")
        theirs_path = f"/pledges/pledges?donor_code={args.donor}&category={args.category}&_sort_desc=announced_on&_size=25"
        # Datasette's page takes seconds at this size: fewer requests keep the run short.
        theirs_requests = min(args.requests, 40)
        theirs = latency(THEIR_PORT, theirs_path, theirs_requests)
        ours_page = results[filtered]
        print(f"  filtered first page: p50 {theirs['p50']:6.1f} ms   p95 {theirs['p95']:6.1f} ms   ({theirs_requests} requests, {theirs_path})")
        print(f"    ours/theirs p95 = {ours_page['p95'] / theirs['p95']:.2f} (under 1 means we are faster)")
        theirs_csv = download(THEIR_PORT, "/pledges/pledges.csv?_stream=on&_size=max&_sort_desc=announced_on")
        print(f"  full CSV: {theirs_csv['lines'] - 1:,} rows in {theirs_csv['seconds']:.2f} s"
              f" = {(theirs_csv['lines'] - 1) / theirs_csv['seconds']:,.0f} rows/s")
        print(f"    ours/theirs time = {ours['seconds'] / theirs_csv['seconds']:.2f} (under 1 means we are faster)")
    finally:
        for process in (gunicorn, datasette):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)


if __name__ == "__main__":
    main()
