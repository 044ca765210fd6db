"""Equipment noun phrases: which system a quantity counts, and what kind of item it is.

A quantity governs the noun run that follows it ("another four IRIS-T surface-to-air
defence systems"); the head of the run (its last item noun) gives the item kind, and
an "of"/"for" complement may name the system ("30 missiles for Patriot systems").
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    "terminal": None, "kit": None, "mine": None, "motor": None, "warhead": None,
    # "Patriot components", "IRIS-T parts": equipment for the system, never a count of it
    "component": "other", "part": "other", "spares": "other",
}
_PART_HEADS = frozenset({"component", "part", "spares"})
# Words that may stand between a quantity and its head noun.
MODIFIERS = frozenset(
    """new more additional further extra modern modernised modernized upgraded refurbished used
    old older second hand advanced mobile heavy light medium long short range self propelled
    armoured armored protected wheeled tracked towed main battle combat infantry fighting air
    defence defense surface anti aircraft missile artillery rocket multiple launch guided
    precision cruise ballistic tactical strategic naval coastal mine clearing reconnaissance
    surveillance attack fighter transport utility engineering recovery bridge laying logistics assault
    logistic military western soviet era nato standard calibre caliber high mobility ground
    based portable man shoulder fired counter drone unmanned aerial fire kamikaze loitering
    first person view fpv machine grenade sniper patrol fast state art x
    modernisation special operations mm millimetre millimeter calibre gun sea land short
    range sophisticated powerful latest remaining spare dual purpose purpose intercept
    interceptor ammunition equipment weapon weapons type class variant version model surplus strike
    tank tanks vehicle missile launcher radar sam surface-to-air air-defence long-range
    small large big compact lightweight improved enhanced autonomous remote civilian commercial
    inflatable rigid high speed all terrain off road heavy duty recoilless""".split()
)
COORD = frozenset({"and", "or", ",", "&", "plus"})
# Words in -ly that are not adverbs (verbs, nouns, names, frequencies).
_NOT_ADVERBS = frozenset(
    "supply apply reply rally ally italy family july assembly anomaly monopoly only early daily weekly "
    "monthly yearly likely fly".split()
)
COMPLEMENT_PREP = frozenset({"of", "for"})
DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "a", "an", "ukraine", "ukraine's", "s", "existing", "all"})
SELF_PROPELLED = frozenset({"self", "propelled", "wheeled", "tracked", "mobile"})


_LEMMAS: dict[str, str] = {}  # token -> lemma; bounded, as the vocabulary of a text is
_HEADS: dict[str, bool] = {}  # token -> whether it is an item noun


def _head_word(tok: str) -> bool:
    found = lemma(tok) in ITEM_NOUNS
    if len(_HEADS) < 50_000:
        _HEADS[tok] = found
    return found


def lemma(tok: str) -> str:
    found = _LEMMAS.get(tok)
    if found is not None:
        return found
    found = tok
    for f in singular_forms(tok):
        if f in ITEM_NOUNS:
            found = f
            break
    if len(_LEMMAS) < 50_000:
        _LEMMAS[tok] = found
    return found


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
    also: list = field(default_factory=list)  # further systems of coordinated modifiers


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
        if tok == "x" and i + 1 < len(self.low) and self.low[i + 1].isdigit() and not self.space[i + 1]:
            return False  # "Dingo x4": a multiplication sign and a count, not a designator
        if tok == "-" and self.space[i] and i + 1 < len(self.low) and self.space[i + 1]:
            return False  # "Night vision goggles – hundreds": a spaced dash separates a list count
        if tok in MODIFIERS or tok == "-" or tok == "/":
            return True
        n = len(self.low)
        if (tok == "." and 0 < i < n - 1 and self.low[i - 1].isdigit() and self.low[i + 1].isdigit()
                and not self.space[i] and not self.space[i + 1]):
            return True  # the point of a calibre: "5.56 mm", "7.62 mm"
        if (tok.isdigit() and i + 3 < n and self.low[i + 1] == "." and self.low[i + 2].isdigit()
                and not self.space[i + 1] and not self.space[i + 2] and self.low[i + 3] in ("mm", "cm")):
            return True
        if tok in ("(", ")"):
            return self._short_parenthesis(i)
        if self.hyphen_joined(i):
            return True
        if tok.isdigit() and (not self.space[i] or (i + 1 < len(self.low) and self.low[i + 1] in ("mm", "cm", "millimetre", "millimeter", "calibre", "caliber"))
                              or (i + 2 < len(self.low) and self.low[i + 1] == "-" and self.low[i + 2] in ("mm", "millimetre", "millimeter"))):
            return True  # "155mm" split, "155 mm", designators
        raw = self.raw[i]
        if raw[:1].isupper() and len(raw) > 1 and tok not in ("the", "and", "for", "of", "with"):
            return True  # an unknown proper name (maker, model)
        if raw.isupper() and i + 1 < len(self.low) and not self.space[i + 1] and self.low[i + 1][:1].isdigit():
            return True  # "M577", "K9": a letter glued to a model number
        if len(tok) > 4 and tok.endswith(("ed", "al", "ic", "ive", "ian", "ish", "ese", "ous", "ary")):
            return True
        if (len(tok) > 5 and tok.endswith("ing") and i + 1 < len(self.low)
                and (self.is_head(i + 1) or (self.match_at[i + 1] is not None and self.match_at[i + 1].entry.kind in ("system", "generic")))):
            return True  # "23 fast raiding boats", "a mine clearing vehicle": a gerund naming the kind
        if (len(tok) > 4 and tok.endswith("ly") and tok not in _NOT_ADVERBS and i + 1 < len(self.low)
                and not self.low[i + 1].endswith("ly")):
            return self.is_modifier(i + 1)  # "highly mobile", "fully armoured": an adverb on a modifier
        return False

    def _short_parenthesis(self, i: int) -> bool:
        """A bracket of a short capitalised acronym inside a long name: "Wire-Guided (TOW) missiles".

        A bracket holding only a number ("IRIS-T SLM systems (4)") is a count, never part of a name.
        """
        low, raw = self.low, self.raw
        step, close = (1, ")") if low[i] == "(" else (-1, "(")
        k = i + step
        seen = 0
        letters = False
        while 0 <= k < len(low) and seen <= 3:
            if low[k] == close:
                return seen > 0 and letters
            if not (raw[k][:1].isupper() or raw[k].isdigit() or raw[k] == "-"):
                return False
            letters = letters or raw[k][:1].isalpha()
            seen += 1
            k += step
        return False

    def is_head(self, i: int) -> bool:
        found = _HEADS.get(self.low[i])
        return _head_word(self.low[i]) if found is None else found


def noun_run(ph: Phrase, start: int, limit: int = 14) -> tuple[int, list[list[int]]]:
    """Tokens of the noun phrase beginning at `start`.

    Returns (last index, conjuncts): the last index is start-1 when nothing there is a
    noun phrase; conjuncts are the token groups of coordinated modifiers ("artillery,
    air defence and engineering ammunition" gives three), taken in only when a head
    noun follows them.
    """
    n = len(ph.low)
    i = start
    last = start - 1
    conjuncts: list[list[int]] = [[]]
    steps = 0
    while i < n and steps < limit:
        steps += 1
        tok = ph.low[i]
        m = ph.match_at[i]
        if m is not None and m.entry.kind in ("system", "generic"):
            if len(conjuncts) > 1 and m.entry.kind == "system" and not _only_modifiers_to_head(ph, i, n, allow_names=True):
                break
            conjuncts[-1].extend(range(m.first, m.last + 1))
            last = m.last
            i = m.last + 1
            continue
        if (tok == "," and i > start and i + 1 < n and ph.raw[i - 1][:1].isupper() and ph.hyphen_joined(i - 1)
                and ph.raw[i + 1][:1].isupper() and ph.hyphen_joined(i + 1)):
            conjuncts[-1].append(i)  # "Tube-Launched, Optically-Tracked, Wire-Guided (TOW)": one long name
            i += 1
            continue
        if tok in COORD:
            # "armoured and protected vehicles"; "PT-91 and T-72 tanks" (names sharing a head noun)
            names_before = any(ph.match_at[k] is not None and ph.match_at[k].entry.kind == "system" for k in conjuncts[-1])
            mlast = ph.match_at[last] if last >= start else None
            if (mlast is not None and mlast.entry.kind == "generic" and mlast.last == last
                    and ph.low[last] not in MODIFIERS and not ph.low[last].isdigit()):
                break  # "night vision devices and thermal imagery systems": a whole thing named, then another
            if last >= start and not ph.is_head(last) and _only_modifiers_to_head(ph, i + 1, n, allow_names=names_before):
                conjuncts.append([])
                i += 1
                continue
            break
        if ph.is_head(i) or ph.is_modifier(i):
            conjuncts[-1].append(i)
            last = i
            i += 1
            continue
        break
    return last, [c for c in conjuncts if c]


def _only_modifiers_to_head(ph: Phrase, i: int, n: int, allow_names: bool = False) -> bool:
    """From i, only modifiers and coordinators until a head noun (a bounded look-ahead)."""
    for k in range(i, min(n, i + 8)):
        m = ph.match_at[k]
        if m is not None and m.entry.kind == "system" and not allow_names:
            return False
        if ph.is_head(k):
            return True
        if ph.low[k] in COORD or ph.is_modifier(k):
            continue
        return False
    return False


FUNCTION_WORDS = frozenset(
    """and or but with for of to from in on at by that which who whose as is are was were be been
    will would shall has have had the a an this these those its their his her our into over under
    per each both than also including plus along together while when where because so if after
    before during through within without via like such apiece worth valued totalling totaling
    costing made built it they he she we there then now today this next last more""".split()
)
# "rounds of ammunition for the Leopard 2 tanks" is tank ammunition, not tanks: the generic
# ammunition of the host's category, when the reference has one.
_SHELL_HEADS = frozenset({"ammunition", "munition", "round", "shell", "projectile", "cartridge"})
_AMMUNITION_BY_CATEGORY = {"tanks": "tank ammunition", "artillery": "artillery ammunition",
                           "ifv-apc": "ammunition", "vehicles-logistics": "ammunition"}  # ("25mm rounds for Bradleys")
AMMUNITION_HEADS = frozenset({"ammunition", "munition", "round", "rocket", "missile", "shell", "interceptor", "projectile"})


def _munition_of(ref: ReferenceData, launcher: System) -> System | None:
    """"munitions for HIMARS" -> GMLRS, when the reference names the launcher's ammunition."""
    for base in dict.fromkeys((launcher.name, launcher.family)):
        for phrase in (f"{base} ammunition", f"{base} rockets", f"{base} munitions",
                       f"ammunition for {base}", f"rockets for {base}"):
            found = ref.lookup(phrase)
            if found is not None and found is not launcher:
                return found
    return None


def _mods(ph: Phrase, group: list[int], head_i: int | None) -> list[str]:
    return [ph.low[k] for k in group if k != head_i and ph.low[k] not in ("-", "/")]


def build_object(ref: ReferenceData, ph: Phrase, start: int, quantity: Quantity | None) -> EquipmentObject | None:
    """The equipment named by the noun run at `start` (and its of/for complement)."""
    last, conjuncts = noun_run(ph, start)
    if last < start:
        return None
    named: Match | None = None
    generics: list[Match] = []
    head_i: int | None = None
    for k in range(start, last + 1):
        m = ph.match_at[k]
        if m is not None and m.entry.kind == "system" and named is None:
            named = m
        elif m is not None and m.entry.kind == "generic" and (not generics or generics[-1] is not m):
            generics.append(m)
        if ph.is_head(k):
            head_i = k
    head = lemma(ph.low[head_i]) if head_i is not None else None
    generic = None
    for g in generics:
        if head_i is not None and g.first <= head_i <= g.last:
            generic = g
    if generic is None and generics:
        generic = generics[-1]
    end = last
    comp_named: Match | None = None
    comp_generic: Match | None = None
    comp_also: Match | None = None
    # "30 missiles for Patriot systems", "36,000 rounds of 105mm ammunition"
    j = last + 1
    if j < len(ph.low) and ph.low[j] in COMPLEMENT_PREP and (head_i is not None or generic is not None):
        k = j + 1
        while k < len(ph.low) and k < j + 4 and ph.low[k] in DETERMINERS:
            k += 1
        clast, _ = noun_run(ph, k, limit=8)
        for c in range(k + 1, clast + 1):
            nxt = c + 2 if c + 1 <= clast and ph.low[c + 1] == "and" else c + 1
            if ph.low[c] in (",", "and") and (
                    (nxt <= clast and nxt + 1 < len(ph.low) and ph.is_head(nxt) and ph.low[nxt + 1] in COMPLEMENT_PREP)
                    or any(lemma(ph.low[t]) in AMMUNITION_HEADS for t in range(nxt, clast + 1))):
                # "munitions for NASAMS, munitions for HIMARS", "ammunition for HIMARS and 155mm
                # artillery ammunition": a parallel phrase, not this one's complement
                clast = c - 1
                break
        for q in range(k, clast + 1):
            m = ph.match_at[q]
            if m is not None and m.entry.kind == "system" and comp_named is None:
                comp_named = m
            elif m is not None and m.entry.kind == "generic" and comp_generic is None:
                comp_generic = m
        if comp_named is not None or comp_generic is not None:
            end = clast  # the complement belongs to this phrase ("radars for unmanned aerial systems")
        if comp_named is not None and clast + 2 < len(ph.low) and ph.low[clast + 1] in ("and", ","):
            m2 = ph.match_at[clast + 2]
            if (m2 is not None and m2.entry.kind == "system" and m2.entry.target is not comp_named.entry.target
                    and (m2.entry.target.category == comp_named.entry.target.category  # not "..., Leopard 2A4 tanks"
                         or "munitions" in (m2.entry.target.category, comp_named.entry.target.category))):
                comp_also = m2
                end = m2.last
                while end + 1 < len(ph.low) and ph.is_head(end + 1):
                    end += 1
    if quantity is not None and named is None and comp_named is None and end + 1 < len(ph.low):
        # "one Ukrainian tank battalion": the count belongs to a noun we do not know.
        nxt = ph.low[end + 1]
        if (nxt.isalpha() and ph.raw[end + 1].islower() and nxt not in FUNCTION_WORDS
                and not nxt.endswith(("ed", "ing", "ly")) and ph.match_at[end + 1] is None
                and not ph.is_modifier(end + 1)):
            return None
    system: System | None = None
    alias = ""
    how = "alias"
    also: list[System] = [comp_also.entry.target] if comp_also is not None else []
    item_override: str | None = None
    names = []
    for k in range(start, last + 1):
        m = ph.match_at[k]
        if m is not None and m.entry.kind == "system" and m.entry.target not in names:
            names.append(m.entry.target)
    if len(names) > 1 and (quantity is None or quantity.value is None):
        also = names[1:] + also  # "dozens of 155mm FH70 and 122mm D-30 howitzers": each of them
    elif quantity is not None and len(names) > 1 and head is not None:
        # "60 modernised PT-91 and T-72 tanks": one count for two models, recorded by kind
        shared = ref.generic_for(head, [])
        if shared is not None:
            named = None
            generic = None
            system, alias, how = shared, head, "generic"
    if system is not None:
        pass
    elif named is not None:
        system, alias = named.entry.target, named.entry.alias
    elif comp_named is not None:
        system, alias = comp_named.entry.target, comp_named.entry.alias
        if head in AMMUNITION_HEADS:
            ammo = _munition_of(ref, system)
            if ammo is None and head in _SHELL_HEADS:
                ammo = ref.by_name.get(_AMMUNITION_BY_CATEGORY.get(system.category, ""))
            if ammo is not None:
                system, alias = ammo, f"{head} for {alias}"
            elif system.unit in ("missile", "round"):
                item_override = system.unit
            else:
                item_override = "missile" if system.category in ("air-defence", "rocket-artillery", "anti-tank") else "round"
    else:
        if len(conjuncts) > 1 and head is not None:
            per: list[System | None] = []
            for n_c, group in enumerate(conjuncts):
                found = ref.generic_for(head, _mods(ph, group, head_i), need_shared=True)
                if found is None and n_c == len(conjuncts) - 1 and generic is not None and head_i is not None and generic.first < head_i:
                    found = generic.entry.target  # "... and 105mm artillery ammunition"
                per.append(found)
            distinct = list(dict.fromkeys(p for p in per if p is not None))
            if quantity is not None:
                if len(distinct) == 1:
                    system = distinct[0]
                else:
                    system = ref.generic_for(head, []) or (generic.entry.target if generic else None)
            elif distinct:
                system, also = distinct[0], distinct[1:]
            if system is not None:
                alias, how = " ".join(ph.low[k] for k in range(start, last + 1)), "generic"
        if system is None and generic is not None:
            system, alias, how = generic.entry.target, generic.entry.alias, "generic"
        if system is None and comp_generic is not None:
            system, alias, how = comp_generic.entry.target, comp_generic.entry.alias, "generic"
        if system is None and head is not None:
            mods = [ph.low[k] for k in range(start, last + 1) if k != head_i]
            system = ref.generic_for(head, mods, need_shared=True) if mods else None
            if system is not None:
                alias, how = " ".join(mods + [head]), "head-noun"
    if system is None:
        return None
    if head in _PART_HEADS and system.generic:
        return None  # "drone parts", "air defence components": no system, and not the equipment itself
    item = ITEM_NOUNS.get(head) if head else None
    if head_i is not None and named is not None and named.first <= head_i <= named.last and ph.raw[head_i][:1].isupper():
        item = None  # "High Mobility Artillery Rocket System(s)": part of the name, not a count noun
    if head in ("ammunition", "munition") and system.unit != "round":
        item = None  # "loitering munitions" are drones
    if item_override is not None:
        item = item_override
    if item is None:
        item = system.unit
    return EquipmentObject(system, item, quantity, quantity.first if quantity else start, end, alias, head, how, also)
