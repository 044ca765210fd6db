"""Reference data (donors and systems): fixture files into the database, and the database into the parser."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from pledges.extraction import ReferenceData
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


def reference_data_from_database() -> ReferenceData:
    """Donors and systems as the parser wants them: the same dicts as fixtures/reference/*.json.

    Editors add aliases in the admin; the next parse uses them. When the
    database has no reference data yet, the fixtures are loaded first.
    """
    reference_ensure_loaded()
    donors = [
        {"code": code, "name": name, "kind": kind, "aliases": aliases, "people": people}
        for code, name, kind, aliases, people in Donor.objects.order_by("code").values_list(
            "code", "name", "kind", "aliases", "people"
        )
    ]
    systems = [
        {
            "name": name,
            "slug": slug,
            "family": family,
            "category": category,
            "unit": unit,
            "generic": generic,
            "aliases": aliases,
        }
        for name, slug, family, category, unit, generic, aliases in System.objects.order_by("slug").values_list(
            "name", "slug", "family", "category", "unit", "is_generic", "aliases"
        )
    ]
    return ReferenceData.from_dicts(donors=donors, systems=systems)
