"""The parser's reference data, built from the Donor and System rows of the database."""

from pledges.extraction import ReferenceData
from pledges.models import Donor, System
from pledges.reference import reference_ensure_loaded


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
