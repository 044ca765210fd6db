"""Text shapes: HTML to text, folding, tokens, and sentence / list-item segments with offsets.

Sentence splitting is written here rather than taken from pysbd: pysbd parsed about
0.57 MB/s on this machine (the whole parser must do 1 MB in under a second), it
split "approx. 1.5 million" after "approx.", and it does not know list items or
headlines.  The splitter below is one linear regex scan per line plus an
abbreviation check, and it keeps offsets into the original text.

HTML goes through selectolax (lexbor), a well-kept C parser: block elements become
line breaks and list items become "• " lines, so the list and heading structure
survives into the stored text that offsets refer to.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

# One-to-one character folding: the folded text has the same length as the input,
# so offsets found in it are offsets into the input.
_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\u00ad": "-",
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ",
        "\u2028": "\n", "\u2029": "\n", "\r": "\n", "\u0085": "\n", "\x0b": "\n", "\x0c": "\n",
        "\u00d7": "x",
    }
)


_FOLD_RE = re.compile("[" + re.escape("".join(chr(c) for c in _FOLD)) + "]")


def fold(text: str) -> str:
    """Same-length copy with quotes, dashes and odd spaces made plain ASCII."""
    # A regex over the few characters that change is much faster than str.translate
    # on mostly-ASCII text.
    return _FOLD_RE.sub(lambda m: _FOLD[ord(m.group())], text)


# Dot leaders of a fact sheet laid out for print: "Combat Boat 90 ........ 10".
_LEADER_RE = re.compile(r"[ \t]*\.(?:[ ]?\.){3,}[ \t]*")


# A short leader of three dots before a line's count: "M113 armoured personnel carriers ... 30".
_SHORT_LEADER_RE = re.compile(r"(?<=\S) \.\.\. (?=(?:approx\. |about |up to |more than |some )?[0-9][0-9,. ]*(?: [A-Za-z]{1,8})?[ \t]*$)",
                              re.MULTILINE)


def fold_leaders(folded: str) -> str:
    """Same-length copy in which dot leaders are a column break (a tab), as in a tab-separated table."""
    if " ... " in folded:
        folded = _SHORT_LEADER_RE.sub("\t    ", folded)
    if ". . . ." in folded:
        return _LEADER_RE.sub(lambda m: "\t" + " " * (len(m.group()) - 1), folded)
    k = folded.find("....")
    if k < 0:
        return folded
    parts = []
    done = 0
    n = len(folded)
    while k >= 0:  # str.find, not a regex that would try every blank of the text
        a = k
        while a > done and folded[a - 1] in " \t":
            a -= 1
        b = k
        while b < n and folded[b] in ". \t":
            b += 1
        parts.append(folded[done:a])
        parts.append("\t" + " " * (b - a - 1))
        done = b
        k = folded.find("....", b)
    parts.append(folded[done:])
    return "".join(parts)


_CONTINUED_PIPE_ROW_RE = re.compile(r"\n([ \t]+)\|")


def fold_wrapped_pipe_rows(folded: str) -> str:
    """Same-length copy in which a pipe-table row continued on the next line ("Germany | 4 IRIS-T
    SLM; 30 Patriot" / "        | guided missiles") is one line: the line break and the leading "|"
    of the continuation become spaces."""
    if "|" not in folded:
        return folded
    out: list[str] | None = None
    for m in _CONTINUED_PIPE_ROW_RE.finditer(folded):
        nl = m.start()
        prev_start = folded.rfind("\n", 0, nl) + 1
        prev = folded[prev_start:nl]
        line_end = folded.find("\n", m.end())
        rest = folded[m.end() : line_end if line_end >= 0 else len(folded)]
        if (out is None or out[prev_start - 1 : prev_start] != [" "]) and not (
                "|" in prev and prev.split("|", 1)[0].strip() and len(prev) < 200):
            continue  # the line above is no row with a first cell (nor a row already continued)
        if not rest.strip() or _PIPE_RULE_RE.fullmatch(rest.strip()):
            continue
        if out is None:
            out = list(folded)
        out[nl] = " "  # the line break before the continuation
        out[m.end() - 1] = " "  # its leading "|"
    return "".join(out) if out is not None else folded


# A column gap of a table laid out with spaces: "Leopard 1A5 main battle tanks        30".
_COLUMN_GAP_RE = re.compile(r"(?<=\S) {2,}(?=\S)")  # in a line that has a gap of 3+, a gap of 2 is one too


_ENUMERATOR_RE = re.compile(r"[ \t]*\(?(?:\d{1,3}|[A-Za-z])[.)]")


def fold_aligned_columns(folded: str) -> str:
    """Same-length copy in which a run of three or more spaces inside a line that is not a
    sentence is a column break (a tab), as in a tab-separated table.  Prose lines (ending in
    ".", "!", "?") keep their spaces: a wide gap there is a typing accident, not a column; lines
    with "|" already have their columns (a tab left by a dot leader does not: "carriers ..... 28     upgraded")."""
    if "   " not in folded:
        return folded
    parts = []
    done = 0
    k = folded.find("   ")
    n = len(folded)
    while k >= 0:
        ls = folded.rfind("\n", 0, k) + 1
        le = folded.find("\n", k)
        if le < 0:
            le = n
        line = folded[ls:le].rstrip()
        if line and line[-1] not in ".!?" and folded[ls:k].strip() and "|" not in line:
            parts.append(folded[done:ls])
            line_text = folded[ls:le]
            parts.append(_COLUMN_GAP_RE.sub(
                lambda m: m.group() if len(m.group()) == 2 and _ENUMERATOR_RE.fullmatch(line_text, 0, m.start())
                else "\t" + " " * (len(m.group()) - 1),
                line_text))  # ("1.  CAESAR howitzers ..... 6": a row number typed with two spaces is no column)
            done = le
        k = folded.find("   ", le)  # the line is decided: each line is looked at once
    parts.append(folded[done:])
    return "".join(parts)


# Tokens: runs of letters, runs of ASCII digits, or any single other visible character.
# Every alternative is a simple character class, so the scan is linear.
TOKEN_RE = re.compile(r"[^\W\d_]+|[0-9]+|\S")
MAX_TOKEN = 64  # longer tokens are opaque: never looked up, never numbers


@dataclass(slots=True)
class Tokens:
    """Tokens of one segment: parallel lists, offsets absolute into the text."""

    starts: list[int]
    ends: list[int]
    raw: list[str]
    low: list[str]
    space_before: list[bool]  # whitespace (or segment start) directly before the token

    def __len__(self) -> int:
        return len(self.starts)


def tokenize_all(folded: str) -> Tokens:
    """Tokens of the whole text at once (one regex pass); segments take slices of it."""
    return tokenize(folded, 0, len(folded))


def token_slice(toks: Tokens, a: int, b: int) -> Tokens:
    space = toks.space_before[a:b]
    if space:
        space[0] = True
    return Tokens(toks.starts[a:b], toks.ends[a:b], toks.raw[a:b], toks.low[a:b], space)


def tokenize(folded: str, start: int, end: int) -> Tokens:
    raw = TOKEN_RE.findall(folded, start, end)
    starts = [m.start() for m in TOKEN_RE.finditer(folded, start, end)]
    ends = [a + len(tok) for a, tok in zip(starts, raw)]  # a token is exactly its match: cheaper than span()
    for k, tok in enumerate(raw):
        if len(tok) > MAX_TOKEN:
            raw[k] = "\x00"
    space = [True] + list(map(operator.ne, starts[1:], ends)) if raw else []  # a gap before each token
    return Tokens(starts, ends, raw, [t.lower() for t in raw], space)


# --------------------------------------------------------------------------- segments

HEADING, SENTENCE, ITEM, LEAD = "heading", "sentence", "item", "lead"


@dataclass(slots=True)
class Segment:
    start: int
    end: int
    kind: str  # heading | sentence | item | lead (a line ending in ":" that introduces items)
    block: int  # index of the line (paragraph) it came from
    blank_before: bool  # the line is preceded by an empty line (new paragraph)
    section: bool = False  # a heading that groups the items of a list already begun ("AIR DEFENCE")
    table: bool = False  # the header row of a table ("No.<TAB>Item<TAB>Quantity<TAB>Remarks"), kind LEAD


MAX_SEGMENT = 1200  # a "sentence" longer than this is cut; real ones are far shorter

_BULLET_RE = re.compile(r"[ \t]*(?:[\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2043\u25a0\u25a1\u2219\u25ba\u25b6\u2713\u2714\u2611\u25c6\u2192*+>-]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]+")
_SENT_END_RE = re.compile(r"[.!?]+[\"')\]]*[ \t]+")

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt adm cdr rep sen gov st no nos nr approx
    appr ca vs etc e.g eg i.e ie jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co
    corp jr sr art fig vol pp p cf al incl est rt hon min pres dept sq mt ft km op ref tel
    u.s u.k u.n e.u u.s.a p.m a.m fr hr brig rear vice ret govt""".split()
)
# Sentence openers that show "U.S." / "U.K." really did end the sentence before them.
_OPENERS = frozenset("the it he she they we this that in a an on but his her their its".split())


