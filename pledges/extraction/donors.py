"""Who gives: donor mentions in a sentence, and attribution across sentences and headings.

Order of evidence for a pledge verb: the subject before the verb ("Germany will send",
"Germany's defence minister said Berlin would", "Pistorius announced"), then an agent
after it ("will be delivered by Germany", "received from Germany"), then a demonym in
the object ("Swedish Gripen jets"), then the heading the list item sits under, then
the sentence before ("he", "the minister", no subject), then the report as a whole
("we", "the Ministry of Defence" in a ministry's own release).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .reference import Donor
from .triggers import AGG, ANAPHOR, AUXILIARIES, HYPO, NEG, NOT_SUBJECT_BEFORE, PROCURE, RECIPIENT, WEAK

# Parties that are never donors here; as a subject they mean "not a donor's pledge".
OTHER_PARTIES = frozenset(
    "russia russian russians moscow kremlin putin china chinese iran iranian belarus belarusian "
    "pyongyang".split()
)
# Capitalised words that can open a sentence without naming anyone.
_PLAIN_CAPITALS = frozenset(
    """the this that these those it he she they we i in on at and but today now also then
    so as a an its his her their our after before with while meanwhile separately later
    earlier yesterday tomorrow tonight overall in additionally furthermore moreover monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august
    september october november december defence defense ministry government cabinet council affairs
    office forces force army navy air department agency command""".split()  # "the Ministry of Defence to provide": the government's own, no other party
)


_PRONOUNS = frozenset("he she they it his her their its i".split())


_VERB_AFTER_NAME = frozenset(
    "has have had will would is are was were said says signed agreed announced plans expects intends can could".split()
)
_COMPANY_NOUNS = frozenset("company companies firm firms manufacturer manufacturers contractor maker makers group".split())


def _skip_verb_group(seg, i: int) -> int:
    """Step left over auxiliaries, adverbs, negation and modals between a subject and its verb."""
    low = seg.low
    steps = 0
    while i >= 0 and steps < 8:
        tok = low[i]
        kinds = seg.cue_kinds_at[i]
        if (tok in AUXILIARIES or tok in ('"', "'", "t", "-", "not", "also") or (tok.endswith("ly") and len(tok) > 4)
                or (kinds and kinds & {NEG, HYPO, WEAK})):
            i -= 1
            steps += 1
            continue
        break
    return i


@dataclass(frozen=True, slots=True)
class Attribution:
    donor: Donor | None
    how: str  # subject | person | agent | demonym | list | context | document | none
    blocked: str = ""  # aggregate | other-party | recipient: why no donor may be given


def subject(seg, gov: int, left_limit: int = 0) -> Attribution | None:
    """The donor standing as subject before token `gov` (the verb), nearest first.

    `seg` provides: low (tokens), donor_at (token -> (Donor, kind, first)), cue_kinds_at
    (token -> frozenset of cue kinds), other_at (token -> str).
    """
    low = seg.low
    i = _skip_verb_group(seg, gov - 1)
    if i >= left_limit and seg.donor_at[i] is None and not seg.cue_kinds_at[i]:
        raw = seg.raw[i]
        if raw[:1].isupper() and low[i] not in _PLAIN_CAPITALS and not seg.covered[i]:
            return Attribution(None, "none", "other-party")  # "Kongsberg expects to deliver"
        if low[i] == "korea" and i > 0 and low[i - 1] == "north":
            return Attribution(None, "none", "other-party")
    dateline = _dateline(seg)
    aside = _relative_asides(low, gov)
    i = gov - 1
    steps = 0
    while i >= left_limit and steps < 45:
        steps += 1
        if i in aside:
            i -= 1  # "Latvia, which co-leads the drone coalition with the UK, will provide": not the subject
            continue
        d = seg.donor_at[i]
        if d is not None:
            donor, kind, first = d
            if _after_preposition(low, first) or not _subject_like(seg, i):
                i = first - 1
                continue
            if first > 0 and low[first - 1] in ("and", ",", "the") and _joint(seg, first, gov):
                return Attribution(None, "none", "aggregate")  # "Denmark, the Netherlands ... have together committed"
            return Attribution(donor, "person" if kind == "person" else "subject")
        kinds = seg.cue_kinds_at[i]
        tok = low[i]
        prev = low[i - 1] if i > 0 else ""
        if kinds and prev not in NOT_SUBJECT_BEFORE:
            if AGG in kinds and not (prev in ("other", "its", "their", "with") or tok in ("members", "coalition") and prev == "the"):
                return Attribution(None, "none", "aggregate")
            if ANAPHOR in kinds:
                # "his government", "its package": resolved by the nearest name before it, or the context.
                earlier = (_first_donor(seg, left_limit, i) if tok in _PRONOUNS else _nearest_donor(seg, left_limit, i))
                if earlier is not None:
                    return Attribution(earlier, "subject")
                if tok in _PRONOUNS:
                    return Attribution(None, "anaphor")
                return Attribution(None, "package" if tok in ("package", "aid", "donation", "contribution") else "title")
            if RECIPIENT in kinds and tok in ("ukraine", "kyiv", "kiev"):
                return Attribution(None, "none", "recipient")
        if (tok in OTHER_PARTIES or (tok == "korea" and prev == "north")) and prev not in NOT_SUBJECT_BEFORE:
            return Attribution(None, "none", "other-party")
        if (i == 0 and seg.segment.kind != "item" and seg.raw[i][:1].isupper() and tok not in _PLAIN_CAPITALS
                and not seg.covered[i] and not kinds and len(low) > 1
                and (seg.raw[1][:1].isupper() or low[1] in _VERB_AFTER_NAME)):
            return Attribution(None, "none", "other-party")  # "Lockheed Martin produced ... and expects to deliver"
        if (seg.raw[i][:1].isupper() and tok not in _PLAIN_CAPITALS and not seg.covered[i] and not kinds
                and i + 1 < len(low) and low[i + 1] in _VERB_AFTER_NAME and tok.isalpha()):
            return Attribution(None, "none", "other-party")  # "state-owned company PGZ has signed a contract to supply"
        if tok in _COMPANY_NOUNS and i + 1 < len(low) and (low[i + 1] in _VERB_AFTER_NAME or seg.raw[i + 1][:1].isupper()):
            return Attribution(None, "none", "other-party")
        i -= 1
    if dateline is not None:
        return Attribution(dateline, "subject")
    return None


def _relative_asides(low: list[str], end: int) -> set[int]:
    """Indices before `end` inside ", which ... ," / ", who ... ," asides (the closing comma included)."""
    out: set[int] = set()
    k = 0
    while k < end:
        if low[k] == "," and k + 1 < end and low[k + 1] in ("which", "who", "whose"):
            j = k + 1
            while j < end and low[j] != ",":
                j += 1
            if j < end:  # closed before the verb: an aside
                out.update(range(k + 1, j + 1))
            k = j
        k += 1
    return out


_GOVERNMENT_OF = frozenset("government cabinet ministry republic kingdom".split())
_GOVERNMENT_OF_MODS = frozenset("the federal national royal".split())


TITLE_WORDS = _TITLE_WORDS = frozenset(
    """secretary general secretary-general minister prime deputy president chancellor defence defense
    foreign nato eu un counterpart colleague high representative commissioner -""".split()
)


# Words after which a (titled) person is the one met, not the one speaking or giving.
_MET_WORDS = frozenset(
    """with alongside beside besides visiting met meets meeting hosts hosted welcomed welcomes visits
    visited thanked thanks called calls told tells""".split()
)


def _after_preposition(low: list[str], first: int) -> bool:
    """"in Brussels", "join the United States in", "with the Netherlands": not a subject."""
    k = first - 1
    t = k
    while t >= 0 and (low[t] in _TITLE_WORDS or (low[t] in ("for", "of", "state") and t > 0 and low[t - 1] in _TITLE_WORDS)):
        t -= 1
    if t >= 0 and low[t] in _MET_WORDS and (t < k or low[t] not in ("with", "alongside")
                                            or (first + 1 < len(low) and low[first + 1] in _TITLE_WORDS)):
        # "visiting Warsaw with NATO Secretary General Jens Stoltenberg", "meets President Biden",
        # "alongside Polish Prime Minister Donald Tusk": company
        return True
    if k >= 0 and low[k] == "the":
        k -= 1
    if k >= 1 and low[k] == "of" and low[k - 1] in _GOVERNMENT_OF:
        j = k - 2
        while j >= 0 and low[j] in _GOVERNMENT_OF_MODS:
            j -= 1
        # "The (Federal) Government of Germany is providing": the government is the subject, unless
        # it is itself after a preposition ("talks with the Government of Poland").
        return j >= 0 and low[j] in NOT_SUBJECT_BEFORE
    if k >= 1 and low[k] == "for" and low[k - 1] in ("speak", "speaks", "speaking", "spoke"):
        return False  # "Boris will speak for Germany": the person stands for that donor
    if k >= 1 and low[k] == "of" and low[k - 1] == "behalf":
        return False  # "on behalf of Norway"
    return k >= 0 and (low[k] in NOT_SUBJECT_BEFORE or low[k] in ("join", "joins", "joined", "joining"))


# Nouns after a demonym that still make it the subject: "the Dutch government will ...".
_GOVERNMENT_NOUNS = frozenset(
    """government governments ministry minister ministers chancellor president prime defence defense
    foreign officials official authorities cabinet parliament army armed forces military navy air
    troops state administration embassy leader leaders side delegation premier secretary department
    contribution package aid support donation pledge decision""".split()
)


def _subject_like(seg, last: int) -> bool:
    """A donor name standing as (part of) a subject, not modifying another noun ("the U.S.-German effort")."""
    k = last + 1
    while k < len(seg.low) and seg.low[k] in (".", "'", "s") and seg.donor_at[k] is not None:
        k += 1
    if k >= len(seg.low):
        return True
    t = seg.low[k]
    if t == "-":
        return False
    if t.isalpha() and seg.raw[k].islower() and not seg.cue_kinds_at[k] and t not in _GOVERNMENT_NOUNS \
            and t not in AUXILIARIES and t not in _VERB_AFTER_NAME and t not in _STANCE_VERBS \
            and t not in ("and", "or", "said", "says", "has", "have", "had", "is", "was", "will", "would", "s"):
        return False
    return True


# Verbs that follow a subject before the real verb: "Poland stands ready to hand over ...".
_STANCE_VERBS = frozenset(
    "stands stood remains remained continues continued decided decides promised promises vowed vows "
    "confirmed confirms alone itself".split()
)


def _joint(seg, first: int, gov: int) -> bool:
    """Several donors joined as one subject and acting "together" / "jointly"."""
    k = first - 1
    while k >= 0 and seg.low[k] in ("and", ",", "the"):
        k -= 1
    if k < 0 or seg.donor_at[k] is None:
        return False
    words = seg.low[first:gov + 1]
    if any(t in ("together", "jointly", "collectively") for t in words):
        return True
    # "The United States, Germany and France agreed to send ...": one act of several donors,
    # unless each gives its own ("... each will provide", handled by the caller).
    return "each" not in words and "each" not in seg.low[gov + 1 : gov + 12] and _donor_list_length(seg, first) >= 2


def _donor_list_length(seg, first: int) -> int:
    """How many donors are coordinated in the subject ending with the name at `first`."""
    seen = {seg.donor_at[first][0]} if seg.donor_at[first] is not None else set()
    k = first - 1
    while k >= 0:
        if seg.low[k] in ("and", ",", "the"):
            k -= 1
            continue
        d = seg.donor_at[k]
        if d is None or _after_preposition(seg.low, d[2]):
            break  # "In Washington, the Pentagon announced": a place, not a second donor
        seen.add(d[0])
        k = d[2] - 1
    return len(seen)


def _dateline(seg) -> Donor | None:
    """"In Sofia, parliament confirmed ...": the capital at the head of a sentence names the government."""
    low = seg.low
    if len(low) > 3 and low[0] == "in" and seg.donor_at[1] is not None:
        d = seg.donor_at[1]
        k = 1
        while k < len(low) and seg.donor_at[k] is d:
            k += 1
        if k < len(low) and low[k] == ",":
            return d[0]
    return None


def _nearest_donor(seg, lo: int, hi: int) -> Donor | None:
    for k in range(hi - 1, lo - 1, -1):
        d = seg.donor_at[k]
        if d is not None and not _after_preposition(seg.low, d[2]) and not _company_title(seg, d[2]):
            return d[0]
    return None


def _company_title(seg, first: int) -> bool:
    """A person whose title follows a mention already in company: "alongside Polish Prime Minister
    Donald Tusk" (the demonym is after "alongside", the person is the same)."""
    k = first - 1
    while k >= 0 and seg.low[k] in _TITLE_WORDS:
        k -= 1
    d = seg.donor_at[k] if k >= 0 and k < first - 1 else None
    return d is not None and _after_preposition(seg.low, d[2])


