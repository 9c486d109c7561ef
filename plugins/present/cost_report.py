"""Everything the cost pages show, computed once from the whole catalogue; no Pelican needed.

The templates only print what is prepared here: sentences, rows and the chart markup.
"""

from __future__ import annotations

import bisect
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from plugins.derive.costs import MONTH, PARTICIPATION, decimal_of, normalise, to_eur
from plugins.derive.evidence import LEVELS, Level, evidence
from plugins.derive.money import conversions
from plugins.present import chart, fmt
from plugins.present.costs import BOUND_LABEL, PERIOD_LABEL, SummaryText
from plugins.present.money import conversion_texts
from plugins.read import schema
from plugins.read.prices import PriceIndex, cents, default_price_index

STALE_AFTER_YEARS = 5
COSTS_URL = "kosten/"
COMPARE_URL = "vergleich/"
COMPARE_DATA = "vergleich/massnahmen.json"
GROUP_FIELDS = (("target_groups", "Zielgruppe", "zielgruppe", "zielgruppen"),
                ("principles", "Handlungsfeld", "handlungsfeld", "handlungsfelder"),
                ("measure_type", "Art des Ansatzes", "art", None))


def euros(value: Decimal) -> str:
    """Whole euros for reading: 6580.83 -> '6.581 €'."""
    return fmt.money(float(value.quantize(Decimal(1), rounding=ROUND_HALF_UP)), "EUR")


def year_of(text) -> int | None:
    return int(str(text)[:4]) if text else None


@dataclass(frozen=True)
class Age:
    as_of: str  # as written, e.g. "2013-03-18"
    text: str  # "18.03.2013"
    year: int
    stale: bool  # older than STALE_AFTER_YEARS, counted from the reference year
    reference_year: int

    @property
    def stale_text(self) -> str:
        return f"älter als {STALE_AFTER_YEARS} Jahre (Stand {self.year}, Bezugsjahr {self.reference_year})"


@dataclass(frozen=True)
class GroupStat:
    value: str
    label: str
    url: str | None  # facet page, where there is one
    filter_param: str
    count: int
    minimum: Decimal
    median: Decimal
    maximum: Decimal

    @property
    def texts(self):
        return euros(self.minimum), euros(self.median), euros(self.maximum)


@dataclass(frozen=True)
class Comparison:
    """The median of like measures (same kind of measure), for one measure's cost context."""

    per: str
    label: str  # "Aktivierung und Stabilisierung"
    other_count: int  # how many other measures of that kind have a figure on this basis
    only_other: tuple | None  # (record, figure) when there is exactly one other
    median: Decimal | None
    filter_url: str

    @property
    def sentence(self) -> str:
        unit = "je Teilnehmer/-in" if self.per == PARTICIPATION else "je Teilnahmemonat"
        if not self.other_count:
            return f"Im Katalog gibt es keine weitere Maßnahme der Art „{self.label}“ mit vergleichbarem Betrag {unit}."
        if self.other_count == 1:
            record, figure = self.only_other
            return (f"Einzige vergleichbare Maßnahme der Art „{self.label}“: {record.short_name} mit "
                    f"rund {euros(figure.value)} {unit}.")
        return (f"Median vergleichbarer Maßnahmen für „{self.label}“ ({self.other_count} weitere Maßnahmen): "
                f"rund {euros(self.median)} {unit}.")


