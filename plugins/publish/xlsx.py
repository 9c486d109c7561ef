"""/daten/massnahmen.xlsx, programme.xlsx and regionen.xlsx: the records for Excel and LibreOffice.

One sheet per record type with German headings (the schema's titles), labels instead of slugs,
numbers as numbers with German display formats, dates as dates, a frozen header row and an
autofilter, plus a sheet „Erläuterungen“ (source, licence, Stand, every column explained).

Two builds of the same commit give the same bytes: XlsxWriter writes in memory with fixed zip
times, and the document's dates are set to the newest change of the catalogue, never "now".
Record text is always written as text (never as a formula); see cells.py.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from plugins.present import fmt
from plugins.present.open_data import DATA_DIR
from plugins.publish.cells import looks_like_formula
from plugins.publish.columns import Column, _column, measure_columns
from plugins.publish.exports import EXPORT_NAME, EXPORT_TITLE
from plugins.publish.feed import fallback_updated
from plugins.read import schema

LIST_JOIN = "; "  # for people; the CSV keeps " | " for machines
NUMBER_JOIN = ", "  # page numbers: "31, 32"
TEXT_JOIN = "\n"  # whole sentences (notes): one per line in the cell
TEXT_LISTS = {"notes"}
SHEET_TITLE = {"measure": "Maßnahmen", "programme": "Programme", "region": "Regionen"}
NOTES_SHEET = "Erläuterungen"
# Fields that hold the slug of another record: shown with that record's title.
RECORD_LINKS = {"programme", "parent"}
MONEY_FORMAT = {"EUR": '#,##0.00 "€"', "DM": '#,##0.00 "DM"'}
MONEY_WHOLE_FORMAT = {"EUR": '#,##0 "€"', "DM": '#,##0 "DM"'}
DATE_FORMAT = {1: "yyyy", 2: "mm.yyyy", 3: "dd.mm.yyyy"}


def generic_paths(kind: str) -> list[tuple]:
    """(path, how) for every field of a record type, in schema order: plain values, lists of values
    joined, lists of field groups as a count and their first entry (as the CSV does for measures)."""
    out = []

    def walk(node, prefix, in_list):
        node = schema.resolve(node)
        for name, child in node.get("properties", {}).items():
            child, path = schema.resolve(child), prefix + (name,)
            if child.get("type") == "object":
                walk(child, path, in_list)
            elif child.get("type") == "array":
                items = schema.resolve(child["items"])
                if items.get("type") != "object":
                    out.append((path, "join"))
                elif not in_list:
                    out.append((path, "count"))
                    walk(items, path + (0,), True)
            else:
                out.append((path, "value"))

    walk(schema.schemas()[kind], (), False)
    return out


def columns(kind: str) -> list[Column]:
    """The columns of a sheet: for measures the very columns of massnahmen.csv, otherwise all fields."""
    if kind == "measure":
        return measure_columns()
    first = [Column("id", (), "id", "Kennung", "Die Kennung des Eintrags (Dateiname ohne .md); eindeutig."),
             Column("url", (), "url", "Adresse", "Die Seite des Eintrags im Praxiskatalog.")]
    last = [column for column in measure_columns() if column.how in ("added", "changed")]
    return first + [_column(kind, path, how) for path, how in generic_paths(kind)] + last


def heading(kind: str, column: Column) -> str:
    """German heading; a field inside a group says which group („Träger: Institution“)."""
    if column.how in ("id", "url", "added", "changed", "count") or any(isinstance(p, int) for p in column.path):
        return column.title
    parents = [schema.subschema_at(kind, column.path[:depth]) or {} for depth in range(1, len(column.path))]
    return ": ".join([parent.get("title", "") for parent in parents] + [column.title])


@dataclass
class Cell:
    value: object  # str, int, float, datetime.date or None
    format: str = ""  # Excel number format
    kind: str = "text"  # text | number | date | url


def partial_date(text: str) -> Cell:
    """'2013' / '2013-04' / '2013-04-08' as a date; the display shows only what the record says."""
    parts = [int(part) for part in str(text).split("-")]
    return Cell(datetime.date(parts[0], *(parts[1:] + [1, 1])[:2]), DATE_FORMAT[len(parts)], "date")


def list_separator(column: Column, node: dict) -> str:
    """How the values of a list field share one cell."""
    items = schema.resolve(node.get("items", {})) if node.get("type") == "array" else {}
    if items.get("type") == "integer":
        return NUMBER_JOIN
    return TEXT_JOIN if column.path[-1] in TEXT_LISTS else LIST_JOIN


def number_format(column: Column, value, entry: dict) -> str:
    leaf = column.path[-1] if column.path else ""
    if leaf in ("year", "base_year"):
        return "0"
    if column.how == "euro":  # amounts converted to euros (and base-year prices) by the build
        table = MONEY_FORMAT if not float(value).is_integer() else MONEY_WHOLE_FORMAT
        return table["EUR"]
    if leaf == "amount":
        currency = Column("", column.path[:-1] + ("currency",)).value(entry) or "EUR"
        table = MONEY_FORMAT if not float(value).is_integer() else MONEY_WHOLE_FORMAT
        return table.get(currency, table["EUR"])
    return "#,##0" if float(value).is_integer() else "#,##0.0#"


def local_day(iso: str | None, timezone: str) -> Cell:
    if not iso:
        return Cell(None)
    moment = datetime.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return Cell(moment.astimezone(ZoneInfo(timezone)).date(), DATE_FORMAT[3], "date")


def cell_reader(kind: str, column: Column, titles: dict, timezone: str):
    """entry -> Cell: one cell of a record's row, as a person reads it. What depends only on the column (its
    schema node, labels, separator) is looked up here once, not again for each of thousands of rows."""
    if column.how in ("added", "changed"):
        return lambda entry: local_day(entry[column.how], timezone)
    if column.how == "url":
        return lambda entry: Cell(entry["url"], kind="url")
    if column.how == "count":
        return lambda entry: Cell(column.value(entry), "#,##0", "number")
    node = schema.subschema_at(kind, column.path) or {}
    labels = schema.labels_at(kind, tuple(column.path))
    link = column.path and column.path[-1] in RECORD_LINKS

    def label(value):
        if link:
            return titles.get(value, value)
        return labels.get(value, value) if isinstance(value, str) else value

    if column.how == "join":
        items, separator = Column(column.name, column.path), list_separator(column, node)

        def joined(entry: dict) -> Cell:
            raw = items.value(entry)
            if raw is None or raw == []:
                return Cell(None)
            return Cell(separator.join(str(label(value)) for value in raw))
        return joined

    partial = schema.text_kind(node) == "partial-date"

    def single(entry: dict) -> Cell:
        raw = column.value(entry)
        if raw is None or raw == []:
            return Cell(None)
        if isinstance(raw, bool):
            return Cell("ja" if raw else "nein")
        if isinstance(raw, (int, float)):
            return Cell(raw, number_format(column, raw, entry), "number")
        if partial:
            return partial_date(raw)
        return Cell(str(label(raw)))
    return single


def column_kind(kind: str, column: Column) -> str:
    """text | number | date | url, from the schema (the same for every row)."""
    if column.how in ("added", "changed"):
        return "date"
    if column.how == "url":
        return "url"
    if column.how == "count" or column.type in ("number", "integer"):
        return "number"
    if column.how == "value" and schema.text_kind(schema.subschema_at(kind, column.path) or {}) == "partial-date":
        return "date"
    return "text"


KIND_TEXT = {"text": "Text", "number": "Zahl", "date": "Datum", "url": "Link"}
WIDTHS = {"text": 30, "number": 14, "date": 12, "url": 45}
WIDE = {"title", "summary", "region"}


def workbook(kind: str, entries: list[dict], *, site: dict, licence: dict, base_url: str, titles: dict,
             stand: str) -> bytes:
    """The whole .xlsx file. `stand` is an ISO UTC time (the catalogue's newest change): it becomes
    the document's date and the „Stand“ on the explanations sheet, so rebuilds agree byte for byte."""
    import xlsxwriter  # here, not at the top: only the process that makes the workbooks needs it (12 MB)

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    moment = datetime.datetime.fromisoformat(stand.replace("Z", "+00:00")).replace(tzinfo=None)
    name = EXPORT_NAME[kind]
    book.set_properties({
        "title": f"{EXPORT_TITLE[kind]} des Praxiskatalogs",
        "subject": site["SITESUBTITLE"],
        "author": site["AUTHOR"],
        "company": site["SITENAME"],
        "keywords": "Arbeitsmarktpolitik, SGB II, SGB III, Jobcenter, gute Praxis",
        "comments": f"Quelle: {base_url}/daten/ – Lizenz: {licence['title']}",
        "created": moment,
    })
    formats = {}

    def style(number_format="", **extra):
        key = (number_format, tuple(sorted(extra.items())))
        if key not in formats:
            properties = {"valign": "top", **extra}
            if number_format:
                properties["num_format"] = number_format
            formats[key] = book.add_format(properties)
        return formats[key]

    timezone = site["TIMEZONE"]
    table = columns(kind)
    sheet = book.add_worksheet(SHEET_TITLE[kind])
    head = style(bold=True, text_wrap=True, bg_color="#E8EEF4", bottom=1)
    for col, column in enumerate(table):
        sheet.write_string(0, col, heading(kind, column), head)
    kinds = {col: column_kind(kind, column) for col, column in enumerate(table)}
    readers = [cell_reader(kind, column, titles, timezone) for column in table]
    for row, entry in enumerate(entries, start=1):
        for col, read in enumerate(readers):
            item = read(entry)
            if item.value is None:
                continue
            if item.kind == "number":
                sheet.write_number(row, col, item.value, style(item.format))
            elif item.kind == "date":
                sheet.write_datetime(row, col, item.value, style(item.format))
            elif item.kind == "url":
                sheet.write_url(row, col, item.value, style(font_color="#1F4E79", underline=1), string=item.value)
            else:
                text = item.value
                # Text is always a text cell; the quote prefix keeps it text when someone edits the cell.
                extra = {"quote_prefix": True} if looks_like_formula(text) else {}
                if "\n" in text:
                    extra["text_wrap"] = True
                sheet.write_string(row, col, text, style(**extra))
    for col, column in enumerate(table):
        width = 40 if column.name in WIDE else WIDTHS[kinds[col]]
        sheet.set_column(col, col, width)
    sheet.set_row(0, 45)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(entries), 1), len(table) - 1)

    notes = book.add_worksheet(NOTES_SHEET)
    bold, wrap = style(bold=True), style(text_wrap=True)
    day = local_day(stand, timezone).value
    lines = [
        ("Datei", f"{name}.xlsx – {EXPORT_TITLE[kind]} aus dem {site['SITENAME']}"),
        ("Quelle", f"{site['SITENAME']}, {base_url}/"),
        ("Lizenz", f"{licence['title']} – {licence['path']}. Bitte „{site['SITENAME']}“ als Quelle nennen."),
        ("Stand", fmt.partial_date(day.isoformat()) + " (letzte Änderung eines Eintrags)"),
        ("Umfang", f"{len(entries)} Zeilen (ein Eintrag je Zeile, nach Kennung sortiert), {len(table)} Spalten"),
        ("Listen", f"Mehrere Werte in einer Zelle sind durch „{LIST_JOIN.strip()}“ getrennt, Seitenzahlen durch Komma; "
                   "mehrere Hinweise zur Datenlage stehen je auf einer eigenen Zeile der Zelle. Von Listen mit mehreren "
                   f"Angaben (z. B. Kosten, Ergebnisse) stehen hier die Anzahl und der erste Eintrag; alle Angaben "
                   f"enthält {name}.json."),
        ("Zahlen und Daten", "Beträge sind Zahlen in der Währung der Spalte „Währung“. Datumsangaben sind Datumswerte; "
                             "nennt die Quelle nur Jahr oder Monat, zeigt die Zelle nur diese (intern der 1. des Monats "
                             "bzw. der 1. Januar)."),
        ("Für Software", f"Die Datei {name}.csv enthält dieselben Einträge für Auswertungen mit Software."
         if kind == "measure" else f"Die Datei {name}.json enthält alle Angaben für Auswertungen mit Software."),
    ]
    notes.set_column(0, 0, 28)
    notes.set_column(1, 1, 90)
    notes.set_column(2, 2, 22)
    row = 0
    for label, text in lines:
        notes.write_string(row, 0, label, bold)
        notes.write_string(row, 1, text, wrap)
        row += 1
    row += 1
    notes.write_string(row, 0, "Spalte", head)
    notes.write_string(row, 1, "Bedeutung", head)
    notes.write_string(row, 2, "Art", head)
    for col, column in enumerate(table):
        row += 1
        notes.write_string(row, 0, heading(kind, column), wrap)
        notes.write_string(row, 1, column.description or "", wrap)
        notes.write_string(row, 2, KIND_TEXT[kinds[col]], wrap)
    book.close()
    # XlsxWriter's workbook, sheets and formats refer to each other, so their cells (34 MB at 5,000 records)
    # would wait for a full collection, which comes rarely and walks every object; the closed workbook is
    # never used again, and emptying it frees them at once.
    vars(book).clear()
    return buffer.getvalue()


def shape(kind: str, entries: list[dict]) -> tuple[int, int]:
    """(rows, columns) of the data sheet, for /daten/."""
    return len(entries), len(columns(kind))


def shapes(open_data) -> dict:
    """kind -> (rows, columns) of each workbook's data sheet, for /daten/."""
    return {kind: shape(kind, entries) for kind, entries in open_data.entries.items()}


def site_workbooks(open_data, settings, catalogue):
    """(output path, bytes) of the three workbooks, one at a time; dated like the feed (its newest change)."""
    entries = open_data.feed_entries
    stand = entries[0]["changed"] if entries else fallback_updated(catalogue)
    titles = {record.slug: record.title for record in catalogue.programmes}
    for kind, rows in open_data.entries.items():
        data = workbook(kind, rows, site=settings, licence=open_data.licence, base_url=open_data.base_url,
                        titles=titles, stand=stand)
        yield f"{DATA_DIR}/{EXPORT_NAME[kind]}.xlsx", data
