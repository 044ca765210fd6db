"""The pipeline: text and reference data in, pledge proposals out, each tied to its sentence.

Per segment (sentence, headline or list item): find donors, systems, quantities,
money and cue words; group each quantity with the noun phrase it counts; decide
from the nearest verb cue whether that phrase is pledged (and not attacked,
requested, bought for oneself, negated, hypothetical or a running total); find the
donor; then de-duplicate across the report.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace

from . import donors as donor_rules
from .money import Money, find_money, resolve_currency
from .quantities import EXACT, UNDISCLOSED, UNITS, VAGUE, Quantity, find_quantities
from .reference import Donor, Match, ReferenceData, System, match_view
from .systems import AMMUNITION_HEADS, EquipmentObject, Phrase, build_object, lemma
from .text import HEADING, ITEM, LEAD, SENTENCE, Segment, Tokens, fold, fold_aligned_columns, fold_leaders, fold_wrapped_pipe_rows, split_segments, token_slice, tokenize_all
from .triggers import (
    AGG, ANAPHOR, ATTACK, BACKGROUND, HYPO, INCLUDE, NEG, OTHER_VERB, PACKAGE, PERMIT, PLEDGE, POSITIVE,
    PROCURE, RECEIVE, RECIPIENT, REQUEST, TOTAL, TOTAL_SOFT, VERB_CUES, WEAK, cue_trie,
    AUXILIARIES, DELIVERY_PAST, NOT_PAST,
)

MAX_INPUT = 20_000_000  # characters; beyond this only the first part is read


@dataclass(frozen=True, slots=True)
class Extracted:
    donor_code: str | None
    donor_name: str | None
    system_name: str | None
    system_family: str | None
    system_category: str | None
    item: str | None
    quantity: int | None
    qualifier: str
    quantity_text: str
    value_amount: int | None
    value_currency: str | None
    start: int
    end: int
    evidence: str
    confidence: float
    reasons: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {
            "donor": {"code": self.donor_code, "name": self.donor_name} if self.donor_code else None,
            "system": (
                {"name": self.system_name, "family": self.system_family, "category": self.system_category}
                if self.system_name
                else None
            ),
            "item": self.item,
            "quantity": self.quantity,
            "qualifier": self.qualifier,
            "quantity_text": self.quantity_text,
            "value": (
                {"amount": self.value_amount, "currency": self.value_currency}
                if self.value_amount is not None
                else None
            ),
            "evidence": {"start": self.start, "end": self.end, "text": self.evidence},
            "confidence": self.confidence,
            "reasons": list(self.reasons),
        }


# Section headings whose content is background (or page furniture), not this report's pledges.
_BACKGROUND_WORDS = {"background", "facts", "notes to editors", "note to editors", "notes for editors",
                     "editor's notes", "editors' notes", "about", "context", "previous support",
                     "key facts", "facts and figures", "fact box", "further information",
                     "support so far", "support to date", "timeline", "history", "previous packages",
                     "earlier packages", "previously announced", "previous announcements",
                     "quick facts", "related", "related links", "related content", "related articles",
                     "read more", "see also", "more on this story", "associated links", "share this page",
                     "explore the topic", "more like this", "most read", "most popular", "recommended",
                     "topics", "contacts", "media contacts", "media enquiries", "press contact"}
CLAUSE_BREAK = frozenset({";", "but", "while", "whereas", "although", "though", "however", "meanwhile"})
TRANSPARENT = frozenset({"including", "included", "as well as", "made up of", "consisting of", "comprising", "composed of"})
_CONSISTS = frozenset({"made up of", "consisting of", "comprising", "composed of"})  # the whole content follows
PERFECT_AUX = frozenset({"has", "have", "had", "'ve"})


@dataclass
class Seg:
    """One segment with everything found in it (token-indexed)."""

    segment: Segment
    low: list[str]
    raw: list[str]
    starts: list[int]
    ends: list[int]
    space: list[bool]
    matches: list[Match]
    cues: list[tuple[int, int, frozenset]]
    quantities: list[Quantity]
    money: list[Money]
    donor_at: list
    cue_kinds_at: list
    clause_id: list[int]
    phrase: Phrase
    covered: list[bool]
    aside: list[bool] | None = None
    folded: str = ""  # the whole folded text (token offsets index it)
    next_starts: tuple = ()  # where the next two segments start (read when a dated package needs them)


@dataclass
class ListState:
    donor: Donor | None = None
    positive: bool = False
    negative: bool = False
    lead: str = ""


@dataclass
class Candidate:
    donor: Donor | None
    system: System | None
    item: str | None
    quantity: Quantity | None
    money: Money | None
    seg: Segment
    confidence: float
    reasons: list[str] = field(default_factory=list)
    order: int = 0
    at: int = 0  # character offset of the phrase, for text order
    earmark: System | None = None  # "£350 million for drones": money meant for this equipment
    head: str = ""  # last word of the generic alias that named it ("drones")
    alias: str = ""  # the words that named the system


_ATTACK_NOUNS = frozenset("strike attack assault fire".split())
_ATTACK_MODIFIED = frozenset(
    """and missiles missile drones drone weapons weapon capabilities capability systems system aircraft
    helicopters helicopter rifles rifle control support munitions vehicles boats""".split())
_DIGIT_RE = re.compile(r"[0-9]")
_PACKAGE_RE = re.compile(r"[Pp]ackage|[Tt]ranche|[Dd]ecree")


_DISCLOSED = frozenset("published disclosed public revealed released specified itemised itemized detailed".split())


def _disclosure_note(low: list[str], k: int) -> bool:
    """The words after a "not" say that something is not made public, not that it is not given."""
    while k < len(low) and low[k] in ("be", "been", "being", "yet", "made", "been", "to", "publicly"):
        k += 1
    return k < len(low) and low[k] in _DISCLOSED


def _drop_parenthesised_repeats(toks: Tokens, matches: list[Match]) -> list[Match]:
    """"Bradley Infantry Fighting Vehicles (IFVs)", "... Rocket Systems (HIMARS)": the acronym repeats the name."""
    out: list[Match] = []
    raw = toks.raw
    for m in matches:
        if (out and m.entry.kind in ("system", "generic") and out[-1].entry.kind in ("system", "generic")
                and m.first > 0 and raw[m.first - 1] == "(" and out[-1].last == m.first - 2
                and m.last + 1 < len(raw) and raw[m.last + 1] == ")"):
            continue
        out.append(m)
    return out


def _analyse(text: str, folded: str, segment: Segment, ref: ReferenceData, toks: Tokens,
             matches: list[Match]) -> Seg:
    repeats = matches
    matches = _drop_parenthesised_repeats(toks, matches)
    n0 = len(toks)
    based = [m for m in matches if m.entry.kind == "system" and m.last + 2 < n0 and toks.low[m.last + 1] == "-"
             and toks.low[m.last + 2] in ("based", "derived", "type", "style")]
    if based:
        matches = [m for m in matches if m not in based]  # "one Leopard 2-based armoured recovery vehicle": a kind of it
    view = match_view(toks)
    n = len(toks)
    covered = [False] * n
    if len(repeats) != len(matches):
        kept = {id(m) for m in matches}
        for m in repeats:
            if id(m) not in kept:
                for k in range(m.first, m.last + 1):
                    covered[k] = True  # "Pansarbandvagn 302 (Pbv 302)": the repeat's digits are a name, not a count
    donor_at: list = [None] * n
    has_equipment = False
    for m in matches:
        kind = m.entry.kind
        for k in range(m.first, m.last + 1):
            covered[k] = True
        if kind == "donor" or kind == "person":
            if m.last + 2 < n and toks.low[m.last + 1] == "-" and toks.low[m.last + 2] in ("led", "run", "hosted", "based", "made", "built"):
                continue  # "a Czech-led initiative", "US-made": names a leader or a maker, not a giver
            for k in range(m.first, m.last + 1):
                donor_at[k] = (m.entry.target, kind, m.first)
        else:
            has_equipment = True
    has_digit = _DIGIT_RE.search(folded, segment.start, segment.end) is not None
    money = find_money(toks) if has_digit else []
    if has_equipment:
        # Digits inside a name ("Leopard 2", "RBS 70", "Mirage 2000-5") are not counts.
        in_name = covered[:]
        for mo in money:
            for k in range(mo.first, mo.last + 1):
                in_name[k] = True
        quantities = [q for q in find_quantities(toks) if not any(in_name[k] for k in range(q.first, q.last + 1))]
    else:
        quantities = []
    for q in quantities:
        for k in range(q.first, q.last + 1):
            covered[k] = True
    for mo in money:
        for k in range(mo.first, mo.last + 1):
            covered[k] = True
    cues = []
    cue_kinds_at: list = [_EMPTY] * n
    if (has_equipment or money or segment.kind in (HEADING, LEAD)
            or _PACKAGE_RE.search(folded, segment.start, segment.end) is not None):
        for first, last, kinds in cue_trie().scan(toks, view):
            if any(covered[k] for k in range(first, last + 1)):
                # A cue word inside a name ("IRIS-T fire units") or a quantity ("a total of") is not a cue.
                continue
            if toks.raw[first] == "May" and first > 0:
                continue  # the month, not the modal
            if (segment.kind != HEADING and first > 0 and toks.raw[first][:1].isupper() and set(kinds) & VERB_CUES
                    and (toks.raw[first - 1][:1].isupper() or (last + 1 < n and toks.raw[last + 1][:1].isupper()))
                    and not toks.raw[first].isupper()):
                continue  # "Command Launch Units", "Ukraine Security Assistance Initiative": part of a name
            if toks.low[first] == "possible" and first > 0 and toks.low[first - 1] == "as":
                continue  # "as quickly as possible"
            if first > 0 and toks.raw[first - 1] == "-" and not toks.space_before[first]:
                continue  # "Tube-Launched", "Optically-Tracked", "German-supplied": part of a compound word
            if (ATTACK in kinds and first == last and last + 1 < n and toks.low[last + 1] in _ATTACK_MODIFIED
                    and toks.low[first] in _ATTACK_NOUNS):
                continue  # "strike and air defence missiles", "attack helicopters", "fire control": a modifier
            if (OTHER_VERB in kinds and not (set(kinds) & POSITIVE) and toks.low[last].endswith("ed") and last + 1 < n
                    and covered[last + 1]):
                continue  # "highly protected armoured vehicles", "tracked vehicles": an adjective on a name
            if toks.low[first] in ("adding", "add", "adds") and last + 1 < n and toks.low[last + 1] in ("that", ":", ","):
                continue  # "..., adding that the F-16s ...": a reporting verb
            if toks.low[first] == "use" and first > 0 and toks.low[first - 1] in ("for", "in", "of", "ready"):
                continue  # "for use by infantry units", "in use": a purpose, not an attack
            if (TOTAL in kinds and toks.low[first] == "since" and last + 2 < n and toks.low[last + 1] in ("the", "our", "its")
                    and toks.low[last + 2] in ("previous", "last", "latest")):
                continue  # "announced since the previous version of this factsheet": new, counted from the last update
            if (BACKGROUND in kinds and first >= 2 and toks.low[first - 2] == "since" and toks.low[first - 1] in ("the", "our", "its")
                    and toks.low[first] in ("previous", "last", "latest")):
                continue
            if NEG in kinds and _disclosure_note(toks.low, last + 1):
                continue  # "(quantities are not published)", "number not disclosed": a note on what is told
            ks = frozenset(kinds)
            cues.append((first, last, ks))
            for k in range(first, last + 1):
                cue_kinds_at[k] = ks
    clause_id = [0] * n
    if cues:
        c = 0
        low = toks.low
        # verb_ahead[k]: a verb cue stands between token k and the next ";" or "." (one backward pass)
        verb_ahead = [True] * (n + 1)
        if ";" in low:
            starts_verb = [False] * n
            for first, _last, kinds in cues:
                if (kinds & VERB_CUES or kinds & {NEG, HYPO}) and not (kinds <= {INCLUDE} and low[first] in ("including", "incl")):
                    starts_verb[first] = True  # ("; more than 200 vehicles, including Mastiff": still the list)
            for k in range(n - 1, -1, -1):
                carried = k + 1 < n and low[k + 1] not in (";", ".") and verb_ahead[k + 1]
                verb_ahead[k] = starts_verb[k] or carried
        for k in range(n):
            if low[k] in CLAUSE_BREAK and not (low[k] == "while" and k > 0 and low[k - 1] in ("a", "for")):
                # "600 Brimstone missiles; dozens of Bulldog armoured vehicles; and ...": a ";" with no
                # verb before the next one continues a list, not a new clause
                if not (low[k] == ";" and not (k + 1 < n and verb_ahead[k + 1])):
                    c += 1
            clause_id[k] = c
    phrase = Phrase(toks.low, toks.raw, toks.space_before, matches if has_equipment else [])
    return Seg(segment, toks.low, toks.raw, toks.starts, toks.ends, toks.space_before, matches, cues,
               quantities, money, donor_at, cue_kinds_at, clause_id, phrase, covered, None, folded)


_EMPTY: frozenset = frozenset()


_OWN_FORCES_WORDS = frozenset("own bundeswehr army navy forces replace replacement replenish replenishment".split())


def _is_background_heading(text: str) -> bool:
    t = text.strip().rstrip(":").strip().lower()
    if t in _BACKGROUND_WORDS:
        return True
    first = t.split(" ", 1)[0]
    # "Previous Canadian military assistance:", "Past support", "Earlier packages"
    return first in ("previous", "previously", "past", "earlier", "prior") and len(t) < 80


def _verb_cues(seg: Seg) -> list[tuple[int, int, frozenset]]:
    return [c for c in seg.cues if c[2] & VERB_CUES]


def _governing_cue(seg: Seg, anchor: int, span_last: int) -> tuple[tuple[int, int, frozenset] | None, str]:
    """The verb cue that governs a phrase starting at `anchor`: nearest before it in the clause,
    else the nearest after it (passive: "will be provided")."""
    clause = seg.clause_id[anchor]
    before = None
    after = None
    for c in _verb_cues(seg):
        first, last, kinds = c
        if seg.clause_id[first] != clause:
            continue
        if last < anchor:
            if _participle(seg, first) or _reduced_relative(seg, first):
                continue  # "out of roughly 300 delivered", "the 31 Abrams tanks it promised": describes an earlier noun
            if before is not None and _closed_relative(seg, first, anchor):
                continue  # "... for the NASAMS that the United States was supplying, and three Sea Kings"
            if before is not None and kinds == {PROCURE} and _nominal_in_aside(seg, first, anchor, before[1]):
                continue  # "will finance, through direct procurement from Ukrainian industry, 18 howitzers"
            before = c
        elif first > span_last and after is None and kinds & {INCLUDE} and not kinds & {PLEDGE, RECEIVE}:
            after = False  # "valued at $400m and includes capabilities that ... counter air attacks": no verb past it
        elif first > span_last and after is None and PLEDGE in kinds and _object_relative(seg, span_last, first):
            after = c  # "two launchers for NASAMS, which Lithuania will hand over": the relative clause's object
        elif (first > span_last and after is None and kinds <= {OTHER_VERB} and first == span_last + 1
              and seg.low[first].endswith("ed") and first + 1 < len(seg.low) and seg.low[first + 1] in ("in", "by", "from", "at")):
            continue  # "AR3 surveillance drones manufactured in Portugal": describes the thing, governs nothing
        elif (first > span_last and after is None and not _in_aside(seg, span_last, first)
              and not any(t in ("that", "which", "who") for t in seg.low[span_last + 1 : first])
              and not (seg.segment.kind == ITEM and seg.low[span_last + 1 : span_last + 3] in ([",", "including"], [",", "incl"], [",", "with"], [",", "plus"],
                                                        ["including"], ["with"]))
              and not (kinds & {INCLUDE} and not kinds & {PLEDGE, RECEIVE})
              and (not kinds & {PLEDGE, RECEIVE} or _passive_group(seg, first))):
            after = c
    if before is not None:
        # "including" / "as well as" pass the decision to the verb before them.
        words = " ".join(seg.low[before[0] : before[1] + 1])
        if words in TRANSPARENT and not (before[0] >= 2 and seg.low[before[0] - 1] == "which" and seg.low[before[0] - 2] == ","):
            earlier = None
            for c in _verb_cues(seg):
                if c[1] < before[0] and seg.clause_id[c[0]] == clause:
                    earlier = c
            if earlier is not None:
                return earlier, "before"
        return before, "before"
    if after:
        return after, "after"
    return None, ""


_PROCURE_NOUNS = frozenset("procurement acquisition purchase purchases order orders contract contracts".split())


def _many_packages_before(seg: Seg, first: int) -> bool:
    """"fourteen support packages", "all 21 packages", "its packages so far" counted before the money
    in its clause: the money is their sum."""
    clause = seg.clause_id[first]
    low = seg.low
    for k in range(first - 1, max(-1, first - 14), -1):
        if seg.clause_id[k] != clause:
            break
        if low[k] in ("packages", "tranches", "donations"):
            if any(t in ("new", "additional", "further") for t in low[max(0, k - 4) : k]):
                return False  # "announcing two new packages: a PDA package valued at ..."
            return any(t in ("all", "several", "previous", "earlier", "many") or (t in UNITS and UNITS[t] > 1)
                       or (t.isdigit() and len(t) <= 3 and int(t) > 1) for t in low[max(0, k - 4) : k])
    return False


def _object_relative(seg: Seg, span_last: int, verb: int) -> bool:
    """", which Lithuania will hand over" right after the object: a relative clause with a donor
    subject of its own, whose verb's object is the thing before it."""
    low = seg.low
    k = span_last + 1
    if k + 2 >= verb or low[k] != "," or low[k + 1] != "which":
        return False
    subj = k + 2
    if seg.donor_at[subj] is None and low[subj] not in ("we", "it", "they"):
        return False
    rest = low[(seg.donor_at[subj][2] if seg.donor_at[subj] is not None else subj) :verb]
    j = subj
    while j < verb and (seg.donor_at[j] is not None or low[j] in ("we", "it", "they")):
        j += 1
    return all(t in AUXILIARIES or t in ("also", "now", "soon", "then") for t in low[j:verb]) and bool(rest)


def _nominal_in_aside(seg: Seg, first: int, anchor: int, verb_last: int) -> bool:
    """A procurement noun inside a comma-closed adverbial between the verb and its object:
    "will finance, through the Danish model for direct procurement from industry, 18 howitzers"."""
    if seg.low[first] not in _PROCURE_NOUNS:
        return False
    k = first - 1
    while k > verb_last and seg.low[k] not in (",", "through", "via", "by", "under", "with", "for"):
        k -= 1
    if k <= verb_last or seg.low[k] == ",":
        return False
    return "," in seg.low[first + 1 : anchor] and "," in seg.low[verb_last + 1 : k]


def _closed_relative(seg: Seg, first: int, anchor: int) -> bool:
    """The cue at `first` is the verb of a relative clause ("that the United States was supplying")
    that a comma closes before `anchor`: it describes an earlier noun, not what follows."""
    low = seg.low
    if "," not in low[first + 1 : anchor]:
        return False
    for k in range(first - 1, max(-1, first - 6), -1):
        if low[k] in (",", ";"):
            return False
        if low[k] in ("that", "which", "whom"):
            return not (low[k] == "that" and k > 0 and low[k - 1] in ("so", "such", "now", "given", "in", "except"))
    return False


def _aside_mask(seg: Seg) -> list[bool]:
    """Tokens inside ", which ... ," / ", who ... ," asides."""
    mask = [False] * len(seg.low)
    inside = False
    for k, t in enumerate(seg.low):
        if t == "," and k + 1 < len(seg.low) and seg.low[k + 1] in ("which", "who", "whose"):
            inside = True
        elif t == "," and inside:
            inside = False
        mask[k] = inside
    return mask


def _bracket_mask(seg: Seg) -> list[bool]:
    """Tokens inside round brackets."""
    mask = [False] * len(seg.low)
    depth = 0
    for k, t in enumerate(seg.low):
        if t == "(":
            depth += 1
        elif t == ")" and depth:
            depth -= 1
        mask[k] = depth > 0
    return mask


def _passive_group(seg: Seg, first: int) -> bool:
    """A pledge verb after its object governs it only in the passive: "will be provided", "to be sent"."""
    return any(seg.low[k] in ("be", "been", "being", "is", "are", "was", "were", "to")
               for k in range(max(0, first - 3), first))


def _in_aside(seg: Seg, frm: int, at: int) -> bool:
    """Token `at` sits in a ", which ... ," aside that starts after token `frm`."""
    for k in range(frm + 1, at):
        if seg.low[k] == "," and k + 1 < len(seg.low) and seg.low[k + 1] in ("which", "who", "whose"):
            return not any(seg.low[q] == "," for q in range(k + 2, at))
    return False


def _reduced_relative(seg: Seg, first: int) -> bool:
    k = first - 1
    while k >= 0 and seg.low[k] in ("had", "has", "have", "had", "already", "previously"):
        k -= 1
    if k < 1 or seg.low[k] not in ("it", "they", "we", "he", "she"):
        return False
    prev = k - 1
    m = seg.phrase.match_at[prev]
    return (m is not None and m.entry.kind in ("system", "generic")) or seg.phrase.is_head(prev)


def _participle(seg: Seg, first: int) -> bool:
    """A verb form right after a number or an equipment noun modifies that noun."""
    if first == 0:
        return False
    prev = first - 1
    if seg.low[prev][:1].isdigit():
        return True
    m = seg.phrase.match_at[prev]
    if m is not None and m.entry.kind in ("system", "generic"):
        return True
    return seg.phrase.is_head(prev)


