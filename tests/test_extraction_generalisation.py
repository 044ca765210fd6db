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


# --------------------------------------------------------------------------- totals and their parts

def test_parts_of_a_stated_total_are_proposed_not_the_total():
    got = found("Norway will send 90 vehicles, comprising 50 armoured personnel carriers and 40 military trucks.")
    assert ("NO", "military vehicles", 90) not in got
    assert [q for _, _, q in got] == [50, 40]


def test_counts_that_do_not_add_up_are_not_taken_for_parts():
    got = found("Norway will send 90 armoured personnel carriers and 40 military trucks.")
    assert [q for _, _, q in got] == [90, 40]


def test_a_monthly_rate_with_its_total_gives_the_total_once():
    got = found("Germany will deliver 20 Leopard 2A6 tanks to Ukraine each month this year, a total of 240 tanks.")
    assert got == [("DE", "Leopard 2A6", 240)]


def test_adverb_before_a_modifier_keeps_the_count_on_its_noun():
    assert found("Canada will donate 30 fully armoured vehicles to Ukraine.") == [("CA", "armoured vehicles", 30)]


# --------------------------------------------------------------------------- which noun a count belongs to

def test_rounds_for_a_tank_are_tank_ammunition_not_tanks():
    assert found("Spain will send 2,000 rounds of ammunition for its Leopard 2 tanks.") == [("ES", "tank ammunition", 2000)]


def test_shells_for_a_named_howitzer_are_artillery_ammunition():
    assert found("Italy will send 3,000 shells for the FH70 howitzers.") == [("IT", "artillery ammunition", 3000)]


def test_a_count_reaches_across_a_long_hyphenated_name_with_its_acronym():
    assert found("The United States will send 700 Tube-Launched, Optically-Tracked, Wire-Guided (TOW) missiles.") == [
        ("US", "BGM-71 TOW", 700)]


def test_spare_parts_for_a_system_are_not_that_system():
    got = found("Estonia will provide machine guns and spare parts for the M109 howitzers Ukraine already operates.")
    assert got == [("EE", "machine guns", None)]


def test_parts_of_a_system_are_still_that_system():
    assert found("Finland will send parts of the NASAMS air defence system to Ukraine.") == [("FI", "NASAMS", None)]
