"""Cost figures in words: the arithmetic step by step, the source figure, and why a figure stays out.

plugins/derive/costs.py computes; this module only formats. Templates get `FigureText`,
`ExclusionText` and `SummaryText`, which read like the derived objects plus the German texts.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from plugins.derive.costs import CostSummary, Exclusion, Figure, Step
from plugins.present import fmt
from plugins.read import schema

# Labels of the schema's vocabularies: the one place they are written is plugins/read/schema/common.schema.json.
PER_LABEL = schema.labels_at("measure", ("cost_per_participant", 0, "per"))
BASIS_LABEL = {"stated": "angegeben", "derived": "abgeleitet"}  # the figure's origin, in lower case inside a sentence
BOUND_LABEL = {entry["const"]: entry["title"] for entry in schema.vocabulary("bound")}
PERIOD_LABEL = schema.labels_at("measure", ("budget", 0, "period"))
NO_PERIOD = "ohne Bezugszeitraum"
REASONS = {
    "per_year": ("Betrag je Teilnehmer/-in und Jahr: ob die zugrunde liegende Zahl gleichzeitig besetzte "
                 "Plätze oder Teilnehmende im Jahr meint, ist offen; deshalb nicht in Kosten je Teilnahme "
                 "oder je Teilnahmemonat umgerechnet"),
    "no_year": "weder ein Preisjahr noch ein Stand angegeben",
    "ambiguous": "mehrere verschiedene Beträge auf derselben Grundlage (je nach Fall); kein einzelner Vergleichswert",
    "month_only": ("nur je Teilnahmemonat bekannt; ohne die Dauer der Teilnahme lässt sich kein "
                   "Betrag je Teilnahme errechnen (im Vergleich je Teilnahmemonat enthalten)"),
    "places_only": "nur Platzzahlen, keine Teilnehmendenzahl: Kosten je Platz sind keine Kosten je Teilnahme",
    "no_participants": "keine Zahl der Teilnehmenden angegeben, durch die sich das Mittelvolumen teilen ließe",
    "several": "mehrere Beträge oder Teilnehmendenzahlen; welche zusammengehören, sagt die Quelle nicht eindeutig",
    "zero_participants": "Teilnehmendenzahl ist 0",
}


def euro_text(value: Decimal) -> str:
    """5250 -> '5.250,00 €' (always with cents, so the arithmetic can be checked)."""
    return f"{fmt.number_de(value, 2)}\u00a0€"


def amount_text(value, currency: str) -> str:
    return f"{fmt.number_de(value, 2)}\u00a0{fmt.CURRENCY_SIGN.get(currency, currency)}"


def index_text(value: Decimal) -> str:
    return fmt.number_de(value, 1)


def step_text(step: Step) -> str:
    if step.kind == "dm_to_eur":
        return f"{amount_text(step.before, 'DM')} ÷ {fmt.number_de(step.by, 5)} DM/€ = {euro_text(step.after)}"
    if step.kind == "price_adjust":
        return (f"{euro_text(step.before)} × {index_text(step.index_base)} ÷ {index_text(step.index_year)} "
                f"(VPI {step.base_year} ÷ VPI {step.year}) = {euro_text(step.after)} in Preisen von {step.base_year}")
    if step.kind == "times_months":
        return (f"{euro_text(step.before)} je Teilnahmemonat × {fmt.number_de(step.by)} Monate Dauer "
                f"= {euro_text(step.after)} je Teilnahme")
    if step.kind == "per_month":
        return (f"{euro_text(step.before)} je Teilnahme ÷ {fmt.number_de(step.by)} Monate Dauer "
                f"= {euro_text(step.after)} je Teilnahmemonat")
    if step.kind == "per_participant":
        return f"{euro_text(step.before)} ÷ {fmt.number_de(step.by)} Teilnehmende = {euro_text(step.after)} je Teilnahme"
    raise ValueError(f"unknown step {step.kind}")


def source_text(figure: Figure) -> str:
    """'5.250 € je Teilnehmer/-in (angegeben, 2013)' – the figure as the source gives it."""
    money = fmt.money(float(figure.amount), figure.currency, figure.approximate)
    return f"{money} {PER_LABEL[figure.per]} ({BASIS_LABEL[figure.basis]}, {figure.year})"


def value_text(figure: Figure) -> str:
    """'rund 6.581 €' – the base-year figure, rounded to euros for reading."""
    return fmt.money(float(figure.value.quantize(Decimal(1), rounding=ROUND_HALF_UP)), "EUR", approximate=True)


def derivation_text(figure: Figure) -> str:
    """The editor's derivation, or for a budget share: what was divided by what."""
    if figure.budget is None:
        return figure.derivation
    budget, group = figure.budget
    return (f"{amount_text(Decimal(str(budget['amount'])), budget['currency'])} ({budget['covers']}) ÷ "
            f"{fmt.number_de(Decimal(str(group['count'])))} ({group['description']})")


