"""The pipeline: text and reference data in, pledge proposals out, each tied to its sentence.

Per segment (sentence, headline or list item): find donors, systems, quantities,
money and cue words; group each quantity with the noun phrase it counts; decide
from the nearest verb cue whether that phrase is pledged (and not attacked,
requested, bought for oneself, negated, hypothetical or a running total); find the
donor; then de-duplicate across the report.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from . import donors as donor_rules
from .money import Money, find_money, resolve_currency
from .quantities import EXACT, UNDISCLOSED, VAGUE, Quantity, find_quantities
from .reference import Donor, Match, ReferenceData, System, match_view
from .systems import AMMUNITION_HEADS, EquipmentObject, Phrase, build_object, lemma
from .text import HEADING, ITEM, LEAD, SENTENCE, Segment, Tokens, fold, split_segments, token_slice, tokenize_all
from .triggers import (
    ATTACK, BACKGROUND, HYPO, INCLUDE, NEG, OTHER_VERB, PACKAGE, PERMIT, PLEDGE, POSITIVE,
    PROCURE, RECEIVE, RECIPIENT, REQUEST, TOTAL, TOTAL_SOFT, VERB_CUES, WEAK, cue_trie,
    DELIVERY_PAST, NOT_PAST,
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
TRANSPARENT = frozenset({"including", "included", "as well as"})
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


_DIGIT_RE = re.compile(r"[0-9]")


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
    matches = _drop_parenthesised_repeats(toks, matches)
    view = match_view(toks)
    n = len(toks)
    covered = [False] * n
    donor_at: list = [None] * n
    has_equipment = False
    for m in matches:
        kind = m.entry.kind
        for k in range(m.first, m.last + 1):
            covered[k] = True
        if kind == "donor" or kind == "person":
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
    if has_equipment or money or segment.kind in (HEADING, LEAD):
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
            ks = frozenset(kinds)
            cues.append((first, last, ks))
            for k in range(first, last + 1):
                cue_kinds_at[k] = ks
    clause_id = [0] * n
    if cues:
        c = 0
        low = toks.low
        for k in range(n):
            if low[k] in CLAUSE_BREAK and not (low[k] == "while" and k > 0 and low[k - 1] in ("a", "for")):
                c += 1
            clause_id[k] = c
    phrase = Phrase(toks.low, toks.raw, toks.space_before, matches if has_equipment else [])
    return Seg(segment, toks.low, toks.raw, toks.starts, toks.ends, toks.space_before, matches, cues,
               quantities, money, donor_at, cue_kinds_at, clause_id, phrase, covered)


_EMPTY: frozenset = frozenset()


def _is_background_heading(text: str) -> bool:
    t = text.strip().rstrip(":").strip().lower()
    if t in _BACKGROUND_WORDS:
        return True
    first = t.split(" ", 1)[0]
    # "Previous Canadian military assistance:", "Past support", "Earlier packages"
    return first in ("previous", "past", "earlier", "prior") and len(t) < 80


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
            before = c
        elif first > span_last and after is None and not _in_aside(seg, span_last, first) and not (kinds & {INCLUDE} and not kinds & {PLEDGE, RECEIVE}):
            after = c
    if before is not None:
        # "including" / "as well as" pass the decision to the verb before them.
        words = " ".join(seg.low[before[0] : before[1] + 1])
        if words in TRANSPARENT:
            earlier = None
            for c in _verb_cues(seg):
                if c[1] < before[0] and seg.clause_id[c[0]] == clause:
                    earlier = c
            if earlier is not None:
                return earlier, "before"
        return before, "before"
    if after is not None:
        return after, "after"
    return None, ""


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


def _window_kinds(seg: Seg, first: int, back: int = 5) -> list[tuple[int, frozenset]]:
    """Cue kinds in the few tokens before a verb (auxiliaries, negation, modals)."""
    out = []
    k = first - 1
    while k >= 0 and k >= first - back:
        if seg.low[k] in (",", ".", ":", ";") or seg.phrase.match_at[k] is not None and seg.phrase.match_at[k].entry.kind in ("system", "generic"):
            break
        out.append((k, seg.cue_kinds_at[k]))
        k -= 1
    return out


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
            if tok == "can" and seg.low[first] in ("announce", "confirm", "say"):
                continue
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
        if REQUEST in kinds or PERMIT in kinds:
            return "request"
        if HYPO in kinds and seg.low[c[0]] not in ("can",):
            return "hypo"
        if NEG in kinds and seg.low[c[0]] not in ("not", "no"):
            return "neg"
    return ""


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
        if tok in _PERMISSION_WORDS and k > gov_first:
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
    if t == "-" or t == "'" or (t.isalpha() and seg.raw[nxt].islower() and t not in ("and", "or", "in", "on", "for", "by", "as", "with", "from", "to", "after", "before", "under", "this", "next", "last", "which", "who", "that", "but", "while")):
        return False
    return True


def _superlative_before(seg: Seg, at: int) -> bool:
    """"its largest package so far": "so far" qualifies the superlative, not a running total."""
    for k in range(max(0, at - 6), at):
        t = seg.low[k]
        if t in ("largest", "biggest", "most", "first", "single", "greatest") or (t.endswith("est") and len(t) > 5):
            return True
    return False


def _delivered_in_past(seg: Seg, gov) -> bool:
    """"has delivered", "sent", "were handed over": history, unless made future ("will be delivered")."""
    word = seg.low[gov[0]]
    if word not in DELIVERY_PAST:
        return False
    if word == "made" and not (gov[1] > gov[0]):
        return False
    for k in range(gov[0] - 1, max(-1, gov[0] - 5), -1):
        t = seg.low[k]
        if t in NOT_PAST:
            return False
        if t in (",", ";", ":") or seg.phrase.match_at[k] is not None:
            break
    return True


def _relative_aside(seg: Seg, first: int) -> bool:
    """", which gave Ukraine its MiG-29s,": a pledge mentioned in passing about an earlier act."""
    clause = seg.clause_id[first]
    for k in range(first - 1, max(-1, first - 8), -1):
        if seg.clause_id[k] != clause or seg.low[k] in (",", ";"):
            return False
        if seg.low[k] in ("which", "who") and k > 0 and seg.low[k - 1] == ",":
            return True
    return False


_PERMISSION_WORDS = frozenset("permission approval consent authorisation authorization".split())


def _perfect_before(seg: Seg, first: int) -> bool:
    return any(seg.low[k] in PERFECT_AUX for k in range(max(0, first - 4), first))


_BUY_FOR_UKRAINE = frozenset(
    "buy buys bought buying purchase purchases purchased purchasing procure procures procured procuring "
    "order orders ordered ordering acquire acquires acquired acquiring".split()
)


def _recipient_after(seg: Seg, first: int) -> bool:
    """"buy ... for Ukraine": procurement on Ukraine's behalf is a pledge."""
    clause = seg.clause_id[first]
    for k in range(first + 1, min(len(seg.low), first + 16)):
        if seg.clause_id[k] != clause:
            break
        if seg.low[k] == "for" and k + 1 < len(seg.low):
            if RECIPIENT in seg.cue_kinds_at[k + 1] or (k + 2 < len(seg.low) and RECIPIENT in seg.cue_kinds_at[k + 2]):
                return True
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
    if gov is None:
        if seg.segment.kind == ITEM and lst.positive and not lst.negative:
            return "pledge", "list:" + lst.lead[:40], None, ""
        if _clause_has(seg, clause, PACKAGE) >= 0 and seg.segment.kind in (ITEM, LEAD, HEADING):
            return "weak", "trigger:package", None, ""
        return "no-trigger", "", None, ""
    kinds = gov[2]
    word = _trigger_words(seg, gov)
    if (PROCURE in kinds and seg.low[gov[0]] in _BUY_FOR_UKRAINE and _recipient_after(seg, gov[0])
            and not any(t in ("bundeswehr", "own") for t in seg.low)):
        kinds = frozenset({PLEDGE})
    if PERMIT in kinds and any(seg.low[k] in _PACKAGE_WORDS or seg.low[k] == "drawdown" for k in range(gov[1] + 1, min(len(seg.low), gov[1] + 11))):
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
    if INCLUDE in kinds and _perfect_before(seg, gov[0]):
        return "background", "cue:have included", gov, side
    if _relative_aside(seg, gov[0]):
        return "background", "cue:which", gov, side
    if _other_recipient(seg, gov, span_last):
        return "other-recipient", "cue:to another country", gov, side
    if _conditional(seg, clause, gov[0]):
        return "hypo", "cue:if", gov, side
    for first, last, kinds in seg.cues:
        if TOTAL not in kinds or seg.clause_id[first] != clause or _superlative_before(seg, first):
            continue
        if (first > span_last and any(seg.low[k] == "," for k in range(span_last + 1, first))
                and seg.low[first] not in ("bringing", "brings", "taking", "takes", "raising", "raises", "bring", "brought")):
            continue  # ", the first time Sweden had sent weapons ... since 1939": an aside, not a running total
        return "total", "cue:total", gov, side
    if _clause_has(seg, clause, TOTAL_SOFT) >= 0 and _perfect_before(seg, gov[0]):
        return "total", "cue:total", gov, side
    bg = _clause_has(seg, clause, BACKGROUND)
    if 0 <= bg <= span_last:
        return "background", "cue:background", gov, side
    if _delivered_in_past(seg, gov):
        return "background", "cue:past " + word, gov, side
    weak = any(WEAK in k for _, k in _window_kinds(seg, gov[0], back=6))
    return ("weak" if weak else "pledge"), "trigger:" + word, gov, side


