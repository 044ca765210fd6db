"""The pipeline: which sentences are pledges, who gives, what and how many, one proposal per pledge."""

import json

import pytest

from pledges.extraction import extract

from .extraction_helpers import full_ref, keys, only, small_ref

SEED = ("Germany would provide another four IRIS-T surface-to-air defence systems with missiles, "
        "and another 30 missiles for Patriot systems.")


def test_seed_sentence_gives_iris_t_systems_and_patriot_missiles():
    found = extract(SEED, small_ref())
    assert [(x.donor_code, x.system_name, x.item, x.quantity, x.qualifier, x.quantity_text) for x in found] == [
        ("DE", "IRIS-T SLM", "system", 4, "exact", "another four"),
        ("DE", "Patriot", "missile", 30, "exact", "another 30"),
    ]


def test_to_json_follows_the_cli_contract():
    text = "Intro line.\n\n" + SEED
    item = extract(text, small_ref())[0].to_json()
    assert set(item) >= {"donor", "system", "item", "quantity", "qualifier", "quantity_text", "value", "evidence", "confidence"}
    assert item["donor"] == {"code": "DE", "name": "Germany"}
    assert item["system"] == {"name": "IRIS-T SLM", "family": "IRIS-T", "category": "air-defence"}
    assert item["value"] is None
    ev = item["evidence"]
    assert text[ev["start"] : ev["end"]] == ev["text"] == SEED
    assert 0 <= item["confidence"] <= 1
    json.dumps(item)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Germany will send four IRIS-T systems with missiles.", ("IRIS-T SLM", "system", 4)),
        ("Germany will send 30 missiles for Patriot systems.", ("Patriot", "missile", 30)),
        ("Germany will send two Patriot batteries.", ("Patriot", "system", 2)),
        ("The US will send six HIMARS launchers.", ("HIMARS", "launcher", 6)),
        ("The UK will send 36,000 rounds of 105mm ammunition.", ("105mm artillery ammunition", "round", 36000)),
        ("Germany will send four Leopard 2A6.", ("Leopard 2A6", "vehicle", 4)),
        ("The UK will send 100 Storm Shadow.", ("Storm Shadow", "missile", 100)),
    ],
)
def test_item_kind_comes_from_the_noun_after_the_quantity(text, expected):
    assert keys(text)[0][1:] == expected


def test_munitions_for_a_launcher_are_its_ammunition():
    assert keys("The US will provide additional munitions for HIMARS.")[0][1:3] == ("GMLRS", "missile")


def test_number_of_another_noun_is_not_the_systems_quantity():
    assert keys("Germany will send IRIS-T to protect 30 cities.") == [("DE", "IRIS-T SLM", "system", None)]


def test_an_additional_named_system_counts_one():
    assert keys("Germany will provide an additional Patriot battery.") == [("DE", "Patriot", "system", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Russia launched 40 missiles and 120 drones at Kyiv overnight.",
        "Ukraine asked for ten more Patriot systems.",
        "Zelensky urged Germany to send more Patriot systems.",
        "Germany will not send Taurus missiles.",
        "Germany won't send Taurus missiles.",
        "Scholz ruled out sending Taurus missiles.",
        "Germany could send four more IRIS-T systems.",
        "Germany might send Taurus if France does the same.",
        "Germany is considering sending four IRIS-T systems.",
        "Allies have sent 26 rocket artillery systems and 300 tanks.",
        "Germany has ordered 20 IRIS-T systems for the Bundeswehr.",
        "The Netherlands bought 30 F-16s for its own air force.",
        "Germany delivered four IRIS-T, bringing the total to 12.",
        "Germany has so far delivered 18 Leopard 2A6 tanks.",
        "The UK has supplied 14 Challenger 2 tanks since 2022.",
        "Ukraine has lost 20 Leopard 2 tanks.",
        "Rheinmetall will deliver 100 drones to the Bundeswehr.",
    ],
)
def test_sentences_that_are_not_pledges_give_nothing(text):
    assert keys(text) == []


def test_procurement_for_ukraine_is_a_pledge():
    assert keys("Canada will purchase one NASAMS from the United States for Ukraine.") == [("CA", "NASAMS", "system", 1)]


