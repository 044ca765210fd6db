"""Synthetic published pledges for benchmarks: skewed towards a few big donors, 2022–2026, each with a source report.

On PostgreSQL rows go in with COPY (a million pledges in a couple of minutes);
elsewhere with bulk_create in batches. Rows are built by one seeded generator,
so the same --seed gives the same pledges.
"""

import datetime
import hashlib
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from tracker.cache import cache_invalidate
from pledges.choices import ItemKind, PledgeStatus, Qualifier, SourceKind
from pledges.models import Donor, Pledge, PledgeSource, Report, System
from pledges.reference import reference_ensure_loaded

# Donors that pledged most come first; the rest follow in reference order.
BIG_DONORS = ["US", "DE", "GB", "PL", "NL", "DK", "CA", "FR", "NO", "SE", "EU", "IT", "FI", "CZ"]
START = datetime.date(2022, 2, 24)
END = datetime.date(2026, 6, 30)
BATCH = 20_000
PUBLISHERS = [
    ("Ministry of Defence", SourceKind.GOVERNMENT),
    ("Reuters", SourceKind.NEWS_AGENCY),
    ("Associated Press", SourceKind.NEWS_AGENCY),
    ("The Guardian", SourceKind.NEWSPAPER),
    ("Defense News", SourceKind.NEWSPAPER),
    ("NATO", SourceKind.INTERNATIONAL_ORGANISATION),
]
VERBS = ["will send", "has pledged", "is to provide", "announced it would deliver", "promised", "will supply"]
# Unit kind -> (typical low, typical high) quantity.
RANGES = {
    ItemKind.ROUND: (500, 100_000),
    ItemKind.MISSILE: (4, 600),
    ItemKind.DRONE: (10, 5_000),
    ItemKind.VEHICLE: (2, 200),
    ItemKind.AIRCRAFT: (1, 24),
    ItemKind.VESSEL: (1, 6),
    ItemKind.LAUNCHER: (1, 40),
    ItemKind.SYSTEM: (1, 12),
    ItemKind.OTHER: (1, 1_000),
}


@dataclass(frozen=True)
class GenerateResult:
    pledges: int
    reports: int


def _donor_weights(donors: list[Donor]) -> list[float]:
    order = {code: rank for rank, code in enumerate(BIG_DONORS)}
    ranked = sorted(donors, key=lambda d: (order.get(d.code, len(BIG_DONORS)), d.pk))
    rank_of = {donor.pk: rank for rank, donor in enumerate(ranked)}
    # Zipf-like: the first donor pledges ~20x as often as the tenth.
    return [1.0 / (rank_of[donor.pk] + 1) ** 1.3 for donor in donors]


def _random_date(rng: random.Random) -> datetime.date:
    # More pledges early in the war, fewer later: a triangular skew.
    span = (END - START).days
    return START + datetime.timedelta(days=int(rng.triangular(0, span, span * 0.2)))


def _quantity(rng: random.Random, unit: str) -> tuple[int | None, str, str]:
    low, high = RANGES.get(unit, (1, 100))
    roll = rng.random()
    if roll < 0.08:
        return None, Qualifier.UNDISCLOSED, "an undisclosed number of"
    if roll < 0.11:
        return None, Qualifier.VAGUE, rng.choice(["dozens of", "several", "hundreds of"])
    quantity = max(low, min(high, int(rng.paretovariate(1.2) * low)))
    if roll < 0.16:
        return quantity, Qualifier.AT_LEAST, f"at least {quantity:,}"
    if roll < 0.19:
        return quantity, Qualifier.APPROXIMATELY, f"about {quantity:,}"
    if roll < 0.21:
        return quantity, Qualifier.UP_TO, f"up to {quantity:,}"
    return quantity, Qualifier.EXACT, f"{quantity:,}"


