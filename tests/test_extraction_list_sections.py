"""Fact-sheet lists as governments lay them out: grouped under short section headings, as pipe
tables, with vague counts after a dash, under a bare "Contents:" lead, with the package value on
its own line.  Every text here is written for the test.
"""

import pytest

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref())]


def test_items_under_section_headings_belong_to_the_list():
    text = ("Latvia's new aid package to Ukraine\n\nThe package is made up of the following:\n\n"
            "ARTILLERY\n  155 mm howitzers (6)\n  Mortar rounds - several thousand\n\n"
            "PROTECTION\n  Helmets and body armour\n")
    assert found(text) == [("LV", "howitzers", 6), ("LV", "mortar ammunition", None),
                           ("LV", "helmets", None), ("LV", "body armour", None)]


def test_a_section_heading_with_an_attack_word_does_not_end_the_list():
    text = ("Latvia will send the following to Ukraine:\n\nFIRE SUPPORT\n  81 mm mortars (8)\n")
    assert found(text) == [("LV", "mortars", 8)]


def test_a_summit_named_after_an_alliance_is_no_donor():
    text = ("LATVIAN SUPPORT FOR UKRAINE\n\nAt the NATO summit in Madrid, the Prime Minister presented a package. "
            "It consists of the following items:\n\nVEHICLES\n  Off-road trucks - 12 units\n")
    assert found(text) == [("LV", "trucks", 12)]


def test_a_capitalised_model_name_opening_a_list_item_is_no_company():
    text = "Latvia's package includes:\nM113 armoured personnel carriers (7)\nT 72 tank engines\n"
    assert ("LV", "M113", 7) in found(text)


def test_pipe_table_rows_under_a_contents_lead_are_the_package():
    text = ("LATVIA'S AID PACKAGE TO UKRAINE - MARCH 2023\n\nLatvian Ministry of Defence\n\n"
            "Total value of the package: about €40 million\n\nContents:\n\n"
            "Item                     | Quantity\n-------------------------|---------\n"
            "Stinger launchers        | dozens\n155 mm artillery ammunition | thousands of rounds\n")
    assert found(text) == [("LV", None, None), ("LV", "Stinger", None), ("LV", "155mm artillery ammunition", None)]


def test_a_vague_count_after_a_dash_stays_vague():
    text = "Latvia's package includes:\n- 120 mm mortar rounds – several thousand\n"
    [x] = extract(text, full_ref())
    assert (x.system_name, x.quantity, x.qualifier) == ("120mm mortar ammunition", None, "vague")


def test_a_package_value_in_the_list_lead_is_a_money_proposal():
    text = "Latvia's package, worth €25 million, includes:\n- Javelin missiles (20)\n"
    got = [(x.donor_code, x.system_name, x.quantity, x.value_amount) for x in extract(text, full_ref())]
    assert got == [("LV", None, None, 25_000_000), ("LV", "Javelin", 20, None)]


def test_strike_as_a_modifier_is_no_attack():
    text = "Latvia's package includes:\n- 200 strike and air defence missiles, including additional RBS 70 missiles\n"
    assert ("LV", "RBS 70", None) in found(text)


def test_attack_helicopters_in_a_pledge_are_no_attack():
    assert found("Latvia will send two attack helicopters to Ukraine.") == [("LV", "helicopters", 2)]


def test_a_class_noun_after_a_named_system_is_the_same_item():
    text = "Latvia's package includes:\n- Carl-Gustaf M4 recoilless anti-tank weapons (30)\n- Javelin anti-tank missiles\n"
    assert [f[1] for f in found(text)] == ["Carl Gustaf", "Javelin"]


def test_donor_subheadings_of_a_support_fact_sheet_each_own_their_items():
    text = ("Fact sheet: Baltic support to Ukraine\n\nLatvia\n– Drones: several thousand\n\n"
            "Estonia\n– Javelin launchers x 4\n")
    assert found(text) == [("LV", "drones", None), ("EE", "Javelin", 4)]


def test_a_designation_in_brackets_before_a_dashed_count_keeps_the_count():
    text = "Latvia's package includes:\n– Armoured personnel carriers (M577) – 10\n"
    assert found(text) == [("LV", "armoured personnel carriers", 10)]


