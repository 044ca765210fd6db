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


# --------------------------------------------------------------------------- package values

def test_value_of_a_package_without_a_donor_verb_is_proposed():
    text = ("Today the Defense Department announces more help for Ukraine. "
            "It is the sixth drawdown since March, and it is valued at $300 million.")
    assert values(text) == [("US", 300_000_000, "USD")]


def test_money_that_names_a_package_is_its_value():
    assert values("The Pentagon said: This $600 million package includes mortar rounds.")[0][1] == 600_000_000


def test_package_funded_from_two_sources_gives_both_parts_not_the_sum():
    text = ("The Pentagon announces $3 billion in additional security assistance for Ukraine. "
            "This includes a drawdown valued at up to $1.2 billion, and $1.8 billion in Ukraine "
            "Security Assistance Initiative funds.")
    assert sorted(v for _, v, _ in values(text)) == [1_200_000_000, 1_800_000_000]


def test_the_authorization_of_a_drawdown_is_not_a_condition():
    text = "This includes the authorization of a Presidential Drawdown valued at $700 million for Ukraine, the Pentagon said."
    assert values(text) == [("US", 700_000_000, "USD")]


def test_annual_budget_lines_are_not_pledges():
    for text in ("Norway has earmarked around NOK 15 billion for military aid to Ukraine in 2025.",
                 "The Dutch government plans to provide around 3 billion euros to Ukraine next year.",
                 "The draft budget earmarks €6 billion for Ukraine aid.",
                 "Denmark has allocated more than DKK 20 billion for Ukraine this year."):
        assert values(text) == [], text


def test_new_money_for_a_year_is_still_a_pledge():
    assert values("Italy said it would provide up to €2 billion in additional military aid to Ukraine in 2025.") == [
        ("IT", 2_000_000_000, "EUR")]


def test_cumulative_money_is_not_a_pledge():
    assert values("Canada alone has committed more than $4 billion.") == []
    assert values("Since 2022 Norway has given about NOK 30 billion in military support.") == []


def test_a_special_fund_for_own_forces_is_not_a_pledge():
    assert values("Poland will create a 20 billion zloty special fund to modernise its army and support Ukraine.") == []


# --------------------------------------------------------------------------- speakers, summaries and lists in sentences

def test_first_person_in_remarks_is_the_speaker_country():
    text = ("Remarks by Secretary Lloyd Austin at the press conference\n\n"
            "LLOYD AUSTIN: Thank you all for coming. Today I am announcing a new package for Ukraine valued at $300 million. "
            "It includes Stinger missiles, artillery ammunition and armored vehicles.")
    got = found(text)
    assert ("US", None, None) in got and ("US", "Stinger", None) in got
    assert ("US", "artillery ammunition", None) in got and ("US", "armoured vehicles", None) in got


def test_each_generic_in_a_sentence_list_after_the_verb_is_proposed():
    got = found("Finland will send artillery ammunition, machine guns and armoured vehicles to Ukraine.")
    assert got == [("FI", "artillery ammunition", None), ("FI", "machine guns", None), ("FI", "armoured vehicles", None)]


def test_missiles_coordinated_with_an_air_defence_system_are_its_own():
    assert found("Italy will send a SAMP/T battery and missiles to Ukraine.") == [("IT", "SAMP/T", 1)]


def test_what_money_will_pay_for_is_not_an_equipment_pledge():
    assert found("The new funding will pay for drones, air defence and artillery ammunition.") == []


def test_a_summary_sentence_is_not_repeated_when_the_list_names_the_items():
    text = ("The Pentagon announced a new package for Ukraine that will provide armored vehicles. It includes:\n"
            "- Bradley Infantry Fighting Vehicles;\n- Stryker Armored Personnel Carriers.\n")
    got = found(text)
    assert ("US", "armoured vehicles", None) not in got
    assert ("US", "M2 Bradley", None) in got and ("US", "Stryker", None) in got


# --------------------------------------------------------------------------- past references and background

def test_content_of_a_new_package_in_a_which_clause_is_pledged():
    got = found("Pistorius announced a new German package worth €500 million, which includes 12 howitzers.")
    assert ("DE", "howitzers", 12) in got


def test_content_of_an_earlier_package_in_a_which_clause_is_background():
    got = found("Today's decision follows the Norwegian package presented in March, which included NASAMS and M109 howitzers.")
    assert got == []


def test_equipment_received_earlier_by_a_third_country_is_not_a_pledge():
    assert found("Slovakia ordered 20 Leopard 2A8 tanks after receiving 15 Leopard 2A4 tanks from Germany.") == []


def test_a_decision_recalled_with_a_month_is_background():
    assert found("In March, we agreed with Norway to deliver NASAMS air defence systems to Ukraine.") == []
    assert found("Earlier this year, Germany announced that it would send 10 Leopard 2A6 tanks.") == []


def test_a_promise_talked_about_is_not_a_new_pledge():
    assert found("Analysts say the EU will miss its goal to deliver 500,000 artillery shells to Ukraine.") == []
    assert found("Officials admitted that NATO is behind its target to supply 100 F-16 jets.") == []


# --------------------------------------------------------------------------- who gives

def test_a_sentence_subject_is_never_replaced_by_the_list_donor():
    text = "Sweden's new package includes:\n- 10 CV90 infantry fighting vehicles;\n- Poland stands ready to hand over 14 Leopard 2 tanks.\n"
    assert ("PL", "Leopard 2", 14) in found(text)
    assert ("SE", "Leopard 2", 14) not in found(text)


def test_a_donor_named_with_from_beats_inherited_context():
    text = "Norway announced that the coalition package includes:\n- 8 NASAMS launchers;\n- 30 IRIS-T missiles from Germany.\n"
    got = found(text)
    assert ("DE", "IRIS-T SLM", 30) in got and ("NO", "IRIS-T SLM", 30) not in got


def test_several_donors_acting_together_give_no_proposal():
    assert found("The United States, Germany and France agreed to send armoured vehicles to Ukraine.") == []
    assert found("Poland and Slovakia will send 30 tanks.") == []


def test_each_of_several_donors_gets_its_own_proposal():
    assert found("Belgium and Norway will send 12 F-16 jets each.") == [("BE", "F-16", 12), ("NO", "F-16", 12)]