def _aside_open(seg: Seg, close: int) -> int:
    """The opening comma of a short inserted phrase that ends at the comma `close` and follows an
    auxiliary or a negation ("will not, at this stage, donate"; "has, for now, no plans to"), else -1."""
    for p in range(close - 1, max(0, close - 8) - 1, -1):
        t = seg.low[p]
        if t in (".", ";", ":") or seg.donor_at[p] is not None:
            return -1
        if t == ",":
            before = seg.low[p - 1] if p > 0 else ""
            return p if p > 0 and (before in AUXILIARIES or before in ("not", "never", "t", "no")) else -1
    return -1


def _window_kinds(seg: Seg, first: int, back: int = 5) -> list[tuple[int, frozenset]]:
    """Cue kinds in the few tokens before a verb (auxiliaries, negation, modals)."""
    out = []
    k = first - 1
    while k >= 0 and k >= first - back:
        if seg.low[k] == ",":
            p = _aside_open(seg, k)
            if p > 0:
                back += k - p + 1  # "will not, at this stage, donate": look past the inserted phrase
                k = p - 1
                continue
        if seg.low[k] in (",", ".", ":", ";") or seg.phrase.match_at[k] is not None and seg.phrase.match_at[k].entry.kind in ("system", "generic"):
            break
        out.append((k, seg.cue_kinds_at[k]))
        k -= 1
    return out


_SAY_VERBS = frozenset("announce confirm say tell report reveal inform".split())


def _negated(seg: Seg, first: int) -> str:
    """'not' / 'never' / modals / refusals just before the verb."""
    for k, kinds in _window_kinds(seg, first, back=7):
        tok = seg.low[k]
        if NEG in kinds:
            if tok == "not" and k + 1 < len(seg.low) and seg.low[k + 1] == "only":
                continue
            if tok == "no" and k + 1 < len(seg.low) and seg.low[k + 1] in ("longer",):
                return "neg"
            return "neg"
        if tok == "t" and k > 0 and seg.low[k - 1] == "'":
            return "neg"  # won't, don't, isn't
        if HYPO in kinds:
            if tok == "can" and (seg.low[first] in _SAY_VERBS or (k + 1 < len(seg.low) and seg.low[k + 1] in _SAY_VERBS)):
                continue  # "I can announce that the Netherlands will send ...": the news, not a possibility
            if tok in ("proposal", "proposed") and any(t in _ADOPTED for t in seg.low[max(0, k - 3) : k]):
                continue  # "the Government approved a proposal ... to provide": the proposal is now a decision
            return "hypo"
        if REQUEST in kinds:
            return "request"
    return ""


def _previous_verb_blocks(seg: Seg, gov: tuple[int, int, frozenset]) -> str:
    """"asked Germany to send", "refused to send", "is considering sending"."""
    first = gov[0]
    clause = seg.clause_id[first]
    stop = first
    for k in range(first - 1, max(-1, first - 21), -1):
        if seg.low[k] in (",", ";", ":") or seg.clause_id[k] != clause:
            break
        if seg.donor_at[k] is not None and k + 1 < len(seg.low) and seg.low[k + 1] in _NEW_CLAUSE_AUX:
            break  # "... and Germany will send": a new subject and verb
        stop = k
    for c in reversed(seg.cues):
        if c[1] >= first:
            continue
        if c[0] < stop:
            break
        kinds = c[2]
        if (REQUEST in kinds and c[1] + 2 < len(seg.low) and seg.low[c[1] + 1] == "to"
                and seg.low[c[1] + 2] in _COURTESY_VERBS):
            continue  # "I want to thank him for the package he set out": a courtesy, not a request
        if REQUEST in kinds or PERMIT in kinds:
            return "request"
        if HYPO in kinds and seg.low[c[0]] in ("proposal", "proposed") and any(
                t in _ADOPTED for t in seg.low[max(0, c[0] - 3) : c[0]]):
            continue  # "the Government approved a proposal ... to provide": the proposal is now a decision
        if HYPO in kinds and seg.low[c[0]] not in ("can",):
            return "hypo"
        if NEG in kinds and seg.low[c[0]] not in ("not", "no"):
            return "neg"
    return ""


_ADOPTED = frozenset("approved approves approve adopted adopts accepted accepts endorsed endorses backed".split())
_COURTESY_VERBS = frozenset(
    "thank welcome acknowledge recognise recognize commend congratulate salute pay praise highlight mention".split())
_NEW_CLAUSE_AUX = frozenset("will would has have had is are was were shall can could may might must".split())


def _clause_has(seg: Seg, clause: int, kind: str) -> int:
    for first, last, kinds in seg.cues:
        if kind in kinds and seg.clause_id[first] == clause:
            return first
    return -1


def _conditional(seg: Seg, clause: int, gov_first: int = 0) -> bool:
    if seg.aside is None:
        seg.aside = _aside_mask(seg)
    aside = seg.aside
    for k, tok in enumerate(seg.low):
        if seg.clause_id[k] != clause or aside[k]:
            continue
        if tok in _PERMISSION_WORDS and k > gov_first and _permission_pending(seg, k):
            return True  # "once the necessary permission to re-export them has been granted"
        if tok in ("if", "unless", "whether"):
            if k > 0 and seg.low[k - 1] in ("even", "as"):
                continue
            return True
    return False


def _other_recipient(seg: Seg, gov, span_last: int) -> bool:
    """"ship Patriot interceptors to the US", "lend the United States 500,000 rounds": not for Ukraine."""
    low = seg.low
    n = len(low)
    clause = seg.clause_id[gov[0]]
    k = gov[1] + 1
    if k < n and low[k] == "the":
        k += 1
    if k < n and seg.donor_at[k] is not None and seg.donor_at[k][1] == "donor" and _standalone_name(seg, k):
        return True  # indirect object right after the verb
    end = min(n, max(span_last, gov[1]) + 12)
    for k in range(max(span_last, gov[1]) + 1, end):
        if seg.clause_id[k] != clause:
            break
        if low[k] in ("to", "for"):
            q = k + 1
            if q < n and low[q] == "the":
                q += 1
            if q < n and RECIPIENT in seg.cue_kinds_at[q]:
                return False
            if q < n and seg.donor_at[q] is not None and seg.donor_at[q][1] == "donor" and _standalone_name(seg, q):
                return True
            if low[k] == "to" and q < n and (low[q] in _OTHER_RECIPIENT_FIRST or "training" in low[q : q + 7]) and \
                    _OTHER_RECIPIENT_RE.match(" ".join(low[q : q + 8])):
                return True  # "$682 million in FMF to our European allies", "to the European F-16 training centre"
    return False


# A journalist's question in a transcript: "QUESTION:", "Q:", "Question (Reuters):", "REPORTER:".
_QUESTION_RE = re.compile(r"(?:QUESTION|Question|Q|REPORTER|Reporter|JOURNALIST|Journalist)\b[^:\n]{0,40}:|To ask (?:the|His|Her)\b")


_OTHER_RECIPIENT_FIRST = frozenset("our its their european nato other allies partners partner member".split())
_OTHER_RECIPIENT_RE = re.compile(r"(?:our |its |their )?(?:european |nato |other )?(?:allies|partners|partner countries|"
                                  r"member states)\b|(?:[a-z0-9-]+ ){0,5}training (?:centre|center)\b")


def _not_to_ukraine(seg: Seg) -> bool:
    low = seg.low
    for k in range(len(low) - 2):
        if low[k] == "not" and low[k + 1] in ("to", "for") and RECIPIENT in seg.cue_kinds_at[k + 2]:
            return True
    return False


def _standalone_name(seg: Seg, k: int) -> bool:
    """A donor name used as a noun, not as a modifier ("the U.S.-German effort", "US stocks")."""
    d = seg.donor_at[k]
    last = k
    while last + 1 < len(seg.low) and seg.donor_at[last + 1] is not None and seg.donor_at[last + 1][2] == d[2]:
        last += 1
    nxt = last + 1
    while nxt < len(seg.low) and seg.low[nxt] == ".":
        nxt += 1
    if nxt >= len(seg.low):
        return True
    t = seg.low[nxt]
    if t in ("trust", "fund", "comprehensive", "mission", "initiative") or (t == "-" and nxt + 1 < len(seg.low) and seg.low[nxt + 1] == "led"):
        return False  # "the NATO Trust Fund for Ukraine", "the NATO Comprehensive Assistance Package": a fund, not a country
    if t in _NUMBER_WORDS or t in ("twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousands", "dozens"):
        return True  # "offered Slovakia twelve new helicopters": the name, then a count
    if (t == "-" and not seg.space[nxt]) or t == "'" or (t.isalpha() and seg.raw[nxt].islower() and t not in ("and", "or", "in", "on", "for", "by", "as", "with", "from", "to", "after", "before", "under", "this", "next", "last", "which", "who", "that", "but", "while")):
        return False
    return True


_ORDINALS = frozenset(
    """second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth
    fiftieth th st nd rd""".split()
)


def _superlative_before(seg: Seg, at: int) -> bool:
    """"its largest package so far": "so far" qualifies the superlative, not a running total;
    likewise an ordinal ("the twenty-fifth drawdown ... since August 2021")."""
    for k in range(max(0, at - 20), at):
        t = seg.low[k]
        if k >= at - 10 and (t in ("largest", "biggest", "most", "first", "single", "greatest") or (t.endswith("est") and len(t) > 5)):
            return True
        if t in _ORDINALS and (t not in ("th", "st", "nd", "rd") or (k > 0 and seg.low[k - 1].isdigit())) and (
                k >= at - 10 or any(u in _PACKAGE_NOUNS for u in seg.low[k + 1 : k + 3])):
            return True  # a counted package may stand far from its "since": "the thirtieth drawdown ... since 2021"
    return False


def _delivered_in_past(seg: Seg, gov) -> bool:
    """"has delivered", "sent", "were handed over": history, unless made future ("will be delivered")."""
    word = seg.low[gov[0]]
    if word not in DELIVERY_PAST or (INCLUDE in gov[2] and PLEDGE not in gov[2]):
        return False  # "made up of" lists content; "made available" delivers
    if word == "made" and not (gov[1] > gov[0]):
        return False
    for k in range(gov[0] - 1, max(-1, gov[0] - 5), -1):
        t = seg.low[k]
        if t in NOT_PAST:
            return False
        if t in (",", ";", ":") or seg.phrase.match_at[k] is not None:
            break
    return True


_NEWS_OBJECT = frozenset("another further additional more new fresh latest next extra".split())
_NEWS_TIME = frozenset("today yesterday tonight monday tuesday wednesday thursday friday saturday sunday recently".split())


def _told_as_todays_news(seg: Seg) -> bool:
    """"This morning, the first four Leopard tanks were handed over": the day's event, not a schedule."""
    low = seg.low
    return any(t in _NEWS_TIME or (t == "this" and k + 1 < len(low) and low[k + 1] in ("week", "morning", "afternoon", "evening"))
               for k, t in enumerate(low))


def _news_delivery(seg: Seg, gov, anchor: int, side: str) -> bool:
    """A past delivery told as this report's news: "another", "a further", "four more" next to
    the object, or "today" / "on Tuesday" / "this week" in the clause."""
    low = seg.low
    clause = seg.clause_id[gov[0]]
    if side == "before":
        window = range(gov[1] + 1, min(len(low), anchor + 3))
    else:
        window = range(max(0, anchor - 4), min(len(low), anchor + 3))
    for k in window:
        if low[k] in ("that", "which", ";") and k > gov[1]:
            break  # "had delivered three Patriots, and that more IRIS-T would follow": another clause's object
        if (low[k] in _NEWS_OBJECT and seg.raw[k][:1].islower()  # not "Next generation", "New Zealand"
                and not (low[k] == "more" and k + 1 < len(low) and low[k + 1] == "than")):
            return True
    for k, t in enumerate(low):
        if seg.clause_id[k] != clause:
            continue
        if t in ("which", "who", "that", "—", "–") or (k > gov[1] and t in (",", ";")):
            break  # "..., which today protect Ukrainian cities", "..., and all are in service today": not the delivery's time
        if t in _NEWS_TIME or (t == "this" and k + 1 < len(low) and low[k + 1] in ("week", "morning", "afternoon", "evening")):
            return True
    return False


def _package_before_which(seg: Seg, first: int) -> int:
    """Index of the package noun that ", which <verb>" at `first` describes, or -1."""
    k = first - 1
    while k >= 0 and seg.low[k] != "which":
        k -= 1
    if k < 1 or seg.low[k - 1] != ",":
        return -1
    for j in range(k - 2, max(-1, k - 10), -1):
        if seg.low[j] in _PACKAGE_NOUNS or seg.low[j] in ("contribution", "donation", "donations", "contributions"):
            return j
        if seg.low[j] in (",", ";"):
            break
    return -1


_PROMISE_NOUNS = frozenset("promise promises goal goals target targets aim ambition objective objectives".split())


def _nominal_promise(seg: Seg, first: int) -> bool:
    """"its promise to deliver", "the goal of supplying": a promise talked about, not made here."""
    k = first - 1
    if k < 1 or seg.low[k] not in ("to", "of"):
        return False
    j = k - 1
    # a date between the noun and its verb: "a target in March 2023 of supplying"
    while j > 0 and k - j <= 4 and (seg.low[j] in _MONTHS or seg.low[j] in ("in", "last", "year", ",")
                                    or seg.low[j].isdigit()):
        j -= 1
    return seg.low[j] in _PROMISE_NOUNS


_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_PAST_VERBS = frozenset("agreed announced promised pledged decided committed said told confirmed unveiled approved authorized authorised".split())


_MONTH_ABBR = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_LAST_UNITS = frozenset("week month year summer autumn fall winter spring weekend".split())
_AGO_UNITS = frozenset("day days week weeks month months year years".split())
_NOT_DATE_BEFORE = frozenset("since until till before after by from delivery deliveries arrive expected due".split())
_IRREGULAR_PAST = frozenset("said sent gave lent made paid took".split())


def _month_at(seg: Seg, k: int) -> bool:
    t = seg.low[k]
    return seg.raw[k][:1].isupper() and (t in _MONTHS or t in _MONTH_ABBR)


def _day_number(seg: Seg, k: int) -> bool:
    return 0 <= k < len(seg.low) and seg.low[k].isdigit() and len(seg.low[k]) <= 2


def _past_date_at(seg: Seg, k: int) -> int:
    """Last token of a day- or month-level date for the past starting at k ("on Jan. 6", "on 6
    January", "in December", "last week", "earlier this month", "two months ago"), or -1.
    Weekdays ("on Thursday"), "today" and "this morning" are the report's own news: not matched."""
    low, n = seg.low, len(seg.low)
    t = low[k]
    if t == "on" and k + 2 < n:
        if _day_number(seg, k + 1) and _month_at(seg, k + 2) and low[k + 2] != "may" or (
                _day_number(seg, k + 1) and low[k + 2] == "may" and seg.raw[k + 2] == "May"):
            return k + 2
        if _month_at(seg, k + 1):
            j = k + 3 if k + 2 < n and low[k + 2] == "." else k + 2
            if _day_number(seg, j):
                return j
        return -1
    if t == "in" and k + 1 < n and low[k + 1] in _MONTHS and seg.raw[k + 1][:1].isupper():
        return k + 1
    if t == "last" and k + 1 < n and low[k + 1] in _LAST_UNITS:
        return k + 1
    if t == "earlier" and k + 2 < n and low[k + 1] in ("this", "last") and low[k + 2] in _LAST_UNITS:
        return k + 2
    if t in ("beginning", "start", "end") and k + 3 < n and low[k + 1] == "of" and low[k + 2] in ("this", "last") and low[k + 3] in ("month", "year"):
        return k + 3
    if t == "ago" and k >= 2 and low[k - 1] in _AGO_UNITS:
        return k
    if (t in ("in", "during") and (k == 0 or low[k - 1] in (",", ";", "and", "but")) and k + 1 < n and len(low[k + 1]) == 4
            and low[k + 1][:2] in ("19", "20") and low[k + 1].isdigit() and (k + 2 >= n or low[k + 2] in (",", "the", "we", "it", "they"))):
        return k + 1  # "In 2022 the United Kingdom committed £2.3 billion": a year gone by, opening the clause
    return -1


# A sentence that goes on to list the package of the sentence before it.
_CONTENT_FOLLOWS_RE = re.compile(
    r"(?:that|the|this|its|the new) (?:package|drawdown|tranche)[^.]{0,40}?\b(?:includes?|contains?|consists? of|comprises?)\b",
    re.IGNORECASE)


def _package_with_content(seg: Seg) -> bool:
    """A package noun followed by what it includes: the report describes that package."""
    pkg = next((k for k, t in enumerate(seg.low) if t in _PACKAGE_NOUNS), -1)
    return pkg >= 0 and (any(INCLUDE in c[2] and c[0] > pkg for c in seg.cues)
                         or any(_CONTENT_FOLLOWS_RE.match(seg.folded, at) is not None for at in seg.next_starts))


def _past_form(seg: Seg, k: int) -> bool:
    t = seg.low[k]
    if t in _PAST_VERBS or t in _IRREGULAR_PAST or (t.endswith("ed") and PLEDGE in seg.cue_kinds_at[k]):
        return not any((seg.low[j] in NOT_PAST and seg.raw[j] != "May") or seg.low[j] in ("be", "been", "is", "are")
                       for j in range(max(0, k - 3), k))  # "In May we announced": the month, not the modal
    return False


def _dated_past(seg: Seg, gov) -> bool:
    """"Washington promised 50 Bradleys on Jan. 6", "In January, we agreed to deliver ...", "Germany
    said last week it would send ...": a past promise with its date is background to the news,
    while "pledged on Thursday" / "announced today" is the news itself."""
    low = seg.low
    clause = seg.clause_id[gov[0]]
    if seg.aside is None:
        seg.aside = _aside_mask(seg)
    past_at = gov[0] if _past_form(seg, gov[0]) else -1
    if past_at < 0:
        # "agreed with the United States to deliver", "said it would send": the past verb the
        # governing verb depends on
        for k in range(gov[0] - 1, max(-1, gov[0] - 9), -1):
            if low[k] in (",", ";", ":") or seg.clause_id[k] != clause:
                break
            if _past_form(seg, k):
                past_at = k
                break
            if seg.cue_kinds_at[k] & VERB_CUES:
                break
    if past_at < 0 or _package_with_content(seg):
        return False  # "Last week, Biden announced an $800m package that includes 72 howitzers": reported with its content
    k = 0
    n = len(low)
    while k < n:
        if seg.clause_id[k] != clause or seg.aside[k]:
            k += 1
            continue
        end = _past_date_at(seg, k)
        if end < 0:
            k += 1
            continue
        if any(t in _NOT_DATE_BEFORE for t in low[max(0, k - 3) : k]):
            k = end + 1
            continue  # "since the invasion on 24 February", "for delivery in December"
        if k < gov[0]:
            return True  # "On Jan. 6, Washington promised", "said last week it would send"
        if k > gov[1] and past_at == gov[0] and not any(
                seg.cue_kinds_at[j] & VERB_CUES for j in range(gov[1] + 1, k)):
            return True  # "promised 50 Bradleys on Jan. 6", not "pledged 40 Marders, to be delivered in May"
        k = end + 1
    return False


def _relative_aside(seg: Seg, first: int) -> bool:
    """", which gave Ukraine its MiG-29s,": a pledge mentioned in passing about an earlier act."""
    clause = seg.clause_id[first]
    for k in range(first - 1, max(-1, first - 14), -1):
        if seg.clause_id[k] != clause or seg.low[k] in (",", ";"):
            return False
        if seg.low[k] in ("which", "who") and k > 0 and seg.low[k - 1] == ",":
            return True  # (also "Germany, which announced on 25 January that it would provide ...,")
    return False


_PERMISSION_WORDS = frozenset(
    "permission permissions approval approvals consent authorisation authorization authorisations authorizations "
    "clearance licence license".split()
)
_PENDING = frozenset("once until pending subject when after unless without awaiting".split())


def _permission_pending(seg: Seg, k: int) -> bool:
    """"once the necessary approvals have been granted", "pending permission": a condition, not
    "the authorization of a Presidential Drawdown" (the act itself)."""
    if any(t in _PENDING for t in seg.low[max(0, k - 4) : k]):
        return True
    return any(t in ("granted", "given", "obtained", "received", "issued") for t in seg.low[k + 1 : k + 8])


def _perfect_before(seg: Seg, first: int) -> bool:
    return any(seg.low[k] in PERFECT_AUX for k in range(max(0, first - 4), first))


_WELCOMING = frozenset("welcomed welcomes welcome welcoming applauded applauds commended commends praised praises".split())
_ANNOUNCEMENT_NOUNS = frozenset("announcement announcements decision decisions readiness commitment commitments pledge "
                                "pledges intention intentions offer offers".split())
def _seller(seg: Seg, donor: Donor) -> bool:
    """The donor is named as where something is bought: "from the United States"."""
    for k, d in enumerate(seg.donor_at):
        if d is not None and d[0] is donor and d[2] == k:
            return k >= 1 and (seg.low[k - 1] == "from" or (k >= 2 and seg.low[k - 2 : k] == ["from", "the"]))
    return False


_REPORTING = frozenset("said says announced indicated stated signalled signaled".split())