@pytest.mark.parametrize("heading", [
    "Planned military support (selection)",
    "Planned deliveries:",
    "Upcoming deliveries",
    "II. Military support in preparation",
])
def test_a_section_of_what_is_still_to_come_is_pledged_even_after_a_delivered_section(heading):
    text = ("Military support for Ukraine\n\nThe German Federal Government supports Ukraine.\n\n"
            "Delivered (selection)\n- Gepard anti-aircraft guns (52)\n\n"
            f"{heading}\n- IRIS-T SLM air defence system (4)\n- Leopard 2A6 tanks (around 14)\n")
    assert found(text) == [("DE", "IRIS-T SLM", 4), ("DE", "Leopard 2A6", 14)]


def test_a_print_layout_fact_sheet_with_dot_leaders_and_capital_sections_lists_the_announced_package():
    text = ("The Government has today decided on Sweden's fifteenth military support package to Ukraine.\n\n"
            "----------------------------------------------------------------------\n"
            "1 | MARITIME CAPABILITY                               SEK 1.1 billion\n"
            "----------------------------------------------------------------------\n"
            "  * Combat Boat 90 (Stridsbåt 90) ........................... 10\n"
            "  * Artillery ammunition ......................... number not disclosed\n"
            "4 | NEW COMBAT VEHICLES FROM SWEDISH INDUSTRY         SEK 1 billion\n")
    assert found(text) == [("SE", "CB90", 10), ("SE", "artillery ammunition", None)]


def test_an_ellipsis_in_prose_is_no_column():
    assert found("Germany will send... well, four IRIS-T SLM systems.") == [("DE", "IRIS-T SLM", 4)]


GERMAN_PAGE = (
    "Military support for Ukraine\n\nThe Federal Government supports Ukraine. Since February 2022 Germany has "
    "provided military support worth around 28 billion euros.\n\n"
    "A. New commitments since the last update (4 October 2024)\n\nAir defence\n"
    "• IRIS-T SLS short-range launchers (2)\n• Flakpanzer Gepard (additional 6)\n\nArtillery\n"
    "• Self-propelled howitzer 2000 / PzH 2000 (6)\n• RCH 155 wheeled howitzers, industry procurement (up to 18)\n"
    "• 155 mm artillery ammunition (approx. 30,000 rounds)\n\n"
    "Some items in section A are procured from industry; the RCH 155 will be delivered in 2025.\n\n"
    "B. Delivered to date (cumulative, selection)\n\nAir defence\n• IRIS-T SLM air defence systems (5)\n"
)


def test_a_heading_of_new_commitments_since_the_last_update_leads_a_pledged_list():
    assert found(GERMAN_PAGE) == [("DE", "IRIS-T SLS", 2), ("DE", "Gepard", 6), ("DE", "PzH 2000", 6),
                                  ("DE", "RCH 155", 18), ("DE", "155mm artillery ammunition", 30000)]


def test_an_overview_that_says_it_holds_no_new_commitments_gives_its_list_no_status():
    text = ("Overview: military support supplied by the Netherlands\n\nThis page gives an overview of what the "
            "Netherlands has supplied so far. It contains no new commitments: new support is announced elsewhere.\n\n"
            "Air defence\n- Patriot: 2 launchers and missiles\n- Drone detection radars: 18\n")
    assert found(text) == []


def test_a_cumulative_list_gives_only_its_lines_marked_new():
    text = ("Australia's support to Ukraine\n\nThe table below lists the items provided or committed by Australia "
            "since 2022. Items marked NEW were added with this update.\n\n"
            "Protected and armoured vehicles\n  - Bushmaster Protected Mobility Vehicles .............. 120\n"
            "  - M1A1 Abrams main battle tanks (valued at A$245 million) ........ 49   NEW\n\n"
            "Artillery and munitions\n  - Anti-armour weapons, including M72 light anti-tank weapons ...... not disclosed\n\n"
            "Logistics and soldier equipment\n  - MAN 40M medium trucks and trailers .................. 28\n")
    assert found(text) == [("AU", "M1A1 Abrams", 49)]


def test_a_package_fact_sheet_with_counted_lines_under_capital_headings():
    text = ("LITHUANIA'S MILITARY SUPPORT PACKAGE TO UKRAINE - DECEMBER 2023\n\n"
            "Approved by the Minister of National Defence on 14 December 2023.\n"
            "Package value: approx. EUR 35 million\n\n"
            "The list below gives the items and quantities of the package.\n\n"
            "AIR DEFENCE\n  Bofors L70 40 mm anti-aircraft guns – 10\n  Anti-drone systems – 600\n\n"
            "FIRE SUPPORT\n  120 mm mortars – 12\n  120 mm mortar rounds – 8,000\n")
    assert found(text) == [("LT", None, None), ("LT", "Bofors L/70", 10), ("LT", "anti-drone systems", 600),
                           ("LT", "mortars", 12), ("LT", "120mm mortar ammunition", 8000)]


