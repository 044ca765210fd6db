"""Reference data for the parser: donors and systems from plain dicts, with compiled alias matchers.

Aliases are matched as token sequences, so case, hyphens, slashes, dots and the
space between letters and digits are folded ("IRIS-T", "Iris T", "PzH2000",
"PzH 2000", "Leopard 1 A5" = "Leopard 1A5").  Matching walks a token trie: the
cost per token is bounded by the longest alias, so it is linear in the text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .text import TOKEN_RE, Tokens, fold

# Tokens that join parts of one name and are ignored when matching aliases.
CONNECTORS = frozenset("-/.'()")

ANY, CAP, CAPS = 0, 1, 2

# Country codes that reports write as names ("US announces ..."); matched in capitals only.
CODES_USED_AS_NAMES = frozenset({"US"})

# Surnames that are also common words, first names or company names: matched only with the first name.
AMBIGUOUS_SURNAMES = frozenset(
    "little martin harris collins peters costa michel wong park cohen gram blair payne meta slot "
    "dan gabriel marin rau dan borne joly anand".split()
)  # case rules: any case / first letter upper / all upper


@dataclass(frozen=True, slots=True)
class Donor:
    code: str
    name: str
    kind: str = "country"


@dataclass(frozen=True, slots=True)
class System:
    name: str
    slug: str
    family: str
    category: str
    unit: str
    generic: bool


@dataclass(frozen=True, slots=True)
class Entry:
    """What an alias names: kind is donor | person | system."""

    kind: str
    target: Any
    case: int
    alias: str


@dataclass(slots=True)
class Match:
    first: int  # index into the token list (not the view)
    last: int  # inclusive
    entry: Entry


# Titles that say which office a person listed under several donors holds here: "NATO Secretary
# General Mark Rutte" speaks for NATO, "Prime Minister Mark Rutte" for the Netherlands.
_OFFICE_OF_ORGANISATION = frozenset(
    "secretary-general general nato eu european commission representative high union alliance".split()
)
_OFFICE_OF_COUNTRY = frozenset("prime minister premier chancellor finance defence defense foreign".split())


def _choose_office(entries: list[Entry], low: list[str], first: int) -> Entry:
    """One of several donors a person is listed under (offices change: Rutte was the Dutch prime
    minister before he led NATO), chosen by the title before the name; a country by default."""
    people = [e for e in entries if e.kind == "person"]
    if len(people) < 2:
        return entries[0]
    before = low[max(0, first - 4) : first]
    organisation = any(t in _OFFICE_OF_ORGANISATION for t in before)
    country = any(t in _OFFICE_OF_COUNTRY for t in before)
    want_org = organisation and not (country and "secretary" not in before and "representative" not in before)
    for e in people:
        if (e.target.kind != "country") == want_org:
            return e
    return people[0]


def alias_key(alias: str) -> tuple[str, ...]:
    toks = [t.lower() for t in TOKEN_RE.findall(fold(alias))]
    return tuple(t for t in toks if t not in CONNECTORS)


def _case_rule(alias: str, key: tuple[str, ...]) -> int:
    if len(key) != 1 or not key[0].isalpha():
        return ANY
    letters = [c for c in alias if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 3:
        return CAPS
    if any(c.isupper() for c in letters):
        return CAP
    return ANY


def singular_forms(tok: str) -> tuple[str, ...]:
    """Lookup variants of a plural-looking token ("batteries" -> "battery")."""
    if len(tok) <= 3 or tok[-1] != "s" or tok.endswith("ss"):
        return ()
    if tok.endswith("ies"):
        return (tok[:-3] + "y", tok[:-1])
    if tok.endswith("es"):
        return (tok[:-1], tok[:-2])
    return (tok[:-1],)


_UNSEEN = object()


def _child(node: dict, tok: str) -> dict | None:
    """The trie node under `node` for a token, trying its singular forms for a plural ("batteries")."""
    nxt = node.get(tok)
    if nxt is None and tok[-1:] == "s":
        for v in singular_forms(tok):
            nxt = node.get(v)
            if nxt is not None:
                break
    return nxt


class PhraseTrie:
    """Longest-match lookup of token sequences, left to right, no overlaps."""

    def __init__(self) -> None:
        self.root: dict = {}
        self.depth = 0
        self._starts: dict = {}  # a cache of scan's first step; cleared whenever an alias is added

    def add(self, key: tuple[str, ...], entry: Any) -> None:
        if not key:
            return
        self._starts.clear()
        node = self.root
        for tok in key:
            node = node.setdefault(tok, {})
        node.setdefault(None, []).append(entry)
        self.depth = max(self.depth, len(key))

    def scan(self, toks: Tokens, view: list[int], accept=None) -> list[tuple[int, int, list]]:
        """Return (first, last, entries) for non-overlapping longest matches.

        `view` lists the token indices to walk (connectors left out); `accept(first,
        last, entries)` may filter entries (for case rules) and returns those kept.
        """
        low = toks.low
        root = self.root
        starts = self._starts  # token -> the root node it starts (or None), singular forms tried once per token
        out = []
        p = 0
        nv = len(view)
        while p < nv:
            tok = low[view[p]]
            node = starts.get(tok, _UNSEEN)
            if node is _UNSEEN:
                node = _child(root, tok)
                if len(starts) < 200_000:
                    starts[tok] = node
            if node is None:
                p += 1
                continue
            found: list[tuple[int, list]] = []
            q = p
            while True:
                if None in node:
                    found.append((q, node[None]))
                q += 1
                if q >= nv:
                    break
                nxt = _child(node, low[view[q]])
                if nxt is None:
                    break
                node = nxt
            hit = None
            for q, entries in reversed(found):
                kept = accept(view[p], view[q], entries) if accept else entries
                if kept:
                    hit = (view[p], view[q], kept)
                    break
            if hit:
                out.append(hit)
                p = q + 1
            else:
                p += 1
        return out


def match_view(toks: Tokens) -> list[int]:
    """Indices of tokens that take part in alias matching (connectors dropped)."""
    return [i for i, t in enumerate(toks.low) if t not in CONNECTORS and t != "\x00"]


def case_ok(rule: int, raw: str) -> bool:
    if rule == ANY:
        return True
    if rule == CAPS:
        return raw.isupper()
    return raw[:1].isupper()


@dataclass
class ReferenceData:
    donors: list[Donor] = field(default_factory=list)
    systems: list[System] = field(default_factory=list)
    trie: PhraseTrie = field(default_factory=PhraseTrie)
    by_code: dict[str, Donor] = field(default_factory=dict)
    by_name: dict[str, System] = field(default_factory=dict)
    # generic systems indexed by head noun: head -> [(modifier tokens, system)]
    generic_heads: dict[str, list[tuple[frozenset[str], System]]] = field(default_factory=dict)
    unit_of: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dicts(cls, donors: Iterable[dict], systems: Iterable[dict]) -> "ReferenceData":
        ref = cls()
        surnames: dict[str, set[str]] = {}
        person_donor: dict[str, Donor] = {}
        for d in donors:
            donor = Donor(code=str(d["code"]).upper(), name=str(d["name"]), kind=str(d.get("kind", "country")))
            ref.donors.append(donor)
            ref.by_code[donor.code] = donor
            names = [d["name"], d["code"]] if donor.kind != "country" or donor.code in CODES_USED_AS_NAMES else [d["name"]]
            for alias in names + list(d.get("aliases") or []):
                key = alias_key(alias)
                if key:
                    ref.trie.add(key, Entry("donor", donor, _case_rule(alias, key), alias))
            for person in d.get("people") or []:
                key = alias_key(person)
                if not key:
                    continue
                ref.trie.add(key, Entry("person", donor, ANY if len(key) > 1 else CAP, person))
                parts = [p for p in str(person).split() if p[:1].isupper()]
                if len(parts) >= 2 and len(parts[-1]) >= 4 and parts[-1].lower() not in AMBIGUOUS_SURNAMES:
                    surnames.setdefault(parts[-1], set()).add(donor.code)
                    person_donor[parts[-1]] = donor
        for surname, codes in surnames.items():
            if len(codes) == 1:
                key = alias_key(surname)
                ref.trie.add(key, Entry("person", person_donor[surname], CAP, surname))
        for s in systems:
            system = System(
                name=str(s["name"]),
                slug=str(s.get("slug") or ""),
                family=str(s.get("family") or s["name"]),
                category=str(s.get("category") or "other"),
                unit=str(s.get("unit") or "system"),
                generic=bool(s.get("generic", False)),
            )
            ref.systems.append(system)
            ref.by_name[system.name] = system
            kind = "generic" if system.generic else "system"
            for alias in [system.name] + list(s.get("aliases") or []):
                key = alias_key(alias)
                if not key:
                    continue
                ref.trie.add(key, Entry(kind, system, ANY if system.generic else _case_rule(alias, key), alias))
                if system.generic and len(key) >= 1:
                    head = key[-1]
                    forms = singular_forms(head)
                    head = forms[0] if forms else head
                    mods = frozenset(t for t in key[:-1] if len(t) > 1)
                    ref.generic_heads.setdefault(head, []).append((mods, system))
        return ref

    @classmethod
    def from_fixture_dir(cls, path: str | Path) -> "ReferenceData":
        path = Path(path)
        donors = json.loads((path / "donors.json").read_text(encoding="utf-8"))
        systems = json.loads((path / "systems.json").read_text(encoding="utf-8"))
        return cls.from_dicts(donors=donors, systems=systems)

    def lookup(self, phrase: str) -> System | None:
        """The system an exact phrase names, if any (used for "HIMARS ammunition")."""
        node = self.trie.root
        for tok in alias_key(phrase):
            node = node.get(tok)
            if node is None:
                return None
        for e in node.get(None, []):
            if e.kind in ("system", "generic"):
                return e.target
        return None

    def find(self, toks: Tokens, view: list[int]) -> list[Match]:
        """All donor, person and system mentions in a segment, longest alias first."""
        raw = toks.raw

        def accept(first: int, last: int, entries: list[Entry]) -> list[Entry]:
            return [e for e in entries if case_ok(e.case, raw[first])]

        found = [Match(f, l, es[0] if len(es) == 1 or es[0].kind != "person" else _choose_office(es, toks.low, f))
                 for f, l, es in self.trie.scan(toks, view, accept)]
        if found:
            found = self._shared_heads(toks, view, found)
        return found

    def _walk(self, tokens: list[str]) -> list[Entry]:
        node = self.trie.root
        for tok in tokens:
            nxt = node.get(tok)
            if nxt is None:
                for v in singular_forms(tok):
                    nxt = node.get(v)
                    if nxt is not None:
                        break
            if nxt is None:
                return []
            node = nxt
        return node.get(None, [])

    def _shared_heads(self, toks: Tokens, view: list[int], found: list[Match]) -> list[Match]:
        """Names that share the words of the next name: "Hawk and IRIS-T air defence systems",
        "four Hawk air defence launchers" (Hawk + launchers is an alias of Hawk)."""
        raw, low = toks.raw, toks.low
        taken = {k for m in found for k in range(m.first, m.last + 1)}
        pos = {t: p for p, t in enumerate(view)}
        out = []
        for m in found:
            p = pos.get(m.first)
            if m.entry.kind in ("system", "generic") and p is not None and p > 0:
                tail = [low[view[q]] for q in range(p, pos.get(m.last, p) + 1)]
                for gap in (1, 2):
                    if p - gap < 0:
                        break
                    w = view[p - gap]
                    if gap == 2 and low[view[p - 1]] not in ("and", "or", ","):
                        break
                    if w in taken or not raw[w][:1].isupper() or not raw[w].isalpha() or len(raw[w]) < 3:
                        continue
                    hit = None
                    for s_ in range(1 if m.entry.kind == "system" else 0, len(tail)):
                        entries = [e for e in self._walk([low[w]] + tail[s_:]) if e.kind == "system"]
                        if entries:
                            hit = entries[0]
                            break
                    if hit is None:
                        continue
                    if gap == 1 and m.entry.kind == "generic":
                        m = Match(w, m.last, hit)  # "Hawk air defence launchers" names the Hawk
                    else:
                        out.append(Match(w, w, hit))
                    taken.add(w)
                    break
            out.append(m)
        out.sort(key=lambda m: m.first)
        return out

    def generic_for(self, head: str, mods: Iterable[str], need_shared: bool = False) -> System | None:
        """The generic system whose alias has this head noun and shares most modifiers."""
        options = self.generic_heads.get(head)
        if not options:
            return None
        mods = frozenset(m for m in mods if len(m) > 1)
        best = None
        best_score = 0
        for amods, system in options:
            if not amods:
                if need_shared:
                    continue
                score = 1
            else:
                shared = len(amods & mods)
                if not shared:
                    continue
                score = 1 + shared * 2 - len(amods - mods) * 0.5
            if score > best_score:
                best, best_score = system, score
        return best
