"""The flat CSV columns of massnahmen.csv, as data: which record field each column holds and how.

Titles and descriptions come from the schema, so the data dictionary and the Table Schema in
datapackage.json always describe the same columns. A path with a number means that entry of a
list (0 = the first); a list of plain values is joined with LIST_SEPARATOR.
"""

from __future__ import annotations

from dataclasses import dataclass

from plugins.read import schema

LIST_SEPARATOR = " | "
TABLE_TYPES = {"string": "string", "number": "number", "integer": "integer", "boolean": "boolean"}


@dataclass(frozen=True)
class Column:
    name: str
    path: tuple  # field path in the record data; () for the columns that are not record fields
    how: str = "value"  # value | join | count | id | url | added | changed | euro (from "amounts_in_euro")
    title: str = ""
    description: str = ""
    type: str = "string"
    enum: tuple = ()
    required: bool = False
    pattern: str = ""

    def value(self, entry: dict):
        """The cell for one export entry (see exports.record_entry), still as a Python value."""
        if self.how in ("id", "url", "added", "changed"):
            return entry[self.how]
        if self.how == "euro":
            return _euro_cell(entry, self.path)
        value = entry["data"]
        for part in self.path:
            if isinstance(part, int):
                value = value[part] if isinstance(value, list) and len(value) > part else None
            else:
                value = value.get(part) if isinstance(value, dict) else None
            if value is None:
                break
        if self.how == "count":
            return len(value or [])
        if self.how == "join":
            return LIST_SEPARATOR.join(str(item) for item in value) if value else None
        return value


# (path, how); the column name is the path joined with "_", list positions counted from 1.
MEASURE_FIELDS = [
    (("title",), "value"), (("short_name",), "value"), (("summary",), "value"),
    (("provider", "institution"), "value"), (("provider", "kind"), "value"), (("provider", "partners"), "join"),
    (("state",), "value"), (("region",), "value"),
    (("target_groups",), "join"), (("target_group_note",), "value"), (("principles",), "join"),
    (("measure_type",), "value"), (("legal_basis",), "join"), (("legal_basis_note",), "value"),
    (("implementation_type",), "join"), (("implementation_note",), "value"),
    (("funding_sources",), "join"), (("funding_note",), "value"), (("programme",), "value"),
    (("period", "start"), "value"), (("period", "end"), "value"), (("period", "ongoing"), "value"),
    (("period", "note"), "value"), (("as_of",), "value"),
    (("duration", "text"), "value"), (("duration", "months"), "value"), (("duration", "hours_per_week"), "value"),
    (("staffing",), "value"),
    (("participants",), "count"),
    (("participants", 0, "count"), "value"), (("participants", 0, "kind"), "value"),
    (("participants", 0, "planned"), "value"), (("participants", 0, "description"), "value"),
    (("budget",), "count"),
    (("budget", 0, "amount"), "value"), (("budget", 0, "currency"), "value"), (("budget", 0, "covers"), "value"),
    (("budget", 0, "period"), "value"), (("budget", 0, "year"), "value"), (("budget", 0, "approximate"), "value"),
    (("cost_per_participant",), "count"),
    (("cost_per_participant", 0, "amount"), "value"), (("cost_per_participant", 0, "currency"), "value"),
    (("cost_per_participant", 0, "per"), "value"), (("cost_per_participant", 0, "basis"), "value"),
    (("cost_per_participant", 0, "derivation"), "value"), (("cost_per_participant", 0, "year"), "value"),
    (("cost_per_participant", 0, "approximate"), "value"),
    (("grant_per_case",), "count"),
    (("grant_per_case", 0, "amount"), "value"), (("grant_per_case", 0, "currency"), "value"),
    (("grant_per_case", 0, "recipient"), "value"), (("grant_per_case", 0, "per"), "value"),
    (("results",), "count"),
    (("results", 0, "description"), "value"), (("results", 0, "value"), "value"), (("results", 0, "unit"), "value"),
    (("results", 0, "as_of"), "value"),
    (("evaluation", "kind"), "value"), (("evaluation", "text"), "value"),
    (("keywords",), "join"),
    (("source", "document"), "value"), (("source", "pages"), "join"), (("source", "section"), "value"),
    (("notes",), "join"),
]


def _name(path) -> str:
    return "_".join(str(part + 1) if isinstance(part, int) else part for part in path)


def _required(kind: str, path) -> bool:
    """Required all the way down, e.g. provider.institution (provider and institution are both required)."""
    node = schema.resolve(schema.schemas()[kind])
    for part in path:
        if isinstance(part, int) or part not in node.get("required", []):
            return False
        node = schema.resolve(node["properties"][part])
    return True


def _column(kind: str, path, how: str) -> Column:
    node = schema.subschema_at(kind, path) or {}
    title, description = node.get("title", _name(path)), node.get("description", "")
    if any(isinstance(part, int) for part in path):
        parent = schema.subschema_at(kind, path[:1]) or {}
        title = f"{parent.get('title')}, 1. Eintrag: {title}"
        description += " Nur der erste Eintrag der Liste; alle Einträge stehen in massnahmen.json."
    if how == "count":
        return Column(_name(path) + "_count", path, how, f"{title}: Anzahl",
                      f"Wie viele Einträge die Liste „{title}“ hat; die Einträge selbst stehen in massnahmen.json.",
                      "integer", required=True)
    if how == "join":
        labels = schema.vocabulary_labels(node) or {}
        extra = f" Mehrere Werte durch „{LIST_SEPARATOR.strip()}“ getrennt."
        if labels:
            extra += " Erlaubte Werte: " + ", ".join(labels) + "."
        return Column(_name(path), path, how, title, (description + extra).strip(), "string", required=_required(kind, path))
    labels = schema.vocabulary_labels(node) or {}
    pattern = node.get("pattern", "").removeprefix("^").removesuffix("$")
    return Column(_name(path), path, how, title, description, TABLE_TYPES.get(node.get("type"), "string"),
                  tuple(labels), _required(kind, path), pattern)


def measure_columns() -> list[Column]:
    """Every column of massnahmen.csv in file order."""
    first = [Column("id", (), "id", "Kennung", "Die Kennung der Maßnahme (Dateiname ohne .md); eindeutig.", required=True),
             Column("url", (), "url", "Adresse", "Die Seite der Maßnahme im Praxiskatalog.", required=True)]
    last = [Column("added", (), "added", "Aufgenommen am",
                   "Zeitpunkt des ersten Eintrags in der Versionsgeschichte (UTC); leer ohne Git-Historie.", "datetime"),
            Column("changed", (), "changed", "Zuletzt geändert am",
                   "Zeitpunkt der letzten Änderung in der Versionsgeschichte (UTC); leer ohne Git-Historie.", "datetime")]
    return first + [_column("measure", path, how) for path, how in MEASURE_FIELDS] + money_columns() + last


# Columns with amounts in euros and in prices of the base year (plugins/derive/money.py). The cells come
# from the export entry's "amounts_in_euro", so the CSV, the JSON export and the pages show the same figures.
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


def _euro_cell(entry: dict, path: tuple):
    amounts = entry.get("amounts_in_euro") or []
    if path == ("base_year",):
        return amounts[0]["base_year"] if amounts else None
    field_name, index, key = path
    match = next((a for a in amounts if a["field"] == field_name and a["position"] == index + 1), None)
    return match[key] if match else None
