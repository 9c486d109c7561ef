"""Amounts in D-Mark (and every other amount) in words: euro equivalent, base-year prices, arithmetic.

plugins/derive/money.py computes the conversions once per build; this module only words them, with
the step texts of plugins/present/costs.py, so the fact box, the arithmetic on the page, the cards,
the comparison data and the exports show the same figures.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from plugins.derive.money import Conversion
from plugins.present import fmt
from plugins.present.costs import amount_text, euro_text, step_text
from plugins.read import schema


class ConversionText:
    """A derived Conversion with its words: label, amount_text, eur_text, value_text, summary, steps (German)."""

    def __init__(self, conversion: Conversion, kind: str):
        self.conversion = conversion
        self.label = schema.label(kind, conversion.field)  # the field's German title, e.g. "Mittelvolumen"
        self.amount_text = amount_text(conversion.amount, conversion.currency)
        self.eur_text = euro_text(conversion.eur)
        self.value_text = _rounded(conversion.value) if conversion.value is not None else ""
        self.steps = tuple(step_text(step) for step in conversion.steps)
        self.summary = _summary(conversion, self.eur_text, self.value_text)

    def __getattr__(self, name):
        return getattr(self.conversion, name)

    def export(self) -> dict:
        """The conversion as plain JSON data for the exports (numbers as numbers, cents exact)."""
        c = self.conversion
        return {"field": c.field, "position": c.position, "amount": _number(c.amount), "currency": c.currency,
                "eur": _number(c.eur), "price_year": c.year, "price_year_from_as_of": c.year_from_as_of,
                "base_year": c.base_year, "eur_in_base_year_prices": _number(c.value) if c.value is not None else None,
                "arithmetic": list(self.steps)}


def _rounded(value: Decimal) -> str:
    """'rund 424.462 €' – rounded to euros for reading; the steps carry the cents."""
    return fmt.money(float(value.quantize(Decimal(1), rounding=ROUND_HALF_UP)), "EUR", approximate=True)


def _summary(c: Conversion, eur_text: str, value_text: str) -> str:
    """'entspricht 280.066,86 €; in Preisen von 2023 rund 424.462 € (Preisstand 2001)'."""
    parts = [f"entspricht {eur_text}"] if c.converted else []
    if c.value is not None and (c.year != c.base_year or c.converted):
        origin = ", Jahr des Stands" if c.year_from_as_of else ""
        parts.append(f"in Preisen von {c.base_year} {value_text} (Preisstand {c.year}{origin})")
    elif c.value is None and c.year is not None:
        parts.append(f"kein Verbraucherpreisindex für {c.year}, daher nicht in Preise von {c.base_year} umgerechnet")
    return "; ".join(parts)


def _number(value: Decimal):
    """A Decimal as JSON number: whole amounts as integers (144000), others with their cents (280066.86)."""
    return int(value) if value == value.to_integral_value() else float(value)


def conversion_texts(record, conversions) -> tuple[ConversionText, ...]:
    return tuple(ConversionText(conversion, record.kind) for conversion in conversions)


def with_amounts_in_euro(rows: list[dict], conversions) -> list[dict]:
    """`rows` (from fact_rows) with "entspricht … €; in Preisen von …" added to the note of every DM amount."""
    by_field = {}
    for conversion in conversions:
        if conversion.converted:
            by_field.setdefault(conversion.field, {})[conversion.position] = conversion
    for row in rows:
        found = by_field.get(row["field"])
        if not found:
            continue
        for position, item in enumerate(row["items"], start=1):
            conversion = found.get(position)
            if conversion:
                item["note"] = "; ".join(part for part in (item.get("note"), conversion.summary) if part)
    return rows
