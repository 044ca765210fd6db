"""Property tests: on any text the parser never raises, keeps spans inside the input, and is deterministic."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledges.extraction import extract, html_to_text

from .extraction_helpers import full_ref

WORDS = [
    "Germany", "will", "send", "four", "IRIS-T", "systems", "30", "missiles", "for", "Patriot", "another",
    "a further", "1,000", "1.5", "million", "\u20ac2bn", "$400", "not", "could", "Russia", "launched",
    "he", "said", "Berlin", "the UK", "allies", "so far", ".", ",", ";", ":", "\n", "\n\n", "\u2022 ",
    "- ", "(", ")", "\u201c", "\u2019s", "U.S.", "Mr.", "No.", "dozens of", "T-72", "155mm", "shells",
]

text_like = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
any_text = st.one_of(st.text(max_size=400), text_like)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(any_text)
def test_extract_never_raises_and_spans_match_the_input(text):
    for item in extract(text, full_ref()):
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.evidence
        assert 0.0 <= item.confidence <= 1.0
        assert item.qualifier in {"exact", "at-least", "approximately", "up-to", "vague", "undisclosed"}
        if item.quantity_text:
            assert item.quantity_text in text


@SETTINGS
@given(any_text)
def test_same_input_gives_same_output(text):
    assert extract(text, full_ref()) == extract(text, full_ref())


@SETTINGS
@given(st.text(max_size=300))
def test_html_to_text_never_raises(html):
    assert isinstance(html_to_text(html), str)
