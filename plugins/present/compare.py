"""Data for the side-by-side comparison at /vergleich/: one aligned set of rows per measure."""

from __future__ import annotations

from plugins.present.facts import fact_rows
from plugins.present.money import with_amounts_in_euro
from plugins.read import schema

# Steckbrief fields in comparison order; the normalised cost and evidence rows are inserted after the costs.
FIELDS = ("provider", "state", "region", "target_groups", "principles", "measure_type", "legal_basis",
          "implementation_type", "programme", "funding_sources", "period", "duration", "participants", "budget",
          "cost_per_participant", "grant_per_case", "normalised_participation", "normalised_month", "results",
          "evaluation", "evidence", "as_of", "source")


def _text(item) -> str:
    return f"{item['text']} ({item['note']})" if item.get("note") else item["text"]


def compare_data(report, facts=None) -> dict:
    """{"rows": [[key, label], …], "measures": {slug: {title, short_name, url, values: {key: [text, …]}}}}."""
    base = report.base_year
    labels = {name: schema.label("measure", name) for name in FIELDS if name in schema.schemas()["measure"]["properties"]}
    labels.update({"normalised_participation": f"Kosten je Teilnehmer/-in in Preisen von {base}",
                   "normalised_month": f"Kosten je Teilnahmemonat in Preisen von {base}",
                   "evidence": "Evidenzstufe"})
    measures = {}
    for slug, cost in report.measures.items():
        record = cost.record
        rows = facts[slug] if facts is not None else with_amounts_in_euro(fact_rows(record), report.conversions(record))
        values = {row["field"]: [_text(item) for item in row["items"]] for row in rows}
        for key, figure in (("normalised_participation", cost.summary.participation),
                            ("normalised_month", cost.summary.month)):
            if figure:
                values[key] = [f"{figure.value_text} ({cost.sentence(figure)})"]
        if cost.summary.participation is None and cost.summary.excluded:
            values.setdefault("normalised_participation", [])
            values["normalised_participation"] += [f"nicht vergleichbar: {e.subject} – {e.reason}"
                                                   for e in cost.summary.excluded]
        values["evidence"] = [f"{cost.evidence.label} ({cost.evidence.explanation})"]
        if cost.age.stale:
            values["as_of"] = [f"{cost.age.text} – {cost.age.stale_text}"]
        measures[slug] = {"title": record.title, "short_name": record.short_name, "url": record.url,
                          "values": {key: values[key] for key in FIELDS if values.get(key)}}
    return {"base_year": base, "rows": [[key, labels[key]] for key in FIELDS], "measures": measures}
