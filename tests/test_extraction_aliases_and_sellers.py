"""Real-world spellings of equipment the reference lacked, the ammunition of rocket launchers,
list items with an attached "including ..." phrase, and the seller of a purchase.  Every text
here is written for the test."""

import pytest

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref())]


LEAD = "Norway's new package includes:\n"


@pytest.mark.parametrize("line,system", [
    ("Counter-drone jammers – 40 units", "anti-drone systems"),
    ("Thermal imaging sights x 60", "thermal imaging devices"),
    ("Armoured recovery and repair vehicles (3)", "armoured recovery vehicles"),
])
def test_list_lines_use_real_world_names(line, system):
    assert [(d, s) for d, s, _ in found(LEAD + "- " + line + "\n")] == [("NO", system)]


def test_communication_equipment_is_communications_equipment():
    assert found(LEAD + "- Satellite communication equipment\n") == [("NO", "communications equipment", None)]


def test_the_saab_airborne_early_warning_aircraft_is_asc_890_with_its_count():
    assert found(LEAD + "- ASC 890 airborne surveillance and control aircraft x 1, including training of crews\n") == [
        ("NO", "ASC 890", 1)]


def test_guided_rockets_for_m270_launchers_are_gmlrs():
    [x] = extract("Norway will send guided rockets for its M270 launchers in Ukraine.", full_ref())
    assert (x.donor_code, x.system_name, x.item) == ("NO", "GMLRS", "missile")


def test_the_country_a_system_is_purchased_from_is_the_seller_not_the_donor():
    text = "Norway has bought two NASAMS launchers from the United States for Ukraine."
    assert found(text) == [("NO", "NASAMS", 2)]


def test_an_item_bought_from_a_seller_in_a_provided_to_date_list_is_history():
    text = ("Norwegian military assistance provided to Ukraine to date\n\n"
            "Delivered:\n- NASAMS launchers (2), purchased from the United States for Ukraine\n")
    assert found(text) == []
