"""A record's comparable cost per participant: in EUR, in prices of one base year, with its basis and arithmetic.

Pure functions over the record's fields; nothing here needs Pelican. A record is anything with
`.get(key)` (a `Record` or the plain dict of its fields); `kind` is read if the object has one.

Rules (docs/costs.md explains them for readers):
- DM is converted with the fixed rate 1 EUR = 1.95583 DM, then rounded to cents.
- The price year is the item's `year`, else the year of the record's `as_of`.
- Prices are adjusted with the consumer price index: amount × VPI(base year) ÷ VPI(price year).
- Only two bases are compared: per participation ("je Teilnahme") and per participant-month.
  One converts into the other only where `duration.months` is known. Amounts per participant
  and year are never converted: whether the count behind them is places or people is open.
- Figures that are only a bound ("bis zu"), ambiguous (several amounts on one basis) or lack
  a price index are left out of comparisons, each with a German reason.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from plugins.present import fmt

DM_PER_EUR = Decimal("1.95583")  # irrevocable conversion rate, EU Council, 31 Dec 1998
CENT = Decimal("0.01")
VPI_FILE = Path(__file__).resolve().parents[1] / "read" / "data" / "vpi-deutschland.csv"

PARTICIPATION, MONTH, YEAR = "participation", "month", "year"
PER_LABEL = {PARTICIPATION: "je Teilnehmer/-in", MONTH: "je Teilnahmemonat", YEAR: "je Teilnehmer/-in und Jahr"}
BASIS_LABEL = {"stated": "angegeben", "derived": "abgeleitet"}
BOUND_LABEL = {"at_least": "mindestens", "more_than": "mehr als", "less_than": "weniger als", "up_to": "bis zu"}
PERIOD_LABEL = {"total": "gesamt", "year": "je Jahr", "run": "je Durchgang", "month": "je Monat"}


class PriceIndexError(ValueError):
    """The price index file or the base year is unusable; names file, line and what is wrong."""

    def __init__(self, path: str, line: int, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def decimal_of(number) -> Decimal:
    """An amount from YAML (int or float) as the exact decimal it was written as."""
    return Decimal(str(number))


def euro_text(value: Decimal) -> str:
    """5250 -> '5.250,00 €' (always with cents, so the arithmetic can be checked)."""
    return f"{fmt.number_de(value, 2)}\u00a0€"


def amount_text(value, currency: str) -> str:
    return f"{fmt.number_de(value, 2)}\u00a0{fmt.CURRENCY_SIGN.get(currency, currency)}"


def index_text(value: Decimal) -> str:
    return fmt.number_de(value, 1)


@dataclass(frozen=True)
class PriceIndex:
    """Consumer price index (VPI) by year; `latest_year` is the default base year."""

    values: tuple  # ((year, Decimal), ...) in ascending year order
    source: str

    @property
    def years(self) -> tuple:
        return tuple(year for year, _ in self.values)

    @property
    def first_year(self) -> int:
        return self.values[0][0]

    @property
    def latest_year(self) -> int:
        return self.values[-1][0]

    def value(self, year: int) -> Decimal | None:
        return dict(self.values).get(year)

    def adjust(self, amount_eur: Decimal, year: int, base_year: int) -> Decimal:
        """amount × VPI(base) ÷ VPI(year), rounded to cents; KeyError if a year is missing."""
        table = dict(self.values)
        return cents(amount_eur * table[base_year] / table[year])


def load_price_index(path: Path = VPI_FILE) -> PriceIndex:
    """Read `jahr,vpi_...` rows; any bad row raises PriceIndexError naming file and line."""
    shown = _shown_path(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise PriceIndexError(shown, 1, f"Preisindex nicht lesbar ({error.strerror})") from None
    rows = list(csv.reader(text.splitlines()))
    if not rows or len(rows[0]) != 2 or rows[0][0].strip() != "jahr":
        raise PriceIndexError(shown, 1, "Kopfzeile muss „jahr,vpi_…“ lauten")
    values = []
    for line, row in enumerate(rows[1:], start=2):
        if not row or not "".join(row).strip():
            continue
        if len(row) != 2:
            raise PriceIndexError(shown, line, f"erwartet zwei Spalten (Jahr, Index), gefunden {len(row)}")
        try:
            year, value = int(row[0]), Decimal(row[1].strip())
        except (ValueError, InvalidOperation):
            raise PriceIndexError(shown, line, f"„{','.join(row)}“ ist kein Jahr mit Indexwert wie „2013,93.1“") from None
        if value <= 0:
            raise PriceIndexError(shown, line, f"Indexwert für {year} muss größer als 0 sein")
        if values and year != values[-1][0] + 1:
            raise PriceIndexError(shown, line, f"Jahr {year} folgt nicht lückenlos auf {values[-1][0]}")
        values.append((year, value))
    if not values:
        raise PriceIndexError(shown, 1, "keine Jahreswerte gefunden")
    return PriceIndex(tuple(values), shown)


@lru_cache(maxsize=None)
def default_price_index() -> PriceIndex:
    return load_price_index(VPI_FILE)


def _shown_path(path) -> str:
    path = Path(path).resolve()
    root = Path(__file__).resolve().parents[2]
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


@dataclass(frozen=True)
class Figure:
    """One cost figure, normalised: nominal EUR, EUR in base-year prices, and every step shown."""

    per: str  # participation | month
    basis: str  # stated | derived
    amount: Decimal  # as in the source, in `currency`
    currency: str
    year: int  # price year
    year_from_as_of: bool  # True when the item had no year and the record's Stand was used
    eur: Decimal  # nominal EUR, cents
    value: Decimal  # EUR in prices of `base_year`, cents
    base_year: int
    approximate: bool = False
    steps: tuple = ()  # the arithmetic, German, in order
    derivation: str = ""  # the editor's own derivation, where the record gives one
    note: str = ""
    origin: str = "cost_item"  # cost_item | budget | duration

    @property
    def per_label(self) -> str:
        return PER_LABEL[self.per]

    @property
    def basis_label(self) -> str:
        return BASIS_LABEL[self.basis]

    @property
    def source_text(self) -> str:
        """'5.250 € je Teilnehmer/-in (angegeben, 2013)' – the figure as the source gives it."""
        money = fmt.money(float(self.amount), self.currency, self.approximate)
        return f"{money} {self.per_label} ({self.basis_label}, {self.year})"

    @property
    def value_text(self) -> str:
        """'rund 6.581 €' – the base-year figure, rounded to euros for reading."""
        return fmt.money(float(self.value.quantize(Decimal(1), rounding=ROUND_HALF_UP)), "EUR", approximate=True)


@dataclass(frozen=True)
class Exclusion:
    """A figure (or a budget) that stays out of comparisons, and why."""

    subject: str
    reason: str


@dataclass(frozen=True)
class CostSummary:
    slug: str
    base_year: int
    participation: Figure | None  # the comparable cost per participant
    month: Figure | None  # the comparable cost per participant-month
    figures: tuple = ()  # every normalised figure, those from the record first
    excluded: tuple = ()

    @property
    def comparable(self) -> bool:
        return self.participation is not None or self.month is not None

    @property
    def has_cost_data(self) -> bool:
        return bool(self.figures or self.excluded)


def comparable_cost(record, prices: PriceIndex | None = None, base_year: int | None = None) -> Decimal | None:
    """Cost per participant (whole participation) in EUR at base-year prices, or None if not comparable."""
    figure = normalise(record, prices, base_year).participation
    return figure.value if figure else None


def normalise(record, prices: PriceIndex | None = None, base_year: int | None = None) -> CostSummary:
    """Every cost figure of one record in EUR at base-year prices, the comparable ones picked out."""
    prices = prices or default_price_index()
    base_year = base_year or prices.latest_year
    if prices.value(base_year) is None:
        raise PriceIndexError(prices.source, 1, f"kein Indexwert für das Basisjahr {base_year} "
                              f"(die Tabelle reicht von {prices.first_year} bis {prices.latest_year})")
    slug = getattr(record, "slug", "") or record.get("slug", "")
    as_of_year = _year_of(record.get("as_of"))
    months = _months(record)
    excluded: list[Exclusion] = []
    from_items: dict[str, list[Figure]] = {PARTICIPATION: [], MONTH: []}

    for item in record.get("cost_per_participant") or []:
        figure, reason = _item_figure(item, as_of_year, prices, base_year)
        if reason:
            excluded.append(Exclusion(_item_subject(item, as_of_year), reason))
        else:
            from_items[figure.per].append(figure)

    chosen = {}
    for per, figures in from_items.items():
        picked, reason = _pick(figures)
        if reason:
            excluded.append(Exclusion(" und ".join(f.source_text for f in figures), reason))
        chosen[per] = picked
    computed = []
    if chosen[PARTICIPATION] is None and not from_items[PARTICIPATION] and chosen[MONTH] and months:
        chosen[PARTICIPATION] = _times_months(chosen[MONTH], months)
        computed.append(chosen[PARTICIPATION])
    if chosen[MONTH] is None and not from_items[MONTH] and chosen[PARTICIPATION] and months:
        chosen[MONTH] = _per_month(chosen[PARTICIPATION], months)
        computed.append(chosen[MONTH])
    if chosen[PARTICIPATION] is None and not from_items[PARTICIPATION] and chosen[MONTH] and not months:
        excluded.append(Exclusion(chosen[MONTH].source_text,
                                  "nur je Teilnahmemonat bekannt; ohne die Dauer der Teilnahme lässt sich kein "
                                  "Betrag je Teilnahme errechnen (im Vergleich je Teilnahmemonat enthalten)"))

    # Budget ÷ participants only where the record gives no per-person figure of its own.
    if chosen[PARTICIPATION] is None and not record.get("cost_per_participant") and record.get("budget"):
        figure, reason = _from_budget(record, as_of_year, prices, base_year)
        if figure:
            chosen[PARTICIPATION] = figure
            computed.append(figure)
            if chosen[MONTH] is None and months:
                chosen[MONTH] = _per_month(figure, months)
                computed.append(chosen[MONTH])
        elif reason and not chosen[MONTH]:
            excluded.append(reason)

    figures = tuple(from_items[PARTICIPATION] + from_items[MONTH] + computed)
    return CostSummary(slug, base_year, chosen[PARTICIPATION], chosen[MONTH], figures, tuple(excluded))


def _year_of(text) -> int | None:
    return int(str(text)[:4]) if text else None


def _months(record) -> Decimal | None:
    months = (record.get("duration") or {}).get("months")
    return decimal_of(months) if months else None


def _item_subject(item, as_of_year) -> str:
    bound = BOUND_LABEL.get(item.get("bound"), "")
    money = fmt.money(item["amount"], item["currency"], item.get("approximate"))
    year = item.get("year") or as_of_year
    return f"{bound + ' ' if bound else ''}{money} {PER_LABEL[item['per']]} ({BASIS_LABEL[item['basis']]}, {year})"


def _item_figure(item, as_of_year, prices, base_year):
    """(Figure, None) for a usable cost item, else (None, reason)."""
    if item.get("bound"):
        return None, f"nur eine Grenze („{BOUND_LABEL[item['bound']]}“), kein genauer Betrag"
    if item["per"] == YEAR:
        return None, ("Betrag je Teilnehmer/-in und Jahr: ob die zugrunde liegende Zahl gleichzeitig besetzte "
                      "Plätze oder Teilnehmende im Jahr meint, ist offen; deshalb nicht in Kosten je Teilnahme "
                      "oder je Teilnahmemonat umgerechnet")
    year = item.get("year") or as_of_year
    if year is None:
        return None, "weder ein Preisjahr noch ein Stand angegeben"
    if prices.value(year) is None:
        return None, (f"kein Verbraucherpreisindex für {year} (die Tabelle reicht von "
                      f"{prices.first_year} bis {prices.latest_year})")
    amount = decimal_of(item["amount"])
    eur, steps = to_eur(amount, item["currency"])
    value, adjust_steps = _adjust(eur, year, prices, base_year)
    return Figure(per=item["per"], basis=item["basis"], amount=amount, currency=item["currency"], year=year,
                  year_from_as_of=not item.get("year"), eur=eur, value=value, base_year=base_year,
                  approximate=bool(item.get("approximate")), steps=tuple(steps + adjust_steps),
                  derivation=item.get("derivation", ""), note=item.get("note", ""), origin="cost_item"), None


def to_eur(amount: Decimal, currency: str):
    """(EUR rounded to cents, [the conversion step, if any])."""
    if currency == "DM":
        eur = cents(amount / DM_PER_EUR)
        return eur, [f"{amount_text(amount, 'DM')} ÷ {fmt.number_de(DM_PER_EUR, 5)} DM/€ = {euro_text(eur)}"]
    return cents(amount), []


def _adjust(eur: Decimal, year: int, prices: PriceIndex, base_year: int):
    if year == base_year:
        return eur, []
    value = prices.adjust(eur, year, base_year)
    return value, [f"{euro_text(eur)} × {index_text(prices.value(base_year))} ÷ {index_text(prices.value(year))} "
                   f"(VPI {base_year} ÷ VPI {year}) = {euro_text(value)} in Preisen von {base_year}"]


def _pick(figures):
    """The one figure of a basis; stated beats derived; differing amounts on one basis are ambiguous."""
    if not figures:
        return None, None
    stated = [f for f in figures if f.basis == "stated"] or figures
    if len({f.value for f in stated}) > 1:
        return None, ("mehrere verschiedene Beträge auf derselben Grundlage (je nach Fall); "
                      "kein einzelner Vergleichswert")
    return stated[0], None


def _times_months(figure: Figure, months: Decimal) -> Figure:
    eur, value = cents(figure.eur * months), cents(figure.value * months)
    step = (f"{euro_text(figure.value)} je Teilnahmemonat × {fmt.number_de(months)} Monate Dauer "
            f"= {euro_text(value)} je Teilnahme")
    return Figure(per=PARTICIPATION, basis="derived", amount=figure.amount * months, currency=figure.currency,
                  year=figure.year, year_from_as_of=figure.year_from_as_of, eur=eur, value=value,
                  base_year=figure.base_year, approximate=figure.approximate, steps=figure.steps + (step,),
                  note=figure.note, origin="duration")


def _per_month(figure: Figure, months: Decimal) -> Figure:
    eur, value = cents(figure.eur / months), cents(figure.value / months)
    step = (f"{euro_text(figure.value)} je Teilnahme ÷ {fmt.number_de(months)} Monate Dauer "
            f"= {euro_text(value)} je Teilnahmemonat")
    return Figure(per=MONTH, basis="derived", amount=cents(figure.amount / months), currency=figure.currency,
                  year=figure.year, year_from_as_of=figure.year_from_as_of, eur=eur, value=value,
                  base_year=figure.base_year, approximate=figure.approximate, steps=figure.steps + (step,),
                  note=figure.note, origin="duration")


def _from_budget(record, as_of_year, prices, base_year):
    """Budget ÷ participants where exactly one of each fits; else (None, Exclusion) saying why not."""
    if getattr(record, "kind", "measure") != "measure":
        return None, None
    budgets = record.get("budget") or []
    people = record.get("participants") or []
    subject = "; ".join(f"{fmt.money(b['amount'], b['currency'], b.get('approximate'))} "
                        f"{PERIOD_LABEL.get(b.get('period'), 'ohne Bezugszeitraum')}" for b in budgets)
    whole = [b for b in budgets if b.get("period") in ("total", "run") and not b.get("bound")]
    counted = [p for p in people if p["kind"] == "participants" and not p.get("planned") and not p.get("bound")]
    if not whole:
        periods = " oder ".join(dict.fromkeys(PERIOD_LABEL.get(b.get("period"), "ohne Bezugszeitraum")
                                              for b in budgets if not b.get("bound")) or ["nur als Grenze"])
        return None, Exclusion(f"Mittelvolumen {subject}", (
            f"das Mittelvolumen ist {periods} angegeben; ohne die Zahl der Teilnehmenden im selben Zeitraum "
            "lässt sich daraus kein Betrag je Teilnahme ableiten"))
    if not counted:
        has_places = any(p["kind"] == "places" for p in people)
        return None, Exclusion(f"Mittelvolumen {subject}", (
            "nur Platzzahlen, keine Teilnehmendenzahl: Kosten je Platz sind keine Kosten je Teilnahme"
            if has_places else "keine Zahl der Teilnehmenden angegeben, durch die sich das Mittelvolumen teilen ließe"))
    if len(whole) > 1 or len(counted) > 1:
        return None, Exclusion(f"Mittelvolumen {subject}", (
            "mehrere Beträge oder Teilnehmendenzahlen; welche zusammengehören, sagt die Quelle nicht eindeutig"))
    budget, group = whole[0], counted[0]
    year = budget.get("year") or as_of_year
    if year is None or prices.value(year) is None:
        return None, Exclusion(f"Mittelvolumen {subject}", f"kein Verbraucherpreisindex für {year}")
    amount, count = decimal_of(budget["amount"]), decimal_of(group["count"])
    if count <= 0:
        return None, Exclusion(f"Mittelvolumen {subject}", "Teilnehmendenzahl ist 0")
    budget_eur, steps = to_eur(amount, budget["currency"])
    eur = cents(budget_eur / count)
    steps.append(f"{euro_text(budget_eur)} ÷ {fmt.number_de(count)} Teilnehmende = {euro_text(eur)} je Teilnahme")
    value, adjust_steps = _adjust(eur, year, prices, base_year)
    derivation = (f"{amount_text(amount, budget['currency'])} ({budget['covers']}) ÷ {fmt.number_de(count)} "
                  f"({group['description']})")
    approximate = bool(budget.get("approximate") or group.get("approximate"))
    return Figure(per=PARTICIPATION, basis="derived", amount=cents(amount / count), currency=budget["currency"],
                  year=year, year_from_as_of=not budget.get("year"), eur=eur, value=value, base_year=base_year,
                  approximate=approximate, steps=tuple(steps + adjust_steps), derivation=derivation,
                  origin="budget"), None
