"""Reference data and the demo report load into the database, idempotently."""

import pytest

from pledges.choices import Qualifier
from pledges.demo import demo_load
from pledges.models import Donor, Pledge, System
from pledges.reference import read_reference_files, reference_load

pytestmark = pytest.mark.django_db

FAMILIES = [
    "Patriot", "IRIS-T", "NASAMS", "Gepard", "Hawk", "SAMP/T", "Crotale", "Skynex",
    "Caesar", "PzH 2000", "M777", "AS-90", "Archer", "Zuzana", "HIMARS", "M270", "MARS",
    "Leopard 1", "Leopard 2", "Challenger 2", "Abrams", "T-72", "Bradley", "Marder", "CV90",
    "Stryker", "M113", "F-16", "Mirage 2000", "Gripen", "Javelin", "NLAW", "Storm Shadow", "ATACMS",
]


def test_reference_data_loads_every_donor_and_system(reference_data):
    donors, systems = read_reference_files()
    # 45 countries plus EU and NATO: every donor of military aid we could verify
    # (see tests/test_reference_data.py); padding to 50 would mean inventing donors.
    assert Donor.objects.count() == len(donors) >= 47
    assert System.objects.count() == len(systems) >= 150
    assert {"EU", "NATO", "DE", "US", "GB"} <= set(Donor.objects.values_list("code", flat=True))


def test_reference_data_covers_the_families_reports_name(reference_data):
    names = " | ".join(f"{s.name} {s.family} {' '.join(s.aliases)}" for s in System.objects.all())
    missing = [family for family in FAMILIES if family.lower() not in names.lower()]
    assert not missing


def test_reference_data_has_generic_entries_for_unnamed_equipment(reference_data):
    generic = set(System.objects.filter(is_generic=True).values_list("name", flat=True))
    assert {"155mm artillery ammunition", "armoured personnel carriers", "air defence systems"} <= generic


def test_loading_reference_data_twice_changes_nothing(reference_data):
    again = reference_load()
    assert again.donors_created == 0 and again.systems_created == 0
    assert "Britain" in Donor.objects.get(code="GB").aliases


def test_demo_report_has_the_two_seed_pledges_published(reference_data):
    report = demo_load()
    pledges = {
        (p.donor.code, p.system.name, p.item, p.quantity, p.qualifier)
        for p in Pledge.objects.public().select_related("donor", "system")
    }
    assert pledges == {
        ("DE", "IRIS-T SLM", "system", 4, Qualifier.EXACT),
        ("DE", "Patriot", "missile", 30, Qualifier.EXACT),
    }
    for pledge in Pledge.objects.all():
        assert report.body[pledge.evidence_start : pledge.evidence_end] == pledge.evidence
        assert pledge.announced_on.isoformat() == "2025-04-11"


def test_loading_the_demo_twice_adds_nothing(reference_data):
    first = demo_load()
    second = demo_load()
    assert first.pk == second.pk
    assert Pledge.objects.count() == 2
