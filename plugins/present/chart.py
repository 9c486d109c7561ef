"""Horizontal bar chart as inline SVG, written at build time: readable without JavaScript and in print.

Only presentation attributes are used (no style attributes), so a strict Content-Security-Policy
does not affect it. The chart is one image with a title and a description for assistive
technology; the same numbers are printed as a table next to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from markupsafe import Markup, escape

from plugins.present import fmt

WIDTH, LABEL_WIDTH, BAR_X, BAR_WIDTH = 760, 250, 260, 360
ROW, BAR, TOP, AXIS = 30, 18, 24, 46
STATED_FILL, DERIVED_FILL, TEXT_FILL, GRID = "#004b87", "#8fb3dc", "#1b1b1b", "#c8c8c8"
MAX_LABEL = 34


@dataclass(frozen=True)
class Bar:
    slug: str
    label: str
    url: str
    value: Decimal  # EUR in base-year prices
    basis: str  # stated | derived
    text: str  # "6.581 €"


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    bars: tuple
    svg: Markup


def _whole_euros(value: Decimal) -> str:
    return fmt.money(float(value.quantize(Decimal(1), rounding=ROUND_HALF_UP)), "EUR")


def _step(maximum: Decimal) -> Decimal:
    """A round tick step (1, 2 or 5 × 10^n) giving at most six ticks."""
    step = Decimal(1)
    while True:
        for factor in (1, 2, 5):
            if maximum / (step * factor) <= 6:
                return step * factor
        step *= 10


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1].rstrip() + "…"


def bar_chart(chart_id: str, title: str, pairs, base_year: int) -> Chart:
    """pairs: (record, Figure) in display order."""
    bars = tuple(Bar(record.slug, record.short_name, record.url, figure.value, figure.basis,
                     _whole_euros(figure.value)) for record, figure in pairs)
    if bars:
        first, last = bars[0], bars[-1]
        description = (f"Balkendiagramm mit {len(bars)} Maßnahmen, absteigend sortiert: am höchsten "
                       f"{first.label} mit {first.text}, am niedrigsten {last.label} mit {last.text}. "
                       f"Beträge in Euro in Preisen von {base_year}; hell dargestellte Balken sind aus anderen "
                       f"Angaben abgeleitet. Dieselben Zahlen stehen in der Tabelle unter dem Diagramm.")
    else:
        description = "Keine Maßnahme hat einen vergleichbaren Betrag."
    return Chart(chart_id, title, description, bars, _svg(chart_id, title, description, bars))


def _svg(chart_id, title, description, bars) -> Markup:
    height = TOP + ROW * max(len(bars), 1) + AXIS
    maximum = max((bar.value for bar in bars), default=Decimal(1)) or Decimal(1)
    step = _step(maximum)
    scale_max = step * ((maximum / step).to_integral_value(rounding="ROUND_CEILING"))

    def x_of(value):
        return BAR_X + float(value / scale_max) * BAR_WIDTH

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" id="{chart_id}" '
             f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
             f'aria-labelledby="{chart_id}-titel {chart_id}-beschreibung" font-family="system-ui, sans-serif" '
             f'font-size="13">',
             f'<title id="{chart_id}-titel">{escape(title)}</title>',
             f'<desc id="{chart_id}-beschreibung">{escape(description)}</desc>']
    axis_y = TOP + ROW * max(len(bars), 1)
    tick = Decimal(0)
    while tick <= scale_max:
        x = x_of(tick)
        parts.append(f'<line x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{axis_y}" stroke="{GRID}" stroke-width="1"/>')
        parts.append(f'<text x="{x:.1f}" y="{axis_y + 16}" text-anchor="middle" fill="{TEXT_FILL}">'
                     f'{escape(fmt.number_de(tick, 0))}</text>')
        tick += step
    parts.append(f'<text x="{BAR_X + BAR_WIDTH / 2:.1f}" y="{axis_y + 34}" text-anchor="middle" '
                 f'fill="{TEXT_FILL}">Euro</text>')
    for index, bar in enumerate(bars):
        y = TOP + index * ROW
        width = max(x_of(bar.value) - BAR_X, 1.0)
        fill = STATED_FILL if bar.basis == "stated" else DERIVED_FILL
        parts.append(f'<g class="bar" data-slug="{escape(bar.slug)}" data-value="{bar.value}">'
                     f'<title>{escape(bar.label)}: {escape(bar.text)}</title>'
                     f'<text x="{LABEL_WIDTH}" y="{y + BAR - 4}" text-anchor="end" fill="{TEXT_FILL}">'
                     f'{escape(_short(bar.label))}</text>'
                     f'<rect x="{BAR_X}" y="{y}" width="{width:.1f}" height="{BAR}" fill="{fill}" '
                     f'stroke="{STATED_FILL}" stroke-width="1"/>'
                     f'<text x="{BAR_X + width + 6:.1f}" y="{y + BAR - 4}" fill="{TEXT_FILL}">{escape(bar.text)}</text>'
                     f'</g>')
    parts.append("</svg>")
    return Markup("".join(parts))