def test_each_clause_keeps_its_own_donor():
    assert found("Germany will provide 10 IRIS-T systems, and Norway will provide 20 NASAMS launchers.") == [
        ("DE", "IRIS-T SLM", 10), ("NO", "NASAMS", 20)]


def test_a_conditional_offer_awaiting_approvals_is_not_a_pledge():
    assert found("Finland is ready to hand over 10 Leopard 2 tanks once the necessary approvals have been granted.") == []


def test_giving_away_an_entire_arm_is_a_pledge_of_it():
    assert found("Estonia said it had decided to donate its entire artillery to Ukraine.") == [("EE", "howitzers", None)]


# --------------------------------------------------------------------------- lists

def test_items_under_a_cumulative_heading_are_not_new_pledges():
    text = ("Since 2022, the United States has committed more than $60 billion in security assistance, including:\n"
            "- 31 Abrams tanks;\n- Over 2,000 Stinger missiles;\n")
    assert found(text) == []


def test_two_names_sharing_a_generic_noun_are_two_systems():
    got = found("Sweden will send Hawk and Robot 70 air defence systems.")
    assert got == [("SE", "MIM-23 Hawk", None), ("SE", "RBS 70", None)]
    got = found("The package includes the air defence systems Hawk and Robot 70, Sweden's government said.")
    assert ("SE", "air defence systems", None) not in got


def test_size_words_between_a_count_and_a_generic_noun_keep_the_count():
    assert found("The UK will also send a further 60 small boats to Ukraine.") == [("GB", "patrol boats", 60)]
    assert found("Denmark will donate 20 large drones and 300 small drones.") == [("DK", "drones", 20), ("DK", "drones", 300)]


def test_a_package_value_in_a_list_of_new_contributions_is_proposed_beside_its_content():
    text = ("Today, we announce the following new contributions:\n"
            "- Finland's 25th defence materiel package, worth EUR 188 million, contains air defence equipment.\n")
    proposals = extract(text, full_ref())
    assert [(p.donor_code, p.system_name) for p in proposals] == [("FI", None), ("FI", "air defence systems")]
    assert (proposals[0].value_amount, proposals[0].value_currency) == (188_000_000, "EUR")


def test_a_list_line_that_starts_with_a_country_and_a_dash_is_that_country_s():
    text = ("Latvia announced the following contributions:\n\n"
            "• Latvia – 500 FPV drones;\n• United Kingdom – more than 30,000 drones;\n"
            "• Canada – a further 400 SkyRanger R70 drones;\n")
    assert found(text) == [("LV", "FPV drones", 500), ("GB", "drones", 30000), ("CA", "SkyRanger R70", 400)]


def test_a_numbered_paragraph_ending_in_a_colon_leads_the_list_under_it():
    text = ("5. Members announced the following new contributions to Ukraine's air defence:\n\n"
            "a) Germany – IRIS-T SLM fire units: 2;\n\nb) France – Crotale NG systems (2);\n")
    assert found(text) == [("DE", "IRIS-T SLM", 2), ("FR", "Crotale", 2)]


def test_money_for_named_equipment_is_a_record_of_that_equipment_with_the_value():
    (sweden,) = extract("Sweden will give SEK 1.3 billion for drones.", full_ref())
    assert (sweden.donor_code, sweden.system_name, sweden.quantity) == ("SE", "drones", None)
    assert (sweden.value_amount, sweden.value_currency) == (1_300_000_000, "SEK")
    (denmark,) = extract("Denmark will provide DKK 200 million to purchase interceptor drones.", full_ref())
    assert denmark.system_name == "interceptor drones"


def test_money_for_equipment_counted_elsewhere_is_that_record_s_value():
    text = "The UK will provide 100,000 drones to Ukraine. Defence Secretary announces £350 million for drones."
    (drones,) = extract(text, full_ref())
    assert (drones.system_name, drones.quantity, drones.value_amount) == ("drones", 100000, 350_000_000)


def test_a_category_heading_after_a_blank_line_keeps_a_cumulative_list_history():
    text = ("Estonia's military aid.\n\nMilitary aid provided since February 2022 (selection)\n\n"
            "Anti-tank and infantry weapons\n– Javelin anti-tank missiles\n– hand grenades\n\n"
            "Artillery\n– 122 mm D-30 howitzers\n")
    assert found(text) == []


def test_a_package_made_up_of_a_list_pledges_its_items():
    text = ("The UK Ministry of Defence will send its largest package to Ukraine. It is made up of:\n\n"
            "• 78 all-terrain vehicles;\n• More than 1,600 strike and air defence missiles;\n")
    assert found(text) == [("GB", "military vehicles", 78), ("GB", "missiles", 1600)]


def test_a_total_made_up_of_parts_gives_the_parts():
    text = ("The UK package includes:\n- 400 vehicles, made up of 322 armoured vehicles and 78 all-terrain vehicles.\n")
    assert found(text) == [("GB", "armoured vehicles", 322), ("GB", "military vehicles", 78)]


def test_a_list_of_the_kinds_of_equipment_a_fund_pays_for_is_no_pledge():
    text = ("The European Union supports Ukraine.\n\nTypes of equipment supported by the EPF\n"
            "– air defence systems and interceptor missiles\n– drones and counter-drone equipment\n")
    assert found(text) == []


def test_an_authorised_drawdown_counted_since_a_date_is_this_report_s_package():
    text = ("Today, the Department of Defense announces additional security assistance for Ukraine. This is "
            "the thirtieth drawdown of equipment from DoD inventories that the Biden Administration has "
            "authorized for Ukraine since August 2021, and it is valued at up to $2.5 billion.")
    (package,) = extract(text, full_ref())
    assert (package.donor_code, package.system_name, package.value_amount) == ("US", None, 2_500_000_000)


def test_a_dated_package_whose_content_the_next_sentence_lists_is_recorded():
    text = ("The United States supports Ukraine. On December 30, 2024, the Administration announced a new "
            "Presidential Drawdown package valued at $1.25 billion. That package includes additional Stinger "
            "missiles and 155mm artillery ammunition.")
    assert found(text) == [("US", None, None), ("US", "Stinger", None), ("US", "155mm artillery ammunition", None)]


def test_parallel_munitions_phrases_are_each_proposed():
    text = "The US package includes munitions for NASAMS, munitions for HIMARS, and 155mm artillery ammunition."
    assert found(text) == [("US", "NASAMS", None), ("US", "GMLRS", None), ("US", "155mm artillery ammunition", None)]


