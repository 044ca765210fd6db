"""Small reference data and helpers shared by the parser tests (no Django, no database)."""

from __future__ import annotations

from pathlib import Path

from pledges.extraction import ReferenceData, extract

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "reference"

DONORS = [
    {"code": "DE", "name": "Germany", "kind": "country", "aliases": ["German", "Germans", "Berlin"],
     "people": ["Olaf Scholz", "Boris Pistorius"]},
    {"code": "GB", "name": "United Kingdom", "kind": "country",
     "aliases": ["UK", "the UK", "U.K.", "Britain", "British", "London"], "people": ["Ben Wallace"]},
    {"code": "NL", "name": "Netherlands", "kind": "country",
     "aliases": ["the Netherlands", "Holland", "Dutch", "The Hague"], "people": ["Ruben Brekelmans"]},
    {"code": "US", "name": "United States", "kind": "country",
     "aliases": ["the United States", "the US", "U.S.", "America", "American", "Washington"], "people": ["Lloyd Austin"]},
    {"code": "DK", "name": "Denmark", "kind": "country", "aliases": ["Danish", "Copenhagen"]},
    {"code": "NO", "name": "Norway", "kind": "country", "aliases": ["Norwegian", "Oslo"]},
    {"code": "CA", "name": "Canada", "kind": "country", "aliases": ["Canadian", "Ottawa"]},
    {"code": "EU", "name": "European Union", "kind": "organisation", "aliases": ["the EU", "Brussels"]},
]


def system(name, family=None, category="other", unit="system", generic=False, aliases=()):
    return {"name": name, "slug": name.lower().replace(" ", "-"), "family": family or name,
            "category": category, "unit": unit, "generic": generic, "aliases": list(aliases)}


SYSTEMS = [
    system("IRIS-T SLM", "IRIS-T", "air-defence", "system", aliases=["IRIS-T", "IRIS T", "Iris-T"]),
    system("IRIS-T SLS", "IRIS-T", "air-defence", "system", aliases=["IRIS-T SLS systems"]),
    system("Patriot", "Patriot", "air-defence", "system", aliases=["Patriot system", "Patriot battery", "MIM-104"]),
    system("HIMARS", "HIMARS", "rocket-artillery", "launcher", aliases=["M142 HIMARS"]),
    system("GMLRS", "GMLRS", "munitions", "missile", aliases=["HIMARS ammunition", "HIMARS rockets"]),
    system("Leopard 2", "Leopard 2", "tanks", "vehicle", aliases=["Leopard", "Leopard 2 tanks"]),
    system("Leopard 2A6", "Leopard 2", "tanks", "vehicle", aliases=["Leopard 2 A6"]),
    system("PzH 2000", "PzH 2000", "artillery", "system", aliases=["Panzerhaubitze 2000", "PzH2000"]),
    system("Storm Shadow", "Storm Shadow", "munitions", "missile", aliases=["Storm Shadow missiles"]),
    system("Taurus", "Taurus", "munitions", "missile", aliases=["Taurus missiles"]),
    system("F-16", "F-16", "aircraft", "aircraft", aliases=["F16", "F-16s"]),
    system("Challenger 2", "Challenger 2", "tanks", "vehicle", aliases=["Challenger 2 tanks"]),
    system("NASAMS", "NASAMS", "air-defence", "system",
           aliases=["National Advanced Surface-to-Air Missile System"]),
    system("155mm artillery ammunition", category="munitions", unit="round", generic=True,
           aliases=["155mm shells", "155mm rounds", "155 mm artillery shells", "155mm artillery shells"]),
    system("105mm artillery ammunition", category="munitions", unit="round", generic=True,
           aliases=["105mm ammunition", "105mm rounds"]),
    system("artillery ammunition", category="munitions", unit="round", generic=True,
           aliases=["artillery shells", "artillery rounds"]),
    system("armoured vehicles", category="ifv-apc", unit="vehicle", generic=True,
           aliases=["armoured vehicle", "armored vehicles", "protected vehicles"]),
    system("air defence systems", category="air-defence", unit="system", generic=True,
           aliases=["air defence system", "air defense systems", "surface-to-air missile systems"]),
    system("drones", category="drones", unit="drone", generic=True, aliases=["drone", "UAVs"]),
    system("missiles", category="munitions", unit="missile", generic=True, aliases=["missile"]),
    system("tanks", category="tanks", unit="vehicle", generic=True, aliases=["tank", "main battle tanks"]),
]

_small = None
_full = None


def small_ref() -> ReferenceData:
    global _small
    if _small is None:
        _small = ReferenceData.from_dicts(donors=DONORS, systems=SYSTEMS)
    return _small


def full_ref() -> ReferenceData:
    global _full
    if _full is None:
        _full = ReferenceData.from_fixture_dir(FIXTURES)
    return _full


def keys(text: str, ref: ReferenceData | None = None) -> list[tuple]:
    """(donor, system, item, quantity) of each proposal, in order."""
    return [(x.donor_code, x.system_name, x.item, x.quantity) for x in extract(text, ref or small_ref())]


def only(text: str, ref: ReferenceData | None = None):
    found = extract(text, ref or small_ref())
    assert len(found) == 1, found
    return found[0]
