"""Money values: "€2bn", "$400 million", "£1.7 billion", "NOK 3 billion", "2 billion euros".

Amounts are whole units of the currency (ISO 4217).  A bare "$" or "kr" is resolved
by the donor when the pipeline knows it (Canada's "$" is CAD, Norway's "kr" is NOK).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .text import Tokens

SYMBOLS = {"€": "EUR", "£": "GBP", "$": "USD", "¥": "JPY", "₴": "UAH", "zł": "PLN"}
CODES = frozenset(
    "EUR USD GBP NOK SEK DKK CAD AUD NZD PLN CHF JPY CZK UAH ISK HUF RON BGN KRW TRY".split()
)
DOLLAR_PREFIX = {"us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "can": "CAD", "nz": "NZD"}
WORDS = {
    "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN", "yen": "JPY",
    "krone": "*kr", "kroner": "*kr", "krona": "SEK", "kronor": "SEK", "kronur": "ISK",
    "hryvnia": "UAH", "hryvnias": "UAH", "francs": "CHF", "koruna": "CZK", "korunas": "CZK",
}
QUALIFIED_WORDS = {
    ("canadian", "dollars"): "CAD", ("australian", "dollars"): "AUD", ("us", "dollars"): "USD",
    ("new", "zealand", "dollars"): "NZD", ("danish", "kroner"): "DKK", ("danish", "krone"): "DKK",
    ("norwegian", "kroner"): "NOK", ("norwegian", "krone"): "NOK", ("swedish", "kronor"): "SEK",
    ("swedish", "krona"): "SEK", ("swiss", "francs"): "CHF", ("czech", "korunas"): "CZK",
    ("czech", "crowns"): "CZK", ("swedish", "crowns"): "SEK", ("danish", "crowns"): "DKK",
    ("norwegian", "crowns"): "NOK", ("icelandic", "kronur"): "ISK", ("icelandic", "crowns"): "ISK",
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD", ("japanese", "yen"): "JPY",
    ("polish", "zlotys"): "PLN", ("british", "pounds"): "GBP",
}
_QUALIFIED_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _iso in QUALIFIED_WORDS.items():
    _QUALIFIED_BY_FIRST.setdefault(_words[0], []).append((_words, _iso))
SCALE = {
    "thousand": 10**3, "k": 10**3, "million": 10**6, "millions": 10**6, "mn": 10**6, "mln": 10**6,
    "m": 10**6, "billion": 10**9, "billions": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9,
    "trillion": 10**12, "tn": 10**12,
}
BY_DONOR = {
    ("$", "CA"): "CAD", ("$", "AU"): "AUD", ("$", "NZ"): "NZD",
    ("*kr", "NO"): "NOK", ("*kr", "DK"): "DKK", ("*kr", "SE"): "SEK", ("*kr", "IS"): "ISK",
}


_START = frozenset(SYMBOLS) | CODES | {"kr", "US", "us", "Us"}


@dataclass(frozen=True, slots=True)
class Money:
    amount: int
    currency: str  # ISO code, or "$" / "*kr" when the donor must decide
    first: int
    last: int
    start: int
    end: int


def resolve_currency(currency: str, donor_code: str | None) -> str:
    if currency in ("$", "*kr"):
        return BY_DONOR.get((currency, donor_code or ""), "USD" if currency == "$" else "NOK")
    return currency


def _amount(toks: Tokens, i: int) -> tuple[Decimal | None, int]:
    raw, sp = toks.raw, toks.space_before
    n = len(raw)
    if not raw[i].isdigit() or len(raw[i]) > 12:
        return None, i
    text = raw[i]
    j = i
    while j + 2 < n and raw[j + 1] == "," and not sp[j + 1] and not sp[j + 2] and raw[j + 2].isdigit() and len(raw[j + 2]) == 3:
        text += raw[j + 2]
        j += 2
        if len(text) > 15:
            return None, i
    if j + 2 < n and raw[j + 1] == "." and not sp[j + 1] and not sp[j + 2] and raw[j + 2].isdigit() and len(raw[j + 2]) <= 3:
        text += "." + raw[j + 2]
        j += 2
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None, i
    if j + 1 < n:
        s = toks.low[j + 1]
        if s in SCALE and (sp[j + 1] is False or len(s) > 2 or s in ("bn", "mn")):
            value *= SCALE[s]
            j += 1
    return value, j


def find_money(toks: Tokens) -> list[Money]:
    raw, low, sp = toks.raw, toks.low, toks.space_before
    n = len(raw)
    out: list[Money] = []
    i = 0
    while i < n:
        tok = raw[i]
        if not (tok[:1].isdigit() or tok in _START):
            i += 1
            continue
        cur = None
        first = i
        j = i + 1
        if tok in SYMBOLS:
            cur = SYMBOLS[tok]
            if tok == "$":
                cur = "$"
                if i > 0 and not sp[i] and low[i - 1] in DOLLAR_PREFIX:
                    cur = DOLLAR_PREFIX[low[i - 1]]
                    first = i - 1
        elif tok in CODES or (tok == "kr" and i + 1 < n):
            cur = tok if tok in CODES else "*kr"
            if i + 1 < n and raw[i + 1] == "$" and not sp[i + 1]:
                j = i + 2  # "US$" split as "US" "$" is handled above; "CA$" here
                cur = DOLLAR_PREFIX.get(low[i], "$")
        elif tok.lower() == "us" and i + 1 < n and raw[i + 1] == "$":
            cur = "USD"
            j = i + 2
        if cur is not None:
            if j < n and raw[j] == "." and not sp[j]:
                j += 1  # "kr." / "Rs."
            if j < n and raw[j].isdigit():
                value, last = _amount(toks, j)
                if value is not None and value > 0:
                    out.append(Money(int(value), cur, first, last, toks.starts[first], toks.ends[last]))
                    i = last + 1
                    continue
            i += 1
            continue
        if tok.isdigit():
            value, last = _amount(toks, i)
            if value is not None and last + 1 < n:
                k = last + 1
                code = None
                if raw[k] in CODES:
                    code = raw[k]
                    end = k
                else:
                    for words, iso in _QUALIFIED_BY_FIRST.get(low[k], ()):
                        if tuple(low[k : k + len(words)]) == words:
                            code, end = iso, k + len(words) - 1
                            break
                    else:
                        if low[k] in WORDS:
                            code, end = WORDS[low[k]], k
                if code is not None and value > 0:
                    out.append(Money(int(value), code, i, end, toks.starts[i], toks.ends[end]))
                    i = end + 1
                    continue
            i = max(i + 1, last + 1 if value is not None else i + 1)
            continue
        i += 1
    return out