def test_the_value_of_equipment_given_in_a_later_sentence_is_that_equipment_s():
    text = ("Canada will donate more than 800 SkyRanger R70 drones to Ukraine. The drones are being sourced "
            "from a Canadian company and are valued at more than $95 million.")
    (drones,) = extract(text, full_ref())
    assert (drones.system_name, drones.quantity, drones.value_amount) == ("SkyRanger R70", 800, 95_000_000)


def test_support_equipment_for_artillery_is_not_artillery():
    assert found("The Estonian package contains:\n• support equipment for artillery units.\n") == []


def test_a_list_line_under_a_cumulative_heading_is_no_package_by_its_words():
    text = ("Estonia's military aid.\n\nMilitary aid provided since February 2022 (selection)\n\nArtillery\n"
            "– artillery support vehicles and fire control equipment\n")
    assert found(text) == []


COMMUNIQUE = (
    "JOINT STATEMENT\n\n"
    "4. Since the Coalition was established, its members have delivered more than 30 air defence systems.\n\n"
    "5. Members announced the following new contributions to Ukraine's air defence:\n\n"
    "a) Germany – IRIS-T SLM fire units: 2;\n\n"
    "b) France – Crotale NG systems (2), together with their missiles;\n\n"
    "c) The Netherlands – EUR 150 million for the procurement of PAC-3 MSE interceptors for Ukraine's Patriot batteries;\n\n"
    "d) Spain – a further batch of missiles for the Aspide systems already in service with the Ukrainian Air Force.\n\n"
    "6. Ministers welcomed the forthcoming delivery of the second SAMP/T system provided jointly by France and Italy.\n"
)


def test_a_numbered_communique_gives_each_country_s_listed_contribution_and_nothing_else():
    assert found(COMMUNIQUE) == [("DE", "IRIS-T SLM", 2), ("FR", "Crotale", 2), ("NL", "Patriot", None),
                                 ("ES", "Skyguard/Aspide", None)]


def test_money_for_the_procurement_of_equipment_is_that_equipment_paid_for_ukraine():
    (nl,) = [p for p in extract(COMMUNIQUE, full_ref()) if p.donor_code == "NL"]
    assert (nl.item, nl.value_amount, nl.value_currency) == ("missile", 150_000_000, "EUR")


def test_a_package_another_minister_set_out_is_that_minister_s_country_s():
    text = ("Boris will speak for Germany in a moment. But I want to thank him for the package he set out to me "
            "this morning: four more IRIS-T air defence systems and 30 Patriot interceptors.")
    assert found("The UK will send 100,000 anti-tank mines to Ukraine. " + text) == [
        ("GB", "anti-tank mines", 100000), ("DE", "IRIS-T SLM", 4), ("DE", "Patriot", 30)]


def test_a_loan_tranche_is_no_aid_package():
    text = ("The UK will send 100,000 anti-tank mines to Ukraine. And all of this comes on top of the first "
            "£752 million tranche of our £2.26 billion loan, which was released to Kyiv last month.")
    assert found(text) == [("GB", "anti-tank mines", 100000)]


def test_the_donor_s_own_army_taking_delivery_is_procurement():
    text = "The British Army will take delivery of its first RCH 155 wheeled howitzers from Germany this year."
    assert found(text) == []


def test_what_we_have_done_is_recalled_history():
    text = "What we have done is provide the Bushmasters, which have done an outstanding job, and now the Abrams."
    assert found("Australia will provide 49 M1A1 Abrams tanks to Ukraine. " + text) == [("AU", "M1A1 Abrams", 49)]


def test_the_time_of_a_later_clause_does_not_make_a_delivery_news():
    text = "We handed over two Mi-8 helicopters and Stinger missiles, and all of them are in service at the front today."
    assert found("Lithuania supports Ukraine. " + text) == []


def test_a_country_that_will_fund_or_confirmed_a_contribution_pledges_its_value():
    text = ("Germany will fund a further PURL package worth 500 million US dollars. And the Netherlands has "
            "confirmed a second contribution, of 250 million euros.")
    assert [(p.donor_code, p.value_amount) for p in extract(text, full_ref())] == [("DE", 500_000_000), ("NL", 250_000_000)]


def test_an_item_s_purpose_does_not_hide_the_next_item_of_the_list():
    text = "The US package includes AIM-9M missiles for Ukraine's air defense, 155mm artillery rounds, and Javelin missiles."
    assert found(text) == [("US", "AIM-9 Sidewinder", None), ("US", "155mm artillery ammunition", None), ("US", "Javelin", None)]


def test_money_put_in_or_paid_in_crowns_is_pledged():
    text = ("Sweden will pay 300 million Swedish crowns, while Lithuanian Prime Minister Ingrida Simonyte said "
            "Vilnius would put in 35 million euros.")
    assert [(p.donor_code, p.value_amount, p.value_currency) for p in extract(text, full_ref())] == [
        ("SE", 300_000_000, "SEK"), ("LT", 35_000_000, "EUR")]


def test_a_country_that_leads_an_initiative_is_not_its_donor():
    assert found("Canada will contribute to the Czech-led initiative to buy 800,000 artillery shells.") == []


def test_a_person_after_with_and_a_title_is_no_subject():
    text = ("The UK supports Ukraine, and the UK will keep doing so. The Prime Minister, visiting Warsaw with NATO Secretary General Jens "
            "Stoltenberg, has announced an additional £500 million of military funding for Ukraine.")
    assert [(p.donor_code, p.value_amount) for p in extract(text, full_ref())] == [("GB", 500_000_000)]


def test_counts_written_with_a_space_between_thousands():
    text = "Lithuania will send:\n- FPV drones produced by Lithuanian manufacturers\t3 000\n- 16 105mm howitzers\n"
    assert found(text) == [("LT", "FPV drones", 3000), ("LT", "howitzers", 16)]


def test_a_list_line_given_before_is_no_new_pledge():
    text = ("Lithuania's new package contains:\n- Contribution to the Czech-led ammunition initiative: EUR 35 "
            "million, transferred in full in April 2024\n- 20 M577 armoured personnel carriers\n")
    assert found(text) == [("LT", "armoured personnel carriers", 20)]


