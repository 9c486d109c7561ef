"""Columns of massnahmen.csv with amounts in euros and in prices of the base year (plugins/derive/money.py).

The cells come from the export entry's "amounts_in_euro" (added by the open-data step from the cost
report), so the CSV, the JSON export and the pages show the same figures.
"""

from __future__ import annotations

from plugins.publish.columns import Column
from plugins.read import schema

MONEY_COLUMN_FIELDS = ("budget", "cost_per_participant", "grant_per_case")


def money_columns() -> list[Column]:
    columns = [Column("base_year", ("base_year",), "euro", "Basisjahr der Preisbereinigung",
                      "Das Jahr, in dessen Preisen die Spalten „…_amount_eur_base_year_prices“ stehen (neuestes Jahr "
                      "des Verbraucherpreisindex); leer, wenn die Maßnahme keinen Betrag nennt.", "integer")]
    for field_name in MONEY_COLUMN_FIELDS:
        title = schema.label("measure", field_name)
        columns.append(Column(f"{field_name}_1_amount_eur", (field_name, 0, "eur"), "euro",
                              f"{title}, 1. Eintrag: Betrag in Euro",
                              "Der Betrag in Euro, D-Mark umgerechnet zum festen Kurs 1 € = 1,95583 DM und auf Cent "
                              "gerundet. Nur der erste Eintrag der Liste; alle Einträge mit Rechenweg stehen in "
                              "massnahmen.json unter „amounts_in_euro“.", "number"))
        columns.append(Column(f"{field_name}_1_amount_eur_base_year_prices", (field_name, 0, "eur_in_base_year_prices"),
                              "euro", f"{title}, 1. Eintrag: Betrag in Euro in Preisen des Basisjahrs",
                              "Der Euro-Betrag × VPI(Basisjahr) ÷ VPI(Preisjahr), auf Cent gerundet; Preisjahr ist das "
                              "Jahr des Betrags, sonst das Jahr des Stands. Leer ohne Indexwert für das Preisjahr.",
                              "number"))
    return columns


def euro_cell(entry: dict, path: tuple):
    amounts = entry.get("amounts_in_euro") or []
    if path == ("base_year",):
        return amounts[0]["base_year"] if amounts else None
    field_name, index, key = path
    match = next((a for a in amounts if a["field"] == field_name and a["position"] == index + 1), None)
    return match[key] if match else None