def _reported_before(seg: Seg, first: int) -> bool:
    """"... has said that it would send": a pledge reported, not made here."""
    before = seg.low[max(0, first - 7) : first]
    return any(t in _REPORTING for t in before) and any(t in ("would", "will") for t in before[-3:])


_BUY_FOR_UKRAINE = frozenset(
    "buy buys bought buying purchase purchases purchased purchasing procure procures procured procuring "
    "order orders ordered ordering acquire acquires acquired acquiring".split()
)


def _recipient_after(seg: Seg, first: int) -> bool:
    """"buy ... for Ukraine": procurement on Ukraine's behalf is a pledge."""
    clause = seg.clause_id[first]
    for k in range(first + 1, min(len(seg.low), first + 32)):
        if seg.clause_id[k] != clause:
            break
        if seg.low[k] == "for" and k + 1 < len(seg.low):
            if RECIPIENT in seg.cue_kinds_at[k + 1] or (k + 2 < len(seg.low) and RECIPIENT in seg.cue_kinds_at[k + 2]):
                return True
        if seg.low[k] == "behalf" and k + 2 < len(seg.low) and seg.low[k + 1] == "of" and RECIPIENT in seg.cue_kinds_at[k + 2]:
            return True  # "ordered ... on behalf of Ukraine"
    return False


def _trigger_words(seg: Seg, gov) -> str:
    return " ".join(seg.raw[k] for k in range(gov[0], gov[1] + 1) if seg.raw[k] not in ("-",))


def _pledge_status(seg: Seg, anchor: int, span_last: int, lst: ListState) -> tuple[str, str, tuple | None, str]:
    """Decide whether the phrase at `anchor` is pledged.

    Returns (status, reason, governing cue, side) where status is "pledge", "weak" or a
    rejection word (no-trigger, attack, request, procure, other, neg, hypo, total, background).
    """
    clause = seg.clause_id[anchor]
    gov, side = _governing_cue(seg, anchor, span_last)
    if (gov is not None and side == "before" and gov[2] & {OTHER_VERB, PROCURE} and not gov[2] & POSITIVE
            and gov[0] >= 2 and seg.low[gov[0] - 1] == "the" and gov[1] + 1 < len(seg.low) and seg.low[gov[1] + 1] == "of"):
        payer = next((c for c in seg.cues if c[1] == gov[0] - 2 and PLEDGE in c[2]
                      and seg.low[c[1]] in ("finance", "finances", "financed", "financing", "fund", "funds", "funded")), None)
        if payer is not None:
            gov = payer  # "Denmark will finance the production of 18 Bohdana howitzers": the financing pledges them
    if (gov is not None and (side == "after" or gov[0] > anchor) and seg.segment.kind == ITEM and lst.positive and not lst.negative
            and gov[2] & {OTHER_VERB, PROCURE, REQUEST} and not gov[2] & POSITIVE):
        # "CV90, new production, delivery in 2026", "missiles for the Aspide systems already in
        # service with the Ukrainian Air Force": a remark on a listed item
        gov, side = None, ""
    if seg.segment.kind == ITEM and _ticked(seg):
        return "background", "list:ticked as delivered", gov, side  # "✓  CAESAR howitzers .... 30 from Army stocks"
    if gov is None:
        if seg.segment.kind == ITEM and (lst.negative or not lst.positive) and _flagged_new(seg):
            return "pledge", "list:marked new", None, ""  # "M1A1 Abrams main battle tanks .... 49   NEW", "► NEW  SCALP-EG"
        if seg.segment.kind == ITEM and lst.positive and not lst.negative:
            if _done_remark(seg, span_last):
                return "background", "cue:done before", None, ""  # "EUR 35 million, transferred in full in April 2024"
            if any(BACKGROUND in c[2] and c[0] < anchor for c in seg.cues):
                return "background", "cue:background", None, ""  # "... vehicles donated in earlier packages (CV90, Strv 122)"
            return "pledge", "list:" + lst.lead[:40], None, ""
        pkg = _clause_has(seg, clause, PACKAGE)
        if (pkg >= 0 and seg.segment.kind in (ITEM, LEAD, HEADING) and seg.low[pkg] not in _THING_WORDS
                and not (seg.segment.kind == ITEM and lst.negative)):
            return "weak", "trigger:package", None, ""
        return "no-trigger", "", None, ""
    kinds = gov[2]
    word = _trigger_words(seg, gov)
    if (seg.segment.kind == ITEM and not (lst.positive and not lst.negative) and not _flagged_new(seg)
            and " ".join(seg.low[gov[0] : gov[1] + 1]) in TRANSPARENT):
        # "Anti-armour weapons, including M72": "including" names parts; whether they are pledged is the list's to say
        return "no-trigger", "list:" + lst.lead[:40], gov, side
    if seg.segment.kind == ITEM and lst.negative and not lst.positive and side == "after" and not _flagged_new(seg):
        return "background", "list:" + lst.lead[:40], gov, side  # "NASAMS (1), purchased from the US" under "Provided to date:"
    if (PROCURE in kinds and seg.low[gov[0]] in _BUY_FOR_UKRAINE and _recipient_after(seg, gov[0])
            and not any(t in ("bundeswehr", "own") for t in seg.low)):
        kinds = frozenset({PLEDGE})
    if PROCURE in kinds and any(t == "usai" for t in seg.low) and not any(t in ("bundeswehr", "own") for t in seg.low):
        kinds = frozenset({PLEDGE})  # "Under this USAI package, the Department will put on contract:": bought for Ukraine
    if PROCURE in kinds and _money_buys(seg, gov[0]) and not any(t in ("bundeswehr", "own") for t in seg.low):
        kinds = frozenset({PLEDGE})  # "EUR 150 million for the procurement of PAC-3 interceptors": paid for Ukraine
    if PERMIT in kinds and (any(seg.low[k] in _PACKAGE_WORDS or seg.low[k] == "drawdown" for k in range(gov[1] + 1, min(len(seg.low), gov[1] + 11)))
                            or any(seg.low[k] == "drawdown" for k in range(max(0, gov[0] - 12), gov[0]))):
        kinds = frozenset({PLEDGE})  # "the Administration authorized an 11th Presidential Drawdown"
    if kinds is not gov[2]:
        gov = (gov[0], gov[1], kinds)
    for bad in (ATTACK, REQUEST, PROCURE, OTHER_VERB, PERMIT):
        if bad in kinds and not (kinds & POSITIVE):
            return bad, "cue:" + word, gov, side
    if not (kinds & POSITIVE):
        return "no-trigger", "", gov, side
    why = _negated(seg, gov[0]) or _previous_verb_blocks(seg, gov)
    if why:
        return why, "cue:" + word, gov, side
    if gov[0] > 0 and seg.low[gov[0] - 1] == "any":
        return "hypo", "cue:any", gov, side  # "any transfer of Gripen would be considered only after ..."
    if not _WELCOMING.isdisjoint(seg.low) and any(
            seg.low[k] in _WELCOMING and seg.clause_id[k] == clause for k in range(max(0, gov[0] - 24), gov[0])) and any(
            seg.low[k] in _ANNOUNCEMENT_NOUNS for k in range(max(0, gov[0] - 24), gov[0])):
        return "background", "cue:welcomed", gov, side  # "The ministers welcomed the UK's announcement that it would send ..."
    for k in range(gov[0] - 1, max(-1, gov[0] - 7), -1):
        if seg.low[k] in (",", ";", ":") or seg.clause_id[k] != clause:
            break
        if seg.low[k] == "after" and k + 1 < gov[0] and seg.low[k + 1] not in ("receiving", "having"):
            # "The announcements come a week after Washington unveiled a $200 million package": the earlier event
            return "background", "cue:after", gov, side
    if (side == "before" and gov[1] + 1 < len(seg.low) and seg.low[gov[1] + 1] == "of"
            and any(HYPO in c[2] and c[0] > span_last and seg.clause_id[c[0]] == clause for c in seg.cues)):
        return "hypo", "cue:nominal hypothetical", gov, side  # "A transfer of Gripen may be considered later."
    if side == "before" and any(seg.low[k] == "so" and seg.low[k + 1] == "that" for k in range(gov[1] + 1, anchor - 1)):
        return "other", "cue:so that", gov, side  # "two Patriot launchers ..., so that Ukraine can form a battery"
    if INCLUDE in kinds and _perfect_before(seg, gov[0]):
        return "background", "cue:have included", gov, side
    if _relative_aside(seg, gov[0]) and not (side == "after" and _object_relative(seg, span_last, gov[0])):
        pkg = _package_before_which(seg, gov[0]) if INCLUDE in kinds else -1
        if pkg >= 0:
            # "a new package worth €1.1 billion, which includes 36 howitzers": the content has the
            # package's status ("the package presented in January, which included ..." is history).
            status = _pledge_status(seg, pkg, pkg, lst)
            if status[0] in ("pledge", "weak"):
                return status[0], "trigger:" + word, gov, side
            if status[0] == "no-trigger" and any(seg.low[k] in _NEW_MONEY for k in range(max(0, pkg - 4), pkg)):
                return "pledge", "trigger:new " + seg.low[pkg], gov, side  # "... of a new contribution, which is made up of"
        return "background", "cue:which", gov, side
    if RECEIVE in kinds and gov[0] > 0 and seg.low[gov[0] - 1] in ("after", "since", "before", "having", "upon"):
        return "background", "cue:after receiving", gov, side  # "... after receiving 14 tanks from Germany"
    if _nominal_promise(seg, gov[0]):
        return "other", "cue:promise to", gov, side
    if side == "after" and _scheduled_known(seg, gov, anchor):
        return "background", "cue:schedule", gov, side  # "the RCH 155 will be delivered in 2025": when, not what
    before = seg.low[max(0, gov[0] - 6) : gov[0]]
    if "what" in before and "done" in before and before[-1] in ("is", "was", "to"):
        return "background", "cue:what we have done", gov, side  # "What we have done is provide the Bushmasters"
    if _delivery_noun_before(seg, anchor):
        return "background", "cue:delivery of", gov, side  # "welcomed the forthcoming delivery of the second SAMP/T"
    if _dated_past(seg, gov) and not (seg.segment.kind == ITEM and lst.positive and _first_word_of(lst.lead) in ("new", "latest")):
        return "background", "cue:past date", gov, side  # (under "NEW THIS WEEK" a dated announcement is the news)
    if _other_recipient(seg, gov, span_last):
        return "other-recipient", "cue:to another country", gov, side
    if _not_to_ukraine(seg):
        return "neg", "cue:not to Ukraine", gov, side
    if gov[0] >= 2 and seg.low[gov[0] - 1] == "to" and seg.low[gov[0] - 2] in ("effort", "efforts", "bid", "push", "drive"):
        return "other", "cue:effort to", gov, side  # "the U.S.-German effort to provide a Patriot battery"
    if _conditional(seg, clause, gov[0]):
        return "hypo", "cue:if", gov, side
    for first, last, kinds in seg.cues:
        if TOTAL not in kinds or seg.clause_id[first] != clause or _superlative_before(seg, first):
            continue
        if first > span_last and any(seg.low[k] == "," for k in range(span_last + 1, first)):
            if seg.low[first] not in ("bringing", "brings", "taking", "takes", "raising", "raises", "bring", "brought"):
                continue  # ", the first time Sweden had sent weapons ... since 1939": an aside, not a running total
            if any(qq.first > first for qq in seg.quantities) and any(
                    anchor <= qq.first <= span_last and qq.value is not None for qq in seg.quantities):
                continue  # "will send 24 more F-16s, bringing the total to 42": the 24 are new, the 42 the total
        return "total", "cue:total", gov, side
    if _clause_has(seg, clause, TOTAL_SOFT) >= 0 and _perfect_before(seg, gov[0]):
        return "total", "cue:total", gov, side
    bg = _clause_has(seg, clause, BACKGROUND)
    if 0 <= bg < gov[0]:
        if seg.aside is None:
            seg.aside = _aside_mask(seg)
        if seg.aside[bg] and not seg.aside[gov[0]]:
            # "Germany, which has already delivered two Patriot systems, is providing a third": the
            # aside's history is not the main clause's
            bg = next((c[0] for c in seg.cues if BACKGROUND in c[2] and seg.clause_id[c[0]] == clause
                       and not seg.aside[c[0]]), -1)
    if 0 <= bg < gov[0] and any(
            seg.low[j] == "and" and (seg.low[j + 1] in ("we", "i", "it", "they") or seg.donor_at[j + 1] is not None)
            and any(t in ("will", "shall", "'ll") for t in seg.low[j + 1 : gov[0]])
            for j in range(bg + 1, gov[0] - 1)):
        bg = -1  # "to add to those we have already sent, and we will deliver 100,000 rounds": a new clause's own time
    if 0 <= bg <= span_last:
        return "background", "cue:background", gov, side
    if _delivered_in_past(seg, gov):
        if _news_delivery(seg, gov, anchor, side):
            # "Germany has delivered another IRIS-T SLM system", "Canada sent four more Leopard 2
            # tanks this week": a delivery reported as news is aid given now (the issue counts
            # "has delivered" among commitments).
            return "pledge", "trigger:past " + word + " (news)", gov, side
        # "we have delivered three Patriot systems", "Poland sent 320 tanks in 2022": history
        # recalled, cumulative since the war began - not this report's pledge.
        return "background", "cue:past " + word, gov, side
    weak = any(WEAK in k for _, k in _window_kinds(seg, gov[0], back=6))
    if weak and _readiness_on_others(seg, gov[0]):
        return "hypo", "cue:ready if others", gov, side
    if weak and any(t in _READY for t in seg.low[max(0, gov[0] - 4) : gov[0]]) and any(
            t in ("once", "if", "provided", "when", "should", "unless")
            and seg.low[k + 1 : k + 2] not in (["they"], ["it"], ["these"], ["those"], ["the"])  # "once they are repaired": timing
            for k, t in enumerate(seg.low[: -1]) if k > gov[1]):
        return "hypo", "cue:ready once", gov, side  # "stands ready to transfer its MiG-29s once allied arrangements ..."
    return ("weak" if weak else "pledge"), "trigger:" + word, gov, side


_READY = frozenset("ready prepared willing".split())
_ON_OTHERS = frozenset(
    "coalition permission permissions approval approvals agree agrees agreed consent re-export licence license".split())


def _readiness_on_others(seg: Seg, verb: int) -> bool:
    """"Poland is ready to send a company of Leopard 2 tanks as part of a coalition" / "... if Germany
    agrees" / "once the approvals are granted": an offer that waits on others, not a pledge.
    ("ready to send three tanks once they are repaired" waits on nobody and stays.)"""
    low = seg.low
    if not any(low[k] in _READY and k + 1 < len(low) and low[k + 1] == "to" for k in range(max(0, verb - 4), verb)):
        return False
    return any(t in _ON_OTHERS for t in low)


def _attribute(seg: Seg, gov, side: str, anchor: int, obj_first: int, obj_last: int,
               lst: ListState, context: Donor | None, document: Donor | None,
               last_donor: Donor | None = None, speaker: Donor | None = None,
               programme: Donor | None = None) -> donor_rules.Attribution:
    verb_at = gov[0] if gov is not None and side == "before" else anchor
    if gov is not None and RECEIVE in gov[2] and not gov[2] & {PLEDGE, INCLUDE}:
        # The recipient's side: the donor is "from X"; the subject must be Ukraine, else it is
        # someone receiving for themselves ("the German armed forces are to receive ...",
        # "the Czech Republic will receive 15 Leopard 2A4 from Germany in return").
        att = donor_rules.subject(seg, gov[0])
        if att is not None and att.donor is not None:
            return donor_rules.Attribution(None, "none", "receiver")
        before = seg.low[max(0, gov[0] - 8) : gov[0]]
        if (any(t in ("army", "forces", "bundeswehr", "navy") for t in before)
                or any(a == "air" and b == "force" for a, b in zip(before, before[1:]))) and not any(
                t in ("ukraine", "ukrainian", "ukraine's") for t in before):
            return donor_rules.Attribution(None, "none", "receiver")  # "The British Army will take delivery of ..."
        d = donor_rules.agent(seg, gov[0], len(seg.low))
        if d is not None:
            return donor_rules.Attribution(d, "agent")
        ukraine_subject = any(t in ("ukraine", "ukrainian", "ukraine's", "kyiv") for t in seg.low[max(0, gov[0] - 6) : gov[0]])
        if (att is None or att.blocked != "recipient") and not ukraine_subject:
            return donor_rules.Attribution(None, "none", "receiver")
        if speaker is not None and speaker is not _JOINT_VOICE and any(t in ("us", "we") for t in seg.low[gov[1] + 1 :]):
            return donor_rules.Attribution(speaker, "speaker")  # "the Ukrainian armed forces will receive ..., financed by us"
        if seg.segment.kind == ITEM and lst.donor is not None:
            return donor_rules.Attribution(lst.donor, "list")
        if context is not None:
            return donor_rules.Attribution(context, "context")
        if document is not None:
            return donor_rules.Attribution(document, "document")
        return donor_rules.Attribution(None, "none")
    att = donor_rules.subject(seg, verb_at)
    if att is not None and att.donor is None and att.how == "none" and att.blocked == "other-party" and (
            gov is None or side != "before") and seg.segment.kind == ITEM:
        att = None  # a list item without a verb: "M577 armoured personnel carriers (10)" - the capital is the name
    if att is not None and att.donor is not None:
        return att
    if (programme is not None and seg.segment.kind != ITEM and att is not None and att.blocked == "other-party"
            and not any(d is not None for d in seg.donor_at)):
        return donor_rules.Attribution(programme, "programme")  # "The Chair announced a new PDA package": not a company
    if att is not None and att.blocked:
        if att.blocked != "recipient":
            return att
    if gov is not None and seg.low[gov[0]] not in _BUY_FOR_UKRAINE:  # "we would buy a NASAMS from the United States": the seller
        d = donor_rules.agent(seg, gov[0], len(seg.low))
        if d is not None:
            return donor_rules.Attribution(d, "agent")
    for k in range(obj_first, obj_last + 1):
        d = seg.donor_at[k]
        if d is not None and d[1] == "donor":
            return donor_rules.Attribution(d[0], "demonym")
    if att is not None and att.blocked == "recipient":
        return att
    explicit = _explicit_donor(seg)
    if explicit is not None and gov is not None and seg.low[gov[0]] in _BUY_FOR_UKRAINE and _seller(seg, explicit):
        explicit = None  # "we would buy a NASAMS from the United States for Ukraine": the seller, not the giver
    if explicit is not None:
        return donor_rules.Attribution(explicit, "agent")  # a donor named in the sentence beats inherited context
    if programme is not None and seg.segment.kind != ITEM:
        return donor_rules.Attribution(programme, "programme")  # "The Chair announced a new Presidential Drawdown package"
    if seg.segment.kind == ITEM and lst.donor is not None:
        return donor_rules.Attribution(lst.donor, "list")
    if att is not None and att.how == "package" and last_donor is not None:
        return donor_rules.Attribution(last_donor, "context")  # "The package will consist of ..."
    if att is not None and att.how in ("anaphor", "title") and "we" in seg.low[max(0, verb_at - 6) : verb_at] and any(
            t in ("jointly", "together", "collectively") for t in seg.low[max(0, verb_at - 6) : verb_at]):
        return donor_rules.Attribution(None, "none", "aggregate")  # "We will jointly procure": several donors
    if speaker is _JOINT_VOICE and (att is None or att.how in ("anaphor", "title")) and "we" in seg.low[max(0, verb_at - 6) : verb_at]:
        return donor_rules.Attribution(None, "none", "aggregate")  # a joint statement's "we": several donors
    if att is not None and att.how == "anaphor":
        before = seg.low[max(0, verb_at - 6) : verb_at]
        if speaker is not None and speaker is not _JOINT_VOICE and ("i" in before or "we" in before):
            return donor_rules.Attribution(speaker, "speaker")  # "I'm pleased to announce" in a minister's remarks
        if (gov is not None and INCLUDE in gov[2] and last_donor is not None
                and any(t in ("it", "this", "that") for t in before)):
            return donor_rules.Attribution(last_donor, "context")  # "... a new package. It includes ..."
    if att is not None and att.how in ("title", "package") and document is not None:
        # "The Prime Minister will announce", "the package": the report's own government.
        return donor_rules.Attribution(document, "document")
    if context is not None:
        return donor_rules.Attribution(context, "context")
    if document is not None:
        return donor_rules.Attribution(document, "document")
    return donor_rules.Attribution(None, "none")


def _explicit_donor(seg: Seg) -> Donor | None:
    """A donor the sentence itself names as giver: "from Germany" anywhere, or its opening name."""
    low = seg.low
    for k in range(len(low) - 1):
        if low[k] == "from" and not (k > 0 and PROCURE in seg.cue_kinds_at[k - 1]):
            q = k + 2 if low[k + 1] == "the" and k + 2 < len(low) else k + 1
            d = seg.donor_at[q]
            if d is not None and d[1] == "donor" and _standalone_name(seg, q):
                return d[0]
    k = 1 if low and low[0] == "the" else 0
    d = seg.donor_at[k] if k < len(low) else None
    if d is not None and d[1] == "donor" and _standalone_name(seg, k):
        return d[0]
    return None


_DONOR_SCORE = {"speaker": 0.2, "subject": 0.25, "person": 0.23, "agent": 0.22, "demonym": 0.18, "list": 0.16,
                "context": 0.12, "document": 0.08}