@dataclass
class MeasureCost:
    record: object
    summary: SummaryText
    evidence: Level
    age: Age
    comparisons: list = field(default_factory=list)

    def sentence(self, figure) -> str:
        """'5.250 € je Teilnehmer/-in (angegeben, 2013), in Preisen von 2023 rund 6.581 €'."""
        text = figure.source_text
        if figure.year != figure.base_year or figure.currency != "EUR":
            text += f", in Preisen von {figure.base_year} rund {euros(figure.value)}"
        return text

    @property
    def figures(self):
        return [f for f in (self.summary.participation, self.summary.month) if f]

    def key_fact(self, base_year: int) -> dict:
        """The Steckbrief's cost row: the base-year amount per participant with its basis, or why there is none."""
        figure = self.summary.participation
        label = f"Kosten je Teilnehmer/-in in Preisen von {base_year}"
        if figure:
            steps = "mit dem Verbraucherpreisindex umgerechnet" if figure.year != base_year else "ohne Umrechnung"
            item = {"text": figure.value_text, "url": None,
                    "note": f"Grundlage: {figure.source_text}; {steps}"}
        elif self.summary.excluded:
            exclusion = self.summary.excluded[0]
            item = {"text": "ohne vergleichbare Angabe", "url": None, "note": exclusion.reason}
        else:
            item = {"text": "ohne vergleichbare Angabe", "url": None, "note": "die Quelle nennt keine Kosten"}
        return {"field": "cost_base_year", "label": label, "items": [item]}


@dataclass(frozen=True)
class BudgetLine:
    text: str  # "rund 30.000.000 DM je Jahr"
    covers: str
    details: tuple  # "15.338.756,44 €", "in Preisen von 2023 rund 23.246.... €", status, year


@dataclass(frozen=True)
class MemberBudget:
    record: object
    amount: Decimal
    currency: str
    eur: Decimal
    status: str  # German label
    counted: bool  # approved or spent: counts towards the total without applied/planned money


@dataclass
class ProgrammeCosts:
    record: object
    budgets: list
    people: list  # "7.500 Teilnehmende (geplant, rund): description"
    per_unit: list  # sentences with arithmetic
    members: list  # MemberBudget of the programme's measures
    totals: dict = field(default_factory=dict)

    @property
    def has_content(self) -> bool:
        return bool(self.budgets or self.people or self.per_unit or self.members)


@dataclass
class CostReport:
    prices: PriceIndex
    base_year: int
    reference_year: int
    measures: dict  # slug -> MeasureCost
    rows: list  # MeasureCost with a comparable figure, by name
    excluded: list  # MeasureCost with cost data but no figure per participation
    groups: list  # (title, param, [GroupStat]) per grouping, participation figures only
    charts: list  # chart.Chart for participation and month
    programmes: dict  # slug -> ProgrammeCosts
    levels: tuple = LEVELS
    by_level: dict = field(default_factory=dict)  # level -> [records]
    filters: list = field(default_factory=list)  # (param, label, [(value, label)]) for the table filter
    money: dict = field(default_factory=dict)  # record slug -> (ConversionText, …)

    def conversions(self, record) -> tuple:
        """Every amount of a record in euros and base-year prices, with the arithmetic (plugins/derive/money.py)."""
        return self.money.get(record.slug, ())

    def of(self, slug) -> MeasureCost | None:
        return self.measures.get(slug)

    def programme(self, slug) -> ProgrammeCosts | None:
        return self.programmes.get(slug)

    @property
    def without_costs(self) -> list:
        """Measures whose source names no cost at all."""
        return [cost for cost in self.measures.values() if not cost.summary.figures and not cost.summary.excluded]

    @property
    def not_comparable(self) -> list:
        """Measures with amounts of which none can be compared (not in the table)."""
        in_table = {cost.record.slug for cost in self.rows}
        return [cost for cost in self.excluded if cost.record.slug not in in_table]

    def chart_gaps(self, chart_id: str) -> list:
        """(MeasureCost, reason) for each table row that is not in the chart `chart_id`."""
        per = {"kosten-je-teilnahme": PARTICIPATION, "kosten-je-monat": MONTH}[chart_id]
        gaps = []
        for cost in self.rows:
            if per == PARTICIPATION and cost.summary.participation is None:
                reasons = [item.reason for item in cost.summary.excluded] or ["kein Betrag je Teilnahme bekannt"]
                gaps.append((cost, "; ".join(dict.fromkeys(reasons))))
            elif per == MONTH and cost.summary.month is None:
                gaps.append((cost, "die Dauer der Teilnahme ist nicht bekannt; ohne sie lässt sich kein Betrag "
                                   "je Teilnahmemonat errechnen"))
        return gaps

    @property
    def summary_line(self) -> str:
        return f"Kosten: {fmt.counted(len(self.rows), 'vergleichbare Maßnahme', 'vergleichbare Maßnahmen')} in Preisen von {self.base_year}"


