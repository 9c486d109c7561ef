"""/daten/*.xlsx read back with openpyxl: German headings, labels, numbers and dates as such, frozen
header, autofilter, the explanations sheet; byte-identical on rebuild; record text that looks like a
formula stays text in the XLSX and is neutralised in the CSV."""

from __future__ import annotations

import csv
import datetime
import io
import json
import shutil
import xml.etree.ElementTree as ET
import zipfile

import openpyxl
import pytest

from plugins.publish import xlsx
from plugins.publish.cells import FORMULA_STARTS, csv_safe, looks_like_formula
from plugins.publish.exports import EXPORT_NAME

from .conftest import DATA, ROOT, run_build

KINDS = ["measure", "programme", "region"]


def _book(site, kind):
    return openpyxl.load_workbook(site / "daten" / f"{EXPORT_NAME[kind]}.xlsx")


def _records(site, kind):
    return json.loads((site / "daten" / f"{EXPORT_NAME[kind]}.json").read_text(encoding="utf-8"))["records"]


@pytest.mark.parametrize("kind", KINDS)
def test_xlsx_has_one_row_per_record_german_headings_frozen_header_and_filter(built_site, kind):
    book = _book(built_site, kind)
    assert book.sheetnames == [xlsx.SHEET_TITLE[kind], "Erläuterungen"]
    sheet = book[xlsx.SHEET_TITLE[kind]]
    records = _records(built_site, kind)
    columns = xlsx.columns(kind)
    headings = [c.value for c in sheet[1]]
    assert headings == [xlsx.heading(kind, column) for column in columns]
    assert headings[:3] == ["Kennung", "Adresse", "Titel"]
    assert not any("_" in heading for heading in headings), "no snake_case names for people"
    assert sheet.max_row == len(records) + 1 and sheet.max_column == len(columns)
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [r["id"] for r in records]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(columns))}{len(records) + 1}"
    # every column has one type of value
    for index, column in enumerate(columns):
        kinds = {type(row[index].value) for row in sheet.iter_rows(min_row=2)} - {type(None)}
        expected = xlsx.column_kind(kind, column)
        allowed = {"number": {int, float}, "date": {datetime.datetime}, "text": {str}, "url": {str}}[expected]
        assert kinds <= allowed, (column.name, kinds)


def test_measures_sheet_shows_labels_numbers_and_dates(built_site):
    sheet = _book(built_site, "measure")["Maßnahmen"]
    headings = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "jumita")
    cell = dict(zip(headings, row, strict=True))
    cost = cell["Kosten je Teilnehmer/-in, 1. Eintrag: Betrag"]
    assert cost.value == 7333.44 and cost.data_type == "n"  # JUMITA: 7.333,44 € in a German Excel
    assert cost.number_format == '#,##0.00 "€"'
    assert cell["Kosten je Teilnehmer/-in, 1. Eintrag: Preisjahr"].value == 2012
    assert cell["Kosten je Teilnehmer/-in, 1. Eintrag: Preisjahr"].number_format == "0"  # not 2.012
    assert cell["Mittelvolumen, 1. Eintrag: Betrag"].value == 117335.04
    assert cell["Bundesland"].value == "Niedersachsen"
    assert cell["Träger: Art des Trägers"].value == "Zugelassener kommunaler Träger (Jobcenter)"
    assert "Alleinerziehende" in cell["Zielgruppen"].value and "|" not in cell["Zielgruppen"].value
    assert cell["Kosten je Teilnehmer/-in, 1. Eintrag: Herkunft"].value != "derived"  # a label, not the slug
    start = cell["Laufzeit: Beginn"]
    assert start.value == datetime.datetime(2012, 10, 1) and start.number_format == "dd.mm.yyyy"
    assert cell["Stand"].value == datetime.datetime(2013, 1, 1) and cell["Stand"].number_format == "yyyy"
    assert cell["Quelle: Seiten"].value == "47, 48, 49, 50"
    assert isinstance(cell["Zuletzt geändert am"].value, datetime.datetime)
    measures = {r["id"]: r for r in _records(built_site, "measure")}
    with_programme = next(r for r in measures.values() if r["data"].get("programme"))
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == with_programme["id"])
    titles = {r["id"]: r["data"]["title"] for r in _records(built_site, "programme")}
    assert dict(zip(headings, row, strict=True))["Programm"].value == titles[with_programme["data"]["programme"]]


def test_explanations_sheet_names_source_licence_stand_and_every_column(built_site):
    book = _book(built_site, "measure")
    rows = [tuple(c.value for c in row) for row in book["Erläuterungen"].iter_rows()]
    start = rows.index(("Spalte", "Bedeutung", "Art"))
    labels = {row[0]: row[1] for row in rows[:start] if row[0]}
    assert "Creative Commons" in labels["Lizenz"] and "https://" in labels["Quelle"]
    assert labels["Stand"][:10].count(".") == 2
    assert labels["Umfang"].startswith(f"{len(_records(built_site, 'measure'))} Zeilen")
    explained = [row[0] for row in rows[start + 1:]]
    assert explained == [c.value for c in book["Maßnahmen"][1]]
    assert all(row[1] for row in rows[start + 1:])
    assert book.properties.creator == "Redaktion Praxiskatalog"