def _confidence(status: str, gov, att: donor_rules.Attribution, obj: EquipmentObject | None,
                q: Quantity | None) -> float:
    score = 0.3 + _DONOR_SCORE.get(att.how, 0.0)
    if gov is not None and PLEDGE in gov[2]:
        score += 0.2
    else:
        score += 0.12
    if status == "weak":
        score -= 0.15
    if obj is not None:
        score += 0.15 if obj.how == "alias" and not obj.system.generic else 0.06
    if q is not None and q.value is not None:
        score += 0.07 if q.qualifier == EXACT else 0.05
    return round(max(0.05, min(0.99, score)), 2)


def extract(text: str, ref: ReferenceData) -> list[Extracted]:
    """Propose the pledges in `text`, in text order, each tied to its sentence or list item."""
    if not text:
        return []
    # Parsing allocates hundreds of thousands of small, short-lived objects and builds no reference
    # cycles, so the cyclic collector's passes over them are pure cost (about 3% of a 1 MB parse):
    # it is paused for the call and resumed after, whatever happens.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _extract(text[:MAX_INPUT], ref)
    finally:
        if paused:
            gc.enable()


def _extract(text: str, ref: ReferenceData) -> list[Extracted]:
    folded = fold_aligned_columns(fold_wrapped_pipe_rows(fold_leaders(fold(text))))
    segments = split_segments(folded)
    every = tokenize_all(folded)
    starts = every.starts

    # First pass: names only (cheap), to know whose report this is.
    found: list[tuple[Segment, int, int, list[Match], bool]] = []
    counts: Counter = Counter()
    for s in segments:
        a = bisect_left(starts, s.start)
        b = bisect_left(starts, s.end, a)
        toks = token_slice(every, a, b)
        matches = ref.find(toks, match_view(toks))
        equipment = False
        for m in matches:
            if m.entry.kind in ("donor", "person"):
                if s.kind == ITEM and _partner_mention(toks.low, m.first):
                    continue  # "14 howitzers (joint project with the Netherlands)": a partner, not the page's donor
                counts[m.entry.target] += 1
            else:
                equipment = True
        found.append((s, a, b, matches, equipment))
    document = donor_rules.document_donor(counts)
    joint_voice = _JOINT_STATEMENT_RE.search(folded, 0, 3000) is not None
    if document is None and not counts:
        document = _unnamed_german_government(folded, ref)

    # Second pass: full analysis only where a pledge or a list lead can be.
    candidates: list[Candidate] = []
    lst = ListState()
    context: Donor | None = None
    speaker: Donor | None = None
    background = False
    lead_sents: list[tuple[Seg, str]] = []  # the analysed sentences of the paragraph just read
    para_fresh = False  # the paragraph just read announces something new (any of its sentences)
    fresh_at = _stem_positions(folded, _FRESH_STEMS)  # cheap pass; the full pattern only where it can match
    doc_fresh = False  # the report has announced something new: a list with no lead of its own is its content
    doc_procure = False  # the report's title is about buying for the donor's own forces
    category_run = False  # the lines read since the last short heading are a block of list items
    donor_run = False  # the headings so far are donor names ("Denmark", "Estonia") under one positive lead
    question_block = -1  # the paragraph of a press conference's question, which pledges nothing
    for order, (segment, a, b, matches, equipment) in enumerate(found):
        kind = segment.kind
        if kind == HEADING and not segment.blank_before and not segment.section and category_run and (lst.positive or lst.negative):
            # "Air defence" / "2 IRIS-T SLM air defence systems" / "Patriot missiles": unbulleted lines
            # under a category sub-heading of a list are its items.
            segment = replace(segment, kind=ITEM)
            kind = ITEM
        category_run = (kind == ITEM and category_run and not segment.blank_before) or (
            kind == HEADING and b - a <= 4 and _DIGIT_RE.search(folded, segment.start, segment.end) is None
            and (equipment or any(every.low[k] in _CATEGORY_WORDS for k in range(a, b))))
        label = _speaker_label(every.low, a, b, matches, kind)
        if label is not None:
            speaker = label
        light = (not equipment and kind not in (HEADING, LEAD)
                 and _DIGIT_RE.search(folded, segment.start, segment.end) is None
                 and _PACKAGE_RE.search(folded, segment.start, segment.end) is None)
        if (kind == SENTENCE and segment.blank_before) or kind == HEADING:
            para_fresh = False
        if (kind == SENTENCE and bisect_left(fresh_at, segment.start) < bisect_left(fresh_at, segment.end)
                and _FRESH_RE.search(folded, segment.start, segment.end) is not None
                and _NOT_FRESH_RE.search(folded, segment.start, segment.end) is None):
            para_fresh = True  # "the Minister announced new donations ..." (read for a table under the paragraph)
            doc_fresh = True
        if light:
            if kind == SENTENCE:
                lst = ListState()
                if segment.blank_before:
                    lead_sents = []
            else:
                lead_sents = []
            if not background:
                here = _first_donor_light(every.low, a, matches)
                if here is not None:
                    context = here
                elif _ukrainian_speaker(every.low, a, b, matches):
                    context = None  # "Zelensky said he ...": the pronoun is no donor
            continue
        seg = _analyse(text, folded, segment, ref, token_slice(every, a, b), matches)
        seg.next_starts = tuple(found[o][0].start for o in range(order + 1, min(len(found), order + 3)))
        seg_text = text[segment.start : segment.end]
        if segment.table:
            # A table's header row: the rows are the list of the paragraph above it ("The Government
            # of Lithuania approved a new package worth EUR 35 million." / "The package includes:").
            if not (lst.positive or lst.negative) and lead_sents:
                lst = _paragraph_lead(lead_sents, context, document)
            if not (lst.positive or lst.negative) and para_fresh and (context or document):
                lst = ListState(context or document, True, False, "the paragraph above the table")
            if lst.positive:
                background = False  # "Earlier support" ... "Annex: Contents of support package 16": the package again
            continue
        if kind in (HEADING, LEAD):
            if _is_background_heading(seg_text):
                background = True
                lst = ListState()
                continue
            here = donor_rules.mentioned_donor(seg)
            if kind == HEADING:
                if (background == "total" and here is None and _category_heading(seg)
                        and not any(c[2] & _SECTION_STATUS for c in seg.cues)):
                    continue  # "Air Defense Capabilities" under "... SINCE FEBRUARY 2022 (CUMULATIVE)": a group of the totals
                if background and "\t" in folded[segment.start : segment.end] and not any(c[2] & POSITIVE for c in seg.cues):
                    continue  # "Package<TAB>Decided<TAB>Value" under "Earlier support packages": the columns of its table
                background = False
            if here is None and kind == LEAD:
                # "At the meeting, Minister Blair announced that Canada will provide the following:": the giver
                for c in seg.cues:
                    att = donor_rules.subject(seg, c[0]) if PLEDGE in c[2] else None
                    if att is not None and att.donor is not None:
                        here = att.donor
                        break
            future = any(t in _FUTURE_LEAD for t in seg.low)
            if (kind == HEADING and (segment.section or _category_heading(seg)) and here is None
                    and (lst.positive or lst.negative)
                    and not future and not any(c[2] & _SECTION_STATUS for c in seg.cues)):
                continue  # "AIR DEFENCE", "FIRE SUPPORT": a group of the same list, its words no cue
            if (order < 6 and kind == HEADING and ":" not in seg.low and any(PROCURE in c[2] for c in seg.cues)
                    and any(t in ("bundeswehr", "army", "forces", "navy", "own") for t in seg.low)
                    and not any(t in ("ukraine", "ukrainian", "ukraine's") for t in seg.low)):
                doc_procure = True  # "Budget Committee clears 97 procurement projects ... for the Bundeswehr"
            has_pos = any(c[2] & POSITIVE or (PACKAGE in c[2] and seg.low[c[0]] not in _THING_WORDS)
                          for c in seg.cues) and not _kinds_heading(seg)
            if doc_procure and not any(t in ("ukraine", "ukrainian", "ukraine's", "kyiv") for t in seg.low):
                has_pos = False  # a procurement release's lists are its own purchases
            # "To date, Germany has delivered:", "Delivered:", "Capabilities provided since 2022:" -
            # an inventory of what was given before; "being delivered:" / "will be sent:" is not.
            aside = _addition_start(seg)
            bracketed = _bracket_mask(seg)
            usai = "usai" in seg.low  # "Under this USAI package, the Department will put on contract:": bought for Ukraine
            has_neg = any((c[2] & _LEAD_NEGATIVE and not c[2] & POSITIVE and not _subordinate_request(seg, c)
                           and not (c[2] & {TOTAL, BACKGROUND} and _superlative_before(seg, c[0]))
                           and not (usai and c[2] == {PROCURE}))
                          or (c[2] & {PLEDGE, RECEIVE} and _delivered_in_past(seg, c) and not bracketed[c[0]]
                              and not (doc_fresh and _participle_after_noun(seg, c[0])))
                          for c in seg.cues if c[0] < aside) or (kind == LEAD and _inventory_lead(seg))
            if (kind == LEAD and has_neg and lst.positive and not lst.negative and here is None
                    and all(c[2] <= {PROCURE, ANAPHOR, PACKAGE} for c in seg.cues)
                    and not any(t in _OWN_FORCES_WORDS for t in seg.low)):
                has_neg = False  # "New donations" / "Procured from Canadian industry:": where the donation comes from
            if (kind == LEAD and not has_neg and lead_sents and seg.low and seg.low[0] in ("this", "these", "it", "that", "they")
                    and any(c[2] & {TOTAL, BACKGROUND} and not _superlative_before(lead_sents[-1][0], c[0])
                            for c in lead_sents[-1][0].cues)):
                has_neg = True  # "Since 2022, Canada has committed $4 billion. This includes:": the total's content
            if not has_pos and not has_neg and kind == HEADING and _first_word(seg) in ("new", "latest"):
                has_pos = True  # "NEW THIS WEEK", "Latest additions": what follows is new
            if has_neg and kind == HEADING and _first_word(seg) in ("new", "latest", "additional", "further"):
                # "A. New commitments since the last update": new, whatever it is counted from
                if not any(NEG in c[2] or HYPO in c[2] or ATTACK in c[2] or REQUEST in c[2] for c in seg.cues):
                    has_neg, has_pos = False, True
            if future and not has_neg:
                has_pos = True  # "Planned deliveries:", "II. Support in preparation": what is still to come
            if (kind == LEAD and here is None and not has_pos and not has_neg and not lst.negative
                    and len(seg.low) <= 4 and any(t in _CONTENT_LEADS for t in seg.low)):
                has_pos = True  # "Contents:", "Items:" - the list of the package the report is about
            if (here is not None and not has_pos and not has_neg and (lst.positive and not lst.negative or donor_run)
                    and kind == HEADING and len(seg.low) <= 4):
                # "Norway" / "Denmark" sub-headings of a support fact sheet: each donor's part of it,
                # however the part above was written (a sentence under "Denmark" ends no list)
                has_pos = True
                donor_run = True
            elif kind == HEADING:
                donor_run = False
            if (kind == HEADING and not has_neg and any(t in ("package", "tranche", "donation") for t in seg.low)
                    and not any(c[2] & VERB_CUES for c in seg.cues)
                    and not any(t.startswith(("confirm", "announc", "unveil", "pledg", "send", "give", "boost")) for t in seg.low)):
                doc_fresh = True  # "LITHUANIA'S MILITARY SUPPORT PACKAGE TO UKRAINE - DECEMBER 2023": the report's package
            if (kind == HEADING and has_neg and not segment.section
                    and any(TOTAL in c[2] for c in seg.cues)
                    and not any(c[2] & {NEG, HYPO, ATTACK, REQUEST, PROCURE} for c in seg.cues)
                    and not any(t in _NEWNESS or t in _FUTURE_LEAD or t in _NEWS_TIME for t in seg.low)):
                # "U.S. SECURITY ASSISTANCE COMMITTED SINCE FEBRUARY 2022 (CUMULATIVE)": a section of
                # running totals, its explanations and its grouped lists included, until a heading
                # that is not one of its groups
                background = "total"
                lst = ListState()
                continue
            if here is not None or has_pos or has_neg:
                # "Germany's new package includes:", "Fact sheet: Norwegian support to Ukraine" -
                # the list items that follow belong to it.  A bare section heading ("Air defence")
                # keeps the list state it finds.
                # A later section of the same list ("Delivered" then "In preparation") keeps the list's
                # donor when nothing nearer names one.
                lst = ListState(here or context or document or (lst.donor if lst.positive or lst.negative else None),
                                has_pos and not has_neg, has_neg, seg_text)
            if here is not None:
                context = here
            elif kind == HEADING and segment.blank_before:
                context = None
        elif kind == SENTENCE:
            lst = ListState()
        if kind == SENTENCE:
            if segment.blank_before:
                lead_sents = []
            lead_sents.append((seg, seg_text))
        else:
            lead_sents = []
        if background:
            continue
        if kind == SENTENCE and folded[segment.end - 1] == "?":
            continue  # "Will Belgium also provide Patriot systems?": a question pledges nothing
        if kind == ITEM and equipment and doc_fresh and not doc_procure and not (lst.positive or lst.negative) and (context or document):
            # "The Government has today decided on its fifteenth package." / "* Combat Boat 90 .... 10":
            # a fact sheet's list with no lead of its own lists the package the report announces
            lst = ListState(context or document, True, False, "the package the report announces")
        if _QUESTION_RE.match(folded, segment.start) is not None:
            question_block = segment.block  # "QUESTION (Dagens Nyheter): Norway has committed ...": a journalist's words
        if segment.block == question_block:
            new = []
        else:
            new = _segment_candidates(text, seg, ref, lst, context, document, order,
                                      candidates[-1].donor if candidates else None,
                                      speaker if speaker is not None or not joint_voice else _JOINT_VOICE)
        candidates.extend(new)
        if kind in (SENTENCE, ITEM):
            here = donor_rules.mentioned_donor(seg)
            if here is not None and kind == ITEM and (lst.donor is not None and here is not lst.donor or all(
                    _partner_mention(seg.low, m.first) for m in seg.matches if m.entry.kind in ("donor", "person"))) and not any(
                    m.entry.kind in ("donor", "person") and m.first <= 1 for m in seg.matches):
                here = None  # "Leopard 1A5 together with Denmark and the Netherlands": partners, not the list's donor
            if here is None and kind == SENTENCE:
                here = programme_donor(seg, ref)  # "The Chair announced a new PDA package ... It includes:"
            if here is not None:
                context = here
            elif _ukrainian_speaker(every.low, a, b, matches):
                context = None
    named_near: dict[int, set[str]] = {}
    for order, (_s, _a, _b, matches, _eq) in enumerate(found):
        cats = {m.entry.target.category for m in matches if m.entry.kind == "system"}
        if cats:
            named_near[order] = cats
    return _finish(text, candidates, named_near)


# A sentence announcing new aid: "announced new donations", "a further package of".
_FRESH_RE = re.compile(
    r"\b(?:announc|pledg|donat|commit|provid|unveil|approv)\w*\b[^.\n]{0,60}?\b(?:new|additional|further|another)\b"
    r"[^.\n]{0,60}?\b(?:donations?|packages?|contributions?|aid|assistance|support|equipment|tranche)\b"
    r"|\b(?:decided|approved|adopted|announced|unveiled|presented) (?:on |today )?[^.\n]{0,60}?\b(?:package|tranche|transfer|donation)\b",
    re.IGNORECASE)

_FRESH_STEMS = ("announc", "pledg", "donat", "commit", "provid", "unveil", "approv", "decided", "adopted", "presented")


def _stem_positions(folded: str, stems: tuple[str, ...]) -> list[int]:
    """Sorted offsets of the stems in the text, any case (str.find runs in C: far faster than a regex pass)."""
    low = folded.lower()
    out: list[int] = []
    for stem in stems:
        k = low.find(stem)
        while k >= 0:
            out.append(k)
            k = low.find(stem, k + 1)
    out.sort()
    return out
# ... unless it says there is nothing new or counts what was given so far.
_NOT_FRESH_RE = re.compile(r"\b(?:no|not|never|so far|to date|since|overview|in total|cumulative|until now)\b", re.IGNORECASE)

# A joint statement speaks for several governments: its "we" is no single donor.
_JOINT_STATEMENT_RE = re.compile(r"\bjoint (?:statement|declaration|communiqu)", re.IGNORECASE)
_JOINT_VOICE = Donor("", "the signatories of a joint statement", "joint")

_FEDERAL_GOVERNMENT_RE = re.compile(r"\b[Tt]he Federal Government\b")
_GERMAN_MARKER_RE = re.compile(r"\b(?:Bundeswehr|Bundestag|Bundesregierung|Federal Chancellor|Federal Ministry of Defence)\b")


# Funding programmes only one government has: naming one names its donor.
_US_PROGRAMME_RE = re.compile(r"(?i)presidential drawdown|drawdown authority|ukraine security assistance initiative|\bUSAI\b")


def programme_donor(seg: Seg, ref: ReferenceData) -> Donor | None:
    """The United States for a sentence about a Presidential Drawdown or a USAI package."""
    if _PROGRAMME_WORDS.isdisjoint(seg.low):
        return None  # (a set lookup per token: the regex runs only where it can match)
    if _US_PROGRAMME_RE.search(seg.folded, seg.segment.start, seg.segment.end) is None:
        return None
    return next((d for d in ref.donors if d.code == "US"), None)


_PROGRAMME_WORDS = frozenset({"drawdown", "initiative", "usai"})


def _unnamed_german_government(folded: str, ref: ReferenceData):
    """A page that names no donor but speaks of "the Federal Government" and the Bundeswehr is the
    German government's own ("The Federal Government is supporting Ukraine ... from Bundeswehr stocks")."""
    if _FEDERAL_GOVERNMENT_RE.search(folded) is None or _GERMAN_MARKER_RE.search(folded) is None:
        return None
    return next((d for d in ref.donors if d.code == "DE"), None)


_PARTNER_BEFORE_WITH = frozenset(
    """together jointly joint project projects cooperation co-operation partnership coordination conjunction
    tandem collaboration""".split())


def _partner_mention(low: list[str], first: int) -> bool:
    """A country in brackets or after "together with" / "jointly with" / "joint project with" in a
    list item is a partner of the item, not the donor of the list."""
    k = first - 1
    if k >= 0 and low[k] == "the":
        k -= 1
    if k >= 1 and low[k] == "with" and low[k - 1] in _PARTNER_BEFORE_WITH:
        return True
    for j in range(first - 1, -1, -1):
        if low[j] == ")":
            return False
        if low[j] == "(":
            return True
    return False


def _paragraph_lead(sents: list[tuple[Seg, str]], context, document) -> ListState:
    """The list state a paragraph gives the table under it: a pledge or package cue (not negated,
    not an inventory of past aid) makes the rows a new package of the donor it names."""
    donor = None
    pos = neg = fresh = False
    for seg, _ in sents:
        if donor is None:
            donor = donor_rules.mentioned_donor(seg)
        bracketed = _bracket_mask(seg)  # "Contents of package 16 (... classified items are not published)": a note
        pos = pos or any(c[2] & POSITIVE or PACKAGE in c[2] for c in seg.cues)
        # "the Minister announced new donations ... The table below brings together these donations and
        # the others announced since January": new pledges lead the table, whatever else it gathers
        fresh = fresh or (any(PLEDGE in c[2] and not _delivered_in_past(seg, c) for c in seg.cues)
                          and any(t in ("new", "today", "additional", "further") for t in seg.low))
        neg = neg or any((c[2] & _LEAD_NEGATIVE and not c[2] & POSITIVE and not _subordinate_request(seg, c)
                          and not (c[2] & {TOTAL, BACKGROUND} and _superlative_before(seg, c[0])))
                         or (c[2] & {PLEDGE, RECEIVE} and _delivered_in_past(seg, c))
                         for c in seg.cues if c[0] < _addition_start(seg) and not bracketed[c[0]]) or _inventory_lead(seg)
    if not pos and not neg:
        return ListState()
    if pos and fresh:
        neg = False
    return ListState(donor or context or document, pos and not neg, neg, sents[-1][1])


# Sub-headings of a support list that name no equipment of the reference ("Mobility", "Engineering").
_CATEGORY_WORDS = frozenset(
    """armour armor mobility engineering logistics vehicles munitions ammunition artillery equipment
    protection medical communications sensors other miscellaneous naval maritime aviation""".split()
)


_SECTION_STATUS = POSITIVE | {NEG, HYPO, TOTAL, BACKGROUND, PROCURE}
# Words of a heading or lead over what is still to come: "Planned deliveries:", "In preparation".
_FUTURE_LEAD = frozenset("planned upcoming future forthcoming pending scheduled preparation prepared pipeline".split())
_CONTENT_LEADS = frozenset("contents content items equipment composition capabilities deliverables".split())
_LEAD_NEGATIVE = frozenset({ATTACK, REQUEST, PROCURE, NEG, HYPO, TOTAL, BACKGROUND})


_GIVEN_PARTICIPLES = frozenset("committed provided delivered supplied given sent donated transferred".split())
_NEWNESS = frozenset("new newest latest this today today's additional further next upcoming".split())


_RELATIVE_WORDS = frozenset("what which whatever that".split())
_REQUESTER_WORDS = frozenset(
    """ukraine ukraine's ukrainian ukrainians kyiv units unit forces troops soldiers armed army brigades
    defenders front frontline it they its their has have had is are was were most urgently really still
    so badly""".split())
_DETERMINERS = frozenset("the a an those these such".split())
_SUBJECT_WORDS = frozenset("ukraine ukraine's ukrainian ukrainians kyiv units forces troops soldiers army it they".split())


