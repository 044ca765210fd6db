"""The demo data: the user's seed report with its two pledges, published."""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pledges.choices import SourceKind
from pledges.models import Donor, Pledge, PledgeSource, Report, System, content_hash

DEMO_DIR = Path(settings.BASE_DIR) / "fixtures" / "demo"


@transaction.atomic
def demo_load(*, directory: Path = DEMO_DIR) -> Report:
    """Create the seed report and its published pledges; loading twice changes nothing."""
    spec = json.loads((directory / "seed.json").read_text(encoding="utf-8"))
    meta = spec["report"]
    body = (directory / meta["file"]).read_text(encoding="utf-8")
    report = Report.objects.filter(content_hash=content_hash(body)).first()
    if report is None:
        report = Report.objects.create(
            title=meta["title"],
            publisher=meta.get("publisher", ""),
            source_kind=meta.get("source_kind", SourceKind.OTHER),
            url=meta.get("url", ""),
            published_on=datetime.date.fromisoformat(meta["published_on"]),
            body=body,
        )
    if report.pledge_links.exists():
        return report
    for entry in spec["pledges"]:
        start = body.index(entry["evidence"])
        end = start + len(entry["evidence"])
        pledge = Pledge.objects.create(
            donor=Donor.objects.get(code=entry["donor"]),
            system=System.objects.get(name=entry["system"]),
            item=entry["item"],
            quantity=entry["quantity"],
            qualifier=entry["qualifier"],
            quantity_text=entry["quantity_text"],
            announced_on=datetime.date.fromisoformat(entry["announced_on"]),
            source_report=report,
            evidence=entry["evidence"],
            evidence_start=start,
            evidence_end=end,
            approved_at=timezone.now(),
        )
        PledgeSource.objects.create(
            pledge=pledge, report=report, evidence=entry["evidence"], evidence_start=start, evidence_end=end
        )
    return report


