"""Inline SVG charts: no script, no external file, readable without colour.

Each chart is a horizontal bar chart whose numbers are printed next to the
bars; the page also carries the same figures as a table for screen readers.
All text goes through :func:`markupsafe.escape`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

ROW = 28
LABEL_WIDTH = 150
BAR_WIDTH = 360
WIDTH = LABEL_WIDTH + BAR_WIDTH + 70


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    parts: tuple[float, ...] = ()  # stacked segments that add up to value
    note: str = ""  # printed after the bar instead of the value


def _clip(label: str, limit: int = 14) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


def bar_chart(title: str, bars: Sequence[Bar], *, funnel: bool = False) -> Markup:
    """A horizontal bar chart; ``funnel`` centres the bars like a funnel."""
    height = max(1, len(bars)) * ROW + 8
    top = max((b.value for b in bars), default=0) or 1
    out = [(f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" '
            f'width="100%" preserveAspectRatio="xMinYMin meet" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>')]
    for i, bar in enumerate(bars):
        y = 4 + i * ROW
        width = BAR_WIDTH * bar.value / top
        x = LABEL_WIDTH + ((BAR_WIDTH - width) / 2 if funnel else 0)
        out.append(f'<text class="label" x="{LABEL_WIDTH - 8}" y="{y + 17}" '
                   f'text-anchor="end">{escape(_clip(bar.label))}</text>')
        segments = bar.parts or (bar.value,)
        offset = x
        for s, part in enumerate(segments):
            w = BAR_WIDTH * part / top
            if w > 0:
                out.append(f'<rect class="bar s{s}" x="{offset:.1f}" y="{y + 3}" '
                           f'width="{w:.1f}" height="{ROW - 8}" rx="3"/>')
            offset += w
        number = bar.note or _number(bar.value)
        tx = (x + width + 6) if not funnel else (LABEL_WIDTH + BAR_WIDTH + 6)
        out.append(f'<text class="value" x="{tx:.1f}" y="{y + 17}">{escape(number)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _number(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))
