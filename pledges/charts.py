"""Server-rendered SVG charts: readable without JavaScript, with a data table as their text alternative."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from pledges.choices import Category

# Okabe-Ito and Tol's colour-blind-safe colours, extended to 14 categories plus money-only.
PALETTE = {
    Category.AIR_DEFENCE: "#0072b2",
    Category.ARTILLERY: "#e69f00",
    Category.ROCKET_ARTILLERY: "#d55e00",
    Category.TANKS: "#009e73",
    Category.IFV_APC: "#56b4e9",
    Category.AIRCRAFT: "#cc79a7",
    Category.HELICOPTERS: "#882255",
    Category.DRONES: "#44aa99",
    Category.ANTI_TANK: "#999933",
    Category.MUNITIONS: "#332288",
    Category.NAVAL: "#117733",
    Category.SMALL_ARMS: "#aa4499",
    Category.VEHICLES_LOGISTICS: "#888888",
    Category.OTHER: "#bbbbbb",
    "": "#dddddd",
}
WIDTH, HEIGHT = 720, 280
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 72, 36, 12


@dataclass(frozen=True)
class Chart:
    svg: SafeString
    periods: list[str]
    categories: list[tuple[str, str, str]]  # slug, label, colour
    rows: list[tuple[str, list[int], int]]  # period label, counts per category, total


def _n(value: float) -> str:
    """An SVG coordinate: one decimal is plenty (format_html cannot apply format specs)."""
    return f"{value:.1f}"


def quarter_label(period: datetime.date) -> str:
    return f"{period.year} Q{(period.month - 1) // 3 + 1}"


def _nice_ceiling(value: int) -> int:
    """The axis maximum: 1, 2 or 5 times a power of ten at or above value."""
    if value <= 0:
        return 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def pledges_over_time_chart(timeline: list[dict[str, Any]], *, title: str) -> Chart:
    """Stacked bars of pledges per quarter, one colour per category."""
    labels = dict(Category.choices) | {"": "Money only"}
    counts: dict[datetime.date, dict[str, int]] = defaultdict(dict)
    for entry in timeline:
        counts[entry["period"]][entry["category"]] = entry["pledges"]
    periods = sorted(counts)
    present = sorted({entry["category"] for entry in timeline}, key=lambda c: list(PALETTE).index(c) if c in PALETTE else 99)
    categories = [(slug, labels.get(slug, slug), PALETTE.get(slug, "#dddddd")) for slug in present]
    rows = [
        (quarter_label(period), [counts[period].get(slug, 0) for slug, _, _ in categories], sum(counts[period].values()))
        for period in periods
    ]
    top = _nice_ceiling(max((total for _, _, total in rows), default=0))
    plot_w = WIDTH - MARGIN_LEFT - 8
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    slot = plot_w / max(len(rows), 1)
    bar_w = max(slot * 0.75, 1)
    parts: list[SafeString] = []
    for tick in (0, top // 2, top):
        y = MARGIN_TOP + plot_h - plot_h * tick / top
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" class="grid"/>'
                '<text x="{}" y="{}" class="tick" text-anchor="end">{}</text>',
                MARGIN_LEFT, WIDTH - 8, _n(y), _n(y), MARGIN_LEFT - 6, _n(y + 4), f"{tick:,}",
            )
        )
    for index, (label, values, total) in enumerate(rows):
        x = MARGIN_LEFT + index * slot + (slot - bar_w) / 2
        y = MARGIN_TOP + plot_h
        for (slug, name, colour), value in zip(categories, values, strict=True):
            if not value:
                continue
            height = plot_h * value / top
            y -= height
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}, {}: {}</title></rect>',
                    _n(x), _n(y), _n(bar_w), _n(height), colour, label, name, f"{value:,}",
                )
            )
        if label.endswith("Q1") or len(rows) <= 8:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" class="tick" text-anchor="start">{}</text>',
                    _n(x), HEIGHT - MARGIN_BOTTOM + 16, label[:4] if len(rows) > 8 else label,
                )
            )
    svg = format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="chart-title chart-desc" '
        'xmlns="http://www.w3.org/2000/svg"><title id="chart-title">{}</title>'
        '<desc id="chart-desc">Stacked bars: pledges announced per quarter, coloured by category. '
        'The table below the chart gives the same figures.</desc>{}</svg>',
        WIDTH, HEIGHT, title, format_html_join("", "{}", ((part,) for part in parts)),
    )
    return Chart(svg=svg, periods=[row[0] for row in rows], categories=categories, rows=rows)