def test_drawn_rules_between_parts_do_not_swallow_the_part_headings():
    text = ("Military support for Ukraine\n\nThe German Federal Government supports Ukraine.\n\n"
            "---------------------------------------------------------------\n"
            "PART 1 - DELIVERED (cumulative, as at 21 October 2024)\n"
            "---------------------------------------------------------------\n\n"
            "Air defence\n * IRIS-T SLM air defence systems (4) with missiles\n\n"
            "---------------------------------------------------------------\n"
            "PART 2 - PLANNED (package of 21 October 2024)\n"
            "---------------------------------------------------------------\n\n"
            "Air defence\n - IRIS-T SLS short-range air defence systems (5)\n - Skynex air defence systems (2)\n")
    assert found(text) == [("DE", "IRIS-T SLS", 5), ("DE", "Skynex", 2)]


def test_a_procurement_release_for_the_donor_s_own_forces_lists_no_pledges():
    text = ("Federal Ministry of Defence\n\nBerlin, 3 July 2024\n\n"
            "Budget Committee clears 97 procurement projects worth 8.5 billion euros for the Bundeswehr\n\n"
            "The Budget Committee of the German Bundestag today approved 97 projects.\n\n"
            "The main projects approved include:\n\n"
            "- Artillery – Up to 22 additional Panzerhaubitze 2000 self-propelled howitzers\n"
            "- Protected vehicles – 1,058 Caracal air-mobile vehicles\n")
    assert found(text) == []


def test_a_new_section_with_a_valued_line_and_a_section_of_equipment_that_has_arrived():
    text = ("Australia's support to Ukraine\n\nAustralia stands with Ukraine.\n\n"
            "-------------------------------------------------------------\nNEW SUPPORT\n"
            "-------------------------------------------------------------\n\n"
            "* M1A1 Abrams main battle tanks (49)\n  Valued at $245 million.\n\n"
            "-------------------------------------------------------------\nDELIVERED\n"
            "-------------------------------------------------------------\n\n"
            "The following equipment, committed in 2022 and 2023, has now arrived in Ukraine:\n\n"
            "  Bushmaster Protected Mobility Vehicles ........ 120\n  M777 lightweight towed howitzers ................. 6\n")
    proposals = extract(text, full_ref())
    assert [(p.donor_code, p.system_name, p.quantity, p.value_amount) for p in proposals] == [
        ("AU", "M1A1 Abrams", 49, 245_000_000)]


def test_a_cumulative_section_with_grouped_lists_is_history_and_hides_no_new_item():
    text = ("Canada announces new military aid for Ukraine\n\n"
            "Today, National Defence is announcing an additional package of military aid for Ukraine.\n\n"
            "The items in this package, valued at $60 million, include:\n\n"
            "- 155mm artillery ammunition;\n- Armoured ambulances;\n\n"
            "CANADIAN MILITARY AID COMMITTED TO UKRAINE SINCE 2022 (CUMULATIVE)\n\n"
            "The figures below are running totals.\n\n"
            "Air Defence\n- One NASAMS battery;\n- More than 100 Stinger missiles;\n\n"
            "Land Forces\n- 8 Leopard 2A4 tanks;\n- 39 armoured ambulances;\n- 2,000,000 rounds of 155mm ammunition;\n")
    assert found(text) == [("CA", None, None), ("CA", "155mm artillery ammunition", None), ("CA", "ambulances", None)]


def test_a_new_heading_after_a_cumulative_section_opens_a_new_list():
    text = ("CANADIAN MILITARY AID COMMITTED TO UKRAINE SINCE 2022\n\n"
            "Air Defence\n- One NASAMS battery;\n\n"
            "New in this package\n- 8 Leopard 2A4 tanks;\n")
    assert found(text) == [("CA", "Leopard 2A4", 8)]


def test_lettered_part_headings_with_a_long_note_are_headings():
    text = ("Military support for Ukraine\n\n"
            "A. Delivered military support (cumulative, as of 16.12.2024)\n\n"
            "- Marder 1A3 infantry fighting vehicles: 140\n\n"
            "C. New commitments (published for the first time in this update)\n\n"
            "1. Wisent 1 mine-clearing tanks: 4\n2. Germany will also send 155mm artillery ammunition: approx. 20,000 rounds\n")
    assert found(text) == [("DE", "Wisent 1", 4), ("DE", "155mm artillery ammunition", 20000)]


