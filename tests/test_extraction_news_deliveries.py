"""A delivery told as this report's news is aid given now, so it is proposed ("has delivered"
is among the issue's commitments); a delivery recalled as history is not.  Every sentence here
is written for the test."""

import pytest

from pledges.extraction import extract

from .extraction_helpers import full_ref


def found(text: str) -> list[tuple]:
    return [(x.donor_code, x.system_name, x.quantity) for x in extract(text, full_ref())]


@pytest.mark.parametrize("text, expected", [
    ("Germany has delivered another IRIS-T SLM system to Ukraine.", ("DE", "IRIS-T SLM", 1)),
    ("Canada sent four more Leopard 2 tanks to Ukraine this week.", ("CA", "Leopard 2", 4)),
    ("On Tuesday the Netherlands delivered 18 F-16 jets to Ukraine.", ("NL", "F-16", 18)),
    ("The Netherlands handed over a further 14 Leopard 2A4 tanks to Ukraine today, the ministry said.",
     ("NL", "Leopard 2A4", 14)),
    ("Norway has donated an additional 100 Mistral missiles, its defence ministry said.", ("NO", "Mistral", 100)),
])
def test_a_delivery_reported_as_news_is_proposed(text, expected):
    assert found(text) == [expected]


def test_a_news_delivery_says_why_in_its_reasons():
    (proposal,) = extract("Germany has delivered another IRIS-T SLM system to Ukraine.", full_ref())
    assert "trigger:past delivered (news)" in proposal.reasons


@pytest.mark.parametrize("text", [
    "We have delivered three Patriot systems, and they have saved many lives.",
    "Poland sent more than 320 T-72 tanks in 2022.",
    "In the weeks before the invasion the United Kingdom supplied Next generation Light Anti-tank Weapons.",
    "We delivered Caesar howitzers, which today protect Ukrainian cities.",
    "Pistorius said Germany had delivered three Patriot systems, and that more IRIS-T units would follow.",
])
def test_a_delivery_recalled_as_history_is_not_proposed(text):
    assert found(text) == []
