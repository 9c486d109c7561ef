"""The files under /daten/: JSON per record type, the flat CSV, the JSON Schemas and datapackage.json.

Everything is computed from the catalogue as plain data first and serialised last, with sorted
keys and fixed separators, so two builds of the same commit are byte for byte the same.
"""

from __future__ import annotations

import csv
import io
import json

from plugins.present.open_data import DATA_DIR
from plugins.publish.cells import csv_safe
from plugins.publish.columns import LIST_SEPARATOR, measure_columns
from plugins.read import schema

SCHEMA_DIR = "schema"
# Export file name per record type (German, as the site's addresses are).
EXPORT_NAME = {"measure": "massnahmen", "programme": "programme", "region": "regionen"}
EXPORT_TITLE = {"measure": "Maßnahmen", "programme": "Programme", "region": "Regionen"}


ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, indent=1, separators=(",", ": "))


def dumps(value) -> str:
    """The one JSON serialisation of the project: sorted keys, fixed separators, UTF-8, final newline."""
    return ENCODER.encode(value) + "\n"


def dump_chunks(value):
    """`dumps(value)` in pieces (the same text: with indentation, json's encoder joins these very pieces)."""
    yield from ENCODER.iterencode(value)
    yield "\n"


def data_package(open_data, settings) -> tuple[dict, dict]:
    """(datapackage.json's content, record counts per type): what the /daten/ page shows, without the files."""
    counts = {kind: len(entries) for kind, entries in open_data.entries.items()}
    return datapackage(open_data.base_url, settings, open_data.licence, counts), counts


def export_files(open_data, package):
    """(output path, text) for every file under /daten/, one at a time; the large JSON files as chunks of text
    (`dump_chunks`), written as they come, so that no file is ever held whole (112 MB at 5,000 records)."""
    for kind, entries in open_data.entries.items():
        yield (f"{DATA_DIR}/{EXPORT_NAME[kind]}.json",
               dump_chunks(export_document(kind, entries, open_data.base_url, open_data.licence)))
    yield f"{DATA_DIR}/massnahmen.csv", csv_text(open_data.entries["measure"])
    for name, document in published_schemas(open_data.base_url).items():
        yield f"{DATA_DIR}/{SCHEMA_DIR}/{name}", dumps(document)
    yield f"{DATA_DIR}/datapackage.json", dumps(package)


def export_document(kind: str, entries: list[dict], base_url: str, licence: dict) -> dict:
    return {
        "title": f"{EXPORT_TITLE[kind]} des Praxiskatalogs",
        "license": licence,
        "schema": f"{base_url}/{DATA_DIR}/{SCHEMA_DIR}/{kind}.schema.json",
        "count": len(entries),
        "records": entries,
    }


def published_schemas(base_url: str) -> dict:
    """file name -> schema, with $id pointing at the published copy so the relative $refs resolve there."""
    out = {schema.COMMON_ID: dict(schema.common())}
    for kind, record_schema in schema.schemas().items():
        out[f"{kind}.schema.json"] = dict(record_schema)
    for kind in schema.RECORD_TYPES:
        out[f"export-{EXPORT_NAME[kind]}.schema.json"] = export_schema(kind)
    for name, document in out.items():
        document["$id"] = f"{base_url}/{DATA_DIR}/{SCHEMA_DIR}/{name}"
    return out


AMOUNTS_IN_EURO_SCHEMA = {
    "type": "array",
    "title": "Beträge in Euro",
    "description": ("Jeder Betrag aus Mittelvolumen, Kosten je Teilnehmer/-in und Zuschuss je Fall in Euro (D-Mark zum "
                    "festen Kurs 1 € = 1,95583 DM) und in Preisen des Basisjahrs, mit Rechenweg; errechnet beim Bau "
                    "nach den Regeln der Kostenübersicht (/kosten/)."),
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["field", "position", "amount", "currency", "eur", "price_year", "price_year_from_as_of",
                     "base_year", "eur_in_base_year_prices", "arithmetic"],
        "properties": {
            "field": {"type": "string", "title": "Feld", "description": "budget, cost_per_participant oder grant_per_case."},
            "position": {"type": "integer", "title": "Eintrag", "description": "Der wievielte Eintrag der Liste (ab 1)."},
            "amount": {"type": "number", "title": "Betrag", "description": "Der Betrag wie im Datensatz."},
            "currency": {"type": "string", "title": "Währung", "description": "EUR oder DM, wie im Datensatz."},
            "eur": {"type": "number", "title": "Betrag in Euro", "description": "Auf Cent gerundet."},
            "price_year": {"type": ["integer", "null"], "title": "Preisjahr",
                           "description": "Jahr des Betrags, sonst Jahr des Stands."},
            "price_year_from_as_of": {"type": "boolean", "title": "Preisjahr aus dem Stand",
                                      "description": "true, wenn der Betrag kein eigenes Jahr nennt."},
            "base_year": {"type": "integer", "title": "Basisjahr", "description": "Jahr der Preise für eur_in_base_year_prices."},
            "eur_in_base_year_prices": {"type": ["number", "null"], "title": "Betrag in Preisen des Basisjahrs",
                                        "description": "Euro × VPI(Basisjahr) ÷ VPI(Preisjahr), auf Cent gerundet; null ohne Indexwert."},
            "arithmetic": {"type": "array", "items": {"type": "string"}, "title": "Rechenweg",
                           "description": "Die Rechenschritte als deutsche Sätze."},
        },
    },
}