def test_commitments_announced_since_the_previous_update_are_new():
    text = ("UK military support to Ukraine: factsheet\n\n"
            "The following commitments have been announced since the previous version of this factsheet:\n\n"
            "* The Defence Secretary confirmed that a further tranche of Brimstone missiles will be sent to Ukraine.\n")
    assert found(text) == [("GB", "Brimstone", None)]


def test_donor_headings_under_one_lead_stay_contributions_after_a_sentence_section():
    text = ("Today the ministers presented the following national contributions:\n\n"
            "Denmark\nThe Danish Government will finance 18 Bohdana howitzers.\n\n"
            "Estonia\n– A new package worth EUR 20 million, containing 155mm artillery ammunition.\n\n"
            "Iceland\n– ISK 500 million to the NATO trust fund for Ukraine.\n")
    assert found(text) == [("DK", "howitzers", 18), ("EE", None, None), ("EE", "155mm artillery ammunition", None),
                           ("IS", None, None)]


def test_a_source_lead_under_new_donations_keeps_the_list_new_and_previously_announced_is_history():
    text = ("Canada announced new military donations to Ukraine today.\n\n"
            "New donations\n\nProcured from Canadian industry:\n• Counter-drone systems: 15\n\n"
            "From CAF stocks:\n• Helmets – 5,000\n\n"
            "Previously announced military assistance (for reference)\n\n"
            "Since 2022, Canada has committed $2.4 billion. Donations announced earlier include:\n"
            "• Leopard 2A4 main battle tanks – 8\n")
    assert found(text) == [("CA", "anti-drone systems", 15), ("CA", "helmets", 5000)]


def test_three_unnumbered_kinds_on_one_line_are_three_items():
    text = "The package includes:\n- Small arms, small arms ammunition, and grenades;\n- 20 Humvees.\n"
    got = found("The US will send Ukraine a new package. " + text)
    assert ("US", "small arms", None) in got and ("US", "hand grenades", None) in got
    assert found("The package includes:\n- Small arms, helmets, and other field equipment;\n") == []


def test_kinds_named_among_a_counted_whole_are_its_parts():
    got = found("Sweden will send 60 vehicles, among them trucks and all-terrain vehicles.")
    assert ("SE", "trucks", None) not in got


def test_a_fact_sheet_with_numbered_capital_groups_and_counts_after_names():
    text = ("Contents of the package\n\n"
            "1. ARTILLERY\n   - 82 mm mortars (x30)\n   - Bofors L/70 40 mm anti-aircraft guns (x12)\n\n"
            "2. VEHICLES AND ENGINEERING\n   - TAM 150 military trucks – 25\n   - Pontoon bridges – 2 sets\n"
            "   - DOK-ING MV-4 mine-clearing machines – 5\n   - Body armour vests – 5,000\n")
    got = found("Croatia adopted its eleventh package of military equipment for Ukraine.\n\n" + text)
    assert got == [("HR", "mortars", 30), ("HR", "Bofors L/70", 12), ("HR", "trucks", 25),
                   ("HR", "bridging equipment", 2), ("HR", "mine-clearing equipment", 5), ("HR", "body armour", 5000)]


def test_a_calibre_after_the_guns_is_theirs_and_so_is_the_count():
    text = "Germany will send:\n– Howitzers (self-propelled and towed), 155 mm: 36\n– Artillery ammunition: 120,000 rounds\n"
    assert found(text) == [("DE", "howitzers", 36), ("DE", "artillery ammunition", 120000)]


def test_a_semicolon_list_with_including_stays_one_history_clause():
    text = ("Since February 2022, deliveries from the UK have included more than 300,000 artillery rounds; "
            "more than 200 armoured vehicles, including Mastiff and Wolfhound; and 14 Challenger 2 tanks.")
    assert found(text) == []


def test_bracketed_numbers_and_a_long_note_before_dot_leaders():
    text = ("Japan will provide the following:\n"
            " (1) Trucks (1/2 t type and 3 1/2 t type) ............ approx. 80\n"
            " (2) High Mobility Vehicles ............................ approx. 20\n")
    assert found(text) == [("JP", "trucks", 80), ("JP", "military vehicles", 20)]


