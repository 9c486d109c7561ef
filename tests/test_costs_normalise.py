"""plugins/derive/costs.py and plugins/present/costs.py: normalisation with exact numbers, reasons for exclusions, evidence levels, the price index."""

from __future__ import annotations

from decimal import Decimal

import pytest

from plugins.derive.costs import comparable_cost, to_eur
from plugins.derive.costs import normalise as derived_costs
from plugins.derive.evidence import LEVELS, evidence, evidence_level
from plugins.present.costs import SummaryText, step_text
from plugins.read.prices import PriceIndexError, default_price_index, load_price_index

from .conftest import ROOT


def measure(**fields):
    """A measure's fields as a plain dict: normalise works without Pelican and without a Record."""
    return {"slug": "test", "as_of": "2013", **fields}


def normalise(record, *args, **kwargs):
    """The derived cost summary as pages show it: figures, steps and reasons in German (derive, then present)."""
    return SummaryText(derived_costs(record, *args, **kwargs))


def cost(amount, per="participation", basis="stated", currency="EUR", **more):
    return {"amount": amount, "currency": currency, "per": per, "basis": basis, **more}


def test_dm_amount_is_converted_at_the_fixed_rate_to_the_cent():
    eur, steps = to_eur(Decimal("547763.17"), "DM")
    assert eur == Decimal("280066.86")
    assert [step_text(step) for step in steps] == ["547.763,17\u00a0DM ÷ 1,95583 DM/€ = 280.066,86\u00a0€"]


def test_price_adjustment_uses_the_consumer_price_index_of_both_years():
    summary = normalise(measure(cost_per_participant=[cost(5250, year=2013, approximate=True)]))
    figure = summary.participation
    assert summary.base_year == 2023
    assert (figure.eur, figure.value) == (Decimal("5250.00"), Decimal("6580.83"))  # 5250 × 116.7 ÷ 93.1
    assert figure.steps == ("5.250,00\u00a0€ × 116,7 ÷ 93,1 (VPI 2023 ÷ VPI 2013) = 6.580,83\u00a0€ in Preisen von 2023",)
    assert figure.source_text == "rund 5.250\u00a0€ je Teilnehmer/-in (angegeben, 2013)"
    assert figure.value_text == "rund 6.581\u00a0€"
    assert comparable_cost(measure(cost_per_participant=[cost(5250, year=2013)])) == Decimal("6580.83")


def test_budget_in_dm_divided_by_participants_is_derived_with_every_step():
    record = measure(as_of="2001-01-06",
                     budget=[{"amount": 547763.17, "currency": "DM", "covers": "Fördermittel", "period": "total",
                              "year": 2001}],
                     participants=[{"count": 50, "kind": "participants", "description": "Teilnehmende"}])
    figure = normalise(record).participation
    assert figure.basis == "derived" and figure.origin == "budget"
    assert (figure.eur, figure.value) == (Decimal("5601.34"), Decimal("8489.30"))
    assert figure.steps == (
        "547.763,17\u00a0DM ÷ 1,95583 DM/€ = 280.066,86\u00a0€",
        "280.066,86\u00a0€ ÷ 50 Teilnehmende = 5.601,34\u00a0€ je Teilnahme",
        "5.601,34\u00a0€ × 116,7 ÷ 77,0 (VPI 2023 ÷ VPI 2001) = 8.489,30\u00a0€ in Preisen von 2023",
    )
    assert figure.derivation == "547.763,17\u00a0DM (Fördermittel) ÷ 50 (Teilnehmende)"


def test_monthly_rate_times_known_duration_gives_the_cost_per_participation():
    summary = normalise(measure(duration={"text": "sechs Monate", "months": 6},
                                cost_per_participant=[cost(875, per="month", year=2013)]))
    assert summary.month.value == Decimal("1096.80")
    assert summary.participation.value == Decimal("6580.80")
    assert summary.participation.basis == "derived"
    assert summary.participation.steps[-1] == ("1.096,80\u00a0€ je Teilnahmemonat × 6 Monate Dauer "
                                               "= 6.580,80\u00a0€ je Teilnahme")


