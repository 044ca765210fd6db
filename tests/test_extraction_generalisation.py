"""General rules found missing when the parser met texts written independently of it.

Every sentence here is written for the test (none is copied from the corpus); each test
names the behaviour it guards.  The full reference data is used, as in production.
"""

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    """(donor, system, quantity) of each proposal, in order."""
    return [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref())]


def values(text: str) -> list[tuple]:
    return [(x.donor_code, x.value_amount, x.value_currency) for x in extract(text, full_ref()) if x.system_name is None]


# --------------------------------------------------------------------------- reference data

def test_pentagon_names_used_in_fact_sheets_are_the_united_states():
    assert found("The Defense Department will send 12 Stryker vehicles to Ukraine.") == [("US", "Stryker", 12)]
    assert found("DoD will provide 40 HMMWVs to Ukraine.") == [("US", "HMMWV", 40)]


def test_swedish_service_names_of_air_defence_systems_are_known():
    got = found("Sweden will give Ukraine the Robot 70 system and two Hawk batteries.")
    assert ("SE", "RBS 70", None) in got and ("SE", "MIM-23 Hawk", 2) in got


def test_anti_armour_rockets_are_anti_tank_weapons():
    assert found("Norway will send 300 anti-armour rockets to Ukraine.") == [("NO", "anti-tank weapons", 300)]