# The last cell of a table row: a number, optionally with a unit word ("16", "1,000 pcs").
_COUNT_CELL_RE = re.compile(r"[ \t]*[0-9][0-9,.]*(?: +[A-Za-z]{1,6})?[ \t]*")


def _table_row(line: str) -> bool:
    """Cells separated by tabs, one after the first a count: "Biber bridge layers<TAB>16",
    "CB90 fast assault craft<TAB>10<TAB>-" (a value column after the count)."""
    if "\t" not in line or len(line) >= 200:
        return False
    head, *rest = line.split("\t")
    return bool(head.strip()) and any(_COUNT_CELL_RE.fullmatch(cell) is not None for cell in rest) or (
        len(rest) >= 2 and bool(head.strip()) and _UNDISCLOSED_CELL_RE.fullmatch(rest[0]) is not None
        and len(head) > 3)  # "TOW anti-tank missiles<TAB>*<TAB>-": a row whose count is withheld


# A list line with a count after its name ("Archer artillery systems, 8 units", "CV90: 50"): still an
# item of the list above it when a blank line separates them (a section heading has no count).
_COUNTED_LINE_RE = re.compile(r"[^0-9\n]*?[A-Za-z][^0-9\n]*[,:(x\u2013\u2014-][ \t]*[0-9]")