# Nouns after a donor name that make it an event or a place, not an actor: "the NATO Summit in Vilnius".
EVENT_NOUNS = frozenset(
    """summit summits meeting meetings session sessions conference forum headquarters hq talks
    territory airspace border borders soil standard standards members member format""".split()
)


def named_event(low: list[str], last: int) -> bool:
    """The donor name ending at `last` names an event or a place ("NATO summit", "EU territory")."""
    return last + 1 < len(low) and low[last + 1] in EVENT_NOUNS


def relative_subject(low: list[str], first: int) -> bool:
    """"the Abrams tanks that the United States provided": the subject of a relative clause
    describes something else; it does not become the donor the text is about."""
    k = first - 1
    if k >= 0 and low[k] == "the":
        k -= 1
    return k >= 1 and low[k] in ("that", "which", "whom") and low[k - 1] not in (",", "so", "such")


def _first_donor(seg, lo: int, hi: int) -> Donor | None:
    skipped_end = -2  # last token of a mention skipped as company ("alongside Polish ...")
    for k in range(lo, hi):
        d = seg.donor_at[k]
        if d is not None:
            donor, kind, first = d
            if first <= skipped_end or (skipped_end >= 0 and all(t in _TITLE_WORDS for t in seg.low[skipped_end + 1 : first])):
                skipped_end = k  # the rest of a skipped mention, or "alongside Polish Prime Minister Donald Tusk": the same person
                continue
            if _after_preposition(seg.low, first) or relative_subject(seg.low, first):
                skipped_end = k
                continue
            if (k + 1 >= len(seg.low) or seg.donor_at[k + 1] is None or seg.donor_at[k + 1][2] != first) \
                    and named_event(seg.low, k):
                continue
            return donor
    return None