def _rows(*, count: int, seed: int, first_report_id: int, first_pledge_id: int) -> Iterator[tuple[dict, list[dict]]]:
    """(report, its pledges) pairs until `count` pledges have been made."""
    rng = random.Random(seed)
    donors = list(Donor.objects.order_by("pk"))
    systems = list(System.objects.order_by("pk"))
    weights = _donor_weights(donors)
    now = timezone.now()
    made = 0
    report_id, pledge_id = first_report_id, first_pledge_id
    while made < count:
        size = min(count - made, rng.choice([1, 1, 2, 3, 4, 6, 8]))
        donor = rng.choices(donors, weights)[0]
        day = _random_date(rng)
        publisher, kind = rng.choice(PUBLISHERS)
        title = f"{donor.name} announces military aid package for Ukraine"
        intro = f"Bulletin {report_id} ({seed}). {donor.name} set out a new package of military aid for Ukraine on {day:%d %B %Y}."
        parts = [intro]
        offset = len(intro) + 2
        pledges = []
        for _ in range(size):
            system = rng.choice(systems)
            quantity, qualifier, worded = _quantity(rng, system.unit)
            sentence = f"{donor.name} {rng.choice(VERBS)} {worded} {system.name} to Ukraine."
            pledges.append(
                {
                    "id": pledge_id,
                    "donor_id": donor.pk,
                    "system_id": system.pk,
                    "category": system.category,
                    "item": system.unit,
                    "quantity": quantity,
                    "qualifier": qualifier,
                    "quantity_text": worded,
                    "announced_on": day,
                    "status": PledgeStatus.DELIVERED if rng.random() < 0.3 else PledgeStatus.PLEDGED,
                    "source_report_id": report_id,
                    "evidence": sentence,
                    "evidence_start": offset,
                    "evidence_end": offset + len(sentence),
                    "value_currency": "",
                    "notes": "",
                    "is_published": True,
                    "created_at": now,
                    "approved_at": now,
                    "updated_at": now,
                }
            )
            parts.append(sentence)
            offset += len(sentence) + 2
            pledge_id += 1
        parts.append("The ministry did not give delivery dates.")
        body = "\n\n".join(parts)
        report = {
            "id": report_id,
            "title": title,
            "publisher": publisher,
            "source_kind": kind,
            "url": f"https://example.org/reports/{report_id}",
            "published_on": day,
            "body": body,
            "original": "",
            "original_format": "text",
            "content_hash": hashlib.sha256(body.encode()).hexdigest(),
            "added_at": now,
            "parse_status": "parsed",
            "parse_error": "",
            "parsed_at": now,
        }
        yield report, pledges
        report_id += 1
        made += size


REPORT_COLUMNS = [
    "id", "title", "publisher", "source_kind", "url", "published_on", "body", "original",
    "original_format", "content_hash", "added_at", "parse_status", "parse_error", "parsed_at",
]
PLEDGE_COLUMNS = [
    "id", "donor_id", "system_id", "category", "item", "quantity", "qualifier", "quantity_text",
    "announced_on", "status", "source_report_id", "evidence", "evidence_start", "evidence_end",
    "value_currency", "notes", "is_published", "created_at", "approved_at", "updated_at",
]
SOURCE_COLUMNS = ["pledge_id", "report_id", "evidence", "evidence_start", "evidence_end", "added_at"]


def _source(pledge: dict) -> dict:
    return {
        "pledge_id": pledge["id"],
        "report_id": pledge["source_report_id"],
        "evidence": pledge["evidence"],
        "evidence_start": pledge["evidence_start"],
        "evidence_end": pledge["evidence_end"],
        "added_at": pledge["created_at"],
    }


@transaction.atomic
def pledges_generate(*, count: int, seed: int) -> GenerateResult:
    """Add `count` synthetic published pledges (and their reports) to the database."""
    reference_ensure_loaded()
    first_report = (Report.objects.aggregate(m=Max("id"))["m"] or 0) + 1
    first_pledge = (Pledge.objects.aggregate(m=Max("id"))["m"] or 0) + 1
    rows = _rows(count=count, seed=seed, first_report_id=first_report, first_pledge_id=first_pledge)
    if connection.vendor == "postgresql":
        reports = _write_all(rows, _copy_batch)
        with connection.cursor() as cursor:
            for table in ("pledges_report", "pledges_pledge"):
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                )
    else:
        reports = _write_all(rows, _bulk_batch)
    # COPY and bulk_create send no signals, so cached public pages would go on
    # showing the old totals until they expire.
    cache_invalidate()
    return GenerateResult(pledges=count, reports=reports)


def _write_all(rows: Iterator[tuple[dict, list[dict]]], write_batch: Callable[[list, list, list], None]) -> int:
    """Buffer reports, pledges and their source links, and hand them to write_batch in step."""
    reports = 0
    buffered: tuple[list, list, list] = ([], [], [])
    for report, pledges in rows:
        buffered[0].append(report)
        buffered[1].extend(pledges)
        buffered[2].extend(_source(p) for p in pledges)
        reports += 1
        if len(buffered[1]) >= BATCH:
            write_batch(*buffered)
            buffered = ([], [], [])
    write_batch(*buffered)
    return reports


def _copy_batch(reports: list[dict], pledges: list[dict], sources: list[dict]) -> None:
    with connection.cursor() as cursor:
        for table, columns, records in (
            ("pledges_report", REPORT_COLUMNS, reports),
            ("pledges_pledge", PLEDGE_COLUMNS, pledges),
            ("pledges_pledgesource", SOURCE_COLUMNS, sources),
        ):
            if not records:
                continue
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for record in records:
                    copy.write_row([record[column] for column in columns])


def _bulk_batch(reports: list[dict], pledges: list[dict], sources: list[dict]) -> None:
    # Report.save() computes content_hash; bulk_create skips save(), and the rows carry it already.
    Report.objects.bulk_create([Report(**r) for r in reports], batch_size=500)
    Pledge.objects.bulk_create([Pledge(**p) for p in pledges], batch_size=500)
    PledgeSource.objects.bulk_create([PledgeSource(**s) for s in sources], batch_size=500)
