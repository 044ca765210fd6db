"""Quantities: "30", "1,000", "1.5 million", "four", "a dozen", "two hundred", "another four",
"more than 600", "200+", and vague or undisclosed amounts ("dozens of", "hundreds more").

Number words are parsed here rather than with word2number or text2num: word2number
(unmaintained since 2017) raises on anything but a pure number phrase and knows no
"dozen"; text2num's alpha2digit is fast but rewrites the text, losing the offsets
and the qualifier words we need to keep.  The grammar below is a bounded token walk
(at most a dozen tokens per number), so it is linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .text import Tokens

EXACT, AT_LEAST, APPROX, UP_TO, VAGUE, UNDISCLOSED = (
    "exact", "at-least", "approximately", "up-to", "vague", "undisclosed",
)

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
NUMERIC_SCALES = {
    "hundred": 100, "thousand": 1000, "million": 10**6, "millions": 10**6, "mn": 10**6, "mln": 10**6,
    "billion": 10**9, "bn": 10**9, "bln": 10**9, "k": 1000,
}
MAX_DIGITS = 12  # longer digit runs are identifiers or garbage, never counts

# Prefix phrases (token tuples) -> qualifier (None keeps the current one).
PREFIXES: dict[tuple[str, ...], str | None] = {
    ("another",): None, ("a", "further"): None, ("further",): None, ("an", "additional"): None,
    ("additional",): None, ("a", "total", "of"): None, ("total", "of"): None, ("all",): None,
    ("a", "batch", "of"): None, ("batch", "of"): None,
    ("more", "than"): AT_LEAST, ("over",): AT_LEAST, ("at", "least"): AT_LEAST,
    ("upwards", "of"): AT_LEAST, ("in", "excess", "of"): AT_LEAST, ("no", "fewer", "than"): AT_LEAST,
    ("no", "less", "than"): AT_LEAST, ("well", "over"): AT_LEAST, ("nearly",): APPROX,
    ("some",): APPROX, ("about",): APPROX, ("around",): APPROX, ("approximately",): APPROX,
    ("approx",): APPROX, ("approx", "."): APPROX, ("ca", "."): APPROX, ("roughly",): APPROX, ("almost",): APPROX, ("close", "to"): APPROX,
    ("an", "estimated"): APPROX, ("estimated",): APPROX, ("circa",): APPROX, ("ca",): APPROX,
    ("up", "to"): UP_TO, ("as", "many", "as"): UP_TO, ("at", "most"): UP_TO,
    ("no", "more", "than"): UP_TO, ("fewer", "than"): UP_TO, ("less", "than"): UP_TO,
    ("under",): UP_TO,
}
_PREFIX_FIRST = {k[0] for k in PREFIXES}
_AFTER_ARTICLE = frozenset(
    "further additional total batch dozen hundred thousand million few number handful large significant "
    "undisclosed unspecified unknown estimated small".split()
)
_OVER_VERBS = frozenset("hand hands handed handing turn turns turned turning take takes took taken".split())

VAGUE_PHRASES: list[tuple[str, ...]] = [
    # "several dozen", "a few hundred": vague, never "a dozen" (12) or "hundred" with a lost number
    ("several", "dozen"), ("several", "hundred"), ("several", "thousand"), ("a", "few", "dozen"),
    ("a", "few", "hundred"), ("a", "few", "thousand"), ("few", "dozen"), ("many", "dozens", "of"),
    ("hundreds", "of", "thousands", "of"), ("tens", "of", "thousands", "of"), ("tens", "of", "thousands"),
    ("dozens", "of"), ("hundreds", "of"), ("thousands", "of"), ("millions", "of"),
    ("dozens", "more"), ("hundreds", "more"), ("thousands", "more"),
    ("several",), ("a", "few"), ("a", "number", "of"), ("a", "handful", "of"), ("numerous",),
    ("multiple",), ("a", "large", "number", "of"), ("a", "significant", "number", "of"),
    ("large", "numbers", "of"), ("a", "large", "quantity", "of"), ("large", "quantities", "of"),
    ("various",), ("a", "small", "number", "of"), ("small", "numbers", "of"),
    ("dozens",),  # a table's count cell: "Trucks<TAB>dozens"
]
UNDISCLOSED_PHRASES: list[tuple[str, ...]] = [
    ("an", "undisclosed", "number", "of"), ("undisclosed", "number", "of"),
    ("an", "unspecified", "number", "of"), ("unspecified", "number", "of"),
    ("an", "undisclosed", "quantity", "of"), ("undisclosed", "quantity", "of"),
    ("an", "undisclosed", "amount", "of"), ("undisclosed", "amount", "of"), ("undisclosed",),
    ("unspecified",), ("an", "unknown", "number", "of"),
]
_PHRASE_FIRST = {p[0] for p in VAGUE_PHRASES + UNDISCLOSED_PHRASES}
_VAGUE_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _p in VAGUE_PHRASES:
    _VAGUE_BY_FIRST.setdefault(_p[0], []).append(_p)
_UNDISCLOSED_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _p in UNDISCLOSED_PHRASES:
    _UNDISCLOSED_BY_FIRST.setdefault(_p[0], []).append(_p)
_STARTERS = frozenset(UNITS) | _PREFIX_FIRST | _PHRASE_FIRST | {"dozen", "half"}


@dataclass(frozen=True, slots=True)
class Quantity:
    value: int | None
    qualifier: str
    first: int  # first token index
    last: int  # last token index (inclusive)
    start: int  # character offsets into the text
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _phrase_at(low: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return i + n <= len(low) and tuple(low[i : i + n]) == phrase


def _digits_at(toks: Tokens, i: int) -> tuple[int | None, int]:
    """Parse "30", "1,000", "36 000", "1.5" (+ a scale word) at token i -> (value, last index)."""
    raw, low, sp = toks.raw, toks.low, toks.space_before
    n = len(raw)
    first = raw[i]
    if len(first) > MAX_DIGITS:
        return None, i
    text = first
    j = i
    grouped = False
    # Thousands groups: "1,000,000" (no spaces inside), also "36 000" with a 3-digit group.
    while j + 2 < n and raw[j + 1] == "," and not sp[j + 1] and not sp[j + 2] and raw[j + 2].isdigit() and len(raw[j + 2]) == 3:
        text += raw[j + 2]
        j += 2
        grouped = True
        if len(text) > MAX_DIGITS:
            return None, j
    # "36 000", "3 000 000" (a thin or plain space between groups, as European texts and tables write
    # them): one space exactly, a first group of at most three digits, groups of three.
    while (not grouped and len(first) <= 3 and j + 1 < n and raw[j + 1].isdigit() and len(raw[j + 1]) == 3
           and toks.starts[j + 1] - toks.ends[j] == 1
           and (j + 2 >= n or toks.starts[j + 2] > toks.ends[j + 1])):  # not "16 105mm"
        text += raw[j + 1]
        j += 1
        if len(text) > MAX_DIGITS:
            return None, j
    dec = ""
    if j + 2 < n and raw[j + 1] == "." and not sp[j + 1] and not sp[j + 2] and raw[j + 2].isdigit() and len(raw[j + 2]) <= 3:
        dec = raw[j + 2]
        j += 2
    try:
        value = Decimal(text + ("." + dec if dec else ""))
    except InvalidOperation:
        return None, i
    if j + 1 < n and low[j + 1] in NUMERIC_SCALES and (sp[j + 1] or low[j + 1] in ("bn", "mn", "k")):
        if low[j + 1] != "k" or not sp[j + 1]:
            value *= NUMERIC_SCALES[low[j + 1]]
            j += 1
    elif dec:
        return None, i  # "1.5" alone is a measure, not a count
    return int(value), j


def _words_at(low: list[str], i: int) -> tuple[int | None, int]:
    """Parse number words at token i ("two hundred", "thirty-six thousand", "a dozen")."""
    n = len(low)
    total = 0
    current = 0
    j = i
    seen = False
    last = i - 1
    steps = 0
    while j < n and steps < 16:
        steps += 1
        w = low[j]
        if w in UNITS:
            if current % 100 and (UNITS[w] >= 10 or current % 10):
                break  # "four four", "twenty thirty": two numbers, not one
            current += UNITS[w]
            seen = True
            last = j
        elif w in SCALES and seen:
            scale = SCALES[w]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
            last = j
        elif w in ("a", "an") and not seen and j + 1 < n and low[j + 1] in ("hundred", "thousand", "million", "dozen"):
            current = 1
            seen = True
            last = j
        elif w == "dozen" and (seen or j == i):
            current = max(current, 1) * 12
            seen = True
            last = j
        elif w in ("-", "and") and seen and j + 1 < n and low[j + 1] in UNITS:
            pass
        else:
            break
        j += 1
    if not seen or last < i:
        return None, i
    value = total + current
    if low[i] in ("a", "an") and value == 1:
        return None, i
    return value, last


def find_quantities(toks: Tokens) -> list[Quantity]:
    """All count expressions in a segment, left to right, non-overlapping."""
    raw, low, sp = toks.raw, toks.low, toks.space_before
    n = len(low)
    out: list[Quantity] = []
    i = 0
    while i < n:
        w = low[i]
        if w not in _STARTERS and not w[:1].isdigit():
            i += 1
            continue
        # Digits glued to letters or a hyphen after letters are model names: T-72, M777, Su-25;
        # but a lone "x" before them is a multiplication sign ("Leopard 1A5 x4").
        if w[:1].isdigit() and i > 0 and not sp[i] and (raw[i - 1][:1].isalpha() or raw[i - 1] in ".,/:"
                                                        or (raw[i - 1] == "-" and i > 1 and not sp[i - 1] and raw[i - 2][:1].isalpha())):
            if not (low[i - 1] == "x" and (i == 1 or sp[i - 1] or raw[i - 2] == "(")):  # "(x30)" too
                i += 1
                continue
        q = _parse_at(toks, i)
        if q is None:
            i += 1
            continue
        out.append(q)
        i = q.last + 1
    return out


_CALIBRE_UNITS = frozenset("mm cm km kg calibre caliber cal".split())


def _parse_at(toks: Tokens, i: int) -> Quantity | None:
    raw, low, sp = toks.raw, toks.low, toks.space_before
    n = len(low)
    for phrase in _UNDISCLOSED_BY_FIRST.get(low[i], ()):
        if _phrase_at(low, i, phrase):
            last = i + len(phrase) - 1
            return Quantity(None, UNDISCLOSED, i, last, toks.starts[i], toks.ends[last])
    if low[i] in ("a", "an") and i + 1 < n and low[i + 1] not in _AFTER_ARTICLE:
        return None
    qualifier = EXACT
    j = i
    if low[i] == "over" and i > 0 and low[i - 1] in _OVER_VERBS:
        return None  # "handed over 30 tanks": a verb particle, not "more than"
    for _ in range(3):
        matched = False
        for k in (3, 2, 1):
            key = tuple(low[j : j + k])
            if len(key) == k and key in PREFIXES:
                q = PREFIXES[key]
                if q is not None:
                    qualifier = q
                j += k
                matched = True
                break
        if not matched or j >= n:
            break
    if j >= n:
        return None
    for phrase in _VAGUE_BY_FIRST.get(low[j], ()):
        if _phrase_at(low, j, phrase):
            last = j + len(phrase) - 1
            return Quantity(None, VAGUE, i, last, toks.starts[i], toks.ends[last])
    w = low[j]
    if w[:1].isdigit():
        if j > i and not sp[j] and raw[j - 1][:1].isalpha():
            return None
        value, last = _digits_at(toks, j)
        if value is None:
            return None
        # Glued to letters after it: 155mm, 2A6, 30km are not counts; "4x" (times) is one, "4x4" is not.
        if last + 1 < n and not sp[last + 1] and low[last + 1] == "x" and (last + 2 >= n or sp[last + 2]):
            last += 1
        elif last + 1 < n and not sp[last + 1] and raw[last + 1][:1].isalpha() and low[last + 1] not in ("s",):
            return None
        if last + 1 < n and low[last + 1] in _CALIBRE_UNITS:
            return None  # "40 mm anti-aircraft guns", "12.7 mm": a calibre, not a count
        if (last + 2 < n and raw[last + 1] == "-" and not sp[last + 1] and not sp[last + 2]
                and (low[last + 2] in _CALIBRE_UNITS or low[last + 2] in ("millimeter", "millimetre", "millimetres", "millimeters"))):
            return None  # "155-millimeter howitzers", "155-mm": a calibre
        if last + 1 < n and raw[last + 1] == "+" and not sp[last + 1]:
            qualifier = AT_LEAST
            last += 1
    elif w == "half" and j + 2 < n and low[j + 1] == "a" and low[j + 2] in ("million", "dozen", "thousand"):
        value = {"million": 500_000, "dozen": 6, "thousand": 500}[low[j + 2]]
        last = j + 2
    else:
        value, last = _words_at(low, j)
        if value is None:
            return None
    if value is not None and value > 10**12:
        return None
    if (value is not None and last + 3 < n and low[last + 1] == "(" and low[last + 2] == str(value)
            and low[last + 3] == ")"):
        last += 3  # "forty (40) BMP-1": the number in words, then in digits, as legal texts write it
    if last + 1 < n and low[last + 1] in ("more", "additional", "further", "extra"):
        last += 1
    return Quantity(value, qualifier, i, last, toks.starts[i], toks.ends[last])
