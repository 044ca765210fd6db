"""Reference data: alias matching folds case and punctuation, prefers the longest alias, respects capitals."""

from pledges.extraction import ReferenceData
from pledges.extraction.reference import match_view
from pledges.extraction.text import fold, tokenize

from .extraction_helpers import FIXTURES, small_ref


def _names(text, ref=None):
    ref = ref or small_ref()
    toks = tokenize(fold(text), 0, len(text))
    return [(m.entry.kind, getattr(m.entry.target, "name", None)) for m in ref.find(toks, match_view(toks))]


def test_longest_alias_wins_over_family_name():
    assert _names("IRIS-T SLS systems") == [("system", "IRIS-T SLS")]
    assert _names("Leopard 2A6") == [("system", "Leopard 2A6")]
    assert _names("Leopard 2 tanks") == [("system", "Leopard 2")]


def test_case_hyphen_and_space_variants_are_folded():
    for text in ("IRIS-T", "Iris-T", "IRIS T", "iris-t"):
        assert _names(text) == [("system", "IRIS-T SLM")], text
    assert _names("PzH2000") == _names("PzH 2000") == _names("Panzerhaubitze 2000") == [("system", "PzH 2000")]
    assert _names("Leopard 2 A6") == [("system", "Leopard 2A6")]


def test_plurals_match_singular_aliases():
    assert _names("Patriot batteries") == [("system", "Patriot")]
    assert _names("F-16s") == [("system", "F-16")]


def test_short_capital_aliases_need_capitals():
    assert _names("US announces aid") == [("donor", "United States")]
    assert _names("he told us") == []
    assert _names("UK sends aid") == [("donor", "United Kingdom")]


def test_name_like_aliases_need_a_capital_letter():
    assert _names("Berlin will send") == [("donor", "Germany")]
    assert _names("a berlin wall") == []


def test_people_and_their_surnames_name_their_country():
    assert _names("Boris Pistorius said") == [("person", "Germany")]
    assert _names("Pistorius said") == [("person", "Germany")]


def test_organisations_match_their_code():
    assert _names("The EU will") == [("donor", "European Union")]


def test_fixture_files_load_without_a_database():
    ref = ReferenceData.from_fixture_dir(FIXTURES)
    assert ref.by_code["DE"].name == "Germany"
    assert "IRIS-T SLM" in ref.by_name


def test_generic_equipment_is_found_by_head_noun_and_modifier():
    ref = small_ref()
    assert ref.generic_for("vehicle", ["armoured", "combat"]).name == "armoured vehicles"
    assert ref.generic_for("vehicle", ["combat"], need_shared=True) is None
