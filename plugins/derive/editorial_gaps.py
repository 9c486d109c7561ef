"""What a record still lacks: results, a comparable cost, a legal basis, a period, or a recent Stand.

The one source of truth for the editors' to-do list: `make validate` prints these gaps as warnings
(plugins/validate.py) and the page /mitmachen/luecken/ lists the same gaps per record. A record
is valid without them; `--strict` turns them into errors.
"""

from __future__ import annotations

from dataclasses import dataclass

from plugins.derive.costs import normalise
from plugins.read.prices import PriceIndex, default_price_index
from plugins.read.problems import Problem

# As on /kosten/ (plugins/present/cost_report.py): a Stand older than this, counted from the reference year.
STALE_AFTER_YEARS = 5


@dataclass(frozen=True)
class GapKind:
    key: str
    field: str  # the record field an editor fills in (for the validator's file:line)
    title: str  # heading on /mitmachen/luecken/
    kinds: tuple  # record types this gap applies to
    counted: str  # after a number: "41 ohne Ergebnisse"


GAP_KINDS = (
    GapKind("results", "results", "Ohne Ergebnisse", ("measure", "programme"), "ohne Ergebnisse"),
    GapKind("cost", "cost_per_participant", "Ohne vergleichbare Kosten je Teilnehmer/-in", ("measure",),
            "ohne vergleichbare Kosten"),
    GapKind("legal_basis", "legal_basis", "Ohne Rechtsgrundlage", ("measure", "programme"), "ohne Rechtsgrundlage"),
    GapKind("period", "period", "Ohne Laufzeit", ("measure", "programme"), "ohne Laufzeit"),
    GapKind("stale", "as_of", f"Stand älter als {STALE_AFTER_YEARS} Jahre", ("measure", "programme"),
            f"mit einem Stand älter als {STALE_AFTER_YEARS} Jahre"),
)
BY_KEY = {gap.key: gap for gap in GAP_KINDS}


@dataclass(frozen=True)
class Gap:
    key: str
    message: str  # German, as the validator prints it after "Warnung: "

    @property
    def kind(self) -> GapKind:
        return BY_KEY[self.key]


def _year(text) -> int | None:
    head = str(text or "")[:4]
    return int(head) if head.isdigit() else None


def record_gaps(kind: str, data, reference_year: int, cost_summary=None, prices: PriceIndex | None = None) -> list[Gap]:
    """The gaps of one record's data, in GAP_KINDS order. `cost_summary` is the record's CostSummary when
    the build has computed it already; otherwise it is computed here with the same function."""
    gaps = []
    applies = {gap.key for gap in GAP_KINDS if kind in gap.kinds}
    if "results" in applies and not data.get("results"):
        gaps.append(Gap("results", "keine Ergebnisse angegeben"))
    if "cost" in applies:
        summary = cost_summary or normalise(data, prices or default_price_index())
        if not summary.comparable:
            if not any(data.get(field) for field in ("cost_per_participant", "budget", "grant_per_case")):
                gaps.append(Gap("cost", "keine Kostenangabe"))
            else:
                gaps.append(Gap("cost", "keine vergleichbaren Kosten je Teilnehmer/-in (Kostenangaben vorhanden, "
                                        "aber nicht umrechenbar; Gründe auf der Seite „Kosten“)"))
    if "legal_basis" in applies and not data.get("legal_basis"):
        gaps.append(Gap("legal_basis", "keine Rechtsgrundlage angegeben"))
    period = data.get("period") or {}
    if "period" in applies and not (period.get("start") or period.get("end") or period.get("ongoing")):
        gaps.append(Gap("period", "keine Laufzeit angegeben (Beginn, Ende oder „laufend“)"))
    year = _year(data.get("as_of"))
    if "stale" in applies and year is not None and reference_year - year > STALE_AFTER_YEARS:
        gaps.append(Gap("stale", f"Stand {data.get('as_of')} ist älter als {STALE_AFTER_YEARS} Jahre "
                                 f"(Bezugsjahr {reference_year}); gibt es neuere Angaben?"))
    return gaps


def default_reference_year(settings=None, prices: PriceIndex | None = None) -> int:
    """The year a Stand's age is measured from, as the build does: COSTS_REFERENCE_YEAR, else the base year
    of the costs (COSTS_BASE_YEAR), else the last year of the price index."""
    settings = settings or {}
    prices = prices or default_price_index()
    return settings.get("COSTS_REFERENCE_YEAR") or settings.get("COSTS_BASE_YEAR") or prices.latest_year


def gap_warnings(raws: dict, reference_year: int | None = None, prices: PriceIndex | None = None) -> list[Problem]:
    """The validator's warnings for every checked raw record ({kind: [RawRecord]}), at the field's line."""
    prices = prices or default_price_index()
    reference_year = reference_year or default_reference_year(prices=prices)
    out = []
    for kind, records in raws.items():
        for raw in records:
            for gap in record_gaps(kind, raw.data, reference_year, prices=prices):
                field = gap.kind.field
                line = raw.line_of((field,)) if raw.data.get(field) else 1
                out.append(Problem(raw.path, line, field, gap.message, warning=True))
    return out


@dataclass(frozen=True)
class Overview:
    """What /mitmachen/luecken/ shows: per gap kind the records lacking it, and per record its gaps."""

    reference_year: int
    sections: tuple  # (GapKind, [(record, Gap)]) in GAP_KINDS order
    records_with_gaps: int
    records_checked: int


def overview(catalogue, reference_year: int, costs) -> Overview:
    """Every measure and programme with its gaps; `costs` are the build's CostSummaries by slug."""
    found = {gap.key: [] for gap in GAP_KINDS}
    checked, with_gaps = 0, 0
    for record in list(catalogue.measures) + list(catalogue.programmes):
        checked += 1
        gaps = record_gaps(record.kind, record.data, reference_year, cost_summary=costs.get(record.slug))
        with_gaps += bool(gaps)
        for gap in gaps:
            found[gap.key].append((record, gap))
    sections = tuple((gap, sorted(found[gap.key], key=lambda pair: pair[0].sort_key)) for gap in GAP_KINDS)
    return Overview(reference_year, sections, with_gaps, checked)
