"""Equipment noun phrases: which system a quantity counts, and what kind of item it is.

A quantity governs the noun run that follows it ("another four IRIS-T surface-to-air
defence systems"); the head of the run (its last item noun) gives the item kind, and
an "of"/"for" complement may name the system ("30 missiles for Patriot systems").
"""

from __future__ import annotations

from dataclasses import dataclass

from .quantities import Quantity
from .reference import Match, ReferenceData, System, singular_forms

# Head nouns -> item kind (None: the system's own unit).
ITEM_NOUNS: dict[str, str | None] = {
    "system": "system", "battery": "system", "unit": None, "fire": None,
    "launcher": "launcher", "mlrs": "launcher",
    "missile": "missile", "interceptor": "missile", "rocket": "missile",
    "round": "round", "shell": "round", "projectile": "round", "cartridge": "round",
    "ammunition": "round", "munition": "round", "bomb": "round",
    "tank": "vehicle", "vehicle": "vehicle", "carrier": "vehicle", "apc": "vehicle", "ifv": "vehicle",
    "mrap": "vehicle", "truck": "vehicle", "afv": "vehicle", "car": "vehicle",
    "jet": "aircraft", "aircraft": "aircraft", "plane": "aircraft", "fighter": "aircraft",
    "helicopter": "aircraft", "warplane": "aircraft",
    "drone": "drone", "uav": "drone", "uas": "drone",
    "boat": "vessel", "vessel": "vessel", "ship": "vessel", "minehunter": "vessel",
    "howitzer": None, "gun": None, "radar": None, "piece": None, "weapon": None, "mortar": None,
    "terminal": None, "kit": None, "mine": None,
}
# Words that may stand between a quantity and its head noun.
MODIFIERS = frozenset(
    """new more additional further extra modern modernised modernized upgraded refurbished used
    old older second hand advanced mobile heavy light medium long short range self propelled
    armoured armored protected wheeled tracked towed main battle combat infantry fighting air
    defence defense surface anti aircraft missile artillery rocket multiple launch guided
    precision cruise ballistic tactical strategic naval coastal mine clearing reconnaissance
    surveillance attack fighter transport utility engineering recovery bridge laying logistics
    logistic military western soviet era nato standard calibre caliber high mobility ground
    based portable man shoulder fired counter drone unmanned aerial fire kamikaze loitering
    first person view fpv machine grenade sniper patrol fast state art x
    modernisation special operations mm millimetre millimeter calibre gun sea land short
    range sophisticated powerful latest remaining spare dual purpose purpose intercept
    interceptor ammunition equipment weapon weapons type class variant version model
    tank tanks vehicle missile launcher radar sam surface-to-air air-defence long-range""".split()
)
COORD = frozenset({"and", "or", ",", "&", "plus"})
COMPLEMENT_PREP = frozenset({"of", "for"})
DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "a", "an", "ukraine", "ukraine's", "s", "existing", "all"})
SELF_PROPELLED = frozenset({"self", "propelled", "wheeled", "tracked", "mobile"})


def lemma(tok: str) -> str:
    forms = singular_forms(tok)
    for f in forms:
        if f in ITEM_NOUNS:
            return f
    return tok


@dataclass(slots=True)
class EquipmentObject:
    system: System | None
    item: str | None
    quantity: Quantity | None
    first: int  # token span of the whole phrase
    last: int
    alias: str  # the words that named the system
    head: str | None  # the head noun, if any
    how: str  # alias | generic | head-noun


class Phrase:
    """Token-level view of one segment: what each token is part of."""

    def __init__(self, low: list[str], raw: list[str], space: list[bool], matches: list[Match]):
        self.low = low
        self.raw = raw
        self.space = space
        self.match_at: list[Match | None] = [None] * len(low)
        for m in matches:
            for k in range(m.first, m.last + 1):
                self.match_at[k] = m

    def hyphen_joined(self, i: int) -> bool:
        """Token i is part of a hyphenated compound ("surface-to-air", "state-of-the-art")."""
        low, space = self.low, self.space
        n = len(low)
        if i + 1 < n and low[i + 1] == "-" and not space[i + 1]:
            return True
        if i > 0 and low[i - 1] == "-" and not space[i]:
            return True
        return False

    def is_modifier(self, i: int) -> bool:
        tok = self.low[i]
        m = self.match_at[i]
        if m is not None:
            return m.entry.kind in ("system", "generic", "donor")
        if tok in MODIFIERS or tok == "-" or tok == "/":
            return True
        if self.hyphen_joined(i):
            return True
        if tok.isdigit() and not self.space[i]:
            return True  # "155mm" split, designators
        raw = self.raw[i]
        if raw[:1].isupper() and len(raw) > 1 and tok not in ("the", "and", "for", "of", "with"):
            return True  # an unknown proper name (maker, model)
        if len(tok) > 4 and tok.endswith(("ed", "al", "ic", "ive", "ian", "ish", "ese")):
            return True
        return False

    def is_head(self, i: int) -> bool:
        return lemma(self.low[i]) in ITEM_NOUNS


