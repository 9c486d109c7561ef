"""Every amount of a record in euros and in prices of the base year, with the arithmetic as data.

Reuses the cost rules of plugins/derive/costs.py (docs/costs.md): DM ÷ 1,95583 rounded to cents
(`to_eur`); price year = the amount's `year`, else the year of the record's Stand; price adjustment
with the consumer price index (`adjust`). Covers the amounts of `budget`, `cost_per_participant`
and `grant_per_case`. Nothing here is German text: plugins/present/money.py words it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from plugins.derive.costs import adjust, decimal_of, to_eur
from plugins.read import schema
from plugins.read.prices import PriceIndex

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
    steps: tuple  # costs.Step, in order
    entries: int = 1  # how many entries the record's list has
    approximate: bool = False
    bound: str | None = None

    @property
    def converted(self) -> bool:
        """True where the amount is not in euros (D-Mark)."""
        return self.currency != "EUR"


def _year_of(text) -> int | None:
    return int(str(text)[:4]) if text else None


def conversions(record, prices: PriceIndex, base_year: int) -> tuple[Conversion, ...]:
    """Every amount of the record's money fields, in field order and list order."""
    as_of_year = _year_of(record.get("as_of"))
    kind = getattr(record, "kind", "measure")
    result = []
    for field_name in MONEY_FIELDS:
        if field_name not in schema.schemas()[kind]["properties"]:
            continue
        items = record.get(field_name) or ()
        for position, item in enumerate(items, start=1):
            amount = decimal_of(item["amount"])
            eur, steps = to_eur(amount, item["currency"])
            year = item.get("year") or as_of_year
            value = None
            if year is not None and prices.value(year) is not None:
                value, adjust_steps = adjust(eur, year, prices, base_year)
                steps = steps + adjust_steps
            result.append(Conversion(field_name, position, amount, item["currency"], eur, year, not item.get("year"),
                                     base_year, value, tuple(steps), len(items), bool(item.get("approximate")),
                                     item.get("bound")))
    return tuple(result)
