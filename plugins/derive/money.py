"""Every amount of a record in euros and in prices of the base year, with the arithmetic.

Reuses the cost rules of plugins/derive/costs.py (docs/costs.md): DM ÷ 1,95583 rounded to cents;
price year = the amount's `year`, else the year of the record's Stand; price adjustment with the
consumer price index. Covers the amounts of `budget`, `cost_per_participant` and `grant_per_case`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from plugins.derive.costs import (PriceIndex, _adjust, amount_text, decimal_of, default_price_index, euro_text,
                                  to_eur)
from plugins.present import fmt
from plugins.read import schema

MONEY_FIELDS = ("budget", "cost_per_participant", "grant_per_case")


@dataclass(frozen=True)
class Conversion:
    """One amount of a record: as written, in euros, and in prices of the base year where the index allows."""

    field: str  # budget | cost_per_participant | grant_per_case
    position: int  # 1 = first entry of the list
    amount: Decimal
    currency: str
    eur: Decimal
    year: int | None  # price year
    year_from_as_of: bool
    base_year: int
    value: Decimal | None  # EUR in prices of base_year; None without an index value for `year`
    steps: tuple  # the arithmetic, German
    approximate: bool = False
    bound: str | None = None
    label: str = ""  # the field's German title, e.g. "Mittelvolumen"

    @property
    def converted(self) -> bool:
        """True where the amount is not in euros (D-Mark)."""
        return self.currency != "EUR"

    @property
    def amount_text(self) -> str:
        return amount_text(self.amount, self.currency)

    @property
    def eur_text(self) -> str:
        return euro_text(self.eur)

    @property
    def value_text(self) -> str:
        """'rund 424.462 €' – rounded to euros for reading; the steps carry the cents."""
        if self.value is None:
            return ""
        return fmt.money(float(self.value.quantize(Decimal(1), rounding=ROUND_HALF_UP)), "EUR", approximate=True)

    @property
    def summary(self) -> str:
        """'entspricht 280.066,86 €; in Preisen von 2023 rund 424.462 € (Preisstand 2001)'."""
        parts = [f"entspricht {self.eur_text}"] if self.converted else []
        if self.value is not None and (self.year != self.base_year or self.converted):
            origin = ", Jahr des Stands" if self.year_from_as_of else ""
            parts.append(f"in Preisen von {self.base_year} {self.value_text} (Preisstand {self.year}{origin})")
        elif self.value is None and self.year is not None:
            parts.append(f"kein Verbraucherpreisindex für {self.year}, daher nicht in Preise von {self.base_year} umgerechnet")
        return "; ".join(parts)

    def export(self) -> dict:
        """The conversion as plain JSON data for the exports (numbers as numbers, cents exact)."""
        return {"field": self.field, "position": self.position, "amount": _number(self.amount), "currency": self.currency,
                "eur": _number(self.eur), "price_year": self.year, "price_year_from_as_of": self.year_from_as_of,
                "base_year": self.base_year,
                "eur_in_base_year_prices": _number(self.value) if self.value is not None else None,
                "arithmetic": list(self.steps)}


def _number(value: Decimal):
    """A Decimal as JSON number: whole amounts as integers (144000), others with their cents (280066.86)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _year_of(text) -> int | None:
    return int(str(text)[:4]) if text else None


def conversions(record, prices: PriceIndex | None = None, base_year: int | None = None) -> list[Conversion]:
    """Every amount of the record's money fields, in field order and list order."""
    prices = prices or default_price_index()
    base_year = base_year or prices.latest_year
    as_of_year = _year_of(record.get("as_of"))
    kind = getattr(record, "kind", "measure")
    result = []
    for field_name in MONEY_FIELDS:
        if field_name not in schema.schemas()[kind]["properties"]:
            continue
        label = schema.label(kind, field_name)
        for position, item in enumerate(record.get(field_name) or [], start=1):
            amount = decimal_of(item["amount"])
            eur, steps = to_eur(amount, item["currency"])
            year = item.get("year") or as_of_year
            value = None
            if year is not None and prices.value(year) is not None:
                value, adjust_steps = _adjust(eur, year, prices, base_year)
                steps = steps + adjust_steps
            result.append(Conversion(field_name, position, amount, item["currency"], eur, year, not item.get("year"),
                                     base_year, value, tuple(steps), bool(item.get("approximate")), item.get("bound"), label))
    return result