# A line that ends in its count after a dash or colon: "120 mm mortars – 12", "Bofors L70 guns: 10".
_ENDS_IN_COUNT_RE = re.compile(
    r"[A-Za-z][^\n]*?(?:[ \t][-\u2013\u2014x]|:)[ \t]*(?:approx\.? |about |some |more than |up to |over )?"
    r"[0-9][0-9,.]*(?: [0-9]{3})*(?:[ \t]+[A-Za-z]{1,10})?[ \t]*$")

_RULE_LINE_RE = re.compile(r"[-=_*~\u2013\u2014\u2500\u2550 \t]+")
_PIPE_RULE_RE = re.compile(r"[|:+ \t-]*-[|:+ \t-]*")


def _leading_sentences(folded: str, line: str, base: int, block: int, blank: bool) -> list[Segment]:
    """A line ending in ":" as segments: its sentences, the last of them the LEAD of the list below."""
    spans = [_trim(folded, a, b) for a, b in _sentence_spans(line, base)]
    spans = [(a, b) for a, b in spans if a < b]
    out = []
    for n_span, (a, b) in enumerate(spans):
        kind = LEAD if n_span == len(spans) - 1 else SENTENCE
        for s, e in _cut(folded, a, b):
            out.append(Segment(s, e, kind, block, blank and n_span == 0))
    return out