def test_xlsx_files_are_byte_identical_on_rebuild(tmp_path, built_site):
    again = tmp_path / "again"
    result = run_build(ROOT / "content", again)
    assert result.returncode == 0, result.stderr
    for kind in KINDS:
        name = f"daten/{EXPORT_NAME[kind]}.xlsx"
        assert (built_site / name).read_bytes() == (again / name).read_bytes(), name
    with zipfile.ZipFile(built_site / "daten" / "massnahmen.xlsx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    # the document's date is the catalogue's newest change (the feed's date), never the time of the build
    feed = ET.parse(built_site / "daten" / "aenderungen.atom").getroot()
    updated = datetime.datetime.fromisoformat(feed.find("{http://www.w3.org/2005/Atom}updated").text.replace("Z", "+00:00"))
    stamp = updated.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert f">{stamp}</dcterms:created>" in core and f">{stamp}</dcterms:modified>" in core


# ---------------------------------------------------------------- formula injection

HOSTILE = {
    "title": "=HYPERLINK(\"https://example.org\";\"Klick\")",
    "short_name": "+49 Maßnahme",
    "summary": "-1+1 ist eine Zusammenfassung, die wie eine Formel beginnt.",
    "region": "@SUMME(A1:A9)",
}


def test_record_text_that_looks_like_a_formula_stays_text_in_xlsx_and_csv(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DATA / "good_minimal" / "content", content)
    record = content / "measures" / "gute-massnahme.md"
    text = record.read_text(encoding="utf-8")
    text = text.replace('title: "Gute Maßnahme"', "title: " + json.dumps(HOSTILE["title"]) +
                        "\nshort_name: " + json.dumps(HOSTILE["short_name"]))
    text = text.replace('summary: "Eine kurze Zusammenfassung für den Test."', "summary: " + json.dumps(HOSTILE["summary"]))
    text = text.replace("state: hessen", "state: hessen\nregion: " + json.dumps(HOSTILE["region"]))
    record.write_text(text, encoding="utf-8")
    result = run_build(content, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "out"

    book = openpyxl.load_workbook(site / "daten" / "massnahmen.xlsx")
    sheet = book["Maßnahmen"]
    cells = dict(zip([c.value for c in sheet[1]], sheet[2], strict=True))
    for field, heading in (("title", "Titel"), ("short_name", "Kurzname"), ("summary", "Zusammenfassung"),
                           ("region", "Region")):
        cell = cells[heading]
        assert cell.value == HOSTILE[field] and cell.data_type == "s", heading
        assert cell.quotePrefix, heading
    with zipfile.ZipFile(site / "daten" / "massnahmen.xlsx") as archive:
        sheets = [archive.read(name).decode() for name in archive.namelist() if name.startswith("xl/worksheets/")]
    assert all("<f>" not in xml and "<f " not in xml for xml in sheets)

    rows = list(csv.DictReader(io.StringIO((site / "daten" / "massnahmen.csv").read_text(encoding="utf-8"), newline="")))
    for field, value in HOSTILE.items():
        assert rows[0][field] == "'" + value, field
    # numbers and ordinary text are untouched
    assert rows[0]["cost_per_participant_1_amount"] == "5250"
    assert rows[0]["state"] == "hessen"


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_csv_safe_neutralises_every_formula_start(start):
    assert looks_like_formula(start + "1") and csv_safe(start + "1") == "'" + start + "1"
    assert csv_safe("Jobcenter " + start) == "Jobcenter " + start


def test_a_finished_workbook_is_freed_at_once_not_at_some_later_collection(monkeypatch):
    """XlsxWriter's workbook, sheets and formats refer to each other; without help their cells (34 MB at
    5,000 records) stayed in memory until a full collection, which in a large build comes rarely."""
    import gc
    import weakref

    import xlsxwriter

    made = []

    class Tracked(xlsxwriter.Workbook):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(weakref.ref(self))

    monkeypatch.setattr(xlsxwriter, "Workbook", Tracked)
    site = {"SITENAME": "Praxiskatalog", "SITESUBTITLE": "Test", "AUTHOR": "Redaktion", "TIMEZONE": "Europe/Berlin"}
    licence = {"title": "CC BY 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
    gc.disable()
    try:
        data = xlsx.workbook("measure", [], site=site, licence=licence, base_url="https://example.org", titles={},
                             stand="2026-01-01T00:00:00Z")
        assert data.startswith(b"PK") and len(made) == 1
        assert made[0]() is None, "das Arbeitsbuch lebt weiter, bis eine volle Sammlung kommt"
    finally:
        gc.enable()
