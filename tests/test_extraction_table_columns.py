"""Tables with a header row whose count column is not the last one: the header tells which cell
names the thing and which counts it; the row number and the remarks are neither.  The table takes
its donor and status from the paragraph above it.  Every text here is written for the test."""

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.quantity, x.qualifier) for x in extract(text, full_ref())]


LEAD = "On Tuesday the Latvian Cabinet endorsed a new defence aid package for Ukraine worth EUR 20 million.\n\n"


def test_tab_table_reads_the_item_and_count_columns_not_row_number_or_remarks():
    text = LEAD + ("Pos.\tGroup\tEquipment\tQty\tNotes\n"
                   "2\tArtillery\tM109 self-propelled howitzers\t6\tfrom army stocks, 2 more later\n"
                   "5\tVehicles\tM113 armoured personnel carriers\tca. 15\t3 of them ambulances\n")
    got = found(text)
    assert ("LV", "M109", 6, "exact") in got
    assert ("LV", "M113", 15, "approximately") in got
    assert all(q not in (2, 5, 3) for _, _, q, _ in got)


def test_pipe_table_with_dash_and_classified_counts_is_undisclosed():
    text = LEAD + ("| # | Item | Quantity | Comment |\n|---|---|---|---|\n"
                   "| 1 | Bofors 40 mm L/70 anti-aircraft guns | – | with ammunition |\n"
                   "| 2 | M113 armoured personnel carriers | classified | 12 in reserve |\n")
    got = found(text)
    assert ("LV", "Bofors L/70", None, "undisclosed") in got
    assert ("LV", "M113", None, "undisclosed") in got
    assert all(q is None for _, _, q, _ in got if _ is not None)


def test_qualified_and_vague_count_cells():
    text = LEAD + ("No.\tType\tAmount\tRemarks\n"
                   "1\tSmall arms ammunition\tmore than 1,500,000\t7.62 mm\n"
                   "2\tTrucks\tdozens\tincl. fuel tankers\n")
    got = found(text)
    assert ("LV", "small arms ammunition", 1_500_000, "at-least") in got
    assert ("LV", "trucks", None, "vague") in got


def test_table_takes_donor_status_and_package_value_from_the_lead_paragraph():
    got = [x for x in extract(LEAD + "Item\tQuantity\tRemarks\nM109 self-propelled howitzers\t4\tused\n", full_ref())]
    assert [(x.donor_code, x.system_name, x.quantity) for x in got] == [("LV", None, None), ("LV", "M109", 4)]
    assert got[0].value_amount == 20_000_000


def test_rows_without_a_known_system_yield_nothing():
    text = LEAD + "Item\tQuantity\nOffice furniture sets\t40\nLaptops for staff\t25\n"
    assert [x for x in found(text) if x[1] is not None] == []


def test_table_under_a_past_inventory_paragraph_is_not_a_pledge():
    text = ("Equipment delivered to Ukraine since 2022 by Latvia is shown below.\n\n"
            "Item\tQuantity\nM109 self-propelled howitzers\t6\n")
    assert found(text) == []


def test_html_table_keeps_its_cells_apart():
    from pledges.extraction import html_to_text

    html = ("<p>Latvia approved a new military aid package for Ukraine.</p><table>"
            "<tr><th>#</th><th>System</th><th>Quantity</th><th>Remarks</th></tr>"
            "<tr><td>3</td><td>M109   self-propelled\n\thowitzers</td><td>approx. 6</td><td>1 spare</td></tr>"
            "<tr><td>4</td><td>M113 armoured personnel carriers</td><td></td><td></td></tr></table>")
    text = html_to_text(html)
    assert "3\tM109 self-propelled howitzers\tapprox. 6\t1 spare" in text
    assert found(text) == [("LV", "M109", 6, "approximately"), ("LV", "M113", None, "undisclosed")]


def test_a_need_in_a_relative_clause_of_the_lead_keeps_the_table_a_new_package():
    for middle in ("The minister said it focuses on what Ukrainian brigades have asked for before the spring.",
                   "The minister said it covers the capabilities Ukraine needs most."):
        text = ("On Tuesday the Latvian Cabinet endorsed a new defence aid package for Ukraine worth EUR 20 million. "
                + middle + " Its contents are listed below.\n\n"
                "No.\tItem\tQuantity\n1\tM109 self-propelled howitzers\t6\n2\tM113 armoured personnel carriers\t15\n")
        got = found(text)
        assert ("LV", "M109", 6, "exact") in got, middle
        assert ("LV", "M113", 15, "exact") in got, middle


def test_a_request_in_the_main_clause_of_the_lead_still_blocks_the_table():
    text = ("Ukraine has asked Latvia for a new defence aid package. Its wish list is below.\n\n"
            "No.\tItem\tQuantity\n1\tM109 self-propelled howitzers\t6\n")
    assert not [g for g in found(text) if g[1] == "M109"]


