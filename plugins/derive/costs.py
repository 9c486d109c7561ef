"""A record's comparable cost per participant: in EUR, in prices of one base year, with its basis and arithmetic.

Pure functions over the record's fields; nothing here needs Pelican and nothing here is German
text: every step of the arithmetic and every reason for leaving a figure out is data, which
plugins/present/costs.py puts into words. A record is anything with `.get(key)` (a `Record` or the
plain dict of its fields); `kind` is read if the object has one.

Rules (docs/costs.md explains them for readers):
- DM is converted with the fixed rate 1 EUR = 1.95583 DM, then rounded to cents.
- The price year is the item's `year`, else the year of the record's `as_of`.
- Prices are adjusted with the consumer price index: amount × VPI(base year) ÷ VPI(price year).
- Only two bases are compared: per participation ("je Teilnahme") and per participant-month.
  One converts into the other only where `duration.months` is known. Amounts per participant
  and year are never converted: whether the count behind them is places or people is open.
- Figures that are only a bound ("bis zu"), ambiguous (several amounts on one basis) or lack
  a price index are left out of comparisons, each with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from plugins.read.prices import PriceIndex, cents, default_price_index

DM_PER_EUR = Decimal("1.95583")  # irrevocable conversion rate, EU Council, 31 Dec 1998
PARTICIPATION, MONTH, YEAR = "participation", "month", "year"
WHOLE_PERIODS = ("total", "run")  # a budget for these can be divided by the people it reached


def decimal_of(number) -> Decimal:
    """An amount from YAML (int or float) as the exact decimal it was written as."""
    return Decimal(str(number))


@dataclass(frozen=True)
class Step:
    """One step of the arithmetic. `kind`: dm_to_eur (DM → EUR), price_adjust (VPI), times_months,
    per_month (between per participation and per month), per_participant (budget ÷ participants)."""

    kind: str
    before: Decimal  # the amount going in (DM for dm_to_eur, else EUR)
    after: Decimal  # EUR, cents
    by: Decimal | None = None  # months or participants
    year: int | None = None  # price_adjust: from this price year …
    base_year: int | None = None  # … to this one
    index_year: Decimal | None = None
    index_base: Decimal | None = None


@dataclass(frozen=True)
class Figure:
    """One cost figure, normalised: nominal EUR, EUR in base-year prices, and every step."""

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
    steps: tuple = ()  # Steps, in order
    derivation: str = ""  # the editor's own derivation, where the record gives one
    note: str = ""
    origin: str = "cost_item"  # cost_item | budget | duration
    budget: object = None  # origin budget: (budget item, participants item) it was divided from


@dataclass(frozen=True)
class Exclusion:
    """A figure (or a budget) that stays out of comparisons, and why.

    `subject`: ("item", cost item, price year) | ("figures", Figures) | ("budgets", budget items)
    | ("grant", grant item).
    `reason`: a code (bound, per_year, no_year, no_index, ambiguous, month_only, budget_period,
    places_only, no_participants, several, budget_no_index, zero_participants, grant) with `detail`
    where it needs one (grant: the recipient).
    """

    subject: tuple
    reason: str
    detail: tuple = ()


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
    prices.require(base_year)
    slug = getattr(record, "slug", "") or record.get("slug", "")
    as_of_year = _year_of(record.get("as_of"))
    months = _months(record)
    excluded: list[Exclusion] = []
    from_items: dict[str, list[Figure]] = {PARTICIPATION: [], MONTH: []}

    for item in record.get("cost_per_participant") or []:
        figure, reason = _item_figure(item, as_of_year, prices, base_year)
        if reason:
            excluded.append(Exclusion(("item", item, item.get("year") or as_of_year), *reason))
        else:
            from_items[figure.per].append(figure)

    # A grant per case (e.g. to an employer per converted mini-job) is no cost per participant.
    excluded += [Exclusion(("grant", item), "grant", (item["recipient"],)) for item in record.get("grant_per_case") or []]

    chosen = {}
    for per, figures in from_items.items():
        picked, ambiguous = _pick(figures)
        if ambiguous:
            excluded.append(Exclusion(("figures", tuple(figures)), "ambiguous"))
        chosen[per] = picked
    computed = []
    if chosen[PARTICIPATION] is None and not from_items[PARTICIPATION] and chosen[MONTH] and months:
        chosen[PARTICIPATION] = _times_months(chosen[MONTH], months)
        computed.append(chosen[PARTICIPATION])
    if chosen[MONTH] is None and not from_items[MONTH] and chosen[PARTICIPATION] and months:
        chosen[MONTH] = _per_month(chosen[PARTICIPATION], months)
        computed.append(chosen[MONTH])
    if chosen[PARTICIPATION] is None and not from_items[PARTICIPATION] and chosen[MONTH] and not months:
        excluded.append(Exclusion(("figures", (chosen[MONTH],)), "month_only"))

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


def _item_figure(item, as_of_year, prices, base_year):
    """(Figure, None) for a usable cost item, else (None, (reason, detail))."""
    if item.get("bound"):
        return None, ("bound", (item["bound"],))
    if item["per"] == YEAR:
        return None, ("per_year", ())
    year = item.get("year") or as_of_year
    if year is None:
        return None, ("no_year", ())
    if prices.value(year) is None:
        return None, ("no_index", (year, prices.first_year, prices.latest_year))
    amount = decimal_of(item["amount"])
    eur, steps = to_eur(amount, item["currency"])
    value, adjust_steps = adjust(eur, year, prices, base_year)
    return Figure(per=item["per"], basis=item["basis"], amount=amount, currency=item["currency"], year=year,
                  year_from_as_of=not item.get("year"), eur=eur, value=value, base_year=base_year,
                  approximate=bool(item.get("approximate")), steps=steps + adjust_steps,
                  derivation=item.get("derivation", ""), note=item.get("note", ""), origin="cost_item"), None


def to_eur(amount: Decimal, currency: str) -> tuple[Decimal, tuple]:
    """(EUR rounded to cents, (the conversion step, if any))."""
    if currency == "DM":
        eur = cents(amount / DM_PER_EUR)
        return eur, (Step("dm_to_eur", amount, eur, DM_PER_EUR),)
    return cents(amount), ()


def adjust(eur: Decimal, year: int, prices: PriceIndex, base_year: int) -> tuple[Decimal, tuple]:
    """(EUR in prices of `base_year`, (the price step, if the years differ))."""
    if year == base_year:
        return eur, ()
    value = prices.adjust(eur, year, base_year)
    return value, (Step("price_adjust", eur, value, year=year, base_year=base_year, index_year=prices.value(year),
                        index_base=prices.value(base_year)),)


def _pick(figures):
    """(the one figure of a basis, ambiguous?); stated beats derived; differing amounts on one basis are ambiguous."""
    if not figures:
        return None, False
    stated = [f for f in figures if f.basis == "stated"] or figures
    if len({f.value for f in stated}) > 1:
        return None, True
    return stated[0], False


def _times_months(figure: Figure, months: Decimal) -> Figure:
    eur, value = cents(figure.eur * months), cents(figure.value * months)
    return Figure(per=PARTICIPATION, basis="derived", amount=figure.amount * months, currency=figure.currency,
                  year=figure.year, year_from_as_of=figure.year_from_as_of, eur=eur, value=value,
                  base_year=figure.base_year, approximate=figure.approximate,
                  steps=figure.steps + (Step("times_months", figure.value, value, months),),
                  note=figure.note, origin="duration")


def _per_month(figure: Figure, months: Decimal) -> Figure:
    eur, value = cents(figure.eur / months), cents(figure.value / months)
    return Figure(per=MONTH, basis="derived", amount=cents(figure.amount / months), currency=figure.currency,
                  year=figure.year, year_from_as_of=figure.year_from_as_of, eur=eur, value=value,
                  base_year=figure.base_year, approximate=figure.approximate,
                  steps=figure.steps + (Step("per_month", figure.value, value, months),),
                  note=figure.note, origin="duration")


def _from_budget(record, as_of_year, prices, base_year):
    """Budget ÷ participants where exactly one of each fits; else (None, Exclusion) saying why not."""
    if getattr(record, "kind", "measure") != "measure":
        return None, None
    budgets = tuple(record.get("budget") or ())
    people = record.get("participants") or []
    subject = ("budgets", budgets)
    whole = [b for b in budgets if b.get("period") in WHOLE_PERIODS and not b.get("bound")]
    counted = [p for p in people if p["kind"] == "participants" and not p.get("planned") and not p.get("bound")]
    if not whole:
        periods = tuple(dict.fromkeys(b.get("period") for b in budgets if not b.get("bound")))
        return None, Exclusion(subject, "budget_period", periods)
    if not counted:
        has_places = any(p["kind"] == "places" for p in people)
        return None, Exclusion(subject, "places_only" if has_places else "no_participants")
    if len(whole) > 1 or len(counted) > 1:
        return None, Exclusion(subject, "several")
    budget, group = whole[0], counted[0]
    year = budget.get("year") or as_of_year
    if year is None or prices.value(year) is None:
        return None, Exclusion(subject, "budget_no_index", (year,))
    amount, count = decimal_of(budget["amount"]), decimal_of(group["count"])
    if count <= 0:
        return None, Exclusion(subject, "zero_participants")
    budget_eur, steps = to_eur(amount, budget["currency"])
    eur = cents(budget_eur / count)
    steps += (Step("per_participant", budget_eur, eur, count),)
    value, adjust_steps = adjust(eur, year, prices, base_year)
    approximate = bool(budget.get("approximate") or group.get("approximate"))
    return Figure(per=PARTICIPATION, basis="derived", amount=cents(amount / count), currency=budget["currency"],
                  year=year, year_from_as_of=not budget.get("year"), eur=eur, value=value, base_year=base_year,
                  approximate=approximate, steps=steps + adjust_steps, origin="budget", budget=(budget, group)), None