_APPROVAL_NOUNS = frozenset("approval approvals permission permissions consent clearance licence license authorisation "
                            "authorization".split())


def agent(seg, gov: int, right_limit: int) -> Donor | None:
    """"delivered by Germany", "from Germany" after the verb."""
    low = seg.low
    bought = PROCURE in seg.cue_kinds_at[gov]
    for k in range(gov + 1, min(right_limit, gov + 25)):
        if low[k] == "from" and bought:
            continue  # "purchased from the United States for Ukraine": the seller, not the donor
        if low[k] == "from" and k > 0 and low[k - 1] in _APPROVAL_NOUNS:
            continue  # "transferred following the necessary approvals from the United States": who allows it
        if low[k] in ("by", "from") and k + 1 < len(low):
            for q in range(k + 1, min(k + 4, len(low))):
                d = seg.donor_at[q]
                if d is not None:
                    return d[0]
    return None


def mentioned_donor(seg) -> Donor | None:
    """The donor a segment is about, for context: its first donor or person not after a preposition."""
    return _first_donor(seg, 0, len(seg.low))


def document_donor(counts: Counter) -> Donor | None:
    """The donor that dominates a report (a government's own release), if one does."""
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2) + [(None, 0)]
    second = rest[0][1] if rest else 0
    total = sum(counts.values())
    if n >= 2 and n >= 0.5 * total and n > second:
        return top
    if len(counts) == 1:
        return top
    return None