def build_report(catalogue, prices: PriceIndex | None = None, base_year: int | None = None,
                 reference_year: int | None = None, summaries=None, money=None) -> CostReport:
    """The cost page's content; `summaries` (slug -> CostSummary) and `money` (slug -> Conversions) are the
    build's derived costs, computed once."""
    prices = prices or default_price_index()
    base_year = base_year or prices.latest_year
    reference_year = reference_year or base_year
    measures = {}
    for record in catalogue.measures:
        summary = summaries[record.slug] if summaries is not None else normalise(record, prices, base_year)
        measures[record.slug] = MeasureCost(record, SummaryText(summary), evidence(record), _age(record, reference_year))
    groups = _comparison_groups(measures)
    for cost in measures.values():
        cost.comparisons = _comparisons(cost, groups)
    rows = [cost for cost in measures.values() if cost.summary.comparable]
    excluded = [cost for cost in measures.values()
                if cost.summary.participation is None and cost.summary.excluded]
    by_level = {level.level: [c.record for c in measures.values() if c.evidence.level == level.level]
                for level in LEVELS}
    charts = [chart.bar_chart("kosten-je-teilnahme", f"Kosten je Teilnehmer/-in in Preisen von {base_year}",
                              _chart_rows(rows, PARTICIPATION), base_year),
              chart.bar_chart("kosten-je-monat", f"Kosten je Teilnahmemonat in Preisen von {base_year}",
                              _chart_rows(rows, MONTH), base_year)]
    programmes = {record.slug: _programme_costs(record, prices, base_year) for record in catalogue.programmes}
    amounts = {record.slug: conversion_texts(record, money[record.slug] if money is not None
                                             else conversions(record, prices, base_year))
               for record in catalogue.records}
    return CostReport(prices, base_year, reference_year, measures, rows, excluded, _groups(rows), charts,
                      programmes, LEVELS, by_level, _filters(rows), amounts)


def _age(record, reference_year) -> Age:
    as_of = str(record.get("as_of"))
    year = year_of(as_of)
    return Age(as_of, fmt.partial_date(as_of), year, reference_year - year > STALE_AFTER_YEARS, reference_year)


def _comparison_groups(measures: dict) -> dict:
    """(measure_type, basis) -> the figures of that group, with their values sorted once.

    Built once per report: comparing each measure against every other was quadratic and took
    most of the cost plugin's time at a few thousand records.
    """
    groups = {}
    for cost in measures.values():
        kind = cost.record.get("measure_type")
        for per in (PARTICIPATION, MONTH):
            figure = getattr(cost.summary, per)
            if kind and figure is not None:
                groups.setdefault((kind, per), []).append((cost.record, figure))
    return {key: (tuple(pairs), sorted(f.value for _, f in pairs)) for key, pairs in groups.items()}


def _median_without(values: list, own) -> object:
    """Median of the sorted `values` with one occurrence of `own` left out, without copying."""
    skip = bisect.bisect_left(values, own)
    count = len(values) - 1

    def at(position):
        return values[position if position < skip else position + 1]

    middle = count // 2
    return at(middle) if count % 2 else (at(middle - 1) + at(middle)) / 2


