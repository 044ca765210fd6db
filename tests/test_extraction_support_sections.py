"""A government's "military support" page: a delivered section (history) then a section of aid in
preparation (pledges), each with category sub-headings.  The pledged section's items are proposed
with the page's donor; a partner named in a delivered line does not take over.  Texts written for
the test."""

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref())]


PAGE = """Military assistance for Ukraine

The Government of Norway is helping Ukraine defend itself. Below is an overview of the equipment.

Equipment already delivered

Air defence
• 2 NASAMS fire units
• Mistral missiles
Tanks
• Leopard 2A4 tanks jointly with Denmark and the Netherlands
• 8 Leopard 2A4 tanks

Equipment in preparation / being delivered

Air defence
• 4 NASAMS fire units
Artillery
• 14 M109 self-propelled howitzers
Vehicles
• 30 M113 armoured personnel carriers
"""


def test_items_of_the_section_in_preparation_are_pledges_of_the_page_donor():
    assert found(PAGE) == [("NO", "NASAMS", 4), ("NO", "M109", 14), ("NO", "M113", 30)]


def test_category_lines_between_bulleted_items_are_sub_headings_not_items():
    got = found(PAGE)
    assert not any(system in ("tanks", "howitzers", "armoured vehicles") and qty is None for _, system, qty in got)


def test_partner_in_a_delivered_line_does_not_become_the_next_sections_donor():
    assert all(donor == "NO" for donor, _, _ in found(PAGE))


def test_government_of_a_country_names_the_subject():
    assert found("The Government of Norway will send 4 NASAMS fire units to Ukraine.") == [("NO", "NASAMS", 4)]
    assert found("Ukraine held talks with the Government of Norway about 4 NASAMS fire units.") == []


def test_unbulleted_lines_under_category_sub_headings_are_items():
    page = PAGE.replace("• ", "").replace("\nTanks\n", "\n\nTanks\n").replace("\nArtillery\n", "\n\nArtillery\n").replace(
        "\nVehicles\n", "\n\nVehicles\n")
    assert found(page) == [("NO", "NASAMS", 4), ("NO", "M109", 14), ("NO", "M113", 30)]


def test_lines_under_a_short_non_category_heading_stay_headlines():
    text = ("Norway's new package for Ukraine\n\nKey events\nOslo will send 4 NASAMS fire units\n"
            "Prime minister: no decision yet on F-16 jets\n")
    assert ("NO", "F-16", None) not in found(text)


def test_section_headings_with_a_note_in_brackets_are_headings():
    page = PAGE.replace("Equipment already delivered", "Equipment already delivered (selection)").replace(
        "Equipment in preparation / being delivered", "Equipment in preparation / being delivered (as of May)")
    assert found(page) == [("NO", "NASAMS", 4), ("NO", "M109", 14), ("NO", "M113", 30)]


UNNAMED_PAGE = """Military support for Ukraine

The Federal Government is helping Ukraine defend itself with equipment from Bundeswehr stocks and from industry.

I. Equipment already delivered

Artillery
- 12 Panzerhaubitze 2000 (joint project with Italy)
- 4 MARS II multiple rocket launchers

II. Equipment in preparation / being delivered

Air defence
- 2 IRIS-T SLM air defence systems
- 6 Gepard anti-aircraft gun tanks
"""


def test_a_partner_in_brackets_is_never_the_donor_of_an_unnamed_governments_page():
    got = found(UNNAMED_PAGE)
    assert not [g for g in got if g[0] == "IT"]
    assert ("DE", "IRIS-T SLM", 2) in got
    assert ("DE", "Gepard", 6) in got


def test_federal_government_without_german_markers_is_no_donor():
    got = found(UNNAMED_PAGE.replace(" from Bundeswehr stocks and", ""))
    assert not [g for g in got if g[0] in ("IT", "DE")]
