"""Editor speed: the admin's report and proposal lists and a 40-proposal review page, over 100,000 reports.

Run from the repository root:  python benchmarks/admin_lists.py [--reports N]
It builds a scratch database (SQLite in a temporary directory, or the database
named by BENCH_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/bench — its
tables are emptied first), fills it, and prints for each page the median time of
5 requests and the number of queries.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    args = parser.parse_args()

    scratch = tempfile.mkdtemp(prefix="tracker-bench-")
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{scratch}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings_test")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("load_reference", verbosity=0)

    from django.contrib.auth import get_user_model

    from pledges.models import Donor, Proposal, Report, System, content_hash

    donor, system = Donor.objects.get(code="DE"), System.objects.get(slug="iris-t-slm")
    started = time.perf_counter()
    batch = 5_000
    for first in range(0, args.reports, batch):
        reports = []
        for n in range(first, min(first + batch, args.reports)):
            body = f"Report {n}. Germany will send four IRIS-T systems."
            reports.append(Report(title=f"Report {n}", body=body, content_hash=content_hash(body)))
        Report.objects.bulk_create(reports)
    reports = list(Report.objects.order_by("-id").values_list("id", flat=True)[: args.reports])
    proposals = [
        Proposal(report_id=rid, donor=donor, system=system, item="system", quantity=4, start=0, end=10,
                 evidence="Report", parser_key="k")
        for rid in reports
    ]
    Proposal.objects.bulk_create(proposals, batch_size=batch)
    big = Report.objects.create(title="Forty", body="Germany will send four IRIS-T systems. " * 50)
    Proposal.objects.bulk_create(
        Proposal(report=big, donor=donor, system=system, item="system", quantity=4, start=n * 40, end=n * 40 + 37,
                 evidence="x", parser_key=f"k{n}")
        for n in range(40)
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # as autovacuum would after a bulk load
    print(f"{connection.vendor}: {Report.objects.count():,} reports, {Proposal.objects.count():,} proposals "
          f"(filled in {time.perf_counter() - started:.1f} s)")

    user = get_user_model().objects.create_superuser("bench", password="bench-password-123")
    client = Client()
    client.force_login(user)
    pages = {
        "report list": "/admin/pledges/report/",
        "report list, page 50": "/admin/pledges/report/?p=50",
        "report list, filtered": "/admin/pledges/report/?parse_status__exact=pending",
        "proposal list": "/admin/pledges/proposal/",
        "proposal list, pending": "/admin/pledges/proposal/?state__exact=pending",
        "review page, 40 proposals": f"/admin/pledges/report/{big.pk}/review/",
    }
    for name, url in pages.items():
        timings = []
        for _ in range(5):
            with CaptureQueriesContext(connection) as queries:
                t = time.perf_counter()
                response = client.get(url)
                timings.append(time.perf_counter() - t)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{name:<28} {statistics.median(timings) * 1000:8.1f} ms  {len(queries.captured_queries):3d} queries")


if __name__ == "__main__":
    main()