def _comparisons(cost: MeasureCost, groups: dict) -> list:
    """Like with like: the same kind of measure (measure_type), each basis on its own."""
    kind = cost.record.get("measure_type")
    if not kind:
        return []
    label = cost.record.label_of("measure_type", kind)
    result = []
    for per in (PARTICIPATION, MONTH):
        own = getattr(cost.summary, per)
        if own is None:
            continue
        pairs, values = groups[(kind, per)]
        other_count = len(pairs) - 1  # the group holds this measure's own figure once
        # Not a list of the others: counting them per measure made the report quadratic (and large) in the group size.
        only_other = next(pair for pair in pairs if pair[0] is not cost.record) if other_count == 1 else None
        median = cents(_median_without(values, own.value)) if other_count >= 2 else None
        result.append(Comparison(per, label, other_count, only_other, median, f"{COSTS_URL}?art={kind}"))
        if per == PARTICIPATION:
            break  # the monthly median only where there is no figure per participation
    return result


def _chart_rows(rows, per):
    pairs = [(cost.record, getattr(cost.summary, per)) for cost in rows if getattr(cost.summary, per)]
    return sorted(pairs, key=lambda pair: (-pair[1].value, pair[0].sort_key))


def _groups(rows):
    groups = []
    for field_name, title, param, facet_key in GROUP_FIELDS:
        vocabulary = schema.vocabulary({"target_groups": "target_group", "principles": "principle",
                                        "measure_type": "measure_type"}[field_name])
        figures = {}  # value -> the comparable costs of the measures that have it, in the rows' order
        for cost in rows:
            if cost.summary.participation:
                for value in set(_as_list(cost.record.get(field_name))):
                    figures.setdefault(value, []).append(cost.summary.participation.value)
        stats = []
        for entry in vocabulary:
            values = figures.get(entry["const"])
            if values:
                stats.append(GroupStat(entry["const"], entry["title"],
                                       f"{facet_key}/{entry['const']}/" if facet_key else None, param,
                                       len(values), min(values), cents(statistics.median(values)), max(values)))
        groups.append((title, param, stats))
    return groups


def _filters(rows):
    """Values present in the table, for the like-with-like filter (target group, kind, evidence)."""
    filters = []
    for field_name, title, param, _ in GROUP_FIELDS[::2]:  # target group and kind of measure
        present = {value for cost in rows for value in _as_list(cost.record.get(field_name))}
        vocabulary = schema.vocabulary({"target_groups": "target_group", "measure_type": "measure_type"}[field_name])
        filters.append((param, title, [(e["const"], e["title"]) for e in vocabulary if e["const"] in present]))
    filters.append(("evidenz", "Evidenzstufe", [(str(level.level), level.label) for level in LEVELS]))
    return filters


def _as_list(value):
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _budget_line(record, item, prices, base_year) -> BudgetLine:
    bound = BOUND_LABEL[item["bound"]] + " " if item.get("bound") else ""
    period = PERIOD_LABEL.get(item.get("period"), "")
    text = f"{bound}{fmt.money(item['amount'], item['currency'], item.get('approximate'))}" + (f" {period}" if period else "")
    details = []
    amount = decimal_of(item["amount"])
    eur, _ = to_eur(amount, item["currency"])
    if item["currency"] != "EUR":
        details.append(f"entspricht {fmt.money(float(eur), 'EUR', decimals=2)}")
    year = item.get("year") or year_of(record.get("as_of"))
    if year and prices.value(year) is not None and year != base_year:
        details.append(f"in Preisen von {base_year} rund {euros(prices.adjust(eur, year, base_year))} "
                       f"(Preisstand {year}{'' if item.get('year') else ', Jahr des Stands'})")
    if item.get("status"):
        details.append(record.label_of(("budget", 0, "status"), item["status"]))
    return BudgetLine(text, item["covers"], tuple(details))


UNIT = schema.labels_at("measure", ("participants", 0, "kind"))


