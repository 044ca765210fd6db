"""Counts written the way lists and tables write them: after the item, in brackets, after a dash,
a colon or a multiplication sign, with a unit word, or in a table's last column.

Every text here is written for the test.  Guards the regression of 59d738c, where a bracket
after a name was taken for part of the name ("... (TOW) missiles") and "(4)" lost its count.
"""

import pytest

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.item, x.quantity) for x in extract(text, full_ref())]


LEAD = "Germany will deliver the following equipment to Ukraine:\n"


def test_count_in_brackets_after_a_list_item_is_its_quantity():
    assert found(LEAD + "- IRIS-T SLM air defence systems (4)\n") == [("DE", "IRIS-T SLM", "system", 4)]


def test_count_in_brackets_after_launchers_keeps_the_launcher_kind():
    assert found(LEAD + "- IRIS-T SLS launchers (4)\n") == [("DE", "IRIS-T SLS", "launcher", 4)]


def test_count_word_in_brackets_is_its_quantity():
    assert found(LEAD + "- Bandvagn 206 all-terrain vehicles (twelve)\n") == [("DE", "Bandvagn 206", "vehicle", 12)]


def test_acronym_in_brackets_is_still_part_of_the_name():
    got = found("The United States will provide 500 Tube-Launched, Optically-Tracked, Wire-Guided (TOW) missiles.")
    assert got == [("US", "BGM-71 TOW", "missile", 500)]


@pytest.mark.parametrize("line, qty", [
    ("- Leopard 1A5 tanks – 10", 10),
    ("- Leopard 1A5 tanks - 10", 10),
    ("- Leopard 1A5 tanks: 10", 10),
    ("- Leopard 1A5 tanks x10", 10),
    ("- Leopard 1A5 tanks ×10", 10),
    ("- Leopard 1A5 tanks x 10", 10),
    ("- 10x Leopard 1A5 tanks", 10),
    ("- 10 × Leopard 1A5 tanks", 10),
    ("- 10 x Leopard 1A5 tanks", 10),
    ("- Leopard 1A5 tanks – 10 units", 10),
    ("- Leopard 1A5 tanks, 10 units", 10),
    ("- Leopard 1A5 tanks 10 units", 10),
    ("- Leopard 1A5 tanks, quantity: 10", 10),
    ("- Leopard 1A5 tanks – quantity 10", 10),
    ("- Leopard 1A5 tanks – 10 pcs", 10),
    ("- Leopard 1A5 tanks 10 pcs", 10),
    ("- Leopard 1A5 tanks (ten)", 10),
    ("- 10 Leopard 1A5 tanks", 10),
])
def test_every_common_list_count_notation_gives_the_count(line, qty):
    assert found(LEAD + line + "\n") == [("DE", "Leopard 1A5", "vehicle", qty)]


def test_count_in_the_last_column_of_a_table_row_is_its_quantity():
    text = LEAD + "System\tQuantity\nIRIS-T SLM\t4\nBiber bridge layers\t16\nGepard anti-aircraft guns\t15\n"
    assert found(text) == [("DE", "IRIS-T SLM", "system", 4), ("DE", "Biber", "vehicle", 16), ("DE", "Gepard", "vehicle", 15)]


def test_generic_items_take_a_trailing_count_too():
    assert found(LEAD + "• 155mm artillery rounds (10,000)\n• armoured vehicles: 20\n") == [
        ("DE", "155mm artillery ammunition", "round", 10000), ("DE", "armoured vehicles", "vehicle", 20)]


def test_four_by_four_is_not_a_count():
    got = found(LEAD + "- 4x4 utility trucks\n")
    assert all(q is None for *_, q in got)


def test_a_dash_in_running_prose_does_not_give_a_trailing_count():
    # "- 6 of them" belongs to a schedule, not to the F-16 count stated before it
    assert found("Denmark will give 19 F-16 jets - 6 of them this year.") == [("DK", "F-16", "aircraft", 19)]


def test_a_comma_and_a_number_without_a_unit_is_not_a_trailing_count():
    got = found(LEAD + "- Gepard anti-aircraft guns, 15 Leopard 1A5 tanks\n")
    assert ("DE", "Leopard 1A5", "vehicle", 15) in got and ("DE", "Gepard", "vehicle", 15) not in got
