"""A past promise with its own date ("promised ... on Jan. 6", "last month", "in December") is
background to the news; a weekday, "today" or "this morning" is the report's own news.
Every sentence here is written for the test."""

import pytest

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref())]


NEWS = "Germany said on Thursday it would send Ukraine another Patriot system, its third. "


def test_promises_dated_to_an_earlier_day_in_a_report_about_another_decision_are_background():
    text = NEWS + "Washington promised 50 Bradley fighting vehicles on Jan. 6, and Germany 40 Marders."
    assert found(text) == [("DE", "Patriot", 1)]


@pytest.mark.parametrize("sentence", [
    "Poland promised 14 Leopard 2A4 tanks on 6 January.",
    "Poland promised 14 Leopard 2A4 tanks on January 6.",
    "Poland pledged 14 Leopard 2A4 tanks last month.",
    "Poland pledged 14 Leopard 2A4 tanks last week.",
    "In December, Poland promised 14 Leopard 2A4 tanks.",
    "On Jan. 6, Poland announced 14 Leopard 2A4 tanks.",
    "Poland said last week it would send 14 Leopard 2A4 tanks.",
    "Earlier this month, Poland agreed to deliver 14 Leopard 2A4 tanks.",
    "Poland committed 14 Leopard 2A4 tanks two months ago.",
])
def test_a_past_promise_verb_with_an_explicit_earlier_date_is_background(sentence):
    assert found(NEWS + sentence) == [("DE", "Patriot", 1)]


@pytest.mark.parametrize("sentence, qty", [
    ("Poland pledged 14 Leopard 2A4 tanks on Thursday.", 14),
    ("Poland announced on Friday that it will send 14 Leopard 2A4 tanks.", 14),
    ("Poland announced today it will send 14 Leopard 2A4 tanks.", 14),
    ("Poland pledged 14 Leopard 2A4 tanks this morning.", 14),
    ("Poland pledged 14 Leopard 2A4 tanks, to be delivered in December.", 14),
    ("Poland pledged 14 Leopard 2A4 tanks for delivery in March.", 14),
    ("Poland will send 14 Leopard 2A4 tanks in March.", 14),
    ("Poland, which joined the coalition in January, pledged 14 Leopard 2A4 tanks.", 14),
])
def test_weekday_or_today_references_and_future_dates_keep_the_pledge(sentence, qty):
    assert found(sentence) == [("PL", "Leopard 2A4", qty)]


def test_an_earlier_package_reported_with_its_content_is_still_recorded():
    text = ("Last week, Poland announced a new package of military aid that includes "
            "14 Leopard 2A4 tanks and 30 BMP-1 infantry fighting vehicles.")
    got = found(text)
    assert ("PL", "Leopard 2A4", 14) in got and ("PL", "BMP-1", 30) in got