def _programme_costs(record, prices, base_year) -> ProgrammeCosts:
    budgets = [_budget_line(record, item, prices, base_year) for item in record.get("budget") or []]
    people = []
    for item in record.get("participants") or []:
        if item["kind"] == "staff":
            continue
        flags = [word for word, on in (("geplant", item.get("planned")), ("rund", item.get("approximate"))) if on]
        bound = BOUND_LABEL[item["bound"]] + " " if item.get("bound") else ""
        people.append(f"{bound}{fmt.number_de(item['count'])} {UNIT[item['kind']]}"
                      + (f" ({', '.join(flags)})" if flags else "") + f": {item['description']}")
    per_unit = _programme_per_unit(record, prices, base_year)
    members, totals = _members(record, prices, base_year)
    return ProgrammeCosts(record, budgets, people, per_unit, members, totals)


def _programme_per_unit(record, prices, base_year) -> list:
    """Total budget ÷ participants or places, only where each is given once and neither is a bound."""
    whole = [b for b in record.get("budget") or [] if b.get("period") == "total" and not b.get("bound")]
    units = [p for p in record.get("participants") or [] if p["kind"] in ("participants", "places")
             and not p.get("bound")]
    if len(whole) != 1 or len(units) != 1 or not units[0]["count"]:
        return []
    budget, unit = whole[0], units[0]
    amount, count = decimal_of(budget["amount"]), decimal_of(unit["count"])
    share = cents(amount / count)
    text = (f"{fmt.money(float(amount), budget['currency'], decimals=2)} ÷ {fmt.number_de(count)} "
            f"{UNIT[unit['kind']]} = {fmt.money(float(share), budget['currency'], decimals=2)} je "
            f"{'Platz' if unit['kind'] == 'places' else 'Einheit'}")
    eur, _ = to_eur(share, budget["currency"])
    if budget["currency"] != "EUR":
        text += f" (entspricht {fmt.money(float(eur), 'EUR', decimals=2)})"
    year = budget.get("year") or year_of(record.get("as_of"))
    if year and prices.value(year) is not None and year != base_year:
        text += f"; in Preisen von {base_year} rund {euros(prices.adjust(eur, year, base_year))}"
    return [f"{text}. Bezug: {unit['description']}."]


def _members(record, prices, base_year):
    """The budgets of the programme's measures (e.g. the 28 model projects) with EUR and totals."""
    members, years = [], set()
    for measure in record.measures:
        for item in measure.get("budget") or []:
            if item.get("period") not in (None, "total") or item.get("bound"):
                continue
            amount = decimal_of(item["amount"])
            eur, _ = to_eur(amount, item["currency"])
            status = item.get("status")
            years.add(item.get("year") or year_of(measure.get("as_of")))
            members.append(MemberBudget(measure, amount, item["currency"], eur,
                                        measure.label_of(("budget", 0, "status"), status) if status else "",
                                        status in (None, "approved", "spent")))
    if not members:
        return [], {}
    currencies = {m.currency for m in members}
    totals = {"count": len({m.record.slug for m in members}), "currency": currencies.pop() if len(currencies) == 1 else None}
    if totals["currency"]:
        total = sum((m.amount for m in members), Decimal(0))
        counted = sum((m.amount for m in members if m.counted), Decimal(0))
        totals["amount"] = fmt.money(float(total), totals["currency"], decimals=2)
        totals["eur"] = fmt.money(float(to_eur(total, totals["currency"])[0]), "EUR", decimals=2)
        totals["uncounted"] = [m for m in members if not m.counted]
        totals["counted_amount"] = fmt.money(float(counted), totals["currency"], decimals=2)
        totals["counted_eur"] = fmt.money(float(to_eur(counted, totals["currency"])[0]), "EUR", decimals=2)
    else:
        total = sum((m.eur for m in members), Decimal(0))
        totals["eur"] = fmt.money(float(total), "EUR", decimals=2)
    year = years.pop() if len(years) == 1 else None
    if year and year != base_year and prices.value(year) is not None:
        total_eur = to_eur(total, totals["currency"])[0] if totals["currency"] else total
        totals["adjusted"] = (f"In Preisen von {base_year} entspricht die Summe rund "
                              f"{euros(prices.adjust(total_eur, year, base_year))} (Preisstand {year}).")
    return members, totals