def noun_run(ph: Phrase, start: int, limit: int = 14) -> tuple[int, list[int]]:
    """Tokens of the noun phrase beginning at `start`.

    Returns (last index, indexes of the first conjunct's modifiers) — the last index
    is start-1 when nothing there is a noun phrase.  Coordinated modifiers ("artillery,
    air defence and engineering ammunition") are taken in when a head noun follows.
    """
    n = len(ph.low)
    i = start
    last = start - 1
    first_conjunct: list[int] = []
    coordinated = False
    steps = 0
    while i < n and steps < limit:
        steps += 1
        tok = ph.low[i]
        m = ph.match_at[i]
        if m is not None and m.entry.kind in ("system", "generic"):
            if coordinated and m.entry.kind == "system" and not _only_modifiers_to_head(ph, i, n):
                break
            if not coordinated:
                first_conjunct.extend(range(m.first, m.last + 1))
            last = m.last
            i = m.last + 1
            continue
        if tok in COORD:
            if last >= start and not ph.is_head(last) and _only_modifiers_to_head(ph, i + 1, n):
                coordinated = True
                i += 1
                continue
            break
        if ph.is_head(i) or ph.is_modifier(i):
            if not coordinated and not ph.is_head(i):
                first_conjunct.append(i)
            last = i
            i += 1
            continue
        break
    # The run ends at its head: trailing modifiers after the last head noun are dropped
    # unless the run is one name ("four Leopard 2A6").
    return last, first_conjunct


def _only_modifiers_to_head(ph: Phrase, i: int, n: int) -> bool:
    """From i, only modifiers and coordinators until a head noun (a bounded look-ahead)."""
    for k in range(i, min(n, i + 8)):
        m = ph.match_at[k]
        if m is not None and m.entry.kind == "system":
            return False
        if ph.is_head(k):
            return True
        if ph.low[k] in COORD or ph.is_modifier(k):
            continue
        return False
    return False


def build_object(ref: ReferenceData, ph: Phrase, start: int, quantity: Quantity | None) -> EquipmentObject | None:
    """The equipment named by the noun run at `start` (and its of/for complement)."""
    last, first_conj = noun_run(ph, start)
    if last < start:
        return None
    named: Match | None = None
    generic: Match | None = None
    head_i: int | None = None
    coordinated = False
    for k in range(start, last + 1):
        m = ph.match_at[k]
        if m is not None and m.entry.kind == "system" and named is None:
            named = m
        elif m is not None and m.entry.kind == "generic" and generic is None:
            generic = m
        if ph.is_head(k):
            head_i = k
        if ph.low[k] in COORD:
            coordinated = True
    end = last
    comp_named: Match | None = None
    comp_generic: Match | None = None
    # "30 missiles for Patriot systems", "36,000 rounds of 105mm ammunition"
    j = last + 1
    if j < len(ph.low) and ph.low[j] in COMPLEMENT_PREP and (head_i is not None or generic is not None):
        k = j + 1
        while k < len(ph.low) and k < j + 4 and ph.low[k] in DETERMINERS:
            k += 1
        clast, _ = noun_run(ph, k, limit=8)
        for q in range(k, clast + 1):
            m = ph.match_at[q]
            if m is not None and m.entry.kind == "system" and comp_named is None:
                comp_named = m
            elif m is not None and m.entry.kind == "generic" and comp_generic is None:
                comp_generic = m
        if comp_named is not None or (comp_generic is not None and named is None and generic is None):
            end = clast
    head = lemma(ph.low[head_i]) if head_i is not None else None
    system: System | None = None
    alias = ""
    how = "alias"
    if named is not None:
        system, alias = named.entry.target, named.entry.alias
    elif comp_named is not None:
        system, alias = comp_named.entry.target, comp_named.entry.alias
    else:
        if coordinated and head is not None:
            mods = [ph.low[k] for k in first_conj if ph.low[k] not in ("-", "/")]
            system = ref.generic_for(head, mods)
            if system is not None:
                alias, how = " ".join(mods + [head]), "generic"
        if system is None and generic is not None:
            system, alias, how = generic.entry.target, generic.entry.alias, "generic"
        if system is None and comp_generic is not None:
            system, alias, how = comp_generic.entry.target, comp_generic.entry.alias, "generic"
        if system is None and head is not None:
            mods = [ph.low[k] for k in range(start, last + 1) if k != head_i]
            system = ref.generic_for(head, mods) if mods else None
            if system is not None:
                alias, how = " ".join(mods + [head]), "head-noun"
    if system is None:
        return None
    item = ITEM_NOUNS.get(head) if head else None
    if head in ("howitzer", "gun") and any(ph.low[k] in SELF_PROPELLED for k in range(start, last + 1)):
        item = "vehicle"
    if head in ("ammunition", "munition") and system.unit != "round":
        item = None  # "loitering munitions" are drones, "Gepard ammunition" is rounds
    if item is None:
        item = system.unit
    return EquipmentObject(system, item, quantity, quantity.first if quantity else start, end, alias, head, how)