# PACKAGE cue words that name things rather than a package: no pledge by themselves.
_THING_WORDS = frozenset("equipment weapons arms".split())
_KIND_WORDS = frozenset("types kinds categories examples sorts forms".split())


def _kinds_heading(seg: Seg) -> bool:
    """"Types of equipment supported by the EPF", "Examples of eligible equipment": what kinds of
    things are meant, not a list of things given."""
    low = seg.low
    return any(low[k] in _KIND_WORDS and low[k + 1] == "of" for k in range(len(low) - 1))


def _scheduled_known(seg: Seg, gov, anchor: int) -> bool:
    """"the RCH 155 will be delivered in 2025", "The first Leopards are to arrive next month": the
    schedule of something named before (definite), not a pledge of it."""
    low = seg.low
    k = anchor - 1
    while k >= 0 and low[k] in ("first", "remaining", "last", "two", "three", "four", "five", "new"):
        k -= 1
    if k < 0 or low[k] not in ("the", "these", "those"):
        return False
    tail = low[gov[1] + 1 : gov[1] + 5]
    return any(t in ("in", "by", "until", "from", "next", "within", "over", "during") for t in tail[:2]) and not any(
        t in ("ukraine", "kyiv") for t in tail[:2])


def _participle_after_noun(seg: Seg, k: int) -> bool:
    """"List of equipment transferred free of charge": a participle describing a noun, no perfect
    tense ("has transferred") nor passive ("were transferred")."""
    low = seg.low
    return k > 0 and low[k - 1].isalpha() and low[k - 1] not in NOT_PAST and low[k - 1] not in (
        "has", "have", "had", "was", "were", "been", "is", "are", "we", "they", "it", "already")


def _ticked(seg: Seg) -> bool:
    """A list line whose bullet is a tick: marked as delivered ("✓ = delivered")."""
    k = seg.segment.start - 1
    folded = seg.folded
    while k >= 0 and folded[k] in " \t":
        k -= 1
    return k >= 0 and folded[k] in "\u2713\u2714\u2611"


def _flagged_new(seg: Seg) -> bool:
    """A list line flagged as this update's addition: "... 49   NEW", "(NEW)", "NEW:"."""
    return any(seg.raw[k] == "NEW" for k in range(len(seg.raw)))


def _first_word_of(text: str) -> str:
    words = re.findall(r"[A-Za-z]{2,}", text[:60])
    return words[0].lower() if words else ""


def _first_word(seg: Seg) -> str:
    """The first word of a heading after its enumerator ("A.", "II.", "3)")."""
    k = 0
    low = seg.low
    while k < len(low) and (low[k] in (".", ")", "(", "-", ":") or (len(low[k]) <= 2 and k + 1 < len(low) and low[k + 1] in (".", ")"))
                            or low[k].isdigit()):
        k += 1
    return low[k] if k < len(low) else ""


def _category_heading(seg: Seg) -> bool:
    """"Anti-tank and infantry weapons", "Other equipment", "Artillery": a short group heading of a
    fact sheet's list (a blank line may stand before it), which names no new package."""
    return (len(seg.low) <= 6 and not any(t.isdigit() for t in seg.low)
            and not any(t in _NEWNESS or t in _FUTURE_LEAD for t in seg.low))


def _subordinate_request(seg: Seg, cue) -> bool:
    """A request or need inside a relative clause ("focuses on what Ukrainian units have asked for",
    "the capabilities Ukraine needs") describes the package; it does not make the lead a request."""
    if cue[2] - {REQUEST}:
        return False
    low = seg.low
    k = cue[0] - 1
    while k >= 0 and low[k] in _REQUESTER_WORDS:
        k -= 1
    if k < 0 or not any(low[j] in _SUBJECT_WORDS for j in range(k + 1, cue[0])):
        return False  # no subject between: "asked for", "Ukraine requested" at the start
    if low[k] in _RELATIVE_WORDS:
        return True
    # "the capabilities Ukraine needs": a noun phrase, then its own subject and verb
    return k >= 1 and low[k - 1] in _DETERMINERS and low[k].isalpha() and low[k] not in _DETERMINERS


def _inventory_lead(seg: Seg) -> bool:
    """"Security assistance committed to Ukraine includes:", "Equipment provided to Ukraine
    comprises:" - a lead naming what was given (a participle before "to Ukraine") lists an
    inventory, unless it says the list is new ("the new package provided to Ukraine includes:")."""
    low = seg.low
    if any(t in _NEWNESS for t in low):
        return False
    return any(low[k] in _GIVEN_PARTICIPLES and low[k + 1] == "to" and low[k + 2] in ("ukraine", "kyiv", "ukraine's")
               for k in range(len(low) - 2))


def _addition_start(seg: Seg) -> int:
    """Where "in addition to ..." / "on top of ..." begins: what follows it is the earlier aid the
    new list is compared with ("the following, in addition to what it has already sent:")."""
    low = seg.low
    for k in range(len(low) - 2):
        if (low[k] == "in" and low[k + 1] == "addition" and low[k + 2] == "to") or (
                low[k] == "on" and low[k + 1] == "top" and low[k + 2] == "of"):
            return k
        if (low[k] == "," and low[k + 1] == "which" and low[k + 2] == "will" and k >= 2
                and any(t in ("following", "these") for t in low[max(0, k - 3) : k])):
            return k  # "the following contributions, which will be transferred ... or procured from industry:": how
    return len(low)


UKRAINIAN_ACTORS = frozenset(
    """zelensky zelenskyy zelenskiy kuleba reznikov umerov shmyhal sybiha syrskyi zaluzhnyi yermak
    svyrydenko budanov stefanchuk""".split()
)


def _ukrainian_speaker(low: list[str], a: int, b: int, matches: list[Match]) -> bool:
    """The segment's first actor is Ukrainian (and it names no donor before that)."""
    end = a + matches[0].first if matches else b
    return any(low[k] in UKRAINIAN_ACTORS for k in range(a, min(end, a + 40)))


_SPEECH_WORDS = frozenset("remarks speech statement address op-ed keynote testimony briefing".split())


def _speaker_label(low: list[str], a: int, b: int, matches: list[Match], kind: str) -> Donor | None:
    """Whose "I" and "we" these are: "SECRETARY LLOYD J. AUSTIN III: Well, ...", "Pistorius said:",
    or a headline "Secretary Austin's Remarks at ..."."""
    people = [m for m in matches if m.entry.kind == "person"]
    if not people:
        return None
    m = people[0]
    if m.first > 12:
        return None
    after = low[a + m.last + 1 : min(b, a + m.last + 5)]
    if ":" in after:
        return m.entry.target
    if kind in (HEADING, LEAD) and (any(t in _SPEECH_WORDS for t in low[a:b]) or (low[b - 1] == ":" and "said" in low[a:b])):
        return m.entry.target
    return None


def _first_donor_light(low: list[str], a: int, matches: list[Match]) -> Donor | None:
    """The first donor or person named in a segment, not after a preposition (for context)."""
    skipped_end = -2
    for m in matches:
        if m.entry.kind not in ("donor", "person"):
            continue
        if skipped_end >= 0 and all(t in donor_rules.TITLE_WORDS for t in low[a + skipped_end + 1 : a + m.first]):
            skipped_end = m.last  # "alongside Polish Prime Minister Donald Tusk": the same person, in company
            continue
        if donor_rules._after_preposition(low, a + m.first):
            skipped_end = m.last
            continue
        if not donor_rules.relative_subject(low, a + m.first) and not donor_rules.named_event(low, a + m.last):
            return m.entry.target
    return None


_ARTICLE_ADJ = frozenset("additional further new second third fourth fifth single extra modern".split())
_CATCH_ALL = frozenset({"ammunition", "military vehicles", "small arms"})


def _article_quantity(seg: Seg, first: int) -> Quantity | None:
    """"an additional Patriot battery", "a SAMP/T system": one system."""
    k = first - 1
    while k >= 0 and first - k <= 3 and seg.low[k] in _ARTICLE_ADJ:
        k -= 1
    if k >= 0 and seg.low[k] in ("a", "an", "one", "another"):
        return Quantity(1, EXACT, k, first - 1, seg.starts[k], seg.ends[first - 1])
    return None


def _collect_objects(seg: Seg, ref: ReferenceData) -> list[tuple[EquipmentObject, Quantity | None]]:
    objects: list[tuple[EquipmentObject, Quantity | None]] = []
    n = len(seg.low)
    used = [False] * n
    ph = seg.phrase
    low = seg.low
    for q in seg.quantities:
        if q.last + 2 < n and (low[q.last + 1 : q.last + 3] in (["per", "month"], ["per", "year"], ["a", "month"], ["a", "year"],
                                                                 ["each", "month"], ["every", "month"], ["per", "day"], ["a", "day"])
                               or low[q.last + 2 : q.last + 4] in (["per", "month"], ["per", "year"], ["a", "month"], ["a", "year"],
                                                                   ["each", "month"], ["per", "day"], ["a", "day"])):
            continue  # "industry now delivers 3,000 shells per month": a rate of production, not a pledge
        if (seg.segment.kind == ITEM and q.first == 1 and seg.raw[0].isalpha() and seg.raw[0].isupper() and len(seg.raw[0]) >= 2
                and any(qq.first > q.last and qq.value is not None and low[qq.first - 1] in ("-", ":", "x", "(") for qq in seg.quantities)):
            continue  # "TAM 150 military trucks – 25": the number is the model's, the count comes after the dash
        if (q.first >= 2 and low[q.first - 2] == "the" and low[q.first - 1] in ("first", "last", "remaining", "final", "next")
                and not _told_as_todays_news(seg)):
            continue  # "the first two NASAMS ... are expected to be delivered": a schedule, not a new pledge
        start = q.last + 1
        if start < n and low[start] in ("x", "*"):
            start += 1
            if (start + 2 < n and low[start].isdigit() and low[start + 1] == "x" and low[start + 2].isdigit()
                    and not seg.space[start + 1] and not seg.space[start + 2]):
                start += 3  # "8 x 4x4 military trucks": the drive, not a count
        if start + 1 < n and low[start] in ("sets", "set", "pairs", "pieces", "kits", "units") and low[start + 1] == "of":
            start += 2  # "10 000 sets of winter equipment", "9,000 sets of ballistic plates"
        of_the = start + 1 < n and low[start] == "of" and low[start + 1] in ("its", "their", "the", "his", "her", "our", "these", "those")
        if of_the:
            start += 2  # "all 19 of its Caesar", "12 of these Caesar"
        if _serviced(low, q.first):
            continue  # "maintenance for 20 Leopard tanks already in Ukraine"
        obj = build_object(ref, ph, start, q)
        if obj is None and objects and q.value is not None:
            obj = _same_system_more(seg, ph, objects[-1][0], q, start)
        if obj is None or (of_the and obj.system.generic):
            continue  # "109 of the vehicles" points back at something counted before
        objects.append((obj, q))
        for k in range(obj.first, obj.last + 1):
            used[k] = True
        # "dozens of 155mm FH70 and 122mm D-30 howitzers": the count is shared.
        j = obj.last + 1
        if q.value is None and obj.head is None and j + 1 < n and low[j] == "and":
            nxt = build_object(ref, ph, j + 1, q)
            if nxt is not None and not nxt.system.generic and nxt.head is not None:
                objects.append((nxt, q))
                for k in range(nxt.first, nxt.last + 1):
                    used[k] = True
    for m in seg.matches:
        if m.entry.kind not in ("system", "generic") or used[m.first]:
            continue
        k = m.first - 1
        while (k >= 0 and k >= m.first - 8 and not used[k] and ph.match_at[k] is None and not seg.cue_kinds_at[k] & VERB_CUES
               and (low[k] in (",", "and", "or") or ph.is_modifier(k))):
            k -= 1
        start = k + 1
        while start < m.first and low[start] in (",", "and", "or"):
            start += 1
        j = start - 1
        while j >= 0 and low[j] in ("the", "its", "their"):
            j -= 1
        if m.entry.kind == "system" and j > 0 and low[j] in ("for", "of") and lemma(low[j - 1]) in AMMUNITION_HEADS and not used[j - 1]:
            # "additional munitions for HIMARS": the launcher names whose ammunition it is
            start = j - 1
            while start > 0 and not used[start - 1] and ph.is_modifier(start - 1) and ph.match_at[start - 1] is None:
                start -= 1
        if (m.entry.kind == "system" and j > 0 and low[j] == "for"
                and any(o.system.category == "munitions" and o.last < j
                        and not any(seg.cue_kinds_at[i] & VERB_CUES for i in range(o.last + 1, j))
                        for o, _ in objects)):
            continue  # "155mm ammunition, tens of thousands of rounds, for the Krab howitzers": whose rounds
        if any(t == "against" for t in low[max(0, start - 3) : start]):
            continue  # "to strengthen air defences against drones and cruise missiles": the threat, not the aid
        if m.entry.kind == "system" and _compared_to(low, start):
            continue  # "the German version of the M270": named for comparison, not pledged
        if _recipients_own(low, start):
            continue  # "interceptors for Ukraine's Patriot batteries": what Ukraine already has
        if m.entry.kind == "system" and m.last + 1 < n and low[m.last + 1] in _NAME_AS_MODIFIER_NEXT:
            continue  # "the European F-16 training centre", "the F-16 coalition": the name describes something else
        if _serviced(low, start):
            continue  # "spare parts for M109 howitzers": the parts are given, not the howitzers
        obj = build_object(ref, ph, start, None)
        if obj is None:
            continue
        q = None if start > 0 and low[start - 1] in _ATTACHED and objects else _trailing_count(seg, obj, used)
        if q is None and seg.segment.kind == ITEM:
            q = _count_x_before(seg, obj.first, used)  # '30 x EDM4S "SkyWiper" anti-drone systems'
        gun = _calibre_of_gun_before(seg, obj, objects)
        if gun is not None:
            # "Howitzers (self-propelled and towed), 155 mm: 36": the calibre of the guns, whose count it is
            if q is not None and objects[gun][1] is None:
                o0 = objects[gun][0]
                objects[gun] = (EquipmentObject(o0.system, o0.item, q, o0.first, o0.last, o0.alias, o0.head, o0.how, o0.also), q)
            continue
        if q is not None and q.value is not None and obj.also and obj.system.generic and obj.head:
            shared = ref.generic_for(obj.head, [])
            if shared is not None:
                # "Strike and air defence missiles: more than 1,600": one count over both kinds, recorded by the kind
                obj = EquipmentObject(shared, obj.item, obj.quantity, obj.first, obj.last, obj.head, obj.head, "generic", [])
        if q is None and not obj.system.generic and not (obj.head and seg.raw[_head_index(seg, obj)].lower().endswith("s")) and not _noun_follows(seg, obj.last):
            q = _article_quantity(seg, obj.first)
        if obj.system.generic and q is None and (_noun_follows(seg, _complement_start(seg, obj))
                                                 or (_noun_follows(seg, _head_index(seg, obj))
                                                     and not any(t in ("for", "of") for t in seg.low[obj.first : obj.last + 1]))):
            continue  # "drone parts", "the Czech-led ammunition initiative": the generic word is a modifier
        if obj.system.generic and q is None and obj.head == "unit" and seg.low[obj.last] in ("units", "unit"):
            continue  # "for use by infantry and drone units": a formation, not equipment
        if obj.system.generic and q is None and obj.head and not seg.raw[_head_index(seg, obj)].lower().endswith("s"):
            aq = _article_quantity(seg, obj.first)
            if aq is not None and aq.first > 0 and (seg.low[aq.first - 1] in ("as", "well", "and", "plus") or seg.cue_kinds_at[aq.first - 1] & POSITIVE):
                q = aq  # "... as well as an armoured recovery vehicle"
        last = max(obj.last, q.last if q is not None and q.first > obj.first else obj.last)
        first = min(obj.first, q.first) if q is not None else obj.first
        obj = EquipmentObject(obj.system, obj.item, q, first, last, obj.alias, obj.head, obj.how, obj.also)
        objects.append((obj, q))
        for k in range(obj.first, obj.last + 1):
            used[k] = True
    objects.sort(key=lambda o: o[0].first)
    return _host_missiles(seg, _parts_and_totals(seg, _restated_counts(seg, _class_after_name(seg, objects))))


def _count_x_before(seg: Seg, first: int, used: list[bool]) -> Quantity | None:
    """The count of a list line "N x <model name> <kind>": only a model name (capitalised or
    quoted tokens, digits) stands between the "x" and the equipment."""
    low, raw = seg.low, seg.raw
    k = first - 1
    while k >= 0 and first - k <= 6 and low[k] != "x" and (
            raw[k][:1].isupper() or raw[k][:1].isdigit() or low[k] in ('"', "'", "\u201c", "\u201d", "-", "/")):
        k -= 1
    if k < 1 or low[k] != "x" or k == first - 1:
        return None
    return next((q for q in seg.quantities if q.last == k - 1 and q.value is not None and not used[q.first]), None)


def _calibre_of_gun_before(seg: Seg, obj: EquipmentObject, objects: list) -> int | None:
    """Index in `objects` of the gun whose calibre `obj` ("155 mm" alone) gives, or None."""
    toks = seg.low[obj.first : obj.last + 1]
    if not (1 <= len(toks) <= 2 and toks[0][:1].isdigit() and (len(toks) == 1 or toks[1] in ("mm", "cm"))):
        return None
    for i in range(len(objects) - 1, -1, -1):
        o = objects[i][0]
        if o.last >= obj.first:
            continue
        between = seg.low[o.last + 1 : obj.first]
        if o.system.category == "artillery" and len(between) <= 8 and "," in between and not any(
                t.isdigit() or seg.phrase.match_at[o.last + 1 + j] is not None for j, t in enumerate(between)):
            return i
        return None
    return None


_NAME_AS_MODIFIER_NEXT = frozenset(
    "training centre center coalition programme program pilots pilot fleet school simulator simulators academy course "
    "courses hub base bases instructors crews crew technicians mechanics".split())
_MISSILE_WORDS = frozenset({"missile", "interceptor"})
_HOST_GLUE = frozenset({"and", ",", "plus", "as", "well", "with", "together", "along", "also"})


def _host_missiles(seg: Seg, objects: list) -> list:
    """"two Patriot launchers and a number of missiles": counted missiles coordinated with a named
    air-defence system are its interceptors (Patriot / missile), however vague their count."""
    if len(objects) < 2:
        return objects
    low = seg.low
    out = []
    for o, q in objects:
        if q is None and o.system.generic and o.first > 0 and low[o.first - 1] == "some" and low[o.first] != "of":
            q = Quantity(None, VAGUE, o.first - 1, o.first - 1, seg.starts[o.first - 1], seg.ends[o.first - 1])
            if not (o.head in _MISSILE_WORDS and out):
                q = None  # "some missiles" is a vague count only where it makes interceptors of a system
        if q is not None and o.system.generic and o.head in _MISSILE_WORDS and out:
            p, _ = out[-1]
            start = min(o.first, q.first)
            if (not p.system.generic and p.system.category == "air-defence" and p.last < start
                    and 0 < start - p.last <= 4 and all(t in _HOST_GLUE for t in low[p.last + 1 : start])):
                o = EquipmentObject(p.system, "missile", q, min(o.first, q.first), o.last, o.alias, o.head, o.how, o.also)
            elif q is not None and q.first < o.first and low[q.first] == "some" and q.value is None:
                q = None
        out.append((o, q))
    return out


def _class_after_name(seg: Seg, objects: list) -> list:
    """"Carl-Gustaf M2 recoilless anti-tank weapons": the generic class noun after a name (with only a
    model designation or modifiers between) describes the named system, not a second item."""
    if len(objects) < 2:
        return objects
    low = seg.low
    out = []
    for n, (o, q) in enumerate(objects):
        trailing = q is not None and q.first > o.first
        if n > 0 and o.system.generic and (q is None or trailing) and out:
            p, pq = out[-1]
            gap = low[p.last + 1 : o.first]
            same = (not p.system.generic and len(gap) <= 4
                    and (p.system.category == o.system.category or (
                        1 <= len(gap) <= 2 and all(t.isalpha() for t in gap)  # "Carl-Gustaf M4 recoilless rifles"
                        and all(seg.phrase.is_modifier(k) for k in range(p.last + 1, o.first))))
                    and not any(t in (",", ";", "and", "or", "with", "for", "of", "(", ")", "plus") for t in gap))
            if same and q is None:
                continue
            if same and pq is None:
                # "... anti-tank weapons (30)": the trailing count is the named system's
                out[-1] = (EquipmentObject(p.system, p.item, q, p.first, o.last, p.alias, p.head, p.how, p.also), q)
                continue
        out.append((o, q))
    if seg.segment.kind == ITEM:
        # "Air defence systems, Robot 70 (RBS 70)", "Anti-tank missile systems, TOW": a category label,
        # then the system it names
        out = [(o, q) for n, (o, q) in enumerate(out)
               if not (o.system.generic and q is None and n + 1 < len(out) and low[o.last + 1 : o.last + 2] == [","]
                       and not out[n + 1][0].system.generic and out[n + 1][0].first == o.last + 2
                       and out[n + 1][0].system.category == o.system.category)]
    return out


_RESTATE = (("that", "is"), ("that", "'", "s"), ("i", ".", "e", "."), ("ie",), ("namely",), ("in", "other", "words"),
            ("or", "some"), ("or", "about"), ("that", "means"), ("meaning",))


