"""Amounts in euros and base-year prices for the JSON exports: "amounts_in_euro" beside each entry's "data"."""

from __future__ import annotations


def add_amounts_in_euro(entries_by_kind: dict, catalogue, report) -> None:
    """Add the cost report's conversions (plugins/derive/money.py) to every export entry; "data" stays as written."""
    if report is None:
        return
    records = {record.slug: record for record in catalogue.records}
    for entries in entries_by_kind.values():
        for entry in entries:
            record = records.get(entry["id"])
            entry["amounts_in_euro"] = [c.export() for c in report.conversions(record)] if record else []