def recipient_label(recipient) -> str:
    """'employer' -> 'Arbeitgeber', from the schema's vocabulary of grant_per_case.recipient."""
    return schema.labels_at("measure", ("grant_per_case", 0, "recipient")).get(recipient, str(recipient))


def grant_text(item) -> str:
    """'1.000 € Zuschuss je Fall an Arbeitgeber je umgewandeltem Minijob'."""
    bound = BOUND_LABEL.get(item.get("bound"), "")
    money = fmt.money(item["amount"], item["currency"], item.get("approximate"))
    return f"{bound + ' ' if bound else ''}{money} Zuschuss je Fall an {recipient_label(item.get('recipient'))} {item['per']}"


def period_label(period) -> str:
    return PERIOD_LABEL.get(period, NO_PERIOD)


def subject_text(exclusion: Exclusion) -> str:
    kind, *rest = exclusion.subject
    if kind == "item":
        item, year = rest
        bound = BOUND_LABEL.get(item.get("bound"), "")
        money = fmt.money(item["amount"], item["currency"], item.get("approximate"))
        return f"{bound + ' ' if bound else ''}{money} {PER_LABEL[item['per']]} ({BASIS_LABEL[item['basis']]}, {year})"
    if kind == "figures":
        return " und ".join(source_text(figure) for figure in rest[0])
    if kind == "grant":
        return grant_text(rest[0])
    budgets = "; ".join(f"{fmt.money(b['amount'], b['currency'], b.get('approximate'))} {period_label(b.get('period'))}"
                        for b in rest[0])
    return f"Mittelvolumen {budgets}"


def reason_text(exclusion: Exclusion) -> str:
    reason, detail = exclusion.reason, exclusion.detail
    if reason == "bound":
        return f"nur eine Grenze („{BOUND_LABEL[detail[0]]}“), kein genauer Betrag"
    if reason == "no_index":
        year, first, latest = detail
        return f"kein Verbraucherpreisindex für {year} (die Tabelle reicht von {first} bis {latest})"
    if reason == "grant":
        return (f"Zuschuss an {recipient_label(detail[0])} je Fall, keine Kosten der Maßnahme je Teilnehmer/-in; "
                "deshalb nicht im Kostenvergleich")
    if reason == "budget_no_index":
        return f"kein Verbraucherpreisindex für {detail[0]}"
    if reason == "budget_period":
        periods = " oder ".join(dict.fromkeys(period_label(period) for period in detail) or ["nur als Grenze"])
        return (f"das Mittelvolumen ist {periods} angegeben; ohne die Zahl der Teilnehmenden im selben Zeitraum "
                "lässt sich daraus kein Betrag je Teilnahme ableiten")
    return REASONS[reason]


class FigureText:
    """A derived Figure with its words: source_text, value_text, steps (German), derivation."""

    def __init__(self, figure: Figure):
        self.figure = figure
        self.source_text = source_text(figure)
        self.value_text = value_text(figure)
        self.steps = tuple(step_text(step) for step in figure.steps)
        self.derivation = derivation_text(figure)
        self.per_label = PER_LABEL[figure.per]
        self.basis_label = BASIS_LABEL[figure.basis]

    def __getattr__(self, name):
        return getattr(self.figure, name)


class ExclusionText:
    def __init__(self, exclusion: Exclusion):
        self.exclusion = exclusion
        self.subject = subject_text(exclusion)
        self.reason = reason_text(exclusion)


class SummaryText:
    """A CostSummary whose figures and exclusions carry their German texts."""

    def __init__(self, summary: CostSummary):
        self.summary = summary
        self.participation = FigureText(summary.participation) if summary.participation else None
        self.month = FigureText(summary.month) if summary.month else None
        self.figures = tuple(FigureText(figure) for figure in summary.figures)
        self.excluded = tuple(ExclusionText(exclusion) for exclusion in summary.excluded)

    def __getattr__(self, name):
        return getattr(self.summary, name)