def export_schema(kind: str) -> dict:
    """JSON Schema of a whole export file such as massnahmen.json."""
    nullable_time = {"type": ["string", "null"], "format": "date-time"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Exportdatei {EXPORT_NAME[kind]}.json",
        "description": f"Alle {EXPORT_TITLE[kind]} des Praxiskatalogs mit ihren geprüften Feldern.",
        "type": "object",
        "required": ["title", "license", "schema", "count", "records"],
        "properties": {
            "title": {"type": "string", "title": "Titel", "description": "Name der Datei."},
            "license": {"type": "object", "title": "Lizenz", "description": "Lizenz der Daten (name, title, path)."},
            "schema": {"type": "string", "title": "Schema", "description": "Adresse des JSON-Schemas für „data“."},
            "count": {"type": "integer", "title": "Anzahl", "description": "Anzahl der Einträge in „records“."},
            "records": {
                "type": "array",
                "title": "Einträge",
                "description": "Ein Eintrag je Datensatz, nach Kennung sortiert.",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["id", "url", "source_file", "added", "changed", "data", "text"],
                    "properties": {
                        "id": {"type": "string", "title": "Kennung", "description": "Dateiname ohne .md; eindeutig."},
                        "url": {"type": "string", "title": "Adresse", "description": "Seite im Praxiskatalog."},
                        "source_file": {"type": "string", "title": "Quelldatei", "description": "Pfad der Datei im Repository."},
                        "added": {**nullable_time, "title": "Aufgenommen am", "description": "Erster Eintrag in der Versionsgeschichte (UTC)."},
                        "changed": {**nullable_time, "title": "Zuletzt geändert am", "description": "Letzte Änderung in der Versionsgeschichte (UTC)."},
                        "data": {"$ref": f"{kind}.schema.json", "title": "Felder", "description": "Die geprüften Felder des Datensatzes."},
                        "text": {"type": "string", "title": "Beschreibung", "description": "Der Beschreibungstext in Markdown."},
                        "amounts_in_euro": AMOUNTS_IN_EURO_SCHEMA,
                    },
                },
            },
        },
    }


def csv_text(entries: list[dict]) -> str:
    """massnahmen.csv: header row, one row per measure, RFC 4180 quoting, CRLF line ends."""
    columns = measure_columns()
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([column.name for column in columns])
    for entry in entries:
        writer.writerow([cell(column.value(entry)) for column in columns])
    return buffer.getvalue()


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return csv_safe(value) if isinstance(value, str) else str(value)  # record text never becomes a formula


def table_schema() -> dict:
    """Frictionless Table Schema of massnahmen.csv, built from the same column list as the file."""
    fields = []
    for column in measure_columns():
        field = {"name": column.name, "title": column.title, "description": column.description, "type": column.type}
        constraints = {}
        if column.required:
            constraints["required"] = True
        if column.enum:
            constraints["enum"] = list(column.enum)
        if column.pattern:
            constraints["pattern"] = column.pattern
        if column.name == "id":
            constraints["unique"] = True
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}


def datapackage(base_url: str, site: dict, licence: dict, counts: dict) -> dict:
    """Frictionless Data Package (v1) describing every file under /daten/."""
    resources = [{
        "name": "massnahmen-csv",
        "title": "Maßnahmen als Tabelle",
        "description": ("Eine Zeile je Maßnahme mit flachen Spalten; Listen von Werten durch "
                        f"„{LIST_SEPARATOR.strip()}“ getrennt, von Listen mit Feldgruppen die Anzahl und der erste Eintrag."),
        "path": "massnahmen.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "doubleQuote": True, "header": True, "lineTerminator": "\r\n", "quoteChar": "\""},
        "schema": table_schema(),
    }]
    for kind in schema.RECORD_TYPES:
        name = EXPORT_NAME[kind]
        resources.append({
            "name": f"{name}-json",
            "title": f"{EXPORT_TITLE[kind]} als JSON",
            "description": (f"{counts[kind]} Datensätze mit allen Feldern; das Feld „data“ folgt "
                            f"{SCHEMA_DIR}/{kind}.schema.json, die ganze Datei {SCHEMA_DIR}/export-{name}.schema.json."),
            "path": f"{name}.json",
            "type": "json",  # not a table: frictionless would otherwise try to read it as rows
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
        })
    for file_name in sorted(published_schemas(base_url)):
        resources.append({
            "name": "schema-" + file_name.removesuffix(".schema.json"),
            "title": f"JSON-Schema {file_name}",
            "description": "JSON-Schema (Entwurf 2020-12) mit deutschen Bezeichnungen, Beschreibungen und Vokabularen.",
            "path": f"{SCHEMA_DIR}/{file_name}",
            "type": "json",
            "format": "json",
            "mediatype": "application/schema+json",
            "encoding": "utf-8",
        })
    sources = [{"title": entry["title"]} for entry in schema.vocabulary_entries(("source", "document"))]
    return {
        "profile": "data-package",
        "name": "praxiskatalog",
        "title": site["SITENAME"],
        "description": (f"{site['SITESUBTITLE']}. Maßnahmen, Programme und Regionen mit Zielgruppen, "
                        "Rechtsgrundlagen, Kosten, Ergebnissen und Quellen."),
        "homepage": f"{base_url}/{DATA_DIR}/",
        "licenses": [licence],
        "sources": sources,
        "keywords": ["Arbeitsmarktpolitik", "SGB II", "SGB III", "Jobcenter", "gute Praxis"],
        "resources": resources,
    }
