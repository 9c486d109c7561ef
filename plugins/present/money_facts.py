"""The euro equivalent of D-Mark amounts in the fact box ("Auf einen Blick") and in the comparison data.

The conversions come from the cost report (plugins/derive/money.py), so the fact box, the arithmetic
on the page, the cards and the exports show the same figures.
"""

from __future__ import annotations


def with_amounts_in_euro(rows: list[dict], record, report) -> list[dict]:
    """`rows` (from fact_rows) with "entspricht … €; in Preisen von …" added to the note of every DM amount."""
    if report is None:
        return rows
    by_field = {}
    for conversion in report.conversions(record):
        if conversion.converted:
            by_field.setdefault(conversion.field, {})[conversion.position] = conversion
    for row in rows:
        found = by_field.get(row["field"])
        if not found:
            continue
        for position, item in enumerate(row["items"], start=1):
            conversion = found.get(position)
            if conversion:
                item["note"] = "; ".join(part for part in (item.get("note"), conversion.summary) if part)
    return rows
