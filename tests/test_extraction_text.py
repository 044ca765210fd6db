"""Text shapes: folding, sentence and list-item segments, HTML to text."""

from pledges.extraction import html_to_text
from pledges.extraction.text import HEADING, ITEM, LEAD, SENTENCE, fold, split_segments


def _segments(text):
    return [(s.kind, text[s.start : s.end]) for s in split_segments(fold(text))]


def test_fold_keeps_length_so_offsets_stay_valid():
    text = "Germany\u2019s \u201cIRIS\u2011T\u201d \u2013 four\u00a0systems\r\n"
    assert len(fold(text)) == len(text)
    assert fold(text) == "Germany's \"IRIS-T\" - four systems\n\n"


def test_sentences_survive_abbreviations_and_decimals():
    text = ("The U.S. will send 1.5 million rounds. Mr. Austin said No. 10 agreed approx. 30 more. "
            "Then it ended.")
    sentences = [t for k, t in _segments(text)]
    assert sentences == [
        "The U.S. will send 1.5 million rounds.",
        "Mr. Austin said No. 10 agreed approx. 30 more.",
        "Then it ended.",
    ]


def test_us_at_the_end_of_a_sentence_still_ends_it():
    sentences = [t for k, t in _segments("Aid came from the U.S. The package is large.")]
    assert sentences == ["Aid came from the U.S.", "The package is large."]


def test_initials_do_not_end_a_sentence():
    sentences = [t for k, t in _segments("Joseph R. Biden, Jr. said the U.S. will help. It will.")]
    assert sentences[0] == "Joseph R. Biden, Jr. said the U.S. will help."


def test_bullets_become_items_under_their_lead():
    text = "Germany's new package includes:\n\n\u2022 30 Leopard tanks\n- four IRIS-T SLM\n3) 18 RCH 155\n\nThe end."
    assert _segments(text) == [
        (LEAD, "Germany's new package includes:"),
        (ITEM, "30 Leopard tanks"),
        (ITEM, "four IRIS-T SLM"),
        (ITEM, "18 RCH 155"),
        (SENTENCE, "The end."),
    ]


def test_unbulleted_lines_after_a_lead_are_items():
    text = "The package contains:\nFour HIMARS launchers\n100 armoured vehicles\n"
    assert [k for k, _ in _segments(text)] == [LEAD, ITEM, ITEM]


def test_short_line_without_full_stop_is_a_heading():
    assert _segments("Germany pledges four more IRIS-T\n\nBerlin said so.")[0] == (HEADING, "Germany pledges four more IRIS-T")


def test_last_sentence_of_a_paragraph_can_lead_a_list():
    text = "This is the 68th tranche. The capabilities in this package include:\n\u2022 Stinger missiles;"
    assert [k for k, _ in _segments(text)] == [SENTENCE, LEAD, ITEM]


def test_overlong_sentences_are_cut():
    text = "word " * 2000
    segments = split_segments(fold(text))
    assert all(s.end - s.start <= 1200 for s in segments)
    assert len(segments) > 5


def test_html_list_items_become_bullet_lines():
    html = "<html><body><p>The package includes:</p><ul><li>Stinger missiles;</li><li>155mm <b>artillery</b> ammunition.</li></ul></body></html>"
    assert html_to_text(html) == "The package includes:\n\u2022 Stinger missiles;\n\u2022 155mm artillery ammunition.\n"


def test_html_scripts_and_styles_are_dropped_and_entities_decoded():
    html = "<p>Canada&rsquo;s pledge &amp; more</p><script>var x = '30 Patriot';</script><style>p{}</style>"
    text = html_to_text(html)
    assert "Patriot" not in text
    assert "Canada\u2019s pledge & more" in text


def test_html_headings_are_separate_lines():
    text = html_to_text("<h1>UK sends tanks</h1><p>The UK will send 14 Challenger 2 tanks.</p>")
    assert text.splitlines()[0] == "UK sends tanks"
    assert "The UK will send 14 Challenger 2 tanks." in text.splitlines()


def test_empty_html_gives_empty_text():
    assert html_to_text("") == ""