def test_cost_per_participation_divided_by_duration_gives_the_monthly_figure():
    summary = normalise(measure(duration={"text": "zwölf Monate", "months": 12},
                                cost_per_participant=[cost(5985, basis="derived", derivation="89.775 € ÷ 15", year=2013)]))
    assert summary.participation.derivation == "89.775 € ÷ 15"
    assert summary.month.value == Decimal("625.18")  # 7.502,14 € ÷ 12


def test_stated_figure_wins_over_the_one_computed_from_the_monthly_rate():
    summary = normalise(measure(duration={"text": "6 Monate", "months": 6},
                                cost_per_participant=[cost(5250, year=2013), cost(875, per="month", year=2013)]))
    assert summary.participation.basis == "stated" and summary.participation.value == Decimal("6580.83")
    assert summary.month.basis == "stated"


def test_without_a_year_the_year_of_the_stand_is_the_price_year():
    figure = normalise(measure(as_of="2012-10", cost_per_participant=[cost(4000)])).participation
    assert (figure.year, figure.year_from_as_of, figure.value) == (2012, True, Decimal("5090.51"))


def test_per_year_amounts_are_never_converted_and_say_why():
    summary = normalise(measure(duration={"text": "6 Monate", "months": 6},
                                cost_per_participant=[cost(10044, per="year", basis="derived", derivation="x", year=2013)]))
    assert summary.participation is None and summary.month is None
    [excluded] = summary.excluded
    assert excluded.subject == "10.044\u00a0€ je Teilnehmer/-in und Jahr (abgeleitet, 2013)"
    assert "Plätze oder Teilnehmende im Jahr" in excluded.reason
    assert comparable_cost(measure(cost_per_participant=[cost(10044, per="year", basis="derived", derivation="x")])) is None


@pytest.mark.parametrize(("fields", "reason"), [
    ({"cost_per_participant": [cost(3000, bound="up_to")]}, "nur eine Grenze („bis zu“), kein genauer Betrag"),
    ({"cost_per_participant": [cost(1000, year=2012), cost(2500, year=2012)]},
     "mehrere verschiedene Beträge auf derselben Grundlage (je nach Fall); kein einzelner Vergleichswert"),
    ({"cost_per_participant": [cost(100, year=1985)]},
     "kein Verbraucherpreisindex für 1985 (die Tabelle reicht von 1991 bis 2023)"),
    ({"cost_per_participant": [cost(450, per="month", year=2012)]},
     "nur je Teilnahmemonat bekannt; ohne die Dauer der Teilnahme lässt sich kein Betrag je Teilnahme errechnen "
     "(im Vergleich je Teilnahmemonat enthalten)"),
    ({"budget": [{"amount": 2300000, "currency": "EUR", "covers": "x", "period": "year"}]},
     "das Mittelvolumen ist je Jahr angegeben; ohne die Zahl der Teilnehmenden im selben Zeitraum lässt sich "
     "daraus kein Betrag je Teilnahme ableiten"),
    ({"budget": [{"amount": 89775, "currency": "EUR", "covers": "x", "period": "total"}],
      "participants": [{"count": 15, "kind": "places", "description": "Plätze"}]},
     "nur Platzzahlen, keine Teilnehmendenzahl: Kosten je Platz sind keine Kosten je Teilnahme"),
    ({"budget": [{"amount": 204737.16, "currency": "DM", "covers": "x", "period": "total"}]},
     "keine Zahl der Teilnehmenden angegeben, durch die sich das Mittelvolumen teilen ließe"),
    ({"budget": [{"amount": 114395.99, "currency": "EUR", "covers": "x", "period": "total"}],
      "participants": [{"count": 64, "kind": "participants", "description": "alle"},
                       {"count": 44, "kind": "participants", "description": "davon Männer"}]},
     "mehrere Beträge oder Teilnehmendenzahlen; welche zusammengehören, sagt die Quelle nicht eindeutig"),
])
def test_incomparable_figures_are_left_out_with_the_reason(fields, reason):
    summary = normalise(measure(**fields))
    assert summary.participation is None
    assert [e.reason for e in summary.excluded] == [reason]