def _next_line_bulleted(folded: str, pos: int, n: int, marker: str) -> bool:
    """The next non-blank line (from `pos`) starts with a bullet or an enumerator of another style
    than `marker` ("2." over "(1)", "-", "•"): a list one level down."""
    while pos < n:
        nl = folded.find("\n", pos)
        if nl < 0:
            nl = n
        if folded[pos:nl].strip():
            m = _BULLET_RE.match(folded, pos, nl)
            if m is None:
                return False
            other = m.group().strip()
            return re.sub(r"\d+", "0", other) != re.sub(r"\d+", "0", marker)
        pos = nl + 1
    return False


def _numbered_section(body: str) -> bool:
    """The text of "3. AMMUNITION": a few words in capitals, no digits, no sentence."""
    words = body.split()
    return (0 < len(words) <= 5 and body.isupper() and not any(c.isdigit() for c in body)
            and body.rstrip()[-1:] not in ".!?;,")


def _capitals_heading(line: str) -> bool:
    """"4 | NEW COMBAT VEHICLES FROM SWEDISH INDUSTRY   SEK 1 billion": a section heading in capitals."""
    last = re.split(r"[|\t]", line)[-1]
    if _COUNT_CELL_RE.fullmatch(last):
        return False  # "PATRIOT AIR DEFENCE SYSTEM | 2": a row with its count
    words = [w for w in re.findall(r"[^\W\d_]{2,}", line)]
    caps = [w for w in words if w.isupper()]
    return len(caps) >= 3 and len(caps) >= len(words) - 2


def _pipe_row(line: str) -> bool:
    """A row of a pipe table: "155 mm FH70 towed howitzers | dozens" (cells on both sides of a "|")."""
    if "|" not in line or len(line) >= 400:  # (a wrapped row joined by fold_wrapped_pipe_rows is long)
        return False
    cells = [c.strip() for c in line.strip("|").split("|")]
    return len(cells) >= 2 and bool(cells[0])


# Header words naming a table's columns, best first: the count column and the column naming the thing.
_QTY_HEADERS = ("quantity", "quantities", "qty", "amount", "count", "units", "number")
_ITEM_HEADERS = ("item", "items", "equipment", "system", "systems", "weapon", "weapons", "materiel",
                 "capability", "capabilities", "description", "designation", "type", "name", "component",
                 "components", "material", "asset", "assets", "platform", "article", "articles", "product",
                 "donation", "contribution")
_VALUE_HEADERS = ("value", "cost", "costs", "price", "worth")
_GROUP_HEADER_WORDS = frozenset("area areas category categories domain domains group groups".split())
# A column headed by a currency or a scale ("DKK million", "EUR m", "SEK bn") holds money.
_MONEY_HEADER_WORDS = frozenset("eur euro euros usd dollars dkk sek nok gbp pounds cad aud chf pln czk nzd jpy "
                                "million millions billion billions mn bn mln".split())
_HEADER_WORD_RE = re.compile(r"[a-z]+")
# A count cell that says nothing: "-", "–", "classified", "n/a", "tbd", "not disclosed".
_UNDISCLOSED_CELL_RE = re.compile(r"[ \t]*(?:[-\u2013\u2014?*/]+|n/?a|tbd|tbc|classified|undisclosed|not disclosed|"
                                  r"confidential|unknown|unspecified)[ \t]*", re.I)


def _wrapped_row(folded: str, pos: int, n: int, sep: str, item: int, qty: int,
                 indent: int) -> tuple[int, int] | None:
    """When the line starting at `pos` continues a table row whose item cell wrapped (its item
    cell starts in lower case or is indented deeper than the row's `indent`, and it has the count
    the row above lacked): (end of that line, end of its count cell in the text).  Otherwise None."""
    if pos >= n:
        return None
    nl = folded.find("\n", pos)
    if nl < 0:
        nl = n
    line = folded[pos:nl]
    if sep not in line or len(line) >= 200:
        return None
    cells = _cells(line, sep)
    if len(cells) <= max(item, qty):
        return None
    a, b = cells[item]
    qa, qb = cells[qty]
    if a == b or not (line[a].islower() or a > indent) or qa == qb or _BULLET_RE.match(line, a) is not None:
        return None  # "b) Air defence missiles ...": the next item of a lettered list
    return nl, pos + qb


