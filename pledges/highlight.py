"""A report's text as HTML with the evidence of its proposals marked in place; everything else escaped."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Span:
    key: int  # the proposal's id
    start: int
    end: int
    state: str  # pending / accepted / rejected, for the colour


def highlight(text: str, spans: Iterable[Span]) -> SafeString:
    """Escape `text` and wrap each span in <mark>, overlaps included.

    The text is cut at every span boundary; each piece is marked with every
    span covering it (data-proposals lists them), so overlapping evidence
    shows as nested colour without nesting tags. An empty anchor with
    id="evidence-<key>" precedes each span for links from the proposal list. Linear in
    the text plus n·log n in the spans.
    """
    spans = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: (s.start, s.end, s.key))
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starts_at: dict[int, list[Span]] = {}
    for span in spans:
        starts_at.setdefault(span.start, []).append(span)
    open_spans: list[Span] = []
    pieces = []
    for left, right in zip(bounds, bounds[1:]):
        open_spans = [s for s in open_spans if s.end > left] + starts_at.get(left, [])
        chunk = text[left:right]
        if not open_spans:
            pieces.append(format_html("{}", chunk))
            continue
        anchors = format_html_join(
            "", '<span class="evidence-anchor" id="evidence-{}"></span>', ((s.key,) for s in starts_at.get(left, []))
        )
        pieces.append(
            format_html(
                '{anchors}<mark class="evidence evidence-{state}{overlap}" data-proposals="{keys}">{chunk}</mark>',
                anchors=anchors,
                state=open_spans[-1].state,
                overlap=" evidence-overlap" if len(open_spans) > 1 else "",
                keys=" ".join(str(s.key) for s in open_spans),
                chunk=chunk,
            )
        )
    return format_html_join("", "{}", ((piece,) for piece in pieces))