def test_a_speech_by_a_titled_minister_speaks_for_that_minister_s_country():
    text = "Oral statement by Defence Secretary Ben Wallace\n\nToday we will send 14 Challenger 2 tanks to Ukraine.\n"
    assert found(text) == [("GB", "Challenger 2", 14)]


def test_a_package_largest_to_date_leads_its_list():
    text = ("Estonia will provide its largest package to date, worth approximately €113 million, consisting of:\n"
            "- dozens of FH70 155mm towed howitzers;\n- Carl Gustaf anti-tank weapons with ammunition.\n")
    assert found(text) == [("EE", None, None), ("EE", "FH70", None), ("EE", "Carl Gustaf", None)]


def test_an_approved_proposal_of_a_ministry_is_the_government_s_decision():
    text = ("At its session on Friday, the Government of the Slovak Republic approved a proposal from the "
            "Ministry of Defence to provide Ukraine with 13 MiG-29 fighter aircraft.")
    assert found(text) == [("SK", "MiG-29", 13)]


def test_a_question_pledges_nothing():
    assert found("QUESTION (Ukrinform): Will Belgium also provide Patriot systems?") == []


def test_list_counts_after_brackets_and_with_units_in_the_cell():
    text = ("The Netherlands will send:\n- YPR-765 armoured vehicles (various versions): 56.\n"
            "- Thermal imaging devices: approx. 1,500, for use by infantry and drone units.\n\n"
            "Sweden will send:\n\nItem | Quantity\n--- | ---\n"
            "Pansarbandvagn 302 (Pbv 302) armoured personnel carriers | approx. 300\n"
            "155 mm artillery ammunition | more than 20,000 rounds\n")
    assert found(text) == [("NL", "YPR-765", 56), ("NL", "thermal imaging devices", 1500),
                           ("SE", "Pbv 302", 300), ("SE", "155mm artillery ammunition", 20000)]


def test_a_list_run_on_with_semicolons_stays_under_its_verb():
    text = ("Thirdly, the UK package includes a further 600 Brimstone missiles; dozens of Bulldog armoured "
            "vehicles; and hundreds more armoured vehicles. Germany will not send Taurus; it will send 4 IRIS-T SLM.")
    assert found(text) == [("GB", "Brimstone", 600), ("GB", "FV432", None), ("GB", "armoured vehicles", None),
                           ("DE", "IRIS-T SLM", 4)]


def test_a_calibre_written_out_is_no_count():
    text = "The US package includes 72 more 155-millimeter howitzers and 144,000 rounds of 155-millimeter ammunition."
    assert found(text) == [("US", "howitzers", 72), ("US", "155mm artillery ammunition", 144000)]


def test_economic_assistance_and_a_year_gone_by_are_no_military_pledge():
    text = ("In 2022 the United Kingdom committed £2.3 billion in military support to Ukraine. "
            "The US is also providing $500 million in direct economic assistance to Ukraine.")
    assert found(text) == []


def test_a_table_line_s_value_and_count_with_remarks():
    text = ("Overview of the Danish package (amounts in DKK):\n\nItem | Amount\n---|---\n"
            "c) Leopard 1A5 main battle tanks, additional 15 (Danish-German project) | DKK 0.4 billion\n"
            "d) M113 armoured personnel carriers – 20 units from Danish stocks | DKK 90 million\n"
            "f) Mine-clearing equipment | DKK 95 million\n")
    proposals = extract(text, full_ref())
    assert [(p.donor_code, p.system_name, p.quantity, p.value_amount) for p in proposals] == [
        ("DK", "Leopard 1A5", 15, 400_000_000), ("DK", "M113", 20, 90_000_000),
        ("DK", "mine-clearing equipment", None, 95_000_000)]


def test_the_donor_s_army_transferring_is_the_donor():
    text = ("The UK supports Ukraine.\n\nSecondly, the Army will transfer some 30 AS90 155mm self-propelled guns "
            "— enough to equip three batteries — to Ukraine.\n")
    assert found(text) == [("GB", "AS-90", 30)]


def test_a_new_clause_after_recalled_aid_pledges_on_its_own():
    text = ("The UK supports Ukraine. Fourthly, we will provide over 600 Brimstone missiles, to add to those we have "
            "already sent, and we will deliver 100,000 rounds of artillery ammunition this year.")
    assert found(text) == [("GB", "Brimstone", 600), ("GB", "artillery ammunition", 100000)]


def test_kinds_named_by_amphibious_or_raiding_words_keep_their_counts():
    text = ("The United Kingdom will also provide 20 Viking amphibious armoured vehicles for the Ukrainian Marine "
            "Corps, together with 23 fast raiding boats for riverine operations.")
    assert found(text) == [("GB", "armoured vehicles", 20), ("GB", "patrol boats", 23)]


def test_the_person_a_minister_meets_is_not_the_report_s_donor():
    text = ("Press release\n\nHundreds of British-made air defence missiles for Ukraine as Prime Minister meets "
            "President Biden\n\nUkraine will receive 650 Lightweight Multirole Missiles made in Belfast, the UK "
            "Prime Minister has announced.\n")
    assert found(text) == [("GB", "Martlet", 650)]


def test_ships_in_a_list_of_platforms_is_no_verb():
    text = ("The UK will send 650 Martlet missiles. Known in British service as Martlet, the LMM can be fired from "
            "land vehicles, ships and helicopters.")
    assert found(text) == [("GB", "Martlet", 650)]


def test_financing_the_production_of_equipment_pledges_it():
    text = "Denmark will finance the production of 18 Bohdana self-propelled howitzers at Ukrainian factories."
    assert found(text) == [("DK", "howitzers", 18)]
    assert found("Romania approved the purchase of 54 M1A2 Abrams tanks for its own army.") == []


def test_a_count_restated_after_the_name():
    assert found("Sweden will send the Combat Vehicle 90, the CV90 — around 50 of them.") == [("SE", "CV90", 50)]


def test_a_package_worth_that_is_financed_from_a_fund_is_still_the_package():
    text = ("Today I can present Denmark's 18th donation package to Ukraine. The package is worth DKK 3.4 billion "
            "and is financed from the Ukraine Fund.")
    assert [(p.donor_code, p.value_amount) for p in extract(text, full_ref())] == [("DK", 3_400_000_000)]