def _cells(line: str, sep: str) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a table row, trimmed; a pipe row's outer "|" opens no cell."""
    out = []
    s = 0
    n = len(line)
    while s <= n:
        e = line.find(sep, s)
        if e < 0:
            e = n
        a, b = s, e
        while a < b and line[a] in " \t":
            a += 1
        while b > a and line[b - 1] in " \t":
            b -= 1
        out.append((a, b))
        s = e + 1
    if sep == "|":
        if out and out[0][0] == out[0][1]:
            out.pop(0)
        if out and out[-1][0] == out[-1][1]:
            out.pop()
    return out


def _table_header(line: str) -> tuple[str, int, int] | None:
    """A table's header row naming a count column and an item column: ("\t" or "|", item, count)."""
    if len(line) >= 200:
        return None
    sep = "\t" if "\t" in line else "|" if "|" in line else ""
    if not sep:
        return None
    cells = _cells(line, sep)
    if len(cells) < 2 or len(cells) > 12:
        return None
    heads = []
    for a, b in cells:
        words = _HEADER_WORD_RE.findall(line[a:b].lower())
        if len(words) > 4:
            return None  # a header cell is a label, not a sentence
        heads.append(words)

    def find(names: tuple) -> int:
        for name in names:
            for k, words in enumerate(heads):
                if words and words[0] == name or (name != "number" and name in words and words[0] in ("no", "total", "of")):
                    return k
        return -1

    item, qty = find(_ITEM_HEADERS), find(_QTY_HEADERS)
    if item >= 0 and any(w in _GROUP_HEADER_WORDS for w in heads[item]):
        item = -1  # "Capability area", "Category": the group a row belongs to, not the thing
    if item < 0 and qty < 0:
        # "Content<TAB>DKK million", "No. | Capability area | Content | Value": a package's contents
        item = next((k for k, words in enumerate(heads) if words and words[0] in ("content", "contents")), -1)
    if item >= 0 and qty < 0:
        value = find(_VALUE_HEADERS)
        if value < 0:
            value = next((k for k, words in enumerate(heads) if k != item and any(w in _MONEY_HEADER_WORDS for w in words)), -1)
        if sep == "|":
            # "Date announced | Donation | Value (CAD)": no count column; a row reads its item cell up to
            # the value cell, and counts are found in the item's own words.
            qty = value if value > item else item
        elif value > item:
            # "Content<TAB>DKK million": the number at the end of a row is money, never a count; a
            # row is read in its item cell alone ("Night vision goggles - 2,000 pcs.")
            return sep, item, item
    if item < 0 or qty < 0 or (item == qty and sep != "|"):
        return None
    return sep, item, qty


def _is_abbreviation(line: str, dot: int) -> bool:
    """True when the '.' at index `dot` of `line` closes an abbreviation or an initial."""
    i = dot
    while i > 0 and (line[i - 1].isalpha() or line[i - 1] == "."):
        i -= 1
        if dot - i > 12:
            return False
    word = line[i:dot].lower()
    if not word:
        return False
    if len(word) == 1 and line[i].isupper():
        return True  # initial: "John F. Kennedy"
    return word in ABBREVIATIONS


