"""Who gives: not the country named in a relative clause, not a cooperation partner, and nobody
when a text speaks of an army's own remaining inventory.  Every text here is written for the test."""

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref())]


def test_a_relative_clause_naming_another_country_does_not_govern_what_follows():
    text = ("Today we will provide Stinger missiles, spare parts for the IRIS-T systems that Germany is sending, "
            "and four Sea King helicopters.")
    got = found("Remarks by the UK Defence Secretary\n\nBritain stands with Ukraine. " + text)
    assert ("DE", "Sea King", 4) not in got
    assert ("GB", "Sea King", 4) in got


def test_the_subject_of_a_relative_clause_is_not_the_context_donor():
    text = ("Canada will provide Ukraine with 20 armoured personnel carriers, which will complement the M113s that "
            "the United States provided last year. The transfer of the carriers will be done in close cooperation "
            "with the United States.")
    assert [f[0] for f in found(text)] == ["CA"]


def test_an_army_left_with_its_own_systems_is_no_pledge():
    text = "The donation leaves the Polish army with 200 Krab howitzers of its own, officials said."
    assert found(text) == []


def test_so_that_is_no_relative_clause():
    text = "Norway will donate two NASAMS launchers so that Ukraine can protect its cities, and 40 missiles."
    assert ("NO", "NASAMS", 2) in found(text)


def test_history_in_a_which_aside_does_not_make_the_main_clause_history():
    text = "Norway, which has already delivered two NASAMS launchers, is providing Ukraine with a third NASAMS launcher."
    assert found(text) == [("NO", "NASAMS", 1)]


def test_a_noun_in_a_relative_clause_after_includes_does_not_govern_the_package_value():
    text = ("Today Norway announces a new package. It is valued at up to NOK 500 million and includes capabilities "
            "that will help Ukraine counter Russian air attacks.")
    got = [(x.donor_code, x.value_amount) for x in extract(text, full_ref())]
    assert got == [("NO", 500_000_000)]


def test_we_acting_jointly_in_a_joint_statement_is_no_single_donor():
    text = ("Joint statement of the defence ministers of France and Germany\n\n"
            "We will jointly procure long-range weapons for Ukraine. France will deliver 12 Caesar howitzers.")
    assert found(text) == [("FR", "Caesar", 12)]


JOINT = """Joint Declaration on Artillery for Ukraine

On the occasion of the EU summit in Brussels, the leaders of Norway, Sweden and Finland issue the following joint declaration.

Today we announce the provision of equipment for four additional air defence systems for Ukraine:

- Norway will send 2 NASAMS fire units.
- Sweden will donate 8 Archer howitzers.
"""


def test_the_we_of_a_joint_statement_is_no_single_donor():
    got = found(JOINT)
    assert ("NO", "NASAMS", 2) in got
    assert ("SE", "Archer", 8) in got
    assert not [g for g in got if g[0] in ("EU", "NATO") or g[2] == 4]


def test_the_we_of_a_single_governments_release_is_still_its_donor():
    text = ("Press release of the Norwegian Ministry of Defence\n\nNorway stands with Ukraine. "
            "Today we announce the donation of 12 M109 self-propelled howitzers to Ukraine.\n")
    assert ("NO", "M109", 12) in found(text)


def _person_donor(text: str) -> str:
    from pledges.extraction.reference import match_view
    from pledges.extraction.text import fold, tokenize_all

    toks = tokenize_all(fold(text))
    people = [m for m in full_ref().find(toks, match_view(toks)) if m.entry.kind == "person"]
    return people[0].entry.target.code


def test_a_person_who_held_two_offices_speaks_for_the_one_their_title_names():
    assert _person_donor("Prime Minister Mark Rutte announced the jets.") == "NL"
    assert _person_donor("NATO Secretary General Mark Rutte welcomed the jets.") == "NATO"
    assert _person_donor("Prime Minister Kaja Kallas presented the package.") == "EE"
    assert _person_donor("EU High Representative Kaja Kallas presented the package.") == "EU"


def test_a_former_prime_minister_now_at_an_organisation_still_gives_the_country_s_pledge():
    text = "Prime Minister Mark Rutte announced that his government will send 18 F-16 jets to Ukraine."
    assert found(text) == [("NL", "F-16", 18)]


def test_a_relative_aside_naming_a_coalition_and_a_partner_is_not_the_subject():
    got = [(x.donor_code, x.system_name, x.quantity) for x in extract(
        "Latvia, which co-leads the drone coalition with the United Kingdom, will provide up to 5,000 FPV drones.",
        full_ref())]
    assert got == [("LV", "FPV drones", 5000)]


def test_a_presidential_drawdown_package_is_the_united_states_even_when_its_announcer_is_a_title():
    text = ("The contact group met at Ramstein Air Base, Germany.\n\n"
            "The Chair announced a new Presidential Drawdown Authority package valued at up to $250 million. It includes:\n"
            " - TOW missiles;\n - Javelin anti-armor systems.\n")
    got = [(x.donor_code, x.system_name) for x in extract(text, full_ref())]
    assert got == [("US", None), ("US", "BGM-71 TOW"), ("US", "Javelin")]


def test_a_donors_defence_force_is_the_donor_and_its_own_stocks_are_the_source():
    got = [(x.donor_code, x.system_name, x.quantity) for x in extract(
        "Second, the New Zealand Defence Force will gift 473 helmets and 1,066 body armour plates from its own stocks.",
        full_ref())]
    assert got == [("NZ", "helmets", 473), ("NZ", "body armour", 1066)]


def test_money_to_a_nato_fund_for_ukraine_is_a_pledge_to_ukraine():
    got = [(x.donor_code, x.value_amount) for x in extract(
        "New Zealand will contribute $5 million to the NATO Trust Fund for Ukraine.", full_ref())]
    assert got == [("NZ", 5_000_000)]


def test_a_foreign_leader_met_alongside_is_company_not_the_giver_of_the_list_that_follows():
    text = ("The Prime Minister announces the UK's largest package of equipment for Ukraine.\n\n"
            "Speaking in Warsaw alongside Polish Prime Minister Donald Tusk, the Prime Minister will confirm the new "
            "funding.\n\nThe equipment package consists of:\n\n- 78 all-terrain vehicles;\n- 60 boats;\n")
    got = [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref()) if x.system_name]
    assert got == [("GB", "military vehicles", 78), ("GB", "patrol boats", 60)]