def _attribute(seg: Seg, gov, side: str, anchor: int, obj_first: int, obj_last: int,
               lst: ListState, context: Donor | None, document: Donor | None,
               last_donor: Donor | None = None) -> donor_rules.Attribution:
    verb_at = gov[0] if gov is not None and side == "before" else anchor
    if gov is not None and RECEIVE in gov[2] and not gov[2] & {PLEDGE, INCLUDE}:
        # The recipient's side: the donor is "from X"; the subject must be Ukraine, else it is
        # someone receiving for themselves ("the German armed forces are to receive ...",
        # "the Czech Republic will receive 15 Leopard 2A4 from Germany in return").
        att = donor_rules.subject(seg, gov[0])
        if att is not None and att.donor is not None:
            return donor_rules.Attribution(None, "none", "receiver")
        d = donor_rules.agent(seg, gov[0], len(seg.low))
        if d is not None:
            return donor_rules.Attribution(d, "agent")
        if att is None or att.blocked != "recipient":
            return donor_rules.Attribution(None, "none", "receiver")
        if seg.segment.kind == ITEM and lst.donor is not None:
            return donor_rules.Attribution(lst.donor, "list")
        if context is not None:
            return donor_rules.Attribution(context, "context")
        if document is not None:
            return donor_rules.Attribution(document, "document")
        return donor_rules.Attribution(None, "none")
    att = donor_rules.subject(seg, verb_at)
    if att is not None and att.donor is not None:
        return att
    if att is not None and att.blocked:
        if att.blocked != "recipient":
            return att
    if gov is not None:
        d = donor_rules.agent(seg, gov[0], len(seg.low))
        if d is not None:
            return donor_rules.Attribution(d, "agent")
    for k in range(obj_first, obj_last + 1):
        d = seg.donor_at[k]
        if d is not None and d[1] == "donor":
            return donor_rules.Attribution(d[0], "demonym")
    if att is not None and att.blocked == "recipient":
        return att
    if seg.segment.kind == ITEM and lst.donor is not None:
        return donor_rules.Attribution(lst.donor, "list")
    if att is not None and att.how == "package" and last_donor is not None:
        return donor_rules.Attribution(last_donor, "context")  # "The package will consist of ..."
    if att is not None and att.how in ("title", "package") and document is not None:
        # "The Prime Minister will announce", "the package": the report's own government.
        return donor_rules.Attribution(document, "document")
    if context is not None:
        return donor_rules.Attribution(context, "context")
    if document is not None:
        return donor_rules.Attribution(document, "document")
    return donor_rules.Attribution(None, "none")