def test_attack_in_one_clause_and_pledge_in_the_next_are_told_apart():
    assert keys("Russia launched 40 missiles at Kyiv; Germany pledged four IRIS-T systems.") == [
        ("DE", "IRIS-T SLM", "system", 4)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Germany's defence minister said Berlin would provide four IRIS-T systems.",
        "The German government will send four IRIS-T systems.",
        "Berlin will send four IRIS-T systems.",
        "Four IRIS-T systems will be delivered by Germany.",
    ],
)
def test_donor_is_found_in_subject_possessive_demonym_capital_or_agent(text):
    assert keys(text) == [("DE", "IRIS-T SLM", "system", 4)]


def test_pronoun_takes_the_donor_of_the_person_named_before():
    text = "German defence minister Boris Pistorius spoke in Brussels. He said four IRIS-T systems would be sent."
    assert keys(text) == [("DE", "IRIS-T SLM", "system", 4)]


def test_surname_alone_names_the_persons_country():
    assert keys("Pistorius announced four more IRIS-T systems.") == [("DE", "IRIS-T SLM", "system", 4)]


def test_location_is_not_a_donor():
    text = "In Brussels, Dutch minister Ruben Brekelmans said the Netherlands will send 18 F-16s."
    assert keys(text) == [("NL", "F-16", "aircraft", 18)]


def test_list_items_belong_to_the_donor_of_their_heading():
    text = "Germany's new package includes:\n\n\u2022 30 Leopard 2 tanks\n\u2022 four IRIS-T SLM air defence systems\n"
    assert keys(text) == [("DE", "Leopard 2", "vehicle", 30), ("DE", "IRIS-T SLM", "system", 4)]


def test_list_under_a_request_heading_is_not_pledged():
    text = "Ukraine has asked for:\n\u2022 10 Patriot systems\n\u2022 100 Leopard 2 tanks\n"
    assert keys(text) == []


def test_we_in_a_government_release_is_that_government():
    text = ("Press release from the Danish Ministry of Defence\n\nDenmark supports Ukraine.\n\n"
            "We will donate 19 F-16 aircraft to Ukraine.")
    assert keys(text) == [("DK", "F-16", "aircraft", 19)]


def test_background_section_is_not_proposed():
    text = "UK sends Challenger tanks\n\nThe UK will send 14 Challenger 2 tanks.\n\nBackground\n\nThe UK will send 30 F-16s."
    assert keys(text) == [("GB", "Challenger 2", "vehicle", 14)]


def test_headline_and_body_give_one_proposal_with_the_body_sentence():
    text = "Germany to send four more IRIS-T systems\n\nGermany will send another four IRIS-T systems to Ukraine, Berlin said."
    found = extract(text, small_ref())
    assert len(found) == 1
    assert found[0].evidence.startswith("Germany will send another four")


def test_bare_mention_of_a_counted_system_is_the_same_pledge():
    text = "UK to send Challenger 2 tanks to Ukraine\n\nThe UK will send 14 Challenger 2 tanks."
    assert keys(text) == [("GB", "Challenger 2", "vehicle", 14)]


def test_vague_quantity_keeps_its_words_and_no_number():
    x = only("The UK will send hundreds more armoured vehicles.")
    assert (x.system_name, x.quantity, x.qualifier, x.quantity_text) == ("armoured vehicles", None, "vague", "hundreds more")


def test_money_only_package_is_a_proposal_with_a_value():
    x = only("The Federal Government has approved a further package of military support for Ukraine worth around \u20ac2.7 billion, Germany said.")
    assert (x.donor_code, x.system_name, x.value_amount, x.value_currency) == ("DE", None, 2_700_000_000, "EUR")


def test_value_of_a_single_item_is_attached_to_it():
    x = only("Canada will purchase one NASAMS for Ukraine at a cost of approximately $406 million.")
    assert (x.system_name, x.quantity, x.value_amount, x.value_currency) == ("NASAMS", 1, 406_000_000, "CAD")


def test_annual_budget_is_not_a_package():
    text = ("In 2024 Germany is providing around 7.5 billion euros for military support to Ukraine, "
            "and for 2025 the government has planned four billion euros.")
    assert keys(text) == []