def _restated_counts(seg: Seg, objects: list) -> list:
    """"one company of Leopard 2A6 tanks - that is 14 tanks": the counted generic restates the
    named thing before it, which takes the count; the generic repeat goes."""
    if len(objects) < 2:
        return objects
    low = seg.low
    out = list(objects)
    for n in range(1, len(out)):
        o, q = out[n]
        if q is None or q.value is None or not o.system.generic:
            continue
        k = q.first - 1
        while k >= 0 and low[k] in ("-", ",", "(", ":"):
            k -= 1
        hit = next((w for w in _RESTATE if k - len(w) + 1 >= 0 and tuple(low[k - len(w) + 1 : k + 1]) == w), None)
        cell = q.first > 0 and "\t" in seg.folded[seg.ends[q.first - 1] : seg.starts[q.first]]
        if hit is None and not cell:
            continue  # ("SCALP-EG cruise missiles<TAB>40 additional missiles": the count cell restates the name)
        p, pq = out[n - 1]
        if (pq is not None and pq.value is not None) or p.system.generic or not (
                p.system.category == o.system.category or o.system.name in _CATCH_ALL or (p.head and p.head == o.head)):
            continue
        out[n - 1] = (EquipmentObject(p.system, p.item, q, p.first, p.last, p.alias, p.head, p.how, p.also), q)
        out[n] = None
    return [x for x in out if x is not None]


_COUNT_LABELS = frozenset("quantity quantities qty number count".split())
_COUNT_UNITS = frozenset("unit units pcs pc pieces piece items item ea nos each sets set".split())
_VAGUE_TAIL = frozenset("hundred hundreds thousand thousands million millions of rounds round shells cartridges".split())
_COUNT_END = frozenset({",", ";", ".", ")", "and", "(", "|", "new"})


def _trailing_count(seg: Seg, obj: EquipmentObject, used: list[bool]) -> Quantity | None:
    """A count written after the thing it counts, as lists and tables do: "IRIS-T SLM (4)",
    "(four)", "Leopard 1A5 - 10", "Gepard: 15", "Dingo x4", "Patriot, quantity: 2", "M113 - 20 units",
    "Marder 1A3 40 pcs", or the last column of a table row ("Biber<TAB>16")."""
    low, n = seg.low, len(seg.low)
    k = obj.last
    starts = {qq.first for qq in seg.quantities}
    for d in range(obj.first + 1, obj.last + 1):
        if low[d] in ("-", "x", ":") and d + 1 in starts:
            k = d - 1  # "mortar rounds - several thousand": the noun run took the dash and the count
            break
        if d in starts and "\t" in seg.folded[seg.ends[d - 1] : seg.starts[d]]:
            k = d - 1  # "M113<TAB>more than 20": the noun run took the count cell's "more"
            break
    while k > obj.first and low[k] in ("-", "x", "("):
        k -= 1  # the noun run takes a trailing "-" / "x" / "(" for part of a name
    if "(" in low[obj.first : k + 1] and ")" not in low[obj.first : k + 1]:
        close = next((c for c in range(k + 1, min(n, k + 8)) if low[c] == ")"), -1)
        if close > 0:
            k = close  # "Body armour (plates and carriers) – 5,000 sets": the name ran into its bracket
    j = k + 1
    if j + 2 < n and low[j] == "(" and not any(qq.first == j + 1 and qq.value is not None and qq.last + 1 < n
                                                and low[qq.last + 1] == ")" for qq in seg.quantities):
        close = next((c for c in range(j + 1, min(n, j + 16)) if low[c] == ")"), -1)
        if close > 0 and close + 1 < n and low[close + 1] in ("-", ":", "x", "|"):
            j = close + 1  # "Armoured personnel carriers (M577) – 10": past the designation in brackets
        elif close > 0 and close + 1 < n and "\t" in seg.folded[seg.ends[close] : seg.starts[close + 1]]:
            j = close + 1  # "Trucks (1/2 t type and 3 1/2 t type) ...... approx. 80": the count cell after the note
    if j + 1 < n and low[j] == ")" and low[j + 1] in ("|", "-", ":", "x") and "(" in low[obj.first - 1 : obj.last]:
        j += 1  # "Gruppbåt (group boats) | 20": the name ended inside the brackets
    sep = ""
    if j < n and low[j] in ("(", ":", "-", "=", "x", ",", "|"):
        sep = low[j]
        j += 1
    if sep == "(" and j + 1 < n and low[j] == "x" and not seg.space[j + 1]:
        j += 1  # "82 mm mortars (x30)"
    if j < n and low[j] in _COUNT_LABELS and sep != "(":
        sep = "label"  # "Patriot, quantity: 2", "M113 - qty 20"
        j += 1
        if j < n and low[j] in (":", "-", "="):
            j += 1
    q = next((qq for qq in seg.quantities if qq.first == j and not used[j]), None)
    if q is None and seg.segment.kind == ITEM:
        cell = _count_cell(seg, k)
        if cell >= 0 and not used[cell]:
            # "Stridsfordon 90 (CV90), new production | approx. 10": the row's count cell
            j, sep = cell, "|"
            q = next(qq for qq in seg.quantities if qq.first == j)
    if q is None:
        return None
    m = q.last + 1
    if sep == "(":
        if m < n and low[m] in _CELL_UNITS:
            m += 1  # "155 mm artillery ammunition (approx. 30,000 rounds)"
        return q if m < n and low[m] == ")" else None
    if q.value is None:
        while m < n and low[m] in _VAGUE_TAIL:
            m += 1  # "- several thousand", "| tens of thousands of rounds"
    unit = m < n and low[m] in _COUNT_UNITS
    if unit:
        m += 1
    elif (sep in ("|", ":", "label", "-") or "\t" in seg.folded[seg.ends[k] : seg.starts[q.first]]) and m < n and low[m] in _CELL_UNITS:
        m += 1  # "155 mm artillery ammunition | more than 20,000 rounds", "Artillery ammunition — 100,000+ rounds"
        unit = sep == "-"
    ends = m >= n or low[m] in _COUNT_END or "\t" in seg.folded[seg.ends[m - 1] : seg.starts[m]]
    if not ends and m + 1 < n and low[m] == "of" and low[m + 1] in ("them", "these", "those") and sep in ("-", ","):
        return q  # "the CV90 - around 50 of them": the count restated after the name
    if sep in (":", "label", "|"):
        return q if ends or sep == ":" else None  # "Patriot: 30 missiles" keeps the old reading
    if seg.segment.kind != ITEM or not (ends or (unit and sep in ("-", "x"))):
        return None  # "... - 4 more will follow", a dash in running prose ("- 20 units from Danish stocks" is a count)
    if sep == ",":
        # "Biber bridge layers, 16 units", "Leopard 1A5 tanks, additional 15" (not "Gepard, 15 Leopard")
        return q if unit or low[q.first] in ("additional", "another", "further") else None
    if sep:
        return q
    return q if unit or "\t" in seg.folded[seg.ends[k] : seg.starts[q.first]] else None


def _count_cell(seg: Seg, last: int) -> int:
    """The first token of a table row's count cell after token `last`, when only words (no other
    equipment, no number) stand between them: the row's item cell ends in a remark."""
    folded = seg.folded
    for k in range(last + 1, len(seg.low)):
        gap = folded[seg.ends[k - 1] : seg.starts[k]]
        if "|" in gap or "\t" in gap:
            return k if any(qq.first == k for qq in seg.quantities) else -1
        if seg.low[k] == "|":
            if "\n" in folded[seg.starts[k] : seg.segment.end]:
                continue  # a wrapped row's empty cells: its count is on the next line
            return k + 1 if any(qq.first == k + 1 for qq in seg.quantities) else -1
        if seg.low[k] == ":" and seg.segment.kind == ITEM:
            q = next((qq for qq in seg.quantities if qq.first == k + 1), None)
            # "Fast patrol boats, type G: 10": the line's count after its remarks
            return k + 1 if q is not None and all(t in (".", ";", ",") or t.isalpha() for t in seg.low[q.last + 1 :][:2]) else -1
        if (seg.low[k] == "(" and seg.segment.kind == ITEM and any(qq.first == k + 1 for qq in seg.quantities)
                and ")" in seg.low[k + 2 : k + 6] and all(t in (")", ";", ".", ",") for t in seg.low[seg.low.index(")", k + 1) + 1 :])):
            return k + 1  # "RCH 155 wheeled howitzers, industry procurement (up to 18)": the line's count, last
        t = seg.low[k]
        year = len(t) == 4 and t[:2] in ("19", "20") and t.isdigit() and seg.low[k - 1] in ("in", "by", "from", "until", "of")
        calibre = t.isdigit() and k + 1 < len(seg.low) and seg.low[k + 1] in ("mm", "cm", "calibre", "caliber")
        m = seg.phrase.match_at[k]
        attached = m is not None and m.first > 0 and seg.low[m.first - 1] in _ATTACHED  # "..., with ammunition | 10"
        if (m is not None and m.entry.kind in ("system", "generic") and not attached) or (
                t[:1].isdigit() and not year and not calibre and not seg.covered[k]):
            return -1  # another thing or another number in the item cell: not the count's alone
    return -1


_CELL_UNITS = frozenset("rounds round shells shell cartridges missiles rockets mines grenades vehicles".split())
_RATE_UNITS = frozenset("day week month year quarter".split())


def _rate_after(seg: Seg, last: int) -> bool:
    """"... every month", "per week", "a month", "monthly" within a few tokens after a counted phrase."""
    low = seg.low
    for k in range(last + 1, min(len(low), last + 7)):
        t = low[k]
        if t in ("monthly", "weekly", "annually", "yearly"):
            return True
        if t in ("every", "each", "per", "a") and k + 1 < len(low) and low[k + 1] in _RATE_UNITS:
            return True
        if t in (",", ";") or seg.cue_kinds_at[k] & VERB_CUES:
            return False
    return False


def _parts_and_totals(seg: Seg, objects: list) -> list:
    """A stated total and its parts are one pledge, recorded once.

    "400 vehicles, made up of 162 X, 78 Y and 160 Z": the parts sum to the total, so the
    parts are kept and the total dropped.  "50 Hammer bombs every month ..., a total of 600
    bombs": a rate with its total, so the named system gets the total and the generic
    repeat ("600 bombs") goes.
    """
    counted = [(n, o, q) for n, (o, q) in enumerate(objects) if q is not None and q.value is not None]
    if len(counted) < 2:
        return objects
    drop: set[int] = set()
    replace: dict[int, tuple] = {}
    for pos, (n, o, q) in enumerate(counted):
        parts = 0
        for m, o2, q2 in counted[pos + 1 :]:
            if o2.item != o.item and not o.system.generic:
                break
            if "." in seg.low[o.last + 1 : o2.first] or any(seg.donor_at[t] is not None for t in range(o.last + 1, o2.first)):
                break  # another sentence or another donor's count: not a part of this one
            parts += 1
            if q2.value > q.value:
                break
            total = sum(x[2].value for x in counted[pos + 1 : pos + 1 + parts])
            if total == q.value and parts >= 2:
                drop.add(n)
                break
            if total > q.value:
                break
        if n in drop or not _rate_after(seg, o.last):
            continue
        for m, o2, q2 in counted[pos + 1 :]:
            if not any(seg.low[k] == "total" for k in range(q2.first, q2.last + 1)) or q2.value <= q.value:
                continue
            if o2.system is o.system or (o2.system.generic and o2.system.category == o.system.category):
                replace[n] = (EquipmentObject(o.system, o.item, q2, o.first, o.last, o.alias, o.head, o.how, o.also), q2)
                drop.add(m)
            break
    if not drop and not replace:
        return objects
    return [replace.get(n, oq) for n, oq in enumerate(objects) if n not in drop]


def _noun_follows(seg: Seg, last: int) -> bool:
    """An unknown lowercase noun right after a name: "a Leopard decision", "drone parts"."""
    from .systems import FUNCTION_WORDS

    k = last + 1
    if k >= len(seg.low) or "\t" in seg.folded[seg.ends[last] : seg.starts[k]]:
        return False  # "Artillery ammunition<TAB>number not disclosed": the next cell, not a noun
    t = seg.low[k]
    return (t.isalpha() and seg.raw[k].islower() and t not in FUNCTION_WORDS
            and not (seg.cue_kinds_at[k] - {PACKAGE, AGG})  # "ammunition initiative", "drone coalition"
            and not t.endswith(("ed", "ing", "ly")) and seg.phrase.match_at[k] is None)


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve dozen".split())
_SERVICE_NOUNS = frozenset(
    """part parts spare spares component components maintenance repair repairs servicing sustainment
    upkeep overhaul refurbishment training crews crew instructors barrels barrel engines engine tyres tires
    tracks equipment accessories kits""".split()
)


def _serviced(low: list[str], start: int) -> bool:
    """The phrase at `start` is the complement of a service noun: "spare parts for", "training on"."""
    k = start - 1
    while k >= 0 and (low[k] in ("the", "its", "their", "existing", "all", "ukraine's", "ukrainian", "a", "an",
                                 "another", "additional", "further") or low[k].isdigit() or low[k] in _NUMBER_WORDS):
        k -= 1  # "components for two NASAMS batteries": the count is the host's, not a pledge
    if k >= 1 and low[k] in ("and", "or", ","):
        # "spare parts for the CV90s and Stridsvagn 122s": the second of the serviced things
        for j in range(k - 1, max(-1, k - 8), -1):
            if low[j] in (";", ".", ":") or low[j] in _SERVICE_NOUNS:
                break
            if low[j] in ("for", "of", "on", "to"):
                return _serviced(low, j + 1)
    if k >= 2 and low[k] == "for" and low[k - 1] == "support" and low[k - 2] in _SERVICE_NOUNS:
        return True  # "spare parts and maintenance support for combat vehicles"
    if k < 1 or low[k] not in ("for", "of", "on", "to") or low[k - 1] not in _SERVICE_NOUNS:
        return False
    if low[k] == "of" and low[k - 1] in ("part", "parts", "component", "components"):
        return k >= 2 and low[k - 2] in ("spare", "replacement")  # "parts of the Hawk system" are a pledge
    return True


def _recipients_own(low: list[str], start: int) -> bool:
    """The phrase at `start` follows "for/of/with Ukraine's" or "for the Ukrainian": the recipient's equipment."""
    k = start - 1
    while k >= 0 and low[k] in ("'", "s", "existing", "the"):
        k -= 1
    if k < 1 or low[k] not in ("ukraine", "ukraine's", "ukrainian", "ukrainians'"):
        return False
    j = k - 1
    while j >= 0 and low[j] in ("the",):
        j -= 1
    return j >= 0 and low[j] in ("for", "of", "with", "to")


_COMPARISON = frozenset("version variant equivalent successor copy derivative upgrade counterpart cousin".split())


def _compared_to(low: list[str], start: int) -> bool:
    k = start - 1
    if k >= 0 and low[k] == "the":
        k -= 1
    if k >= 1 and low[k] == "of" and low[k - 1] in _COMPARISON:
        return True
    return k >= 0 and low[k] in ("like", "than", "unlike", "replacing", "replaces", "replace")


def _same_system_more(seg: Seg, ph: Phrase, prev: EquipmentObject, q: Quantity, start: int) -> EquipmentObject | None:
    """"1,000 Javelin missiles and 50 Command Launch Units", "80,000 CRV7 rocket motors and 1,300
    warheads": a second count of parts of the system just named."""
    if prev.system.generic or q.first - prev.last > 2 or seg.low[prev.last + 1] not in ("and", ",", "with"):
        return None
    k = start
    while k < len(seg.low) and k < start + 4 and not ph.is_head(k) and (ph.is_modifier(k) or seg.raw[k][:1].isupper()):
        k += 1
    if k >= len(seg.low) or not ph.is_head(k) or ph.match_at[k] is not None:
        return None
    return EquipmentObject(prev.system, prev.system.unit, q, q.first, k, prev.alias, seg.low[k], "alias")


def _complement_start(seg: Seg, obj: EquipmentObject) -> int:
    """The last token before a for/of complement taken into the object ("Shotguns | for counter-drone
    protection"): a noun after the complement does not make the object a modifier."""
    for k in range(obj.first + 1, obj.last + 1):
        if seg.low[k] in ("for", "of") and (seg.phrase.is_head(k - 1) or seg.phrase.match_at[k - 1] is not None):
            return k - 1 if k + 1 <= obj.last else obj.last
    return obj.last


def _head_index(seg: Seg, obj: EquipmentObject) -> int:
    for k in range(obj.last, obj.first - 1, -1):
        if seg.phrase.is_head(k):
            return k
    return obj.last


def _each_donors(seg: Seg, gov, att) -> list[Donor]:
    """"The United States, Germany and Romania will each provide one Patriot battery": one per donor."""
    trailing = any(t == "each" and (k + 1 >= len(seg.low) or not seg.low[k + 1].isalpha())
                   for k, t in enumerate(seg.low[gov[0] + 1 : gov[0] + 12], start=gov[0] + 1)) if gov is not None else False
    if gov is None or att.how != "subject" or not (trailing or any(t == "each" for t in seg.low[max(0, gov[0] - 4) : gov[0]])):
        return []
    donors: list[Donor] = []
    k = gov[0] - 1
    while k >= 0 and seg.donor_at[k] is None:
        k -= 1
    while k >= 0:
        d = seg.donor_at[k]
        if d is None:
            if seg.low[k] in (",", "and", "the"):
                k -= 1
                continue
            break
        if d[0] not in donors:
            donors.append(d[0])
        k = d[2] - 1
    donors.reverse()
    return donors if len(donors) > 1 else []


def _bare_generic_ok(seg: Seg, obj: EquipmentObject, objects, gov, side: str) -> bool:
    """Unnumbered generic equipment ("artillery ammunition") is proposed only when it is plainly an item."""
    if _RATE_RE.search(seg.folded, seg.segment.start, seg.segment.end) is not None and any(
            seg.clause_id[k] == seg.clause_id[obj.first] and (
                (seg.low[k] in ("per", "a", "each", "every") and seg.low[k + 1] in ("month", "year", "day", "week"))
                or (seg.low[k] == "production" and seg.low[k + 1] == "rate"))
            for k in range(len(seg.low) - 1)):
        return False  # "155 mm shells: deliveries to reach 3,000 per month (production rate)": output, not an item
    quantified_cats = {o.system.category for o, q in objects if q is not None and o.system is not None and o is not obj}
    if obj.system.category in quantified_cats:
        return False
    k = obj.first - 1
    while k >= 0 and (seg.low[k] in ("the", "a", "an", ",", "their", "its", "associated", "related")
                      or (seg.low[k] == "." and k > 0 and seg.low[k - 1] == "incl")):
        k -= 1
    others = {i for o, _ in objects if o is not obj for i in range(o.first, o.last + 1)}
    kk = k
    while kk >= 0 and (seg.low[kk] in ("and", "or", ",") or kk in others):
        kk -= 1  # "including trucks and all-terrain vehicles": the second of the parts
    if (kk >= 0 and (seg.low[kk] in ("including", "incl", "notably") or (seg.low[kk] == "them" and kk > 0 and seg.low[kk - 1] == "among"))
            and (any(q is not None and o.first < obj.first for o, q in objects)
                 or any(q.value is not None and q.last < kk for q in seg.quantities))):
        return False  # "400 vehicles, including armoured, all-terrain and logistics vehicles"
    together = (k >= 1 and seg.low[k] == "with" and seg.low[k - 1] in ("together", "along")
                and obj.system.unit in _STANDALONE_UNITS and obj.system.category not in ("munitions", "other"))
    if ((k >= 0 and seg.low[k] in _ATTACHED) or seg.low[obj.first] in _ATTACHED) and not together:
        return False  # "HIMARS and associated ammunition", "IRIS-T systems with missiles"
    if (obj.system.category == "munitions" and k >= 1 and seg.low[k] == "and"
            and not any(ch.isdigit() for ch in obj.system.name)  # "155mm artillery ammunition" is no Stinger's
            and any(not o.system.generic and o.last == k - 1 and o.system.category in _MISSILE_HOSTS for o, _ in objects)):
        return False  # "two Patriot launchers and missiles", "one Patriot battery and munitions": its ammunition
    if _money_subject(seg, gov):
        return False  # "the rest of our funding will provide long-range missiles, air defence ...": a purpose
    if seg.segment.kind == ITEM:
        bare = sum(1 for o, q in objects if q is None and o.system.generic)
        if any(seg.low[k] == "other" for k in range(obj.last + 1, len(seg.low))):
            return False  # "Small arms, night vision devices, body armor, and other field equipment"
        return True
    if gov is None or side != "before":
        return False
    if together and any(o.first < obj.first and not o.system.generic for o, _ in objects):
        return True  # "14 Challenger 2 tanks, together with armoured recovery vehicles"
    # Part of the verb's list of objects: "includes heavy artillery and ammunition", "provide Ukraine
    # with X, Y and Z" - but not "together with ...", "and associated ammunition", "with missiles".
    spans = set()
    for o, q in objects:
        if o is not obj:
            spans.update(range(o.first, o.last + 1))
    for mo in seg.money:
        if mo.last + 1 < len(seg.low) and seg.low[mo.last + 1] in ("package", "packages", "tranche"):
            spans.update(range(mo.first, mo.last + 1))  # "a £450 million package of radars, mines and drones"
    low = seg.low
    k = gov[1] + 1
    for c in seg.cues:
        if gov[1] < c[0] < obj.first and " ".join(low[c[0] : c[1] + 1]) in _CONSISTS:
            k = c[1] + 1  # "a package worth DKK 1.3 billion, consisting of air defence missiles and ...": its list
    if k < obj.first and low[k] == "ukraine":
        k += 1
        if k < obj.first and low[k] == "with":
            k += 1
    complement = False
    for j in range(k, obj.first):
        t = low[j]
        if t in ("for", "to", "from") and j - 1 in spans:
            complement = True  # (also "14 M113 from Army stocks, and ...": where the item before comes from)  # "AIM-9M missiles for Ukraine's air defense, 155mm rounds": the purpose of the item before
            continue
        if complement and t not in (",", ";", "and"):
            continue
        complement = False
        if j in spans or t in _LIST_GLUE or (t == "by" and low[gov[1]] == "by"):
            continue  # ("will be completed by 14 M113 ... and by an undisclosed number of drones")
        if t == "with" and j + 1 < obj.first and low[j + 1] in _ATTACHED_SUPPLIES and j + 2 <= obj.first and (
                low[j + 2] in (",", "and") if j + 2 < obj.first else False):
            continue  # "six L-70 guns with ammunition, dozens of ... and thermal cameras": the guns' own supplies
        if t in ("with", "associated", "related", "together", "along", "accompanying", "plus") and not together:
            return False
        if seg.phrase.is_modifier(j) and seg.phrase.match_at[j] is None:
            continue
        return False
    return True


