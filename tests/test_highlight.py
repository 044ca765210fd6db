"""highlight: report text escaped, evidence marked in place, overlaps handled."""

from pledges.highlight import Span, highlight


def test_text_is_escaped_and_evidence_marked():
    html = highlight("a <b>x</b> & c", [Span(7, 2, 10, "pending")])
    assert html == (
        'a <span class="evidence-anchor" id="evidence-7"></span>'
        '<mark class="evidence evidence-pending" data-proposals="7">&lt;b&gt;x&lt;/b&gt;</mark> &amp; c'
    )


def test_overlapping_spans_are_cut_into_pieces_marked_with_every_span():
    html = str(highlight("0123456789", [Span(1, 0, 6, "pending"), Span(2, 4, 9, "accepted")]))
    assert 'data-proposals="1">0123</mark>' in html
    assert 'evidence-overlap" data-proposals="1 2">45</mark>' in html
    assert 'data-proposals="2">678</mark>9' in html
    assert html.count('id="evidence-1"') == 1 and html.count('id="evidence-2"') == 1


def test_spans_starting_together_each_get_an_anchor():
    html = str(highlight("abcdef", [Span(1, 0, 3, "pending"), Span(2, 0, 5, "pending")]))
    assert 'id="evidence-1"' in html and 'id="evidence-2"' in html


def test_spans_outside_the_text_are_ignored():
    assert highlight("abc", [Span(1, 2, 10, "pending")]) == "abc"


def test_no_text_is_lost():
    import re

    text = "Germany <will> send four IRIS-T & thirty Patriot missiles."
    html = str(highlight(text, [Span(1, 0, 30, "pending"), Span(2, 20, 50, "pending"), Span(3, 25, 26, "rejected")]))
    plain = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert plain == text