def test_a_package_consisting_of_unnumbered_kinds_lists_each():
    text = ("Denmark will provide a new donation package worth DKK 1.3 billion, consisting of air defence missiles "
            "and artillery ammunition to be procured from European industry.")
    assert found(text) == [("DK", None, None), ("DK", "air defence missiles", None), ("DK", "artillery ammunition", None)]


def test_a_sum_for_several_kinds_is_the_sum_and_each_kind():
    text = ("Iceland will contribute ISK 500 million (approximately EUR 3.4 million) for winter equipment and "
            "medical supplies for the Ukrainian Armed Forces.")
    assert found(text) == [("IS", None, None), ("IS", "winter equipment", None), ("IS", "medical supplies", None)]


def test_a_sum_allocated_to_finance_named_equipment_is_that_equipment():
    (p,) = extract("Sweden will allocate SEK 1.2 billion to finance the production in Ukraine of long-range drones.",
                   full_ref())
    assert (p.donor_code, p.system_name, p.value_amount) == ("SE", "loitering munitions", 1_200_000_000)
    assert extract("The UK offered £1.6 billion of UK export finance to Ukraine.", full_ref()) == []


def test_a_category_label_before_the_named_system_is_not_a_second_item():
    text = ("Sweden will send:\n3.2  Carl-Gustaf M4 recoilless rifles, with ammunition ...... 100\n"
            "- Air defence systems, Robot 70 (RBS 70)\n- Anti-tank missile systems, TOW\n")
    assert found(text) == [("SE", "Carl Gustaf", 100), ("SE", "RBS 70", None), ("SE", "BGM-71 TOW", None)]


def test_what_aid_defends_against_is_not_aid():
    text = ("The UK will send a further 350 ASRAAM missiles to strengthen Ukraine's air defences against drones and "
            "cruise missiles.")
    assert found(text) == [("GB", "AIM-132 ASRAAM", 350)]


def test_recalled_decisions_and_the_donor_s_own_air_force_are_no_pledge():
    assert found("We also recall the decision announced by Canada in February 2024 to donate more than 800 "
                 "SkyRanger R70 drones.") == []
    assert found("Romania supports Ukraine. The Air Force is receiving the 32 F-16 aircraft bought from Norway.") == []


def test_a_dash_count_with_rounds():
    assert found("The UK package:\n- Artillery ammunition — 100,000+ rounds\n") == [("GB", "artillery ammunition", 100000)]


def test_any_transfer_and_a_purpose_clause_pledge_nothing_more():
    assert found("Sweden has stated that any transfer of Gripen would be considered only after Ukraine has "
                 "its F-16s in service.") == []
    text = ("The Netherlands will transfer two Patriot launchers from the stocks of the Royal Netherlands Air Force, "
            "together with missiles, so that Ukraine can form a battery.")
    assert found(text) == [("NL", "Patriot", 2)]


def test_us_fact_sheet_names_of_counter_drone_ew_and_communications_equipment():
    text = ("The US package includes:\n• Counter-Unmanned Aerial Systems (c-UAS) equipment;\n"
            "• Electronic warfare detection equipment;\n• Secure communications support equipment; and\n")
    assert found(text) == [("US", "anti-drone systems", None), ("US", "electronic warfare systems", None),
                           ("US", "communications equipment", None)]


def test_a_package_value_with_years_of_delivery_in_a_later_sentence_is_no_budget():
    text = ("3. Building on this, Germany will provide Ukraine with a new package of military equipment worth "
            "€1.13 billion. This package comprises 36 howitzers and two Skynex air defence systems, which will be "
            "delivered in the course of 2024 and early 2025.")
    assert found(text) == [("DE", None, None), ("DE", "howitzers", 36), ("DE", "Skynex", 2)]


def test_the_package_is_worth_after_a_clause_about_replacing_stocks():
    text = ("Finland will send its fourteenth package. Estimated at what it will cost the Defence Forces to replace "
            "the materiel, the package is worth EUR 161 million.")
    assert [(p.donor_code, p.value_amount) for p in extract(text, full_ref())] == [("FI", 161_000_000)]


def test_vests_and_field_dressings_are_body_armour_and_medical_supplies():
    text = "Austria is supplying Ukraine with 9,300 fragmentation protection vests and 1,500 field dressings."
    assert found(text) == [("AT", "body armour", 9300), ("AT", "medical supplies", 1500)]


def test_a_name_used_as_a_base_is_not_the_item():
    assert found("Canada will send one Leopard 2-based armoured recovery vehicle.") == [
        ("CA", "armoured recovery vehicles", 1)]


def test_ukraine_receiving_what_the_speaker_finances_is_the_speaker_s_pledge():
    text = ("Statement by Federal Minister of Defence Boris Pistorius\n\nOn the ground, the Ukrainian armed forces "
            "will receive 25 Marder infantry fighting vehicles, financed by us. We are adding 14 self-propelled "
            "howitzers. \"F-16s shot down several cruise missiles,\" Zelensky said, adding that Patriot systems helped.\n")
    assert found(text) == [("DE", "Marder 1A3", 25), ("DE", "howitzers", 14)]


def test_among_other_things_does_not_hide_the_listed_kinds():
    text = "Finland will send its 23rd package. It includes, among other things, air defence systems and heavy-calibre artillery ammunition."
    assert ("FI", "artillery ammunition", None) in found(text) and ("FI", "air defence systems", None) in found(text)


def test_a_dated_announcement_under_a_new_this_week_heading_is_the_news():
    text = ("UK support to Ukraine: key facts\n\nNEW THIS WEEK\n\n• The Prime Minister announced on 13 September "
            "that the UK will provide 650 Lightweight Multirole Missiles (LMM) to Ukraine.\n")
    assert found(text) == [("GB", "Martlet", 650)]


def test_a_number_in_words_then_in_digits_is_one_count():
    assert found("Greece will transfer to the Armed Forces of Ukraine forty (40) BMP-1 infantry fighting vehicles.") == [
        ("GR", "BMP-1", 40)]


def test_a_financial_year_of_the_running_total_does_not_make_the_new_money_a_budget():
    text = ("Remarks by the UK Prime Minister.\n\nSo today I can announce an additional £500 million of funding for "
            "Ukraine, taking our military support this financial year to £3 billion.\n")
    assert [(p.donor_code, p.value_amount) for p in extract(text, full_ref())] == [("GB", 500_000_000)]


