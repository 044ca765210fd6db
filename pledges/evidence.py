"""Report text as HTML with evidence sentences marked: every piece of pasted text is escaped by format_html."""

import re
from collections.abc import Iterable

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from pledges.selectors import _span_in

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the paragraphs of a text, blank lines between them."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for gap in _PARAGRAPH_BREAK.finditer(body):
        if gap.start() > start:
            bounds.append((start, gap.start()))
        start = gap.end()
    if start < len(body):
        bounds.append((start, len(body)))
    return bounds


def _marked(body: str, start: int, end: int, spans: Iterable[tuple[int, int, int | None]]) -> SafeString:
    """body[start:end] escaped, with the spans inside it wrapped in <mark>."""
    pieces: list[SafeString] = []
    cursor = start
    for span_start, span_end, pledge_id in spans:
        span_start, span_end = max(span_start, cursor), min(span_end, end)
        if span_start >= span_end:
            continue  # outside this paragraph, or overlapping a span already marked
        pieces.append(format_html("{}", body[cursor:span_start]))
        if pledge_id is None:
            pieces.append(format_html("<mark>{}</mark>", body[span_start:span_end]))
        else:
            pieces.append(
                format_html(
                    '<mark id="pledge-{}"><a href="#row-{}">{}</a></mark>',
                    pledge_id, pledge_id, body[span_start:span_end],
                )
            )
        cursor = span_end
    pieces.append(format_html("{}", body[cursor:end]))
    return mark_safe("".join(pieces))  # every piece was escaped by format_html above


def highlighted_paragraph(body: str, evidence: str, start: int | None, end: int | None) -> SafeString:
    """The paragraph holding the evidence, with the evidence marked; the evidence
    alone, marked, when the report text no longer contains it."""
    span = _span_in(body, evidence, start, end)
    if span is None:
        return format_html("<mark>{}</mark>", evidence)
    for para_start, para_end in paragraphs(body):
        if para_start <= span[0] < para_end:
            return _marked(body, para_start, para_end, [(span[0], span[1], None)])
    return format_html("<mark>{}</mark>", evidence)


def highlighted_text(body: str, spans: list[tuple[int, int, int]]) -> SafeString:
    """The whole text as <p> paragraphs, each published pledge's evidence marked and linked."""
    spans = sorted(spans)
    return format_html_join(
        "\n", "<p>{}</p>", ((_marked(body, start, end, spans),) for start, end in paragraphs(body))
    )