_DONOR_SCORE = {"subject": 0.25, "person": 0.23, "agent": 0.22, "demonym": 0.18, "list": 0.16,
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
    text = text[:MAX_INPUT]
    folded = fold(text)
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
                counts[m.entry.target] += 1
            else:
                equipment = True
        found.append((s, a, b, matches, equipment))
    document = donor_rules.document_donor(counts)

    # Second pass: full analysis only where a pledge or a list lead can be.
    candidates: list[Candidate] = []
    lst = ListState()
    context: Donor | None = None
    background = False
    for order, (segment, a, b, matches, equipment) in enumerate(found):
        kind = segment.kind
        light = (not equipment and kind not in (HEADING, LEAD)
                 and _DIGIT_RE.search(folded, segment.start, segment.end) is None)
        if light:
            if kind == SENTENCE:
                lst = ListState()
            if not background:
                here = _first_donor_light(every.low, a, matches)
                if here is not None:
                    context = here
            continue
        seg = _analyse(text, folded, segment, ref, token_slice(every, a, b), matches)
        seg_text = text[segment.start : segment.end]
        if kind in (HEADING, LEAD):
            if _is_background_heading(seg_text):
                background = True
                lst = ListState()
                continue
            if kind == HEADING:
                background = False
            here = donor_rules.mentioned_donor(seg)
            has_pos = any(c[2] & POSITIVE or PACKAGE in c[2] for c in seg.cues)
            has_neg = any(c[2] & _LEAD_NEGATIVE and not c[2] & POSITIVE for c in seg.cues)
            if here is not None or has_pos or has_neg:
                # "Germany's new package includes:", "Fact sheet: Norwegian support to Ukraine" -
                # the list items that follow belong to it.  A bare section heading ("Air defence")
                # keeps the list state it finds.
                lst = ListState(here or context or document, has_pos and not has_neg, has_neg, seg_text)
            if here is not None:
                context = here
            elif kind == HEADING and segment.blank_before:
                context = None
        elif kind == SENTENCE:
            lst = ListState()
        if background:
            continue
        new = _segment_candidates(text, seg, ref, lst, context, document, order,
                                  candidates[-1].donor if candidates else None)
        candidates.extend(new)
        if kind in (SENTENCE, ITEM):
            here = donor_rules.mentioned_donor(seg)
            if here is not None:
                context = here
    return _finish(text, candidates)


_LEAD_NEGATIVE = frozenset({ATTACK, REQUEST, PROCURE, NEG, HYPO, TOTAL, BACKGROUND})


def _first_donor_light(low: list[str], a: int, matches: list[Match]) -> Donor | None:
    """The first donor or person named in a segment, not after a preposition (for context)."""
    for m in matches:
        if m.entry.kind in ("donor", "person") and not donor_rules._after_preposition(low, a + m.first):
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
        start = q.last + 1
        if start < n and low[start] in ("x", "*"):
            start += 1
        of_the = start + 1 < n and low[start] == "of" and low[start + 1] in ("its", "their", "the", "his", "her", "our")
        if of_the:
            start += 2  # "all 19 of its Caesar"
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
        while k >= 0 and k >= m.first - 8 and not used[k] and ph.match_at[k] is None and (low[k] in (",", "and", "or") or ph.is_modifier(k)):
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
        obj = build_object(ref, ph, start, None)
        if obj is None:
            continue
        q = None
        j = obj.last + 1
        if j < n and low[j] in (":", "(", "-", "x"):
            for qq in seg.quantities:
                if qq.first == j + 1:
                    q = qq  # "Patriot: 30", "IRIS-T (4)", "HIMARS - 6 launchers"
                    break
        if q is None and not obj.system.generic and not (obj.head and seg.raw[_head_index(seg, obj)].lower().endswith("s")) and not _noun_follows(seg, obj.last):
            q = _article_quantity(seg, obj.first)
        if obj.system.generic and q is None and _noun_follows(seg, obj.last):
            continue  # "drone parts", "air defence components": the generic word is a modifier
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
    return objects


def _noun_follows(seg: Seg, last: int) -> bool:
    """An unknown lowercase noun right after a name: "a Leopard decision", "drone parts"."""
    from .systems import FUNCTION_WORDS

    k = last + 1
    if k >= len(seg.low):
        return False
    t = seg.low[k]
    return (t.isalpha() and seg.raw[k].islower() and t not in FUNCTION_WORDS and not seg.cue_kinds_at[k]
            and not t.endswith(("ed", "ing", "ly")) and seg.phrase.match_at[k] is None)


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


def _head_index(seg: Seg, obj: EquipmentObject) -> int:
    for k in range(obj.last, obj.first - 1, -1):
        if seg.phrase.is_head(k):
            return k
    return obj.last


def _each_donors(seg: Seg, gov, att) -> list[Donor]:
    """"The United States, Germany and Romania will each provide one Patriot battery": one per donor."""
    if gov is None or att.how != "subject" or not any(t == "each" for t in seg.low[max(0, gov[0] - 4) : gov[0]]):
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
    quantified_cats = {o.system.category for o, q in objects if q is not None and o.system is not None}
    if obj.system.category in quantified_cats:
        return False
    k = obj.first - 1
    while k >= 0 and seg.low[k] in ("the", "a", "an", ","):
        k -= 1
    if k >= 0 and seg.low[k] in ("including", "incl", "notably") and any(q is not None and o.first < obj.first for o, q in objects):
        return False  # "400 vehicles, including armoured, all-terrain and logistics vehicles"
    if k >= 0 and seg.low[k] in ("with", "associated", "related", "accompanying"):
        return False  # "HIMARS and associated ammunition", "IRIS-T systems with missiles"
    if seg.segment.kind == ITEM:
        bare = sum(1 for o, q in objects if q is None and o.system.generic)
        if bare >= 3 or any(seg.low[k] == "other" for k in range(len(seg.low))):
            return False  # "Small arms, night vision devices, body armor, and other field equipment"
        return True
    if gov is None or side != "before":
        return False
    # Part of the verb's list of objects: "includes heavy artillery and ammunition", "provide Ukraine
    # with X, Y and Z" - but not "together with ...", "and associated ammunition", "with missiles".
    spans = set()
    for o, q in objects:
        if o is not obj:
            spans.update(range(o.first, o.last + 1))
    low = seg.low
    k = gov[1] + 1
    if k < obj.first and low[k] == "ukraine":
        k += 1
        if k < obj.first and low[k] == "with":
            k += 1
    for j in range(k, obj.first):
        t = low[j]
        if j in spans or t in _LIST_GLUE:
            continue
        if t in ("with", "associated", "related", "together", "along", "accompanying", "plus"):
            return False
        if seg.phrase.is_modifier(j) and seg.phrase.match_at[j] is None:
            continue
        return False
    return True


_LIST_GLUE = frozenset(",;and as well the a an its their our all of additional further more new also other remaining".split())


def _segment_candidates(text: str, seg: Seg, ref: ReferenceData, lst: ListState,
                        context: Donor | None, document: Donor | None, order: int,
                        last_donor: Donor | None = None) -> list[Candidate]:
    out: list[Candidate] = []
    objects = _collect_objects(seg, ref)
    for obj, q in objects:
        anchor = q.first if q is not None else obj.first
        status, why, gov, side = _pledge_status(seg, anchor, obj.last, lst)
        if status not in ("pledge", "weak"):
            continue
        if (q is None or q.value is None and q.qualifier != VAGUE) and obj.system.generic and not _bare_generic_ok(seg, obj, objects, gov, side):
            continue
        att = _attribute(seg, gov, side, anchor, obj.first, obj.last, lst, context, document, last_donor)
        if att.donor is None:
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
        for donor in donors:
            out.append(Candidate(donor, obj.system, obj.item, q, None, seg.segment, conf, reasons, order, at))
            for n_extra, extra in enumerate(obj.also):
                out.append(Candidate(donor, extra, obj.item if extra.unit == obj.system.unit else extra.unit, q, None,
                                     seg.segment, conf, reasons[:2] + ["system:" + extra.name], order, at + n_extra + 1))
    equipment = [c for c in out]
    for mo in seg.money:
        status, why, gov, side = _pledge_status(seg, mo.first, mo.last, lst)
        tied = _package_money(seg, mo)
        if status == "no-trigger" and tied and _worth(seg, mo):
            status, why = "weak", "trigger:package worth"  # "The package, Sweden's tenth, is worth SEK 4.3bn."
        elif status not in ("pledge", "weak") or gov is None:
            continue
        if equipment and not tied:
            if len(equipment) == 1 and equipment[0].money is None:
                # "one NASAMS ... at a cost of approximately $406 million": the item's value
                c = equipment[0]
                c.money = Money(mo.amount, resolve_currency(mo.currency, c.donor.code), mo.first, mo.last, mo.start, mo.end)
                c.reasons.append("value:" + text[mo.start : mo.end])
            continue
        if gov is not None and not (PLEDGE in gov[2] and (side == "before" or tied)):
            continue
        if any(seg.low[k] in _NOT_AID_MONEY for k in range(mo.first, min(len(seg.low), mo.last + 6))):
            continue  # "£1.6 billion of UK export finance", "a €5bn loan"
        clause = seg.clause_id[mo.first]
        direct = gov is not None and side == "before" and mo.first - gov[1] <= 4 and all(
            seg.low[k] in ("a", "an", "further", "additional", "another", "new", "extra", "ukraine", "with", "more", "than", "up", "to", "around", "about", "some", "nearly", "almost", "over")
            for k in range(gov[1] + 1, mo.first))
        if not tied and not direct and _clause_has(seg, clause, PACKAGE) < 0:
            continue  # "Germany announced a further €500m" is a pledge; a sum elsewhere in the sentence may not be
        if _budget_like(seg, clause) or (gov is not None and _passive(seg, gov[0])):
            continue
        if mo.first > 0 and seg.low[mo.first - 1] == "by":
            continue
        att = _attribute(seg, gov, side, mo.first, mo.first, mo.last, lst, context, document, last_donor)
        if att.donor is None:
            continue
        money = Money(mo.amount, resolve_currency(mo.currency, att.donor.code), mo.first, mo.last, mo.start, mo.end)
        reasons = ["donor:" + att.how, why, "value:" + text[mo.start : mo.end]]
        earmark = None
        j = mo.last + 1
        if j + 1 < len(seg.low) and seg.low[j] == "for":
            m = seg.phrase.match_at[j + 1] if seg.phrase.match_at else None
            if m is not None and m.entry.kind in ("system", "generic"):
                earmark = m.entry.target
        out.append(Candidate(att.donor, None, None, None, money, seg.segment,
                             _confidence(status, gov, att, None, None), reasons, order, mo.start, earmark))
        break
    if not out and not seg.money and not equipment:
        package = _package_only(text, seg, lst, context, document, order)
        if package is not None:
            out.append(package)
    return out


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
    return None


def _worth(seg: Seg, mo: Money) -> bool:
    k = mo.first - 1
    while k >= 0 and seg.low[k] in ("about", "around", "approximately", "approx", "some", "nearly", "almost", "roughly", "up", "to", "over", "more", "than", "at"):
        k -= 1
    return k >= 0 and seg.low[k] in ("worth", "valued", "totalling", "totaling", "value")


_BUDGET_WORDS = frozenset("budget budgets annual annually yearly per financial fiscal every each".split())


def _package_money(seg: Seg, mo: Money) -> bool:
    """"a package ... worth €2.7bn", "$2.5bn in weapons", "£500m of military funding": money of a package."""
    for k in range(max(0, mo.first - 10), mo.first):
        if seg.low[k] in _PACKAGE_WORDS:
            return True
    for k in range(mo.last + 1, min(len(seg.low), mo.last + 5)):
        if seg.low[k] in _PACKAGE_WORDS:
            return True
    return False


_NOT_AID_MONEY = frozenset("export finance loan loans credit credits guarantee guarantees sanctions revenue".split())

_PACKAGE_WORDS = frozenset(
    """package packages tranche aid assistance support funding contribution contributions donation
    weapons equipment initiative purl fund""".split()
)


def _budget_like(seg: Seg, clause: int) -> bool:
    """"€7.5 billion in 2024, and for 2025 ... four billion", "£3 billion this financial year": a budget, not a package."""
    years = set()
    ranged = False
    for k, tok in enumerate(seg.low):
        if seg.clause_id[k] != clause:
            continue
        if tok in _BUDGET_WORDS:
            return True
        if tok == "year" and k > 0 and seg.low[k - 1] in ("a", "per", "each", "every", "financial", "fiscal"):
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


def _finish(text: str, candidates: list[Candidate]) -> list[Extracted]:
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
    quantified = set()
    described = set()
    for c in kept:
        if c.system is None or c.quantity is None:
            continue
        for name in (c.system.name, "family:" + c.system.family):
            described.add((c.donor.code, name))
            if c.quantity.value is not None:
                quantified.add((c.donor.code, name))
    counted_cats = {(c.donor.code, c.system.category) for c in kept
                    if c.system is not None and c.quantity is not None and c.quantity.value is not None}
    named_cats = {(c.donor.code, c.system.category) for c in kept if c.system is not None and not c.system.generic}
    counted_donors = {code for code, _ in counted_cats}
    donors_with_content = {c.donor.code for c in kept if c.system is not None or c.money is not None}
    item_values = {(c.donor.code, c.money.amount) for c in kept if c.system is not None and c.money is not None}
    kept = [c for c in kept if not (c.system is None and c.money is not None and (c.donor.code, c.money.amount) in item_values)]
    for c in list(kept):
        if c.earmark is None:
            continue
        target = next((o for o in kept if o.system is c.earmark and o.donor is c.donor), None)
        if target is not None:
            if target.money is None:
                target.money = c.money
                target.reasons.append("value:earmarked")
            kept.remove(c)
    by_count: dict[tuple, list[Candidate]] = {}
    for c in kept:
        if c.system is not None and c.quantity is not None and c.quantity.value is not None:
            by_count.setdefault((c.donor.code, c.quantity.value), []).append(c)
    kept = [c for c in kept if not (c.system is not None and c.system.generic and c.quantity is not None
                                    and c.quantity.value is not None
                                    and any(_more_specific(o.system, c.system) and not (o.seg.kind == ITEM and c.seg.kind == ITEM)
                                            for o in by_count.get((c.donor.code, c.quantity.value), [])))]
    final = []
    for c in kept:
        if c.system is None and c.money is None and c.donor.code in donors_with_content:
            continue  # a package whose content or value the report gives elsewhere
        if c.system is not None and c.system.generic and c.quantity is None:
            cat = (c.donor.code, c.system.category)
            if cat in counted_cats or (c.seg.kind == HEADING and (cat in named_cats or c.donor.code in counted_donors)):
                continue  # "long-range strike drones" beside "100,000 drones"; a headline's summary
        if c.system is not None and (c.quantity is None or c.quantity.value is None):
            # A bare mention of something the report also counts is that same pledge.
            keys = {(c.donor.code, c.system.name)}
            if not c.system.generic:
                keys.add((c.donor.code, "family:" + c.system.family))
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