def test_generic_equipment_maps_to_its_generic_system():
    assert keys("Germany will send 100,000 155mm artillery shells.") == [
        ("DE", "155mm artillery ammunition", "round", 100000)
    ]


def test_explicit_pledge_is_more_confident_than_an_inherited_generic_one():
    strong = only("Germany will send four IRIS-T systems.")
    weak = extract("Germany spoke.\n\nThe package includes:\n\u2022 drones\n", small_ref())
    assert weak and strong.confidence > weak[0].confidence


def test_reasons_name_the_patterns_that_fired():
    x = only("Germany will send four IRIS-T systems.")
    assert "donor:subject" in x.reasons
    assert any(r.startswith("trigger:") for r in x.reasons)
    assert "system:alias IRIS-T" in x.reasons
    assert "qty:word" in x.reasons


def test_same_input_gives_the_same_output():
    assert extract(SEED, small_ref()) == extract(SEED, small_ref())


def test_real_reference_data_reads_the_seed_sentence():
    assert keys(SEED, full_ref()) == [("DE", "IRIS-T SLM", "system", 4), ("DE", "Patriot", "missile", 30)]


@pytest.mark.parametrize(
    "text",
    [
        "Since the start of the war, Germany has delivered 52 Gepard anti-aircraft guns.",
        "In total, the United States has provided more than 2 million 155mm shells.",
        "The Netherlands has so far sent 24 F-16s, bringing the total to 24.",
        "Allies have pledged over 300 Leopard 2 tanks.",
        "Poland may send more MiG-29 jets if NATO agrees.",
        "Germany is discussing whether to send Taurus missiles.",
        "France refused to supply SCALP missiles.",
        "Kyiv requested 25 Patriot systems from its partners.",
        "Rheinmetall will supply 100 Skynex systems to Germany's armed forces.",
        "Lockheed Martin will deliver 48 HIMARS launchers to Poland.",
        "Norway ordered 54 Leopard 2A8 tanks for its army.",
        "Zelensky thanked Germany for the IRIS-T systems that protect Kyiv.",
        "Germany's 2025 defence budget is \u20ac53 billion.",
        "The IRIS-T SLM can engage 8 targets simultaneously at a range of 40 km.",
        "Germany has 3 Patriot batteries left after giving 3 to Ukraine.",
        "Germany will not be sending Leopard 2 tanks for now, Scholz said.",
        "Japan will ship Patriot interceptors to the US, but not to Ukraine.",
        "Germany's defence minister said Germany would supply three MARS II launchers, the German version of the M270.",
    ],
)
def test_numbers_and_names_without_a_pledge_give_nothing_with_real_reference_data(text):
    found = [(x.system_name, x.quantity) for x in extract(text, full_ref())]
    assert ("M270 MLRS", None) not in found
    if "MARS II" not in text:
        assert found == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Netherlands is sending 18 F-16s to Ukraine, the Dutch defence ministry said.", [("NL", "F-16", 18)]),
        ("Ukraine will receive six Gepard anti-aircraft guns from Germany next month.", [("DE", "Gepard", 6)]),
        ("Poland to transfer 14 Leopard 2A4 tanks to Ukraine", [("PL", "Leopard 2A4", 14)]),
        ("Sweden will donate 10 Strv 122 tanks, Stockholm said.", [("SE", "Leopard 2A5", 10)]),
        ("France is to deliver dozens of Caesar howitzers.", [("FR", "Caesar", None)]),
        ("The Czech Republic will hand over 20 T-72 tanks and 30 BMP-1 infantry fighting vehicles.",
         [("CZ", "T-72", 20), ("CZ", "BMP-1", 30)]),
        ("Lithuania has decided to give Ukraine an additional 20 M113 armoured personnel carriers.", [("LT", "M113", 20)]),
        ("Spain will send four Hawk air defence launchers to Ukraine.", [("ES", "MIM-23 Hawk", 4)]),
        ("Norway announced a further NOK 3 billion in military support for Ukraine.", [("NO", None, None)]),
    ],
)
def test_plain_pledges_are_read_with_real_reference_data(text, expected):
    assert [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref())] == expected