SWEDISH_TABLE = (
    "Sweden today decided on its fifteenth support package. The package has a total value of "
    "approximately SEK 7.1 billion.\n\nThe package\n\n"
    "No. | Component | Quantity | Value, SEK million\n----|------|----|----\n"
    "1 | Stridsbåt 90 (CB90) combat boats | 10 | 900\n"
    "2 | Gruppbåt (group boats) | 20 | 300\n"
    "3 | TOW anti-tank missiles | not disclosed | 350\n"
    "4 | Stridsfordon 90 (CV90), new production, delivery expected in 2026 | approx. 10 | 1 000\n"
)


def test_a_component_column_names_the_items_and_remarks_in_it_do_not_hide_the_count():
    assert [(p.donor_code, p.system_name, p.quantity) for p in extract(SWEDISH_TABLE, full_ref())] == [
        ("SE", None, None), ("SE", "CB90", 10), ("SE", "patrol boats", 20), ("SE", "BGM-71 TOW", None),
        ("SE", "CV90", 10)]


def test_the_package_value_is_read_from_value_of_and_value_is():
    (first,) = [p for p in extract(SWEDISH_TABLE, full_ref()) if p.system_name is None]
    assert (first.value_amount, first.value_currency) == (7_100_000_000, "SEK")
    (second,) = extract("Finland decided on a new package. The value of the package is EUR 161 million.", full_ref())
    assert (second.donor_code, second.value_amount) == ("FI", 161_000_000)


def test_a_running_total_value_is_no_package():
    assert extract("Since 2022, Swedish support has had a total value of SEK 30 billion.", full_ref()) == []


CANADIAN_TABLE = (
    "At today's meeting the Minister of National Defence announced new donations of Canadian equipment to "
    "Ukraine. The table below brings together these donations and those Canada has announced since January.\n\n"
    "Date announced | Donation | Value (CAD)\n-------------- | -------- | -----------\n"
    "February 19, 2024 | More than 800 SkyRanger R70 drones, made in Ontario | $95,000,000\n"
    "March 8, 2024 | Contribution to the Czech-led ammunition initiative | $30M\n"
    "June 13, 2024 | 2,300 CRV7 rocket motors from surplus stocks | n/a (surplus)\n"
)


def test_a_table_with_no_count_column_reads_counts_and_values_in_its_rows():
    proposals = extract(CANADIAN_TABLE, full_ref())
    assert [(p.donor_code, p.system_name, p.quantity, p.value_amount) for p in proposals] == [
        ("CA", "SkyRanger R70", 800, 95_000_000), ("CA", None, None, 30_000_000), ("CA", "CRV7", 2300, None)]


def test_the_content_of_a_running_total_is_history():
    text = ("Since February 2022, Canada has committed more than $4 billion in military assistance to Ukraine. "
            "This includes:\n- 8 Leopard 2 main battle tanks;\n- 200 Senator armoured personnel carriers;\n")
    assert found(text) == []


LITHUANIAN_ANNEX = (
    "On Wednesday the Government of the Republic of Lithuania adopted a resolution on the transfer of military "
    "equipment to the Armed Forces of Ukraine. The package, worth approximately EUR 21.6 million, responds "
    "directly to requests made by the Ukrainian side.\n\n"
    "Annex to Government Resolution No. 812\n"
    "List of military equipment and ammunition transferred free of charge to the Armed Forces of Ukraine\n\n"
    "No. | Item                                             | Qty    | Value, EUR\n"
    "----+--------------------------------------------------+--------+-------------\n"
    "1.  | NASAMS launchers                                 | 2      | 4 700 000\n"
    "2.  | L-70 anti-aircraft guns (40 mm), with ammunition | 10     | 1 250 000\n"
    "5.  | 120 mm mortar rounds                             | 3 000  | 1 140 000\n"
    "----+--------------------------------------------------+--------+-------------\n\n"
    "Earlier transfers included Stinger air defence systems and 105 mm howitzers.\n"
)


def test_an_annex_table_of_equipment_transferred_by_the_resolution_is_the_package():
    assert [f[:3] for f in found(LITHUANIAN_ANNEX)] == [("LT", None, None), ("LT", "NASAMS", 2), ("LT", "Bofors L/70", 10),
                                       ("LT", "120mm mortar ammunition", 3000)]


def test_a_print_table_with_dot_leaders_withheld_counts_and_a_value_column():
    text = ("On 20 February 2024 the Swedish Government decided to give Ukraine its fifteenth support package.\n\n"
            "Contents                                                      Quantity      Value, SEK m\n"
            "-------------------------------------------------------------------------------\n"
            "Stridsbåt 90 (CB90) fast assault craft ..........................  10 ............ –\n"
            "Robot 70 (RBS 70) short-range air defence, incl. missiles .......   * ............ –\n"
            "TOW anti-tank missiles ..........................................   * ............ –\n"
            "Medical materiel ................................................   * ............ –\n"
            "Stridsfordon 90 (CV90), new production, delivery from 2026 .... approx. 10 ...... 1 000\n")
    assert [f[:3] for f in found(text)] == [("SE", "CB90", 10), ("SE", "RBS 70", None), ("SE", "BGM-71 TOW", None),
                                            ("SE", "medical supplies", None), ("SE", "CV90", 10)]