def test_an_adjective_in_a_vehicle_name_is_no_verb_for_the_next_item():
    text = "The UK will send 162 highly protected armoured vehicles, 78 all-terrain vehicles and 64 Coyote armoured reconnaissance vehicles."
    assert found(text) == [("GB", "armoured vehicles", 162), ("GB", "military vehicles", 78), ("GB", "armoured vehicles", 64)]


def test_a_new_contribution_which_is_made_up_of_items_pledges_them():
    text = ("Portugal informed partners of a new Portuguese contribution, which is made up of five M113 tracked "
            "armoured vehicles, together with ballistic helmets.")
    assert found(text)[0] == ("PT", "M113", 5)


def test_a_package_made_up_as_follows_with_valued_lines_and_other_equipment_including_kinds():
    text = ("Australia announced a further $100 million package. The package is made up as follows:\n\n"
            " - Uncrewed aerial systems, contributing to the drone coalition – $30 million\n"
            " - Other high-priority equipment, including rigid-hulled inflatable boats – $15 million\n")
    assert found(text) == [("AU", None, None), ("AU", "drones", None), ("AU", "patrol boats", None)]


def test_a_name_after_a_complement_of_another_kind_is_its_own_item():
    text = ("Spain will provide up to EUR 1 billion. This assistance will include, among other items, missiles for "
            "Patriot air defence systems, Leopard 2A4 main battle tanks and 155 mm artillery ammunition.")
    assert found(text) == [("ES", None, None), ("ES", "Patriot", None), ("ES", "Leopard 2A4", None),
                           ("ES", "155mm artillery ammunition", None)]


def test_another_donor_s_uncounted_aid_mentioned_in_passing_is_no_pledge():
    text = ("Remarks by the Prime Minister of Spain.\n\nSpain will send 10 Leopard 2A4 tanks to Ukraine. "
            "Germany has committed Leopard 2A6 tanks, and Norway has also committed its F-16s.\n")
    assert found(text) == [("ES", "Leopard 2A4", 10)]


def test_readiness_on_an_outside_condition_and_nothing_to_announce_pledge_nothing():
    assert found("Slovakia stands ready to transfer its MiG-29 fighter aircraft to Ukraine once allied arrangements "
                 "to protect Slovak airspace are in place.") == []
    assert found("PISTORIUS: No. The position of the German Government on Taurus has not changed, and I have nothing "
                 "to announce on that today.") == []
    assert found("Portugal said it was ready to send three Leopard 2A6 tanks once they had been repaired.") == [
        ("PT", "Leopard 2A6", 3)]


def test_fact_sheet_lines_ending_in_their_count_under_category_headings():
    text = ("On 30 January the Government decided on Sweden's fifteenth military support package to Ukraine.\n\n"
            "Contents of the package\n\nMaritime capabilities\nCombat Boat 90 (CB90): 20\nFast patrol boats, type G: 10\n\n"
            "Land capabilities\n155 mm artillery ammunition: approx. 10 000 rounds\nAT4 anti-tank weapons: 5 000\n")
    assert found(text) == [("SE", "CB90", 20), ("SE", "patrol boats", 10), ("SE", "155mm artillery ammunition", 10000),
                           ("SE", "AT4", 5000)]


def test_counts_of_other_donors_in_later_sentences_are_no_parts_of_a_count():
    text = ("4. The contributions are as follows. Poland will supply 14 Leopard 2A4 tanks. Norway is contributing "
            "eight Leopard 2A4 tanks, and Spain will send six Leopard 2A4 tanks.")
    assert found(text) == [("PL", "Leopard 2A4", 14), ("NO", "Leopard 2A4", 8), ("ES", "Leopard 2A4", 6)]


def test_making_money_available_pledges_it():
    (p,) = extract("The Netherlands is making €500 million available for a package of American military equipment "
                   "for Ukraine.", full_ref())
    assert (p.donor_code, p.value_amount) == ("NL", 500_000_000)


def test_counts_of_sets_and_of_these():
    assert found("Sweden will send 10 000  sets of winter equipment.") == [("SE", "winter equipment", 10000)]
    assert found("France will itself finance 12 of these Caesar howitzers.") == [("FR", "Caesar", 12)]


def test_an_offer_to_another_country_and_collective_commitments_are_no_pledges():
    assert found("Separately, the United States has offered Slovakia twelve new AH-1Z attack helicopters together "
                 "with 500 AGM-114 Hellfire missiles.") == []
    assert found("The Netherlands supports Ukraine. Together, these commitments will provide Ukraine with five "
                 "additional strategic air defense systems.") == []


def test_support_for_vehicles_given_in_earlier_packages_is_no_pledge_of_them():
    text = ("Sweden will send:\n- spare parts and maintenance support for combat vehicles donated in earlier "
            "packages (CV90, Strv 122)\n- 20 CB90\n")
    assert found(text) == [("SE", "CB90", 20)]


def test_a_lead_whose_giver_is_the_subject_of_its_second_verb():
    text = ("At the meeting, Minister Blair announced that Canada will provide the following to Ukraine:\n\n"
            "•\t$95 million for more than 800 SkyRanger R70 multi-mission drones.\n"
            "•\tapproximately 2,300 CRV7 rocket motors, drawn from surplus stocks and declared surplus to Canada's needs.\n"
            "•\ta $60 million contribution to the Air Force Capability Coalition co-led by Denmark and the United States.\n")
    assert found(text) == [("CA", "SkyRanger R70", 800), ("CA", "CRV7", 2300), ("CA", None, None)]


def test_one_count_over_coordinated_kinds_is_recorded_by_the_shared_kind():
    text = ("The UK package:\n- Strike and air defence missiles: more than 1,600, including additional Storm "
            "Shadow long-range precision-guided missiles\n")
    assert found(text) == [("GB", "missiles", 1600), ("GB", "Storm Shadow", None)]


def test_a_delivery_made_recently_is_news():
    assert found("Norway recently handed over 22 M109A3GN self-propelled howitzers to Ukraine.") == [
        ("NO", "M109A3GN", 22)]


def test_earlier_contributions_listed_beside_the_news_are_background():
    text = ("Finland will send Ukraine 12 Patria armoured personnel carriers. Finland's earlier contributions "
            "to Ukraine's defence include some 2,000 anti-tank weapons and 50 Stinger missiles delivered in spring.")
    assert found(text) == [("FI", "armoured personnel carriers", 12)]


