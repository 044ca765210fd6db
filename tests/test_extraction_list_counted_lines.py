"""A counted line after a list lead stays a list item even with a blank line between them; a
spaced dash separates a vague count from the name.  Every text here is written for the test."""

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref())]


def test_counted_lines_after_a_lead_and_a_blank_line_are_items():
    text = "Norway's package includes the following:\n\nArcher artillery systems, 4 units\nCV90 infantry fighting vehicles: 20\n"
    assert found(text) == [("NO", "Archer", 4), ("NO", "CV90", 20)]


def test_a_vague_count_after_a_spaced_dash_keeps_the_item():
    text = "Norway's package includes:\n\nEquipment\n• Night vision goggles – hundreds\n• 155 mm artillery shells – tens of thousands\n"
    assert found(text) == [("NO", "night vision devices", None), ("NO", "155mm artillery ammunition", None)]


def test_vehicles_together_with_a_counted_system_are_an_item_of_their_own():
    text = "Norway will send 8 Leopard 2A4 tanks, together with armoured recovery vehicles to support them."
    assert found(text) == [("NO", "Leopard 2A4", 8), ("NO", "armoured recovery vehicles", None)]


def test_ammunition_with_a_system_stays_attached():
    text = "Norway will send 8 Leopard 2A4 tanks, together with ammunition."
    assert found(text) == [("NO", "Leopard 2A4", 8)]


def test_an_uncounted_list_line_beside_a_counted_one_of_its_category_stays():
    text = ("The capabilities in this Norwegian package include:\n- 20,000 rounds of 155mm artillery ammunition;\n"
            "- Demolitions munitions;\n")
    assert found(text) == [("NO", "155mm artillery ammunition", 20000), ("NO", "ammunition", None)]


def test_a_purpose_complement_ending_in_a_noun_does_not_make_the_item_a_modifier():
    text = "Norway's package includes:\n- Rifles for counter-drone protection of units\n- Drone parts\n"
    assert found(text) == [("NO", "small arms", None)]
