"""Money values: symbols, codes and currency words, with scale words; currency by donor for "$" and "kr"."""

import pytest

from pledges.extraction.money import find_money, resolve_currency
from pledges.extraction.text import fold, tokenize


def _money(text):
    toks = tokenize(fold(text), 0, len(text))
    return [(m.amount, m.currency, text[m.start : m.end]) for m in find_money(toks)]


@pytest.mark.parametrize(
    "text, amount, currency",
    [
        ("a €2bn package", 2_000_000_000, "EUR"),
        ("worth around €2.7 billion", 2_700_000_000, "EUR"),
        ("$400 million in aid", 400_000_000, "$"),
        ("£1.7 billion", 1_700_000_000, "GBP"),
        ("NOK 3 billion", 3_000_000_000, "NOK"),
        ("SEK 13.3 billion", 13_300_000_000, "SEK"),
        ("2 billion euros", 2_000_000_000, "EUR"),
        ("150 million euros", 150_000_000, "EUR"),
        ("DKK 17.3 billion", 17_300_000_000, "DKK"),
        ("US$500m", 500_000_000, "USD"),
        ("500 million Canadian dollars", 500_000_000, "CAD"),
        ("€500,000", 500_000, "EUR"),
    ],
)
def test_amounts_and_currencies_are_read(text, amount, currency):
    assert _money(text)[0][:2] == (amount, currency)


def test_plain_numbers_are_not_money():
    assert _money("30 missiles and 1,000 shells") == []


def test_bare_dollar_follows_the_donor():
    assert resolve_currency("$", "CA") == "CAD"
    assert resolve_currency("$", "AU") == "AUD"
    assert resolve_currency("$", "US") == "USD"
    assert resolve_currency("$", None) == "USD"


def test_krone_follows_the_donor():
    assert resolve_currency("*kr", "NO") == "NOK"
    assert resolve_currency("*kr", "DK") == "DKK"


def test_money_span_covers_symbol_and_scale():
    assert _money("a package worth €2.7 billion.")[0][2] == "€2.7 billion"