def test_a_target_talked_about_with_its_date_is_no_pledge():
    assert found("The EU set itself a target in May 2023 of supplying one million shells to Ukraine.") == []
    assert found("The EU will supply one million shells to Ukraine.") == [("EU", "artillery ammunition", 1000000)]


def test_deliveries_to_the_donors_own_air_force_are_procurement():
    text = ("Norway has ordered new NASAMS fire units. The fire units will be delivered to the Air Force "
            "from 2027 and will double the number of NASAMS units available.")
    assert found(text) == []


def test_the_first_vehicles_handed_over_today_are_counted():
    assert found("This afternoon the first six Leopard 1A5 tanks from Denmark were handed over to Ukraine.") == [
        ("DK", "Leopard 1A5", 6)]
    assert found("Denmark will send Ukraine Leopard 1A5 tanks. The first six Leopard 1A5 tanks are expected "
                 "to arrive in the spring.") == [("DK", "Leopard 1A5", None)]


def test_a_batch_of_unnumbered_ammunition_is_an_item():
    assert found("Czechia will send Ukraine another sizeable batch of 155mm artillery shells.") == [
        ("CZ", "155mm artillery ammunition", None)]


def test_the_guns_named_after_ammunition_are_whose_rounds_they_are():
    assert found("Czechia will send Ukraine a batch of 152mm artillery ammunition, thousands of rounds, "
                 "for the Dana howitzers.") == [("CZ", "152mm artillery ammunition", None)]


def test_a_value_in_the_next_sentence_belongs_to_the_one_item_just_announced():
    got = extract("Sweden will provide Ukraine with eight more Archer howitzers. That is a package worth around "
                  "SEK 900 million, and the guns will come from new production.", full_ref())
    assert [(x.donor_code, x.system_name, x.quantity, x.value_amount, x.value_currency) for x in got] == [
        ("SE", "Archer", 8, 900_000_000, "SEK")]


def test_two_whole_generic_names_joined_by_and_are_two_items():
    text = "The package includes:\n- Night vision devices and thermal imagery systems.\n"
    got = found("Canada will send Ukraine a package. " + text)
    assert ("CA", "night vision devices", None) in got and ("CA", "thermal imaging devices", None) in got


def test_a_running_figure_that_stands_at_an_amount_is_a_total():
    text = ("Canada will send Ukraine 39 armoured ambulances. With this package, Canadian security assistance "
            "committed to Ukraine stands at approximately CAD 2.4 billion.")
    assert values(text) == []


def test_the_unnumbered_contents_of_a_priced_package_are_items():
    got = found("Ireland announced a €50 million package of radar systems, anti-tank mines and drones for Ukraine.")
    assert got == [("IE", None, None), ("IE", "radars", None), ("IE", "anti-tank mines", None), ("IE", "drones", None)]


def test_a_headline_naming_the_same_item_does_not_split_off_its_value():
    text = ("Australia to gift Bushmaster vehicles to Ukraine\n\n"
            "The Government will provide Ukraine with 30 Bushmaster vehicles, in a package valued at $100 million.")
    got = extract(text, full_ref())
    assert [(x.donor_code, x.system_name, x.quantity, x.value_amount) for x in got] == [("AU", "Bushmaster", 30, 100_000_000)]


def test_a_procurement_noun_in_an_inserted_adverbial_does_not_govern_the_object():
    assert found("Denmark will finance, through the Danish model for direct procurement from Ukrainian industry, "
                 "12 Bohdana howitzers.") == [("DK", "howitzers", 12)]
    assert found("Denmark will order through direct procurement 18 Caesar howitzers for its own army.") == []


def test_spare_parts_for_two_coordinated_vehicle_types_pledge_neither():
    assert found("Finland will send Ukraine spare parts for the CV90s and Leopard 2A4 tanks it donated last year.") == []


def test_a_reaffirmed_commitment_is_no_new_pledge():
    assert found("Belgium reaffirmed its commitment to deliver 30 F-16 aircraft to Ukraine by 2028.") == []


def test_a_value_summed_over_many_packages_is_a_total():
    assert values("In that time the Government of Sweden has decided on fourteen support packages to Ukraine "
                  "with a total value of around SEK 30 billion.") == []
    assert values("The Government of Sweden has decided on a support package to Ukraine with a total value of "
                  "SEK 7 billion.") == [("SE", 7_000_000_000, "SEK")]


def test_the_object_of_a_relative_clause_with_a_donor_subject_is_pledged():
    assert found("Its centrepiece: two launchers for the NASAMS system, which Lithuania will hand over from "
                 "its own stocks.") == [("LT", "NASAMS", 2)]
    assert found("Norway bought two NASAMS launchers, which Kongsberg will deliver in 2026.") == []


def test_a_nominal_transfer_that_may_be_considered_is_hypothetical():
    assert found("A transfer of Gripen to Ukraine by Sweden may be considered at a later stage.") == []


def test_a_letter_of_offer_or_an_agreement_for_equipment_is_procurement():
    assert found("Estonia signed a letter of offer and acceptance for six HIMARS launchers.") == []
    assert values("In August the Polish Ministry signed an agreement for 96 AH-64E Apache helicopters, "
                  "worth about USD 10 billion.") == []


def test_equipment_to_counter_unmanned_aerial_systems_is_anti_drone_equipment():
    assert found("The US will provide:\n- Equipment to counter Unmanned Aerial Systems (c-UAS);\n") == [
        ("US", "anti-drone systems", None)]


def test_a_contribution_completed_by_further_items_pledges_them():
    got = found("The Portuguese contribution will be completed by 14 M113 armoured personnel carriers from Army "
                "stocks and by an undisclosed number of surveillance drones manufactured in Portugal.")
    assert got == [("PT", "M113", 14), ("PT", "reconnaissance drones", None)]


def test_a_pledge_inside_a_long_which_aside_about_another_donor_is_background():
    assert found("Germany, which announced on 25 January that it would provide 14 Leopard 2A6 tanks from "
                 "Bundeswehr stocks, is coordinating the coalition with Poland.") == []


def test_a_usai_package_put_on_contract_is_bought_for_ukraine():
    text = ("Under this USAI package, the Department will put on contract:\n"
            "* Interceptors for Ukraine's existing air defense systems;\n* Heavy trucks;\n")
    assert found("The United States announced a new package for Ukraine. " + text) == [
        ("US", "air defence missiles", None), ("US", "trucks", None)]


