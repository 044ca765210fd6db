"""Negations with words inserted before the verb, and a pledge restated in general terms or as a
count after "that is".  Every text here is written for the test."""

import pytest

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref())]


@pytest.mark.parametrize("sentence", [
    "Norway will not, for the time being, send CV90 infantry fighting vehicles.",
    "Norway is not, at present, going to deliver CV90 infantry fighting vehicles.",
    "Norway has, for now, no plans to donate CV90 infantry fighting vehicles.",
    "Norway won't send CV90 infantry fighting vehicles.",
    "Norway has ruled out sending CV90 infantry fighting vehicles.",
    "Norway declined to send CV90 infantry fighting vehicles.",
    "Norway decided against sending CV90 infantry fighting vehicles.",
    "Norway stopped short of pledging CV90 infantry fighting vehicles.",
    "Norway will refrain from supplying CV90 infantry fighting vehicles.",
])
def test_negation_with_an_inserted_adverbial_still_negates(sentence):
    assert found(sentence) == []


def test_an_inserted_adverbial_without_negation_keeps_the_pledge():
    assert found("Norway will, in addition, send six CV90 infantry fighting vehicles.") == [("NO", "CV90", 6)]


def test_a_count_restated_after_that_is_belongs_to_the_named_system():
    text = "Norway will begin with one platoon of CV90 infantry fighting vehicles – that is four vehicles."
    assert found(text) == [("NO", "CV90", 4)]


def test_a_family_level_mention_merges_into_the_counted_variant():
    text = ("Germany will deliver Leopard 2 tanks to Ukraine. In a first step it will send 14 Leopard 2A6 tanks. "
            "The Leopard 2A6 tanks we are sending will be replaced from industry.")
    assert found(text) == [("DE", "Leopard 2A6", 14)]


def test_an_uncounted_family_mention_merges_into_the_named_variant():
    text = "Germany will deliver Leopard 2 tanks to Ukraine. Berlin will send Leopard 2A6 tanks from Bundeswehr stocks."
    assert [f[1] for f in found(text)] == ["Leopard 2A6"]


def test_ammunition_and_maintenance_of_a_just_pledged_system_are_part_of_it():
    text = ("Norway has decided to provide Ukraine with Leopard 2 tanks. We will supply 8 Leopard 2A4 tanks. Crews will be trained in Norway, and the package "
            "will include logistics, ammunition and maintenance of the tanks.")
    got = [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref())]
    assert got == [("NO", "Leopard 2A4", 8)]


def test_ammunition_named_beside_support_without_pointing_back_stays_a_pledge():
    text = ("Norway will donate 8 Leopard 2A4 tanks to Ukraine. The donation also includes ammunition and spare parts.")
    got = [(x.donor_code, x.system_name) for x in extract(text, full_ref())]
    assert ("NO", "ammunition") in got