def test_a_programme_budget_is_not_divided_by_its_participants():
    class Programme(dict):
        kind = "programme"

    record = Programme(measure(budget=[{"amount": 500000, "currency": "DM", "covers": "x", "period": "total"}],
                               participants=[{"count": 25, "kind": "participants", "description": "Kommunen"}]))
    assert normalise(record).participation is None


def test_a_record_without_cost_data_has_no_figures_and_no_reasons():
    summary = normalise(measure())
    assert (summary.participation, summary.month, summary.figures, summary.excluded) == (None, None, (), ())
    assert not summary.has_cost_data


def test_the_price_index_is_the_copied_destatis_table_up_to_2023():
    prices = default_price_index()
    assert (prices.first_year, prices.latest_year) == (1991, 2023)
    assert (prices.value(2013), prices.value(2020), prices.value(2023)) == (Decimal("93.1"), Decimal("100.0"), Decimal("116.7"))
    shared = ROOT.parent / "shared" / "data" / "vpi-deutschland.csv"
    if shared.exists():
        assert (ROOT / "plugins/read/data/vpi-deutschland.csv").read_text() == shared.read_text()
    assert "2023" in (ROOT / "plugins/read/data/README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "message"), [
    ("year,index\n2013,93.1\n", "tests:1: Kopfzeile muss „jahr,vpi_…“ lauten"),
    ("jahr,vpi\n2013,93.1\n2014,ca. 94\n", "tests:3: „2014,ca. 94“ ist kein Jahr mit Indexwert wie „2013,93.1“"),
    ("jahr,vpi\n2013,93.1\n2015,94.5\n", "tests:3: Jahr 2015 folgt nicht lückenlos auf 2013"),
    ("jahr,vpi\n2013,93.1,x\n", "tests:2: erwartet zwei Spalten (Jahr, Index), gefunden 3"),
    ("jahr,vpi\n2013,0\n", "tests:2: Indexwert für 2013 muss größer als 0 sein"),
])
def test_a_broken_price_index_names_file_line_and_problem(tmp_path, text, message):
    path = tmp_path / "vpi.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PriceIndexError) as error:
        load_price_index(path)
    assert str(error.value) == message.replace("tests", str(path))


def test_a_base_year_outside_the_table_is_refused_in_german():
    with pytest.raises(PriceIndexError, match="kein Indexwert für das Basisjahr 2030 "
                                              r"\(die Tabelle reicht von 1991 bis 2023\)"):
        normalise(measure(cost_per_participant=[cost(5250, year=2013)]), base_year=2030)


def test_another_base_year_can_be_chosen():
    figure = normalise(measure(cost_per_participant=[cost(5250, year=2013)]), base_year=2020).participation
    assert figure.value == Decimal("5639.10")  # 5250 × 100 ÷ 93.1


@pytest.mark.parametrize(("fields", "level"), [
    ({}, 0),
    ({"evaluation": {"kind": "none"}}, 0),
    ({"evaluation": {"kind": "pending"}, "results": [{"description": "noch offen"}]}, 0),
    ({"results": [{"description": "vermittelt", "value": 12}]}, 1),
    ({"evaluation": {"kind": "monitoring"}}, 1),
    ({"evaluation": {"kind": "comparison"}}, 2),
    ({"evaluation": {"kind": "external"}}, 3),
])
def test_evidence_level_follows_the_evaluation_field(fields, level):
    assert evidence_level(measure(**fields)) == level
    assert evidence(measure(**fields)) is LEVELS[level]


def test_every_evidence_level_has_a_german_label_and_explanation():
    assert [level.label for level in LEVELS] == ["Stufe 0: keine Ergebnisse", "Stufe 1: eigene Zahlen",
                                                 "Stufe 2: Ergebnisse mit Vergleich", "Stufe 3: externe Evaluation"]
    assert all(level.explanation.endswith(".") for level in LEVELS)
