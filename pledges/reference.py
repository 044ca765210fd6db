"""Reference data (donors and systems): loading the fixture files into the database."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from pledges.models import Donor, System

REFERENCE_DIR = Path(settings.BASE_DIR) / "fixtures" / "reference"


@dataclass(frozen=True)
class LoadResult:
    donors_created: int
    donors_updated: int
    systems_created: int
    systems_updated: int


def read_reference_files(directory: Path = REFERENCE_DIR) -> tuple[list[dict], list[dict]]:
    donors = json.loads((directory / "donors.json").read_text(encoding="utf-8"))
    systems = json.loads((directory / "systems.json").read_text(encoding="utf-8"))
    return donors, systems


@transaction.atomic
def reference_load(*, directory: Path = REFERENCE_DIR) -> LoadResult:
    """Upsert donors by code and systems by slug, so loading twice changes nothing
    and a grown fixture file adds to the database without touching pledges."""
    donors, systems = read_reference_files(directory)
    donors_created = systems_created = 0
    for entry in donors:
        _, created = Donor.objects.update_or_create(
            code=entry["code"],
            defaults={
                "name": entry["name"],
                "kind": entry["kind"],
                "slug": entry.get("slug") or entry["code"].lower(),
                "aliases": entry.get("aliases", []),
                "people": entry.get("people", []),
            },
        )
        donors_created += created
    for entry in systems:
        _, created = System.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "family": entry.get("family") or entry["name"],
                "category": entry["category"],
                "unit": entry.get("unit", "system"),
                "is_generic": entry.get("generic", False),
                "aliases": entry.get("aliases", []),
            },
        )
        systems_created += created
    return LoadResult(
        donors_created=donors_created,
        donors_updated=len(donors) - donors_created,
        systems_created=systems_created,
        systems_updated=len(systems) - systems_created,
    )


def reference_ensure_loaded() -> None:
    """Load the fixtures when the database has no reference data yet."""
    if not Donor.objects.exists() or not System.objects.exists():
        reference_load()
