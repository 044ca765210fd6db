"""Quantities: digits, grouped digits, scales, number words, qualifiers, vague and undisclosed amounts."""

import pytest

from pledges.extraction.quantities import find_quantities
from pledges.extraction.text import fold, tokenize


def _quantities(text):
    toks = tokenize(fold(text), 0, len(text))
    return [(q.value, q.qualifier, text[q.start : q.end]) for q in find_quantities(toks)]


@pytest.mark.parametrize(
    "text, value",
    [
        ("30 missiles", 30),
        ("1,000 shells", 1000),
        ("36,000 rounds", 36000),
        ("1.5 million rounds", 1_500_000),
        ("four systems", 4),
        ("twelve more howitzers", 12),
        ("two hundred drones", 200),
        ("thirty-six thousand rounds", 36000),
        ("a dozen tanks", 12),
        ("two dozen tanks", 24),
        ("a hundred drones", 100),
        ("half a million shells", 500_000),
        ("one hundred and five guns", 105),
    ],
)
def test_numbers_in_digits_and_words_are_read(text, value):
    assert _quantities(text)[0][0] == value


@pytest.mark.parametrize(
    "text, qualifier, words",
    [
        ("another four IRIS-T", "exact", "another four"),
        ("a further 30 missiles", "exact", "a further 30"),
        ("more than 600 Brimstone", "at-least", "more than 600"),
        ("200+ drones", "at-least", "200+"),
        ("up to 20 systems", "up-to", "up to 20"),
        ("around 30 AS90", "approximately", "around 30"),
        ("some 50 tanks", "approximately", "some 50"),
        ("nearly 4 million rounds", "approximately", "nearly 4 million"),
        ("four more IRIS-T", "exact", "four more"),
    ],
)
def test_qualifiers_and_the_words_used_are_kept(text, qualifier, words):
    value, q, used = _quantities(text)[0]
    assert (q, used) == (qualifier, words)


@pytest.mark.parametrize("text, words", [("dozens of tanks", "dozens of"), ("hundreds more vehicles", "hundreds more"),
                                         ("several Patriot systems", "several"), ("thousands of rounds", "thousands of")])
def test_vague_amounts_have_no_number_but_keep_their_words(text, words):
    assert _quantities(text)[0] == (None, "vague", words)


def test_undisclosed_number_is_marked_undisclosed():
    assert _quantities("an undisclosed number of Taurus")[0] == (None, "undisclosed", "an undisclosed number of")


@pytest.mark.parametrize("text", ["T-72 tanks", "M777 howitzers", "Su-25 jets", "155mm shells", "Leopard 2A6", "30km range"])
def test_digits_inside_model_names_and_measures_are_not_counts(text):
    assert _quantities(text) == []


def test_handed_over_is_not_more_than():
    assert _quantities("Germany handed over 30 tanks") == [(30, "exact", "30")]


def test_a_huge_digit_run_is_not_a_number():
    assert _quantities("9" * 5000 + " tanks") == []


def test_decimal_without_scale_is_a_measure_not_a_count():
    assert _quantities("a 1.5 tonne load") == []


def test_several_dozen_and_a_few_hundred_are_vague_not_a_dozen():
    from pledges.extraction import extract

    from .extraction_helpers import full_ref
    got = [(x.system_name, x.quantity, x.qualifier)
           for x in extract("Czechia will send several dozen RM-70 rocket launchers and a few hundred mortars.", full_ref())]
    assert got == [("RM-70", None, "vague"), ("mortars", None, "vague")]