def test_a_table_laid_out_with_spaces_reads_like_a_tab_table():
    text = LEAD + ("  Equipment                               Quantity\n"
                   "  --------------------------------------  -------------\n"
                   "  M109 self-propelled howitzers           6\n"
                   "  M113 armoured personnel carriers        not disclosed\n")
    assert found(text)[1:] == [("LV", "M109", 6, "exact"), ("LV", "M113", None, "undisclosed")]  # [0]: the EUR 20m


def test_prose_with_wide_gaps_is_not_a_table():
    from pledges.extraction.text import fold_aligned_columns
    prose = "Latvia will send six M109 howitzers.   Deliveries start in May.\nEquipment     Quantity\n"
    assert fold_aligned_columns(prose) == ("Latvia will send six M109 howitzers.   Deliveries start in May.\n"
                                           "Equipment\t    Quantity\n")


def test_a_row_whose_item_cell_wrapped_onto_the_next_line_keeps_its_count():
    text = LEAD + ("Equipment                                  | Quantity | Value (EUR m)\n"
                   "-------------------------------------------|----------|--------------\n"
                   "Self-propelled howitzers M109, refurbished |          |\n"
                   "  by industry in Latvia                    | 6        | 12\n"
                   "M113 armoured personnel carriers           | 15       | 4\n")
    assert found(text)[1:] == [("LV", "M109", 6, "exact"), ("LV", "M113", 15, "exact")]  # [0]: the EUR 20m


def test_a_lettered_row_below_a_wrapped_row_is_its_own_item():
    text = LEAD + ("Equipment                                  | Value (EUR m)\n"
                   "a) 6 M109 self-propelled howitzers,        | 12\n"
                   "   refurbished by industry in Latvia       |\n"
                   "b) Air defence missiles for Stinger        | 3\n")
    got = found(text)
    assert ("LV", "M109", 6, "exact") in got and any(s == "Stinger" for _, s, _, _ in got)


def test_a_column_headed_by_a_currency_holds_money_not_counts():
    text = LEAD + ("Content                                              EUR million\n"
                   "------------------------------------------------     -----------\n"
                   "Financing of 6 M109 self-propelled howitzers,                 12\n"
                   "  refurbished by industry\n"
                   "155mm artillery ammunition                                   900\n"
                   "Night vision goggles - 2,000 pcs.                              3\n")
    assert found(text)[1:] == [("LV", "M109", 6, "exact"), ("LV", "155mm artillery ammunition", None, "undisclosed"),
                               ("LV", "night vision devices", 2000, "exact")]


def test_an_annex_table_after_a_background_section_reads_its_content_column():
    text = ("Latvia's new package for Ukraine is worth EUR 20 million.\n\n"
            "Earlier support\nLatvia previously gave Ukraine all of its Stinger systems.\n\n"
            "Annex: contents of the package (the values of classified items are not published)\n\n"
            "No.  Capability area      Content                                  Value (EUR)\n"
            "1.   Artillery            6 x M109 self-propelled howitzers        12 million\n"
            "2.   Vehicles             All remaining M113 armoured carriers     5 million\n"
            "                          (number not disclosed)\n"
            "3.   Unmanned systems     Reconnaissance drones                    1 million\n")
    got = found(text)
    assert [g[:3] for g in got[1:]] == [("LV", "M109", 6), ("LV", "M113", None), ("LV", "reconnaissance drones", None)]


def test_a_pipe_row_continued_on_the_next_line_is_one_row():
    from pledges.extraction.text import fold_wrapped_pipe_rows
    text = "Country | Announcement\nGermany | 30 Patriot\n        | guided missiles\nNorway  | NOK 3 billion\n"
    folded = fold_wrapped_pipe_rows(text)
    assert len(folded) == len(text)
    assert folded.splitlines()[1] == "Germany | 30 Patriot" + " " * 11 + "guided missiles"
    assert folded.splitlines()[2] == "Norway  | NOK 3 billion"


def test_a_country_table_of_national_announcements_gives_each_row_to_its_country():
    text = ("National announcements made at today's meeting (as provided by delegations):\n\n"
            "Country          | Announcement\n"
            "-----------------+----------------------------------------------\n"
            "Germany          | 4 IRIS-T SLM air defence systems; 30 Patriot\n"
            "                 | guided missiles; 15 Leopard 1A5 main battle tanks\n"
            "Netherlands      | €300 million for drones\n")
    got = found(text)
    assert [g[:3] for g in got] == [("DE", "IRIS-T SLM", 4), ("DE", "Patriot", 30), ("DE", "Leopard 1A5", 15),
                                    ("NL", "drones", None)]  # the €300 million is the drones' value


def test_a_numbered_dot_leader_table_keeps_its_row_numbers_out_of_the_columns():
    text = LEAD + ("Item                                              Quantity        Value (EUR m)\n"
                   "------------------------------------------------------------------------------\n"
                   "1.  M109 self-propelled howitzers ............... 6 .............. 12\n"
                   "2.  M113 armoured personnel carriers ............ 40 ............. 16\n")
    assert found(text)[1:] == [("LV", "M109", 6, "exact"), ("LV", "M113", 40, "exact")]