def test_aid_to_allies_or_to_a_training_centre_is_not_for_ukraine():
    assert values("The United States will provide $682 million in FMF to our European allies and partners.") == []
    assert found("Between 12 and 18 Dutch F-16s are being made available to the European F-16 training centre "
                 "in Romania.") == []


def test_inviting_partners_to_fund_is_a_request_and_a_monthly_output_is_production():
    assert found("Paris therefore invites its partners to fund the 60 remaining CAESAR for Ukraine.") == []
    assert found("France will send Ukraine shells; French industry now delivers 3,000 shells per month.") == [
        ("FR", "artillery ammunition", None)]


def test_a_journalists_question_pledges_nothing():
    text = ("JONSON: Sweden will send 20 CB90 combat boats.\n\n"
            "QUESTION (Dagens Nyheter): Norway has committed NOK 75 billion over five years. Will Sweden match it?\n")
    assert found(text) == [("SE", "CB90", 20)]


def test_a_system_name_describing_a_centre_or_coalition_is_no_item():
    assert found("Norway will send Ukraine instructors for the F-16 training centre in Romania.") == []


def test_two_packages_each_with_its_value_are_two_values():
    text = ("Today the Department of Defense is announcing two new packages for Ukraine: a Presidential Drawdown "
            "package valued at up to $1.25 billion, and a USAI package valued at approximately $1.22 billion.")
    assert values(text) == [("US", 1_250_000_000, "USD"), ("US", 1_220_000_000, "USD")]


def test_an_option_in_a_contract_is_procurement():
    assert found("Norway signed a contract for 54 Leopard 2A8 tanks. The contract also contains an option for "
                 "up to 18 additional tanks.") == []


def test_a_written_parliamentary_question_pledges_nothing():
    assert found("To ask the Secretary of State for Defence, how many tanks are left in service with the British "
                 "Army after the gift of tanks to Ukraine.") == []


def test_a_pledge_days_ago_or_after_which_the_news_comes_is_background():
    assert found("Just days ago the United Kingdom decided to send 14 Challenger 2 tanks.") == []
    assert values("Norway announced new aid. The announcements come a week after Washington unveiled a "
                  "$200 million military aid package for Ukraine.") == []


def test_ammunition_attached_to_one_item_does_not_hide_the_next_unnumbered_item():
    assert found("The package includes six L-70 anti-aircraft guns with ammunition, dozens of anti-drone systems "
                 "and thermal imaging cameras for frontline units, Lithuania said.") == [
        ("LT", "Bofors L/70", 6), ("LT", "anti-drone systems", None), ("LT", "thermal imaging devices", None)]


def test_rounds_for_a_named_combat_vehicle_are_ammunition_not_the_vehicle():
    assert found("Sweden will send 40 mm ammunition for CV90 vehicles.") == [("SE", "ammunition", None)]


def test_a_short_name_in_the_headline_is_the_longer_name_of_the_body():
    text = ("Canada to donate more than 800 SkyRanger drones to Ukraine\n\n"
            "Canada will donate more than 800 SkyRanger R70 multi-mission drones to Ukraine. The donation, valued at "
            "$95 million, will be paid for out of the $500 million announced in June.")
    got = extract(text, full_ref())
    assert [(x.donor_code, x.system_name, x.quantity, x.value_amount) for x in got] == [
        ("CA", "SkyRanger R70", 800, 95_000_000)]


def test_a_package_that_follows_earlier_ones_does_not_pledge_them_and_a_whole_region_is_a_total():
    assert values("The United States announced a $400 million package for Ukraine. Today's drawdown follows the "
                  "$1 billion package announced on April 24.") == [("US", 400_000_000, "USD")]
    assert values("Europe as a whole has allocated €125 billion to Ukraine across all categories.") == []


def test_another_donors_reported_intention_in_a_release_is_a_passing_mention():
    text = ("UK Defence Secretary: the UK will send 14 Challenger 2 tanks to Ukraine, the British government said. "
            "Poland has said that it would send Leopard 2 tanks as part of a wider coalition.")
    assert found(text) == [("GB", "Challenger 2", 14)]


def test_other_governments_announcements_welcomed_in_a_statement_are_not_their_pledges_here():
    assert found("Estonia will send 155mm artillery ammunition. The ministers welcomed the United Kingdom's "
                 "announcement that it would send Challenger 2 tanks, and Poland's readiness to transfer Leopard 2 "
                 "tanks.") == [("EE", "155mm artillery ammunition", None)]



def test_equipment_bought_from_a_country_for_ukraine_is_the_buyers_and_a_dated_telling_is_history():
    assert found("Canada will buy a NASAMS air defence system from the United States for Ukraine.") == [
        ("CA", "NASAMS", 1)]
    assert found("Canada has stood with Ukraine. In January, I told President Zelenskyy that Canada would buy a "
                 "NASAMS air defence system from the United States for Ukraine.") == []


def test_armoured_medical_treatment_vehicles_are_ambulances():
    assert found("The US will provide:\n- Armored medical treatment vehicles;\n") == [("US", "ambulances", None)]


def test_cold_weather_clothing_is_winter_equipment():
    assert found("Japan will provide cold-weather clothing to Ukraine.") == [("JP", "winter equipment", None)]


def test_nasams_missiles_are_recorded_on_the_host_system():
    got = extract("Norway will provide additional NASAMS missiles to Ukraine.", full_ref())
    assert [(x.donor_code, x.system_name, x.item) for x in got] == [("NO", "NASAMS", "missile")]


def test_approval_from_another_country_does_not_make_it_the_giver():
    text = ("Australia to gift M1A1 Abrams tanks to Ukraine\n\nAustralia will provide Ukraine with 49 M1A1 Abrams "
            "tanks. The tanks, valued at $245 million, are being withdrawn from Australian Army service and will be "
            "transferred following the necessary approvals from the United States.")
    assert {d for d, _, _ in found(text)} == {"AU"}


def test_a_package_a_country_recalled_is_no_new_pledge():
    assert found("Norway will provide NASAMS missiles. Sweden recalled its sixteenth support package of SEK 13.3 "
                 "billion, decided in May, and stated that it stands ready to transfer additional Archer systems.") == [
        ("NO", "NASAMS", None)]
