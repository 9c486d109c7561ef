"""Issue 14, points 1–4: D-Mark amounts with euro and base-year prices, the glossary's DM entry, grants per
case kept apart from costs per participant, and the Höxter contact institution."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest

from plugins.derive.costs import DM_PER_EUR, normalise, to_eur
from plugins.derive.money import conversions
from plugins.present import fmt
from plugins.present.cost_report import build_report
from plugins.present.costs import ExclusionText, step_text
from plugins.present.money import conversion_texts
from plugins.read import schema
from plugins.read.glossary import load_glossary
from plugins.read.model import build_catalogue, thawed
from plugins.read.prices import default_price_index
from plugins.read.validate import check_tree

from .conftest import ROOT


@pytest.fixture(scope="module")
def catalogue():
    raws, errors, _ = check_tree(ROOT / "content")
    assert errors == [], [str(e) for e in errors]
    return build_catalogue(raws)


def _dm_measures(catalogue):
    return [m for m in catalogue.measures
            if any(item["currency"] == "DM" for item in m.get("budget") or [])]


def _nbsp(text: str) -> str:
    return text.replace(" €", "\u00a0€").replace(" DM", "\u00a0DM")


# Point 1 ---------------------------------------------------------------------------------------

def test_every_dm_amount_of_a_measure_page_shows_euro_base_year_and_arithmetic(catalogue, built_site):
    measures = _dm_measures(catalogue)
    assert len(measures) == 28
    base = default_price_index().latest_year
    for record in measures:
        html = (built_site / record.url / "index.html").read_text(encoding="utf-8")
        for item in record.get("budget"):
            eur, steps = to_eur(Decimal(str(item["amount"])), "DM")
            assert step_text(steps[0]) in html, record.slug  # "547.763,17 DM ÷ 1,95583 DM/€ = 280.066,86 €"
            assert f"in Preisen von {base}" in html, record.slug
    rottweil = (built_site / "massnahmen" / "modellvorhaben-rottweil" / "index.html").read_text(encoding="utf-8")
    assert "547.763,17\u00a0DM ÷ 1,95583 DM/€ = 280.066,86\u00a0€" in rottweil
    assert _nbsp("entspricht 280.066,86 €") in rottweil


def test_record_cards_show_the_euro_equivalent_of_dm_amounts(built_site):
    listing = (built_site / "massnahmen" / "index.html").read_text(encoding="utf-8")
    card = next(part for part in listing.split('<li class="record-card">') if "/massnahmen/modellvorhaben-rottweil/" in part)
    assert _nbsp("547.763,17 DM") in card and _nbsp("280.066,86 €") in card


def test_exports_carry_euro_and_base_year_amounts(built_site):
    base = default_price_index().latest_year
    document = json.loads((built_site / "daten" / "massnahmen.json").read_text(encoding="utf-8"))
    entry = next(e for e in document["records"] if e["id"] == "modellvorhaben-rottweil")
    converted = entry["amounts_in_euro"]
    assert converted[0]["field"] == "budget" and converted[0]["currency"] == "DM"
    assert converted[0]["eur"] == 280066.86 and converted[0]["base_year"] == base
    assert converted[0]["eur_in_base_year_prices"] > converted[0]["eur"]
    rows = list(csv.DictReader(io.StringIO((built_site / "daten" / "massnahmen.csv").read_text(encoding="utf-8"))))
    row = next(r for r in rows if r["id"] == "modellvorhaben-rottweil")
    assert row["budget_1_amount_eur"] == "280066.86"
    assert row["budget_1_amount_eur_base_year_prices"] == str(converted[0]["eur_in_base_year_prices"])
    assert row["base_year"] == str(base)


# Point 2 ---------------------------------------------------------------------------------------

def test_glossary_dm_entry_says_what_the_site_does():
    glossary, problems = load_glossary(ROOT / "content")
    assert problems == []
    text = next(e for e in glossary.entries if e.term == "DM").explanation
    assert "nicht umgerechnet" not in text
    assert fmt.number_de(DM_PER_EUR, 5) in text and "Euro" in text and "Preisen" in text


# Point 3 ---------------------------------------------------------------------------------------

def test_grants_per_case_are_a_schema_field_with_german_labels():
    node = schema.field_schema("measure", "grant_per_case")
    item = schema.resolve(node["items"])
    assert node["title"] == "Zuschuss je Fall"
    assert {"amount", "currency", "recipient", "per"} <= set(item["required"])
    assert all(schema.resolve(child).get("title") for child in item["properties"].values())


def test_minijob_grants_are_grants_not_costs_per_participant(catalogue):
    record = next(m for m in catalogue.measures if m.slug == "umwandlung-von-minijobs")
    assert not record.get("cost_per_participant")
    grants = record.get("grant_per_case")
    assert [(g["amount"], g["currency"], g["recipient"]) for g in grants] == [(1000, "EUR", "employer"), (2500, "EUR", "employer")]
    summary = normalise(record)
    assert summary.participation is None and summary.month is None
    assert [(e.subject[0], e.reason, e.detail) for e in summary.excluded] == [("grant", "grant", ("employer",))] * 2
    texts = [ExclusionText(e) for e in summary.excluded]
    assert all("Zuschuss" in t.subject and "keine Kosten" in t.reason for t in texts)
    report = build_report(catalogue)
    assert record.slug not in {cost.record.slug for cost in report.rows}
    assert record.slug in {cost.record.slug for cost in report.excluded}


def test_grant_is_shown_as_such_and_its_reason_on_the_costs_page(built_site):
    page = (built_site / "massnahmen" / "umwandlung-von-minijobs" / "index.html").read_text(encoding="utf-8")
    assert "Zuschuss je Fall" in page and "an Arbeitgeber" in page
    costs = (built_site / "kosten" / "index.html").read_text(encoding="utf-8")
    assert "Umwandlung von Minijobs" in costs
    assert "Zuschuss je Fall an Arbeitgeber" in costs and "keine Kosten der Maßnahme je Teilnehmer/-in" in costs


# Point 4 ---------------------------------------------------------------------------------------

def test_contact_institutions_do_not_repeat_the_source_misprint_hoerter(catalogue):
    record = next(m for m in catalogue.measures if m.slug == "modellvorhaben-hoexter")
    provider = record.get("provider")
    assert provider["institution"] == "Sozialamt Kreis Höxter"
    offenders = [r.slug for r in catalogue.records
                 if "Hörter" in json.dumps(thawed(r.get("provider")), ensure_ascii=False) or "Hörter" in (r.get("region") or "")]
    assert offenders == []
    assert any("Hörter" in note for note in record.get("notes"))  # the note keeps the source's spelling


def test_conversions_are_data_in_derive_and_words_in_present(catalogue):
    """derive/money.py computes each amount once with the cost rules (Steps, no German);
    the page, the card and the export show the worded result."""
    record = next(m for m in catalogue.measures if m.slug == "modellvorhaben-rottweil")
    prices = default_price_index()
    budget = [c for c in conversions(record, prices, prices.latest_year) if c.field == "budget"]
    assert len(budget) == 1 and budget[0].eur == Decimal("280066.86")
    assert [step.kind for step in budget[0].steps] == ["dm_to_eur", "price_adjust"]
    report = build_report(catalogue, prices)
    (worded,) = [c for c in report.conversions(record) if c.field == "budget"]
    assert worded.label == "Mittelvolumen" and worded.steps[0] == step_text(budget[0].steps[0])
    assert worded.summary.startswith("entspricht 280.066,86\u00a0€; in Preisen von ")
    assert worded.export()["eur"] == 280066.86 and worded.export()["arithmetic"] == list(worded.steps)
    (direct,) = [c for c in conversion_texts(record, conversions(record, prices, prices.latest_year)) if c.field == "budget"]
    assert direct.eur_text == "280.066,86\u00a0€" and direct.amount_text == "547.763,17\u00a0DM"