def _sentence_spans(line: str, base: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    s = 0
    n = len(line)
    for m in _SENT_END_RE.finditer(line):
        e = m.end()
        if e >= n:
            break
        nxt = line[e]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'([\u2022-"):
            continue
        dot = m.start()
        if line[dot] == "." and _is_abbreviation(line, dot):
            word = line[e : e + 12].split(" ", 1)[0].lower()
            low_abbr = line[max(0, dot - 4) : dot].lower()
            if not (low_abbr.endswith(("u.s", "u.k", "u.n", "e.u")) and word in _OPENERS):
                continue
        spans.append((base + s, base + m.start() + len(m.group().rstrip())))
        s = e
    spans.append((base + s, base + n))
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _cut(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut an over-long span at whitespace so that no segment exceeds MAX_SEGMENT."""
    out = []
    while e - s > MAX_SEGMENT:
        cut = text.rfind(" ", s + MAX_SEGMENT // 2, s + MAX_SEGMENT)
        if cut <= s:
            cut = s + MAX_SEGMENT
        out.append((s, cut))
        s = cut
        while s < e and text[s] == " ":
            s += 1
    if s < e:
        out.append((s, e))
    return out


_DATE_DOTS_RE = re.compile(r"[0-9]\.(?=[0-9])")  # "as of 16.12.2024": dots of a date, not of a sentence


def _is_heading(line: str) -> bool:
    stripped = line.rstrip()
    if stripped.endswith(")") and "(" in stripped:
        # "Military support delivered (selection)", "Air defence (as of May 2024)": a heading with a note
        head, _, note = stripped[:-1].rpartition("(")
        head = head.rstrip()
        return (bool(head) and head[-1] not in ".!?;,:\"')" and head.count(" ") < 10
                and "." not in _DATE_DOTS_RE.sub("", note) and note.count(" ") < 10)
    if not stripped or stripped[-1] in ".!?;,\"')":
        return False
    return stripped.count(" ") < 24


def split_segments(folded: str) -> list[Segment]:
    """Split folded text into headings, sentences, list-lead lines and list items."""
    segments: list[Segment] = []
    pos = 0
    n = len(folded)
    block = -1
    blank = True
    in_list = False
    table: tuple[str, int, int] | None = None
    bulleted = False  # the last line was a bulleted item
    lead_numbered = False  # the last list lead was a numbered paragraph ("5. ... the following:")
    while pos < n:
        nl = folded.find("\n", pos)
        if nl < 0:
            nl = n
        ls, le = _trim(folded, pos, nl)
        indented = ls - pos >= 2 and folded[pos] in " \t"  # "  SkyRanger R70 drones – 800+": indented under a heading
        pos = nl + 1
        if ls == le:
            blank = True
            continue
        block += 1
        line = folded[ls:le]
        was_bulleted, bulleted = bulleted, False
        # "AIR DEFENCE" / "  Bofors L70 anti-aircraft guns – 10": counted lines right under a heading are its items
        under_heading = bool(segments) and segments[-1].kind in (HEADING, ITEM)
        if ("|" in line or (table is not None and "+" in line)) and _PIPE_RULE_RE.fullmatch(line):
            continue  # the rule under a pipe table's header: "-----|-----", "----+-----"
        if len(line) >= 3 and _RULE_LINE_RE.fullmatch(line):
            block -= 1
            continue  # "-----------": a drawn rule between sections, no text (the line after keeps its paragraph break)
        if table is not None and table[0] not in line:
            if ls > 0 and folded[ls - 1] in " \t" and (line[:1].islower() or line[:1] == "(") and len(line) < 120:
                continue  # "  produced in Ukraine (Danish model)": the wrapped end of the row above
            table = None
        header = _table_header(line) if table is None else None
        if header is not None:
            # "No.<TAB>Category<TAB>Item<TAB>Quantity<TAB>Remarks": the rows below are items, each
            # read from its item cell to its count cell (the row number and remarks are left out).
            table = header
            segments.append(Segment(ls, le, LEAD, block, blank, table=True))
            in_list = True
            blank = False
            continue
        if table is not None:
            sep, item, qty = table
            cells = _cells(line, sep)
            if len(cells) > item:
                cells += [(len(line), len(line))] * (qty + 1 - len(cells))  # empty last cells were trimmed
            if len(cells) > max(item, qty) and cells[item][0] < cells[item][1]:
                qa, qb = cells[qty]
                wrapped = _wrapped_row(folded, pos, n, sep, item, qty, ls - folded.rfind("\n", 0, ls) - 1 + cells[item][0]) if qa == qb and all(
                    a == b for j, (a, b) in enumerate(cells) if j != item) else None
                if wrapped is not None:
                    # "Self-propelled howitzers (Bohdana), produced in |    |" over "  Ukraine and
                    # financed ... | 18 | 210": one row whose item cell wrapped onto the next line
                    nxt_end, cont_qty_end = wrapped
                    for s, e in _cut(folded, ls + cells[item][0], cont_qty_end):
                        segments.append(Segment(s, e, ITEM, block, blank))
                    pos = nxt_end + 1
                    blank = False
                    continue
                if qa == qb or _UNDISCLOSED_CELL_RE.fullmatch(line, qa, qb):
                    a, b = cells[item]  # "–", "classified": no count given
                else:
                    a, b = cells[min(item, qty)][0], cells[max(item, qty)][1]
                for s, e in _cut(folded, ls + a, ls + b):
                    segments.append(Segment(s, e, ITEM, block, blank))
                blank = False
                continue
        bullet = _BULLET_RE.match(line)
        numbered = bullet is not None and line[: bullet.end()].strip()[:1].isdigit()
        if numbered and blank and lead_numbered and line.endswith((".", "!", "?")) and line.count(" ") >= 8:
            # "6. Ministers welcomed ...": the next numbered paragraph of a communiqué, a sibling of
            # the one that led a list ("5. ... the following:"), not an item of that list
            in_list = False
            first = True
            for ss, se in _sentence_spans(line[bullet.end():], ls + bullet.end()):
                ss, se = _trim(folded, ss, se)
                if ss < se:
                    for s, e in _cut(folded, ss, se):
                        segments.append(Segment(s, e, SENTENCE, block, blank and first))
                        first = False
            blank = False
            continue
        if bullet and bullet.end() < len(line) and line.endswith(":") and blank:
            lead_numbered = numbered
            # "5. Members announced the following new contributions:" - a numbered paragraph of a
            # communiqué that leads the list under it, not an item of one.
            segments.extend(_leading_sentences(folded, line[bullet.end():], ls + bullet.end(), block, blank))
            in_list = True
            blank = False
            continue
        if (numbered and bullet.end() < len(line) and not line.endswith((".", "!", "?", ":", ";", ","))
                and 3 <= len(line[bullet.end():].split()) <= 18 and not _numbered_section(line[bullet.end():])
                and _next_line_bulleted(folded, pos, n, bullet.group().strip())):
            # "2. Equipment to be provided under this decision" / "(1) Vehicles: approximately 100": a
            # numbered paragraph heading that leads the list under it
            segments.append(Segment(ls + bullet.end(), le, LEAD, block, blank))
            in_list = True
            blank = False
            continue
        if numbered and bullet.end() < len(line) and _numbered_section(line[bullet.end():]):
            # "3. AMMUNITION", "5. VEHICLES AND ENGINEERING": a numbered group heading of a fact sheet
            segments.append(Segment(ls + bullet.end(), le, HEADING, block, blank, True))
            blank = False
            continue
        if bullet and bullet.end() < len(line):
            body_s = ls + bullet.end()
            for s, e in _cut(folded, body_s, le):
                segments.append(Segment(s, e, ITEM, block, blank))
            in_list = True
            bulleted = True
            blank = False
            continue
        elif line.endswith(":"):
            # "... since August 2021. The capabilities in this package include:" - the last
            # sentence leads the list that follows.
            segments.extend(_leading_sentences(folded, line, ls, block, blank))
            in_list = True
        elif (was_bulleted and not blank and _is_heading(line) and line.count(" ") < 4 and not any(c.isdigit() for c in line)
              and _BULLET_RE.match(folded, pos, min(n, pos + 40)) is not None):
            # "• Gepard anti-aircraft guns" / "Tanks" / "• 18 Leopard 2A6": an unbulleted short line
            # between bulleted items is a category sub-heading of the same list, not an item.
            for s, e in _cut(folded, ls, le):
                segments.append(Segment(s, e, HEADING, block, blank, True))
        elif ((in_list and (not blank or (len(line) < 200 and _COUNTED_LINE_RE.match(line) is not None))) or _table_row(line) or _pipe_row(line)
              or (under_heading and not blank and len(line) < 200 and _ENDS_IN_COUNT_RE.search(line) is not None)
              or (under_heading and not blank and indented and len(line) < 200 and not _table_header(line))
              ) and (len(line) < 200 or _pipe_row(line)) and not line.endswith((".", "!", "?")) and not _capitals_heading(line):
            # An unbulleted line straight after a lead-in or an item, or a table row whose last
            # column is a count ("Biber bridge layers<TAB>16"): a list item.
            for s, e in _cut(folded, ls, le):
                segments.append(Segment(s, e, ITEM, block, blank))
            in_list = in_list or "\t" in line or "|" in line  # a table's rows run on into the next row
        elif _is_heading(line) and len(line) < 200:
            # A short section heading inside a list ("AIR DEFENCE", "Vehicles") starts a new group
            # of the same list: the lines right under it are its items.
            in_list = in_list and line.count(" ") < 5 and not line.endswith(":")
            for s, e in _cut(folded, ls, le):
                segments.append(Segment(s, e, HEADING, block, blank, in_list))
        else:
            in_list = False
            first = True
            for ss, se in _sentence_spans(line, ls):
                ss, se = _trim(folded, ss, se)
                if ss == se:
                    continue
                for s, e in _cut(folded, ss, se):
                    segments.append(Segment(s, e, SENTENCE, block, blank and first))
                    first = False
        blank = False
    return segments


# --------------------------------------------------------------------------- HTML

_BLOCK_TAGS = (
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "header", "footer", "blockquote", "figcaption", "figure", "ul", "ol",
    "dl", "dt", "dd", "pre", "hr", "main", "aside", "nav", "title", "caption",
)
_DROP_TAGS = ["script", "style", "noscript", "template", "svg", "head", "iframe", "object"]
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "title")
_SPACES_RE = re.compile(r"[ \t\u00a0]+")
_BREAK = "\u001e"  # a line break made by a block tag (the source's own are only whitespace)
_CELL_MARK = "\u001f"  # the end of a table cell, kept apart from whitespace in the HTML source
_CELL_RE = re.compile(r" ?\u001f ?")
_NEWLINES_RE = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def html_to_text(html: str) -> str:
    """Plain text of pasted HTML: blocks on their own lines, list items as "• " lines.

    The result is what gets stored and what evidence offsets refer to.
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title = ""
    if tree.head is not None:
        t = tree.head.css_first("title")
        if t is not None:
            title = t.text(deep=True, strip=True)
    tree.strip_tags(_DROP_TAGS)
    root = tree.body if tree.body is not None else tree.root
    if root is None:
        return ""
    for node in tree.css("li"):
        node.insert_before(_BREAK + _BREAK + "\u2022 ")
        node.insert_after(_BREAK)
    for node in tree.css("td, th"):
        node.insert_after(_CELL_MARK)  # becomes a tab once the source's own whitespace is collapsed
    for node in tree.css(",".join(_BLOCK_TAGS)):
        if node.tag in _HEADING_TAGS:
            node.insert_before(_BREAK + _BREAK)
            node.insert_after(_BREAK + _BREAK)
        else:
            node.insert_before(_BREAK)
            node.insert_after(_BREAK)
    # The source's own line breaks are spaces (as a browser shows them); only blocks break lines.
    text = root.text(deep=True, separator="", strip=False).replace("\r", " ").replace("\n", " ").replace(_BREAK, "\n")
    if title and title not in text[: len(title) + 200]:
        text = title + "\n\n" + text
    text = _SPACES_RE.sub(" ", text)
    text = _CELL_RE.sub("\t", text)
    text = _NEWLINES_RE.sub("\n\n", text)
    lines = [ln.strip() for ln in text.split("\n")]
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out)
    # A bullet followed by a blank line: keep items of one list together.
    out = out.replace("\n\n\u2022 ", "\n\u2022 ")
    return out.strip() + "\n" if out.strip() else ""