_RATE_RE = re.compile(r"(?i)\b(?:per|a|each|every) (?:month|year|day|week)\b|production rate")
_ATTACHED_SUPPLIES = frozenset({"ammunition", "munitions", "missiles", "rounds", "spares", "trailers"})
_MISSILE_HOSTS = frozenset({"air-defence", "rocket-artillery", "anti-tank"})
# "together with armoured recovery vehicles": equipment of these kinds is an item of its own
_STANDALONE_UNITS = frozenset({"vehicle", "system", "aircraft", "vessel", "launcher"})
_MONEY_NOUNS = frozenset("funding money funds fund financing budget".split())


def _money_subject(seg: Seg, gov) -> bool:
    """The verb's nearest subject-like noun is money: the items are what the money is for."""
    if gov is None:
        return False
    clause = seg.clause_id[gov[0]]
    n = len(seg.low)
    for k in range(gov[0] - 1, max(-1, gov[0] - 25), -1):
        if seg.clause_id[k] != clause:
            break
        d = seg.donor_at[k]
        if d is not None and d[1] == "donor" and not donor_rules._after_preposition(seg.low, d[2]):
            end = k
            while end + 1 < n and seg.donor_at[end + 1] is not None and seg.donor_at[end + 1][2] == d[2]:
                end += 1
            if not (end + 1 < n and seg.low[end + 1] == "'"):
                return False  # a donor subject (not "the UK's support")
        if seg.low[k] in _MONEY_NOUNS:
            return True
    return False


_ATTACHED = frozenset({"with", "associated", "related", "accompanying", "supporting", "incl"})
_LIST_GLUE = frozenset(", ; and as well the a an its their our all of additional further more new also other remaining entire whole "
                       "among items things inter alia "
                       # "another large batch of 155mm artillery ammunition": a container of the item
                       "another batch batches consignment consignments shipment shipments large substantial sizeable "
                       "package tranche".split())


def _segment_candidates(text: str, seg: Seg, ref: ReferenceData, lst: ListState,
                        context: Donor | None, document: Donor | None, order: int,
                        last_donor: Donor | None = None, speaker: Donor | None = None) -> list[Candidate]:
    out: list[Candidate] = []
    programme = programme_donor(seg, ref)
    objects = _collect_objects(seg, ref)
    for obj, q in objects:
        anchor = min(q.first, obj.first) if q is not None else obj.first  # a trailing count: "Gepard (15)"
        status, why, gov, side = _pledge_status(seg, anchor, obj.last, lst)
        if status not in ("pledge", "weak"):
            continue
        if (q is None or q.value is None and q.qualifier != VAGUE) and obj.system.generic and not _bare_generic_ok(seg, obj, objects, gov, side):
            continue
        att = _attribute(seg, gov, side, anchor, obj.first, obj.last, lst, context, document, last_donor, speaker,
                         programme)
        if att.donor is None:
            continue
        if (q is None and document is not None and att.donor is not document and gov is not None
                and (_perfect_before(seg, gov[0]) or _reported_before(seg, gov[0])) and seg.segment.kind == SENTENCE):
            # a speech's "Germany has committed Leopard 2A6 tanks", "Poland has said that it would send
            # Leopard 2 tanks": another donor's aid, in passing
            continue
        reasons = ["donor:" + att.how, why, ("system:alias " if obj.how == "alias" else "system:" + obj.how + " ") + obj.alias]
        if q is None:
            reasons.append("qty:none")
        elif q.value is None:
            reasons.append("qty:" + q.qualifier)
        else:
            reasons.append("qty:digits" if any(seg.raw[k][:1].isdigit() for k in range(q.first, q.last + 1)) else "qty:word")
        reasons.append("item:" + (obj.head or "unit"))
        conf = _confidence(status, gov, att, obj, q)
        at = seg.starts[obj.first]
        donors = _each_donors(seg, gov, att) or [att.donor]
        head = obj.alias.rsplit(" ", 1)[-1].lower() if obj.system.generic and obj.alias else ""
        for donor in donors:
            out.append(Candidate(donor, obj.system, obj.item, q, None, seg.segment, conf, reasons, order, at,
                                 head=head, alias=obj.alias))
            for n_extra, extra in enumerate(obj.also):
                out.append(Candidate(donor, extra, obj.item if extra.unit == obj.system.unit else extra.unit, q, None,
                                     seg.segment, conf, reasons[:2] + ["system:" + extra.name], order, at + n_extra + 1))
    equipment = [c for c in out]
    accepted: Money | None = None
    for mo in seg.money:
        status, why, gov, side = _pledge_status(seg, mo.first, mo.last, lst)
        tied = _package_money(seg, mo)
        valued = _worth(seg, mo) and (tied or not equipment)  # "a drawdown ..., and it is valued at $400m"
        named = _names_package(seg, mo)  # "This $400 million package includes ..."
        part = accepted is not None and _coordinated_money(seg, accepted, mo)
        if accepted is not None and not part and seg.clause_id[mo.first] == seg.clause_id[accepted.first]:
            break  # one package value per clause, unless its parts are given side by side
        if valued or named:
            tied = True
        if gov is None and any(
                c[2] & {TOTAL, BACKGROUND} and seg.clause_id[c[0]] == seg.clause_id[mo.first]
                and not _superlative_before(seg, c[0]) for c in seg.cues):
            continue  # "Since 2022, Swedish support has had a total value of SEK 30 billion"
        if _many_packages_before(seg, mo.first):
            continue  # "has decided on fourteen support packages with a total value of SEK 30 billion": their sum
        if tied and valued and gov is not None and not gov[2] & POSITIVE and status in (
                "request", "other", "attack", "procure") and any(
                seg.low[k] in _PACKAGE_NOUNS for k in range(max(0, mo.first - 5), mo.first)) and (
                gov[0] > mo.last or "," in seg.low[gov[1] + 1 : mo.first]):
            # "The package, worth EUR 21.6 million, responds to requests"; "Estimated at what it will cost to
            # replace, the package is worth EUR 161 million": the package's own value
            status, why, gov = "no-trigger", "", None
        if status in ("no-trigger", "other") and mo.last + 1 < len(seg.low) and seg.low[mo.last + 1] == "available" and any(
                seg.low[k] in ("making", "make", "makes", "will") for k in range(max(0, mo.first - 4), mo.first)):
            status, why, gov, side = "pledge", "trigger:make available", None, ""  # "is making €500 million available for"
        if (status == "no-trigger" or status == "weak" and gov is None) and tied and (valued or named):
            status, why = "weak", "trigger:package worth"  # "The package, Sweden's tenth, is worth SEK 4.3bn."
        elif status == "pledge" and gov is None and ((tied and (valued or named)) or _earmark(seg, mo) is not None
                                                     or seg.segment.kind == ITEM or why == "trigger:make available"):
            # a list item of new contributions: "- Finland's 25th package, worth EUR 188 million, contains
            # ...", "- The Netherlands – EUR 150 million for the procurement of PAC-3 interceptors"
            pass
        elif part and status in ("no-trigger", "pledge", "weak"):
            status, why = "pledge", "value:part of a package"  # "$1bn in drawdown, and $850m in USAI funds"
        elif status not in ("pledge", "weak") or gov is None:
            continue
        if equipment and not tied:
            if len(equipment) == 1 and equipment[0].money is None:
                # "one NASAMS ... at a cost of approximately $406 million": the item's value
                c = equipment[0]
                c.money = Money(mo.amount, resolve_currency(mo.currency, c.donor.code), mo.first, mo.last, mo.start, mo.end)
                c.reasons.append("value:" + text[mo.start : mo.end])
            continue
        if gov is not None and not valued and not part and not (PLEDGE in gov[2] and (side == "before" or tied)):
            continue
        if any(seg.low[k] in _NOT_AID_MONEY for k in range(mo.first, min(len(seg.low), mo.last + 6))) or (
                any(seg.low[k] in ("loan", "loans") for k in range(mo.last + 1, min(len(seg.low), mo.last + 10)))
                and any(seg.low[k] in ("tranche", "of", "from") for k in range(mo.last + 1, min(len(seg.low), mo.last + 3)))):
            continue  # "£1.6 billion of UK export finance", "a €5bn loan"
        clause = seg.clause_id[mo.first]
        direct = gov is not None and side == "before" and mo.first - gov[1] <= 4 and all(
            seg.low[k] in ("a", "an", "further", "additional", "another", "new", "extra", "ukraine", "with", "more", "than", "up", "to", "around", "about", "some", "nearly", "almost", "over")
            for k in range(gov[1] + 1, mo.first))
        if not tied and not direct and _clause_has(seg, clause, PACKAGE) < 0:
            continue  # "Germany announced a further €500m" is a pledge; a sum elsewhere in the sentence may not be
        if (_budget_like(seg, clause, mo) or (gov is not None and _passive(seg, gov[0]) and not (valued and tied))
                or _cumulative_money(seg, gov, mo) or _own_forces_money(seg, clause, mo)):
            continue
        if mo.first > 0 and seg.low[mo.first - 1] == "by":
            continue
        att = _attribute(seg, gov, side, mo.first, mo.first, mo.last, lst, context, document, last_donor, speaker,
                         programme)
        if att.donor is None:
            continue
        money = Money(mo.amount, resolve_currency(mo.currency, att.donor.code), mo.first, mo.last, mo.start, mo.end)
        reasons = ["donor:" + att.how, why, "value:" + text[mo.start : mo.end]]
        earmarks = _earmarks(seg, mo)
        earmark = (earmarks[0] if len(earmarks) == 1 else None) or _valued_subject(seg, mo)
        out.append(Candidate(att.donor, None, None, None, money, seg.segment,
                             _confidence(status, gov, att, None, None), reasons, order, mo.start, earmark))
        if len(earmarks) > 1:
            # "ISK 500 million for winter equipment and medical supplies": the sum, and each thing it buys
            for system in earmarks:
                out.append(Candidate(att.donor, system, system.unit, None, None, seg.segment,
                                     _confidence(status, gov, att, None, None), reasons[:2] + ["system:paid for " + system.name],
                                     order, mo.start))
        accepted = mo
    if not out and not seg.money and not equipment:
        package = _package_only(text, seg, lst, context, document, order)
        if package is not None:
            out.append(package)
    return out


# Words between a sum and the equipment it pays for: "£350 million for drones", "DKK 200 million to
# purchase interceptor drones", "EUR 20 million for the production of FPV drones".
_EARMARK_GLUE = frozenset(
    """for to the purchase purchasing buy buying procure procuring procurement acquire acquisition of
    fund funding finance financing produce production manufacture new additional more in ukraine""".split()
)


def _earmark(seg: Seg, mo: Money) -> System | None:
    """The equipment a sum is for, when the words after it say so."""
    found = _earmarks(seg, mo)
    return found[0] if len(found) == 1 else None


def _earmarks(seg: Seg, mo: Money) -> list[System]:
    """Everything a sum is for: "ISK 500 million (approx. EUR 3.4 million) for winter equipment and
    medical supplies" - one or more coordinated names right after the sum."""
    low, n = seg.low, len(seg.low)
    j = mo.last + 1
    if j < n and low[j] == "(":
        close = next((c for c in range(j + 1, min(n, j + 16)) if low[c] == ")"), -1)
        j = close + 1 if close > 0 else j  # "(approximately EUR 3.4 million)": the same sum converted
    if j >= n or low[j] not in ("for", "to"):
        return []
    out: list[System] = []
    k = j + 1
    while k < min(n, j + 16):
        m = seg.phrase.match_at[k] if seg.phrase.match_at else None
        if m is not None:
            if m.entry.kind not in ("system", "generic"):
                break
            if m.entry.target not in out:
                out.append(m.entry.target)
            k = m.last + 1
            if k < n and low[k] in ("and", ",") and k + 1 < n and seg.phrase.match_at[k + 1] is not None:
                k += 1
                continue
            break
        if low[k] not in _EARMARK_GLUE or out:
            break
        k += 1
    return out


def _done_remark(seg: Seg, last: int) -> bool:
    """A list line's remark that the thing was given before: ", transferred in full in April 2024",
    ", delivered in 2023", ", already delivered"."""
    low = seg.low
    for k in range(last + 1, len(low) - 1):
        if low[k] == "," and (low[k + 1] in DELIVERY_PAST or low[k + 1] == "already") and low[k + 1] not in ("made", "given"):
            rest = low[k + 1 : k + 8]
            return "already" in rest or any(
                t in ("in", "on") and (u.isdigit() or u in _MONTHS) for t, u in zip(rest, rest[1:]))
    return False


def _delivery_noun_before(seg: Seg, anchor: int) -> bool:
    """"the delivery of the second SAMP/T system", "the arrival of the first F-16s": the delivery of
    something pledged before, talked about as a noun."""
    low = seg.low
    k = anchor - 1
    known = False
    while k >= 0 and (low[k] in ("the", "first", "second", "third", "last", "remaining", "final", "next")
                      or low[k] in _NUMBER_WORDS or low[k].isdigit()):
        known = known or low[k] in ("the", "first", "second", "third", "last", "remaining", "final", "next")
        k -= 1
    return known and k >= 1 and low[k] == "of" and low[k - 1] in ("delivery", "deliveries", "arrival")


def _money_buys(seg: Seg, at: int) -> bool:
    """A sum just before the procurement word at `at` pays for it: "€150 million for the procurement
    of", "DKK 200 million to purchase"."""
    k = at - 1
    while k >= 0 and seg.low[k] in ("for", "to", "the", "a", "joint"):
        k -= 1
    return k >= 0 and any(mo.first <= k <= mo.last for mo in seg.money)


def _valued_subject(seg: Seg, mo: Money) -> System | None:
    """"The drones ... are valued at more than $95 million": the value of equipment named before."""
    low = seg.low
    if not low or low[0] not in ("the", "these", "those", "this", "all") or not _worth(seg, mo):
        return None
    for k in range(1, min(len(low), 5)):
        m = seg.phrase.match_at[k] if seg.phrase.match_at else None
        if m is not None:
            return m.entry.target if m.entry.kind in ("system", "generic") else None
    return None


_PACKAGE_VERBS = frozenset(
    "approve approves approved approving announce announces announced announcing unveil unveils unveiled "
    "adopt adopts adopted present presents presented pledge pledges pledged agree agrees agreed".split()
)


def _package_only(text: str, seg: Seg, lst: ListState, context, document, order: int) -> Candidate | None:
    """"Italy's government approved its eighth package of military aid": a pledge with no content given.

    Kept only when the report gives that donor nothing more specific (see _finish).
    """
    for first, last, kinds in seg.cues:
        if PLEDGE not in kinds or seg.low[first] not in _PACKAGE_VERBS:
            continue
        pkg = next((k for k in range(last + 1, min(len(seg.low), last + 6)) if seg.low[k] in ("package", "tranche")), None)
        if pkg is None:
            continue
        if not any(seg.low[k] in ("military", "arms", "weapons", "defence", "defense", "security") for k in range(last + 1, min(len(seg.low), pkg + 4))):
            continue
        status, why, gov, side = _pledge_status(seg, pkg, pkg, lst)
        if status not in ("pledge", "weak") or gov is None or gov[0] != first:
            continue
        att = _attribute(seg, gov, side, pkg, pkg, pkg, lst, context, document)
        if att.donor is None:
            continue
        return Candidate(att.donor, None, None, None, None, seg.segment,
                         round(_confidence(status, gov, att, None, None) - 0.2, 2),
                         ["donor:" + att.how, why, "package:no content"], order)
    return _decree_package(seg, lst, context, document, order)


_ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth new latest further".split())


def _decree_package(seg: Seg, lst: ListState, context, document, order: int) -> Candidate | None:
    """"the ninth interministerial decree authorising the transfer of military means ... to Ukraine":
    a government's numbered aid decree is a package whose content is not given."""
    low = seg.low
    for k, t in enumerate(low):
        if t not in ("decree", "decrees") or k < 1:
            continue
        if not any(low[j] in _ORDINAL_WORDS or (low[j][:1].isdigit() and low[j][-2:] in ("th", "st", "nd", "rd"))
                   for j in range(max(0, k - 3), k)):
            continue
        tail = low[k + 1 : k + 14]
        if not ("transfer" in tail or "supply" in tail or "delivery" in tail) or not any(
                w in ("military", "weapons", "arms", "equipment") for w in tail):
            continue
        if not any(RECIPIENT in seg.cue_kinds_at[j] for j in range(k + 1, min(len(low), k + 22))):
            continue
        if any(c[2] & {NEG, HYPO, TOTAL, BACKGROUND} and c[0] < k for c in seg.cues) or _dated_past_any(seg):
            continue
        donor = context or document
        if donor is None:
            continue
        return Candidate(donor, None, None, None, None, seg.segment, 0.35,
                         ["donor:" + ("context" if context else "document"), "trigger:decree", "package:no content"], order)
    return None


def _dated_past_any(seg: Seg) -> bool:
    return any(_past_date_at(seg, k) >= 0 for k in range(len(seg.low)))


def _worth(seg: Seg, mo: Money) -> bool:
    k = mo.first - 1
    while k >= 0 and (seg.low[k] in ("about", "around", "approximately", "approx", "some", "nearly", "almost", "roughly", "up", "to", "over", "more", "than", "at", ":", "-", "ca", "c")
                      or (seg.low[k] == "." and k > 0 and seg.low[k - 1] in ("approx", "ca", "c"))):
        k -= 1
    if k >= 0 and seg.low[k] in ("worth", "valued", "totalling", "totaling", "value"):
        return True
    if k >= 1 and seg.low[k] == "of" and seg.low[k - 1] in ("value", "worth", "cost"):
        return True  # "a (total) value of approximately SEK 7.1 billion"
    if k >= 1 and seg.low[k] in ("is", "was", "totals", "amounts", "stands", "comes") and any(
            t in ("value", "cost") for t in seg.low[max(0, k - 6) : k]):
        return True  # "The value of the package is EUR 161 million"
    # "Total value of the package: approximately €113 million", "Value of this tranche - €50m"
    if k >= 2 and seg.low[k] in _PACKAGE_NOUNS and ":" in seg.low[k:mo.first]:
        j = k - 1
        if seg.low[j] in ("the", "this", "that", "its", "their"):
            j -= 1
        return j >= 1 and seg.low[j] == "of" and seg.low[j - 1] in ("value", "worth", "cost")
    return False


_BUDGET_WORDS = frozenset("budget budgets annual annually yearly per financial fiscal every each draft".split())
_PACKAGE_NOUNS = frozenset("package packages tranche drawdown pda".split())
_NEW_MONEY = frozenset("additional new further another extra fresh".split())
_OWN_FORCES = frozenset("bundeswehr gdp spending".split())


def _names_package(seg: Seg, mo: Money) -> bool:
    """"a $2.5 billion drawdown package", "This £400m package": the money names a package."""
    for k in range(mo.last + 1, min(len(seg.low), mo.last + 5)):
        t = seg.low[k]
        if t in _PACKAGE_NOUNS:
            return True
        if not (seg.phrase.is_modifier(k) or t in ("aid", "support", "assistance", "security", "military", "defence", "defense", "presidential", "-")):
            return False
    return False


def _coordinated_money(seg: Seg, prev: Money, mo: Money) -> bool:
    """"valued at $1 billion, and $850 million in USAI funds": two parts of one announcement."""
    between = seg.low[prev.last + 1 : mo.first]
    if bool(between) and all(t in (",", "and", "plus") for t in between) and _package_money(seg, mo):
        return True
    # "a PDA package valued at up to $1.25 billion, and a USAI package valued at approximately $1.22 billion":
    # a second package with its own value
    k = next((i for i in range(len(between) - 1) if between[i] == "," and between[i + 1] == "and"), -1)
    return k >= 0 and any(t in ("package", "tranche") for t in between[k:]) and any(
        t in ("valued", "worth") for t in between[k:])


def _marked_new(seg: Seg, mo: Money) -> bool:
    """"a further €500m", "€3 billion in additional military aid": money that is new, not a budget line."""
    lo = max(0, mo.first - 3)
    return any(t in _NEW_MONEY for t in seg.low[lo : mo.first]) or any(
        t in _NEW_MONEY for t in seg.low[mo.last + 1 : mo.last + 4])


_ROUGH = frozenset("more than over nearly almost some around about approximately roughly".split())


