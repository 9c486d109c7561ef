"""The filters of /massnahmen/: the four foundation facets plus five more, all of one shape.

Each filter has a query parameter, a German label and `values_of(record)` giving (value, label)
pairs; `compute` gives every value with its count, as the facets do. Cost per participant comes from
the build's one cost computation (plugins/derive/costs.py, with the configured price index).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from plugins.derive.evidence import LEVELS, evidence_level
from plugins.derive.facets import FacetValue, facet, group_by_value, legal_sort_key
from plugins.read import schema

# Upper bounds in EUR (exclusive), last band open; labels say the same in German.
COST_BANDS = ((1000, "unter-1000", "unter 1.000 €"), (2500, "1000-2500", "1.000 bis unter 2.500 €"),
              (5000, "2500-5000", "2.500 bis unter 5.000 €"), (10000, "5000-10000", "5.000 bis unter 10.000 €"),
              (None, "ab-10000", "10.000 € und mehr"))
NO_COST = ("keine-angabe", "ohne vergleichbare Angabe")
PERIOD_SPAN = 5  # years per period band
YEAR = re.compile(r"^(\d{4})")


@dataclass(frozen=True)
class Filter:
    param: str
    label: str
    values_of: Callable  # record -> [(value, label)]
    order: Callable | None = None  # values -> values in display order; default: first seen in vocabulary/label order

    def compute(self, records) -> list[FacetValue]:
        grouped, labels = group_by_value(records, self.values_of)
        values = self.order(list(grouped)) if self.order else sorted(grouped, key=lambda v: labels[v].casefold())
        return [FacetValue(value, labels[value], len(grouped[value]), "", "", tuple(grouped[value]))
                for value in values]


def _from_facet(key: str) -> Filter:
    """A foundation facet as a filter: same values and labels as its pages, vocabulary order kept."""
    base = facet(key)

    def order(values):
        ranked = ([value.value for value in base.compute([])] if base.vocabulary
                  else sorted(values, key=legal_sort_key))
        return [value for value in ranked if value in values] + sorted(set(values) - set(ranked))

    return Filter(base.param, base.label, base.values_of, order)


def _vocabulary_filter(param: str, field: str, vocabulary: str) -> Filter:
    order_of = [entry["const"] for entry in schema.vocabulary(vocabulary)]
    return Filter(param, schema.label("measure", field),
                  lambda record: [(value, record.label_of(field, value)) for value in record.get(field) or []],
                  lambda values: [value for value in order_of if value in values])


def _programme(record):
    """A measure's programme; a programme is its own (choosing STABIL shows STABIL and its measures)."""
    if record.kind == "programme":
        return [(record.slug, record.short_name)]
    return [(record.programme.slug, record.programme.short_name)] if record.programme else []


KINDS = ("measure", "programme")


def _kind(record):
    return [(record.kind, record.kind_label)]


def cost_band(amount) -> tuple[str, str]:
    if amount is None:
        return NO_COST
    for bound, value, label in COST_BANDS:
        if bound is None or amount < bound:
            return value, label
    raise AssertionError("the last band is open")


def comparable_cost(record, costs) -> object:
    """Cost per participant in base-year EUR from the one cost computation of the build, or None."""
    summary = costs.get(record.slug)
    return summary.participation.value if summary and summary.participation else None


def _evidence(record):
    level = evidence_level(record)
    return [(str(level), LEVELS[level].label)]


def years_of(record) -> list[int]:
    """The years a measure ran: its period, else the year of its as_of."""
    period = record.get("period") or {}
    start = YEAR.match(period.get("start") or "")
    end = YEAR.match(period.get("end") or "") or YEAR.match(record.get("as_of") or "")
    if start:
        last = int(end.group(1)) if end else int(start.group(1))
        return list(range(int(start.group(1)), max(last, int(start.group(1))) + 1))
    as_of = YEAR.match(record.get("as_of") or "")
    return [int(as_of.group(1))] if as_of else []


def _period(record):
    bands = sorted({year - year % PERIOD_SPAN for year in years_of(record)})
    return [(f"{band}-{band + PERIOD_SPAN - 1}", f"{band}–{band + PERIOD_SPAN - 1}") for band in bands]


def filters(costs) -> list[Filter]:
    """Type (measure or programme), then in the order the issue lists them: who, where, legal basis,
    principle, how, programme, cost, evidence, when."""
    result = [Filter("art", "Art", _kind, lambda values: [value for value in KINDS if value in values]),
              _from_facet("zielgruppen"), _from_facet("bundeslaender"), _from_facet("rechtsgrundlagen"),
              _from_facet("handlungsfelder"),
              _vocabulary_filter("umsetzung", "implementation_type", "implementation_type"),
              Filter("programm", schema.label("measure", "programme"), _programme)]
    band_order = [value for _, value, _ in COST_BANDS] + [NO_COST[0]]
    result.append(Filter("kosten", "Kosten je Teilnehmer/-in", lambda record: [cost_band(comparable_cost(record, costs))],
                         lambda values: [value for value in band_order if value in values]))
    result.append(Filter("evidenz", "Evidenzstufe", _evidence, sorted))
    result.append(Filter("zeitraum", "Zeitraum (Laufzeit, sonst Stand)", _period, sorted))
    return result


def sort_values(record, costs) -> dict:
    """What the list can be sorted by besides relevance and title: cost (None last) and newest (as_of)."""
    cost = comparable_cost(record, costs)
    return {"cost": float(cost) if cost is not None else None, "newest": record.get("as_of") or ""}