def test_lines_marked_new_are_pledges_and_ticked_lines_are_deliveries():
    text = ("FACT SHEET – French military support to Ukraine\n\n"
            "Key: ► NEW = commitment announced this week\n     ✓ = delivered (not part of the new commitments)\n\n"
            "1. ARTILLERY\n"
            "► NEW   CAESAR 155 mm self-propelled howitzers .......... 12\n"
            "✓       CAESAR 155 mm self-propelled howitzers .......... 30 from Army stocks\n"
            "► NEW   SCALP-EG cruise missiles ........................ 40 additional missiles\n"
            "        155 mm shells: deliveries to reach 3,000 per month (production rate)\n")
    assert found(text) == [("FR", "Caesar", 12), ("FR", "SCALP-EG", 40)]


def test_indented_lines_under_group_headings_are_items_and_a_previously_announced_section_is_history():
    text = ("Canada's military assistance to Ukraine – new donations\n\n"
            "NEW DONATIONS\n\n"
            "Munitions\n  CRV7 rocket motors – 2,300 (surplus stock)\n  Counter-drone systems – quantity not disclosed\n"
            "  Drone pilot training delivered by instructors in Latvia (no equipment)\n\n"
            "Soldier equipment\n  Body armour (plates and carriers) – 5,000 sets\n  Winter clothing\n\n"
            "PREVIOUSLY ANNOUNCED (for reference only – not part of today's announcement)\n"
            "  8 Leopard 2A4 main battle tanks\n  200 Senator armoured personnel carriers\n")
    assert found(text) == [("CA", "CRV7", 2300), ("CA", "anti-drone systems", None), ("CA", "body armour", 5000),
                           ("CA", "winter equipment", None)]


def test_column_headings_of_an_earlier_packages_table_keep_it_history():
    text = ("Sweden will send 20 CB90 combat boats to Ukraine.\n\n"
            "Earlier support packages (selection)\n\n"
            "  Package  Decided            Value          Main content\n"
            "  10       19 January 2023    SEK 4.3 bn     Archer artillery system, 50 x Stridsfordon 90\n")
    assert found(text) == [("SE", "CB90", 20)]


def test_times_lines_with_model_names_drive_types_and_calibres():
    text = ("Lithuania will send:\n"
            '1. 30 x EDM4S "SkyWiper" anti-drone systems (made in Vilnius)\n'
            "2. 8 x 4x4 military trucks\n"
            "3. 3,000,000 x rounds of 5.56 mm small arms ammunition\n")
    assert found(text) == [("LT", "anti-drone systems", 30), ("LT", "trucks", 8), ("LT", "small arms ammunition", 3000000)]


def test_a_dot_leader_table_with_a_remarks_column_keeps_its_counts():
    text = ("NEW PACKAGE – A$110 MILLION\n\n"
            "  Capability                                            Qty     Remarks\n"
            "  M113AS4 armoured personnel carriers ..................  28     upgraded, ex-Army\n"
            "  MAN 40M HX 6x6 medium trucks .........................  28     supplied with 14 trailers\n")
    got = found("Australia announced a further A$110 million military assistance package for Ukraine.\n\n" + text)
    assert [g for g in got if g[1]] == [("AU", "M113", 28), ("AU", "trucks", 28)]


def test_a_numbered_paragraph_heading_leads_a_list_of_another_style():
    text = ("Japan's Ministry of Defense has decided to provide equipment to Ukraine.\n\n"
            "2. Equipment to be provided under this decision\n\n"
            "(1) Self-Defense Force vehicles: approximately 100 (non-combat types)\n(2) Helmets: 1,500\n\n"
            "3. Reference: equipment provided to Ukraine by the Ministry to date (as of May 2023)\n"
            "- Helmets (approximately 6,900)\n")
    assert found(text) == [("JP", "military vehicles", 100), ("JP", "helmets", 1500)]


def test_how_the_following_contributions_will_be_sourced_does_not_make_them_procurement():
    text = ("The Government has today decided on the following contributions, which will be transferred from the "
            "Armed Forces or procured from industry:\n\nAir defence\na) Air surveillance radars (4)\n"
            "b) RBS 70 missiles – number not disclosed\n")
    assert found("Sweden's package is worth SEK 13.3 billion.\n\n" + text)[1:] == [("SE", "radars", 4), ("SE", "RBS 70", None)]


def test_a_three_dot_leader_before_a_count_and_assault_boats():
    text = ("Denmark will send:\n – M113 armoured personnel carriers ... 30\n   • 6 x light assault boats (Gruppbåt)\n")
    assert found(text) == [("DK", "M113", 30), ("DK", "patrol boats", 6)]
    assert found("Denmark will send M113 carriers... and more later.") == [("DK", "M113", None)]