_BUDGET_VERBS = frozenset(
    "earmark earmarks earmarked earmarking allocate allocates allocated allocating budget budgets budgeted "
    "set aside sets reserve reserves reserved".split()
)


def _budget_verb(seg: Seg, clause: int, mo: Money) -> bool:
    """The money is planned rather than given: "earmarks", "has allocated", "plans to provide"."""
    for first, last, kinds in seg.cues:
        if first > mo.first or seg.clause_id[first] != clause:
            continue
        if (seg.low[first] in _BUDGET_VERBS and first > 0 and seg.low[first - 1] in ("will", "'ll", "shall")
                and _earmarks(seg, mo)):
            continue  # "Sweden will allocate SEK 1.2 billion to finance long-range drones": a pledge of what it buys
        if WEAK in kinds or seg.low[first] in _BUDGET_VERBS or (PLEDGE in kinds and _perfect_before(seg, first)):
            return True
    return False


_RANK_WORDS = frozenset("largest biggest second-largest third-largest top leading".split())
_RANK_NOUNS = frozenset("donor donors contributor contributors provider providers supporter supporters".split())
_STALLED = frozenset("blocked stalled stalling stalemate deadlock deadlocked stuck held frozen".split())


def _ranking_or_stalled(seg: Seg) -> bool:
    """"remains the largest single donor, with about €42 billion allocated, followed by Germany":
    a ranking of running totals; "a $60 billion package ..., which has been blocked in the House":
    money that is stuck, not given."""
    low = seg.low
    for k, t in enumerate(low):
        if t in _STALLED:
            return True
        if t in _RANK_WORDS and any(u in _RANK_NOUNS for u in low[k + 1 : k + 4]):
            return True
        if t == "followed" and k + 1 < len(low) and low[k + 1] == "by":
            return True
    return False


def _cumulative_money(seg: Seg, gov, mo: Money) -> bool:
    """"has committed more than $56 billion", "has allocated around €7 billion": a running total."""
    if _ranking_or_stalled(seg):
        return True
    if gov is None or not _perfect_before(seg, gov[0]) or _marked_new(seg, mo) or _names_package(seg, mo):
        return False
    clause = seg.clause_id[mo.first]
    if any((t in _PACKAGE_NOUNS or t in _NEW_MONEY) and seg.clause_id[k] == clause for k, t in enumerate(seg.low)):
        return False  # "has approved a further package ... worth around €2.7 billion"
    return any(t in _ROUGH for t in seg.low[max(0, mo.first - 2) : mo.first]) or any(
        t in ("alone", "overall", "altogether") for t in seg.low[max(0, gov[0] - 4) : gov[0]])


def _own_forces_money(seg: Seg, clause: int, mo: Money) -> bool:
    """"the €100 billion special fund", "defence spending of 2% of GDP": money for one's own forces."""
    if mo.last + 2 < len(seg.low) and seg.low[mo.last + 1] == "special" and seg.low[mo.last + 2] in ("fund", "funds"):
        return True
    lo, hi = max(0, mo.first - 8), min(len(seg.low), mo.last + 9)
    return any(seg.low[k] in _OWN_FORCES and seg.clause_id[k] == clause for k in range(lo, hi))


def _package_money(seg: Seg, mo: Money) -> bool:
    """"a package ... worth €2.7bn", "$2.5bn in weapons", "£500m of military funding": money of a package."""
    for k in range(max(0, mo.first - 10), mo.first):
        if seg.low[k] in _PACKAGE_WORDS:
            return True
    for k in range(mo.last + 1, min(len(seg.low), mo.last + 5)):
        if seg.low[k] in _PACKAGE_WORDS:
            return True
    return False


_NOT_AID_MONEY = frozenset(
    "export loan loans credit credits guarantee guarantees sanctions revenue economic humanitarian budgetary "
    "macro-financial reconstruction".split())

_PACKAGE_WORDS = frozenset(
    """package packages tranche aid assistance support funding contribution contributions donation
    weapons equipment initiative purl fund funds""".split()
)


def _budget_like(seg: Seg, clause: int, mo: Money | None = None) -> bool:
    """"€7.5 billion in 2024, and for 2025 ... four billion", "£3 billion this financial year": a budget, not a package.

    A sum planned for a year ("around €4 billion next year", "€7 billion for 2024") is a budget
    line too, unless it is marked as new money ("€3 billion in additional aid in 2024").
    """
    years = set()
    ranged = False
    new = mo is not None and (_marked_new(seg, mo) or not _budget_verb(seg, clause, mo))
    lo, hi = 0, len(seg.low)
    if mo is not None:  # a list line may hold several sentences: only the money's own counts
        lo = next((k + 1 for k in range(mo.first - 1, -1, -1) if seg.low[k] == "."), 0)
        hi = next((k for k in range(mo.last + 1, len(seg.low)) if seg.low[k] == "." and k + 1 < len(seg.low)
                   and seg.raw[k + 1][:1].isupper()), len(seg.low))
        # "an additional £500 million ..., taking our support this financial year to £3 billion": the year is the total's
        hi = next((k for k in range(mo.last + 1, hi) if seg.low[k] in ("taking", "bringing", "raising", "which")), hi)
    for k, tok in enumerate(seg.low):
        if seg.clause_id[k] != clause or not lo <= k < hi:
            continue
        if tok in _BUDGET_WORDS:
            return True
        if tok == "year" and k > 0 and seg.low[k - 1] in ("a", "per", "each", "every", "financial", "fiscal"):
            return True
        if not new and mo is not None and mo.last < k <= mo.last + 12 and "." not in seg.low[mo.last + 1 : k]:
            if tok == "year" and seg.low[k - 1] in ("next", "this", "coming") and seg.low[k - 2] not in ("the", "within"):
                return True
            if (tok.isdigit() and len(tok) == 4 and tok[:2] == "20" and seg.low[k - 1] in ("for", "in")
                    and not (k + 1 < len(seg.low) and seg.low[k + 1] in ("-", "and", "to"))):
                return True
        if tok.isdigit() and len(tok) == 4 and tok[:2] in ("19", "20"):
            years.add(tok)
            if k > 0 and seg.low[k - 1] in ("between", "from", "-", "to", "and", "until", "till"):
                ranged = True
    return len(years) > 1 and not ranged


def _passive(seg: Seg, first: int) -> bool:
    """"will be funded by", "was provided": a participle after a form of "be"."""
    word = seg.low[first]
    participle = word.endswith("ed") or word in DELIVERY_PAST
    return participle and first > 0 and seg.low[first - 1] in ("be", "been", "being", "is", "are", "was", "were")


# Support services listed beside a system's ammunition: the package around a counted system.
_SUPPORT_WORDS_RE = re.compile(r"\b(?:logistics|logistic support|maintenance|servicing|spare parts|training)\b", re.IGNORECASE)

# ... and a reference back to the system just pledged ("maintenance of the systems", "for them").
_BACK_TO_SYSTEM_RE = re.compile(
    r"\b(?:of|for) (?:the|these|those|its|their) (?:systems?|tanks?|vehicles?|howitzers?|launchers?|guns?|aircraft|jets?|"
    r"batter(?:y|ies)|platforms?)\b|\bfor them\b", re.IGNORECASE)


_PACKAGE_LIST_RE = re.compile(r"\b(?:including|includes?|comprising|consisting|contains?|containing)\b", re.IGNORECASE)


_ENABLER_RE = re.compile(
    r"\b(?:equipment|support|parts|spare parts|components|tools|kits|services)\s+(?:to|for)\s+"
    r"(?:integrate|integrating|integration of|sustain|sustaining|support|supporting|maintain|maintaining|"
    r"repair|repairing|service|servicing)\b", re.IGNORECASE)
_IN_RETURN_RE = re.compile(r"\bin (?:return|exchange) for\b", re.IGNORECASE)
_FIRST_OF_RE = re.compile(r"\b(?:the )?(?:first|next|last|remaining) (?:\w+ )?of (?:the|its|their) $", re.IGNORECASE)


# "That is a package worth ...", "It is valued at ...", "This represents ... worth": a sentence
# giving the value of what the sentence before it announced.
_ANAPHORIC_VALUE_RE = re.compile(r"(?i)(?:(?:that|this|it)(?:(?: is|'s| was| represents)(?: an? (?:package|contribution|donation|investment))?"
                                 r"(?: worth| valued at)| has a value of| amounts to| costs?)"
                                 r"|the (?:donation|gift|contribution|purchase)s?,? (?:is |was )?(?:valued at|worth))\b")


def _finish(text: str, candidates: list[Candidate], named_near: dict[int, set[str]] | None = None) -> list[Extracted]:
    """One proposal per pledge: same donor, system, item and quantity (or value) -> the fullest sentence."""
    best: dict[tuple, Candidate] = {}
    for c in candidates:
        qty = c.quantity.value if c.quantity is not None else None
        key = (c.donor.code if c.donor else None, c.system.name if c.system else None,
               c.item if qty is None else None, qty,
               c.money.amount if c.money is not None and c.system is None else None)
        old = best.get(key)
        if old is None or _fuller(c, old):
            best[key] = c
    kept = list(best.values())
    # "800 SkyRanger drones" in a headline, "800 SkyRanger R70 drones" in the body: the short name was
    # the longer one's (not another system of the same family).  Grouped by donor and count: linear.
    counted: dict[tuple, list[Candidate]] = {}
    for c in kept:
        if c.system is not None and not c.system.generic and c.quantity is not None and c.quantity.value is not None:
            counted.setdefault((id(c.donor), c.quantity.value), []).append(c)
    shadowed = set()
    for group in counted.values():
        if len(group) < 2:
            continue
        for c in group:
            prefix = c.alias.lower() + " " if c.alias else None
            if prefix and any(o.system is not c.system and o.system.name.lower().startswith(prefix) for o in group):
                shadowed.add(id(c))
    if shadowed:
        kept = [c for c in kept if id(c) not in shadowed]
    quantified = set()
    described = set()
    for c in kept:
        if c.system is None or c.quantity is None:
            continue
        for name in (c.system.name, "family:" + c.system.family):
            if c.item == "missile" and not c.system.generic:
                name = "missile:" + name  # a host system's interceptors are a pledge of their own
            described.add((c.donor.code, name))
            if c.quantity.value is not None:
                quantified.add((c.donor.code, name))
    counted_cats = {(c.donor.code, c.system.category) for c in kept
                    if c.system is not None and c.quantity is not None and c.quantity.value is not None}
    named_cats = {(c.donor.code, c.system.category) for c in kept if c.system is not None and not c.system.generic}
    counted_donors = {code for code, _ in counted_cats}
    counted_heads = {(c.donor.code, c.head) for c in kept if c.head and " " not in c.alias and c.system is not None
                     and c.system.generic and c.quantity is not None and c.quantity.value is not None}
    donors_with_content = {c.donor.code for c in kept if c.system is not None or c.money is not None}
    kept = _drop_money_sums(kept)
    for c in list(kept):
        if c.system is not None or c.money is None or c.donor is None:
            continue
        same = [o for o in kept if o.system is not None and o.seg is c.seg and o.donor is c.donor]
        if len(same) == 1 and same[0].money is None and c.seg.kind == ITEM and same[0].at < c.money.start:
            # "f) Mine-clearing equipment | DKK 95 million": a list line's value is its item's
            same[0].money = c.money
            same[0].reasons.append("value:line")
            kept.remove(c)
            continue
        if (len(same) == 1 and same[0].money is None and not same[0].system.generic
                and same[0].quantity is not None and same[0].quantity.value is not None
                and same[0].at < c.money.start
                and not any(o.system is not None and o.donor is c.donor and o.system is not same[0].system for o in kept)
                and "as part of" not in text[same[0].at:c.money.start].lower()
                and not _PACKAGE_LIST_RE.search(text, c.money.end, c.seg.end)):
            # "will send 49 ... Abrams tanks ... in a package worth A$245 million": the one item's value
            same[0].money = c.money
            same[0].reasons.append("value:sentence")
            kept.remove(c)
    for c in list(kept):
        if c.system is None and c.money is not None and text[c.seg.start : c.seg.start + 6].lower() in ("valued", "worth ", "value "):
            before = [o for o in kept if o.system is not None and o.money is None and o.donor is c.donor
                      and c.order - 3 <= o.order < c.order and o.seg.kind == ITEM]
            if len({id(o.seg) for o in before}) == 1 and len(before) == 1:
                # "* M1A1 Abrams main battle tanks (49)" / "  Valued at $245 million.": the line's value
                before[0].money = c.money
                before[0].reasons.append("value:next line")
                kept.remove(c)
    for c in list(kept):
        if (c.system is None and c.money is not None and c.seg.kind == SENTENCE
                and _ANAPHORIC_VALUE_RE.match(text, c.seg.start, c.seg.end)):
            before = [o for o in kept if o.system is not None and o.money is None and o.donor is c.donor
                      and o.order == c.order - 1]
            if len(before) == 1:
                # "We will provide twelve more PzH 2000." / "That is a package worth around 150 million
                # euros.": the value of the one item just announced
                before[0].money = c.money
                before[0].reasons.append("value:next sentence")
                kept.remove(c)
    item_values = {(c.donor.code, c.money.amount) for c in kept if c.system is not None and c.money is not None}
    kept = [c for c in kept if not (c.system is None and c.money is not None and (c.donor.code, c.money.amount) in item_values)]
    for c in list(kept):
        if c.earmark is None:
            continue
        target = next((o for o in kept if o.system is c.earmark and o.donor is c.donor), None)
        if target is None and c.earmark.generic:
            # "The drones are valued at $95 million" after "800 SkyRanger R70 drones": the one of its kind
            kind = [o for o in kept if o.donor is c.donor and o.system is not None and o.system.category == c.earmark.category]
            target = kind[0] if len(kind) == 1 else None
        if target is not None:
            if target.money is None:
                target.money = c.money
                target.reasons.append("value:earmarked")
            kept.remove(c)
        else:
            # "Sweden – SEK 1.3 billion for drones": what the money buys is known, its count is not
            c.system = c.earmark
            c.item = c.earmark.unit
            c.reasons.append("system:earmarked " + c.earmark.name)
    by_count: dict[tuple, list[Candidate]] = {}
    for c in kept:
        if c.system is not None and c.quantity is not None and c.quantity.value is not None:
            by_count.setdefault((c.donor.code, c.quantity.value), []).append(c)
    kept = [c for c in kept if not (c.system is not None and c.system.generic and c.quantity is not None
                                    and c.quantity.value is not None
                                    and any(_more_specific(o.system, c.system) and not (o.seg.kind == ITEM and c.seg.kind == ITEM)
                                            for o in by_count.get((c.donor.code, c.quantity.value), [])))]
    variants = {(c.donor.code, c.system.family) for c in kept
                if c.system is not None and not c.system.generic and c.system.name != c.system.family}
    # "three Leopard 2 tanks" (headline) beside "three Leopard 2A6 tanks": the family names the variant's pledge
    counted_variants = {(c.donor.code, c.system.family, c.quantity.value) for c in kept
                        if c.system is not None and not c.system.generic and c.system.name != c.system.family
                        and c.quantity is not None and c.quantity.value is not None}
    kept = [c for c in kept if not (
        c.system is not None and not c.system.generic and c.system.name == c.system.family
        and c.quantity is not None and c.quantity.value is not None
        and (c.donor.code, c.system.family, c.quantity.value) in counted_variants)]
    final = []
    for c in kept:
        if c.system is not None and _ENABLER_RE.search(text, c.seg.start, max(c.seg.start, c.at)):
            continue  # "Equipment to integrate Western launchers, missiles, and radars": the equipment, not them
        if c.system is not None and _IN_RETURN_RE.search(text, c.seg.start, max(c.seg.start, c.at)):
            continue  # "would give Taurus to the UK in return for more Storm Shadow": what the donor gets back
        if (c.quantity is not None and c.quantity.value is not None
                and _FIRST_OF_RE.search(text[max(c.seg.start, c.quantity.start - 40):c.quantity.start])):
            continue  # "the first two of the eight NASAMS ... will arrive": a delivery of an earlier pledge
        if (c.system is not None and not c.system.generic and c.system.name == c.system.family
                and (c.quantity is None or c.quantity.value is None) and (c.donor.code, c.system.family) in variants):
            continue  # "Leopard 2 battle tanks" beside "Leopard 2A6 tanks": the family names the variant's pledge
        if c.system is None and c.money is None and c.donor.code in donors_with_content:
            continue  # a package whose content or value the report gives elsewhere
        if c.system is not None and c.system.generic and c.quantity is None:
            cat = (c.donor.code, c.system.category)
            if (cat in counted_cats and c.system.category != "other" and not _verbless_item(c)) or (c.seg.kind == HEADING and (cat in named_cats or c.donor.code in counted_donors)):
                continue  # "long-range strike drones" beside "100,000 drones"; a headline's summary
            if c.seg.kind == SENTENCE and cat in named_cats and any(
                    o.seg is not c.seg and o.donor is c.donor and o.system is not None and not o.system.generic
                    and o.system.category == c.system.category for o in kept):
                # a sentence's summary ("armored vehicles") of what a list names (Bradley, Stryker); in
                # one sentence they are items side by side ("munitions for HIMARS, and 155mm ammunition")
                continue
            if c.head and (c.donor.code, c.head) in counted_heads and c.seg.kind != ITEM:
                continue  # "maritime drones" beside "100,000 drones": a kind of the counted thing
        if (named_near and c.system is not None and c.system.generic and c.item == "missile" and c.quantity is None
                and c.seg.kind == SENTENCE
                and any(c.system.category in named_near.get(k, ()) for k in range(c.order - 1, c.order + 3))):
            continue  # "France would provide long-range missiles ... The weapons are SCALP cruise missiles": named nearby
        if (c.system is not None and c.system.generic and c.item == "round" and c.quantity is None
                and c.seg.kind == SENTENCE and _SUPPORT_WORDS_RE.search(text, c.seg.start, c.seg.end)
                and _BACK_TO_SYSTEM_RE.search(text, c.seg.start, c.seg.end)
                and any(o.donor is c.donor and o.system is not None and o.item != "round" and o.quantity is not None
                        and o.quantity.value is not None and c.order - 3 <= o.order <= c.order for o in kept)):
            continue  # "... 14 tanks. The package will include logistics, ammunition and maintenance": their support
        if c.system is not None and (c.quantity is None or c.quantity.value is None):
            # A bare mention of something the report also counts is that same pledge.
            keys = {(c.donor.code, c.system.name)}
            if not c.system.generic:
                keys.add((c.donor.code, "family:" + c.system.family))
                if c.item == "missile":
                    keys = {(code, "missile:" + name) for code, name in keys}
            if keys & quantified:
                continue
            if c.quantity is None and keys & described:
                continue
        final.append(c)
    final.sort(key=lambda c: (c.seg.start, c.at))
    out = []
    for c in final:
        q = c.quantity
        if q is None:
            qualifier, qtext, value = UNDISCLOSED, "", None
        else:
            qualifier, qtext, value = q.qualifier, text[q.start : q.end], q.value
        s = c.seg
        out.append(
            Extracted(
                donor_code=c.donor.code if c.donor else None,
                donor_name=c.donor.name if c.donor else None,
                system_name=c.system.name if c.system else None,
                system_family=c.system.family if c.system else None,
                system_category=c.system.category if c.system else None,
                item=c.item,
                quantity=value,
                qualifier=qualifier,
                quantity_text=qtext,
                value_amount=c.money.amount if c.money else None,
                value_currency=c.money.currency if c.money else None,
                start=s.start,
                end=s.end,
                evidence=text[s.start : s.end],
                confidence=c.confidence,
                reasons=tuple(r for r in c.reasons if r),
            )
        )
    return out


def _verbless_item(c: Candidate) -> bool:
    """A list line without a verb ("Demolitions munitions;"): an item of its own, never a summary."""
    return c.seg.kind == ITEM and any(r.startswith("list:") for r in c.reasons)


def _drop_money_sums(kept: list[Candidate]) -> list[Candidate]:
    """"$1.85 billion ... : $1 billion in drawdown and $850 million in USAI funds": the parts are
    the pledges (they differ in kind), the sum is not proposed again."""
    by_donor: dict[str, list[Candidate]] = {}
    for c in kept:
        if c.system is None and c.money is not None:
            by_donor.setdefault(c.donor.code, []).append(c)
    drop = set()
    for group in by_donor.values():
        if len(group) < 3:
            continue
        amounts = [c.money.amount for c in group]
        for c in group:
            others = [a for o, a in zip(group, amounts) if o is not c and a < c.money.amount]
            # a pair (or all) of the smaller amounts adds up to this one
            if sum(others) == c.money.amount or any(
                    a + b == c.money.amount for i, a in enumerate(others) for b in others[i + 1 :]):
                drop.add(id(c))
    return [c for c in kept if id(c) not in drop] if drop else kept


def _more_specific(a: System, b: System) -> bool:
    """Headline "a dozen more howitzers" and body "12 PzH 2000" are one pledge: keep the named one."""
    if a is b or a.category != b.category and not (a.generic and b.generic):
        return False
    if not a.generic:
        return True
    return b.name in a.name and a.name != b.name


def _fuller(new: Candidate, old: Candidate) -> bool:
    """Prefer a body sentence to a headline, then the longer sentence, then the earlier one."""
    rank_new = (new.seg.kind != HEADING, new.seg.end - new.seg.start)
    rank_old = (old.seg.kind != HEADING, old.seg.end - old.seg.start)
    return rank_new > rank_old
