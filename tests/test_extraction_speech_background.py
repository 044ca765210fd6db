"""Speeches recall earlier aid and offers that wait on others; neither is this report's pledge.
Every text here is written for the test."""

from pledges.extraction import extract

from .extraction_helpers import full_ref

SPEECH = "Speech by the Canadian Minister of National Defence\n\n"


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref())]


def test_announced_in_may_is_earlier_aid_not_a_modal():
    assert found(SPEECH + "In May we announced 39 armoured combat support vehicles.") == []


def test_readiness_as_part_of_a_coalition_is_no_pledge():
    assert found("Slovakia is ready to send 12 MiG-29 jets as part of a wider coalition.") == []


def test_readiness_waiting_on_another_governments_approval_is_no_pledge():
    assert found("Finland is prepared to deliver 10 Leopard 2A4 tanks if Germany agrees to the re-export.") == []


def test_readiness_waiting_on_nobody_stays_a_pledge():
    assert found("Spain is ready to send six Leopard 2A4 tanks once they have been repaired.") == [("ES", "Leopard 2A4", 6)]


def test_ordering_on_behalf_of_ukraine_is_the_buyers_pledge():
    assert found("Denmark has ordered 18 Caesar howitzers from France on behalf of Ukraine.") == [("DK", "Caesar", 18)]


def test_i_can_announce_introduces_the_news():
    text = "Today I can announce that Canada will send 12 Leopard 2A4 tanks."
    assert found(text) == [("CA", "Leopard 2A4", 12)]


def test_new_count_before_bringing_the_total_is_the_pledge():
    text = "Canada will send 12 more Leopard 2A4 tanks, bringing its total to 20."
    assert found(text) == [("CA", "Leopard 2A4", 12)]


def test_a_count_that_is_the_running_total_stays_a_total():
    assert found("Canada sent more tanks last week, bringing the total to 20 Leopard 2A4 tanks.") == []


def test_spare_barrels_for_donated_howitzers_are_not_the_howitzers():
    assert found(SPEECH + "We will send spare barrels for the M109 howitzers that we donated in 2022.") == []
