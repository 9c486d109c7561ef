"""plugins.open_data: the exports agree with the records and with each other; the data package,
the JSON Schemas, the JSON-LD, the Atom feed and the sitemap are valid."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

import pelicanconf
from plugins.present import jsonld, licences
from plugins.publish.columns import LIST_SEPARATOR
from plugins.read import schema
from plugins.read.model import build_catalogue, thawed
from plugins.read.reader import read_record
from plugins.read.validate import check_tree

from .conftest import ROOT

# Checked here in the built site (tests/test_meta.py): the files under /daten/, the Atom feed and sitemap.xml.
BUILD_COVERS = ("plugins.publish.exports", "plugins.publish.feed", "plugins.present.open_data", "plugins.publish.pages", "plugins.publish.site", "plugins.publish.writer")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = pelicanconf.PUBLIC_URL
# schema.org properties of GovernmentService (Thing, Service, GovernmentService) used or allowed here
SERVICE_PROPERTIES = {
    "@context", "@type", "@id", "additionalType", "alternateName", "description", "identifier", "image", "name",
    "sameAs", "url", "mainEntityOfPage", "subjectOf", "areaServed", "audience", "availableChannel", "category",
    "isRelatedTo", "provider", "serviceType", "serviceArea", "jurisdiction", "serviceOperator", "termsOfService",
}


@pytest.fixture(scope="module")
def catalogue():
    raws, errors, _ = check_tree(ROOT / "content")
    assert errors == []
    return build_catalogue(raws)


def _json(site, name):
    return json.loads((site / "daten" / name).read_text(encoding="utf-8"))


def _csv_rows(site):
    raw = (site / "daten" / "massnahmen.csv").read_bytes()
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


def _plain(value):
    """Record data as it is after a JSON round trip (YAML dates were kept as text already)."""
    return json.loads(json.dumps(thawed(value)))


def test_json_exports_hold_every_record_with_its_checked_fields(built_site, catalogue):
    for name, records in (("massnahmen.json", catalogue.measures), ("programme.json", catalogue.programmes),
                          ("regionen.json", catalogue.regions)):
        document = _json(built_site, name)
        entries = document["records"]
        assert document["count"] == len(entries) == len(records)
        assert [e["id"] for e in entries] == sorted(r.slug for r in records)
        by_slug = {r.slug: r for r in records}
        for entry in entries:
            record = by_slug[entry["id"]]
            assert entry["data"] == _plain(record.data)
            assert entry["url"] == f"{BASE}/{record.url}"
            assert (ROOT / entry["source_file"]).is_file()
            raw, _ = read_record(ROOT / entry["source_file"], entry["source_file"])
            assert entry["text"] == raw.body.strip(), entry["id"]
    measure_files = sorted(p.stem for p in (ROOT / "content" / "measures").glob("*.md"))
    assert [e["id"] for e in _json(built_site, "massnahmen.json")["records"]] == measure_files


def test_csv_has_one_row_per_measure_with_the_same_values_as_the_json(built_site):
    rows = _csv_rows(built_site)
    entries = _json(built_site, "massnahmen.json")["records"]
    assert [row["id"] for row in rows] == [entry["id"] for entry in entries]
    for row, entry in zip(rows, entries, strict=True):
        data = entry["data"]
        assert row["url"] == entry["url"]
        assert row["title"] == data["title"]
        assert row["summary"] == data["summary"]
        assert row["provider_institution"] == data["provider"]["institution"]
        assert row["state"] == data["state"]
        assert row["as_of"] == data["as_of"]
        assert row["target_groups"].split(LIST_SEPARATOR) == data["target_groups"]
        assert row["principles"].split(LIST_SEPARATOR) == data["principles"]
        assert row["legal_basis"] == LIST_SEPARATOR.join(data.get("legal_basis", []))
        assert row["programme"] == data.get("programme", "")
        assert int(row["cost_per_participant_count"]) == len(data.get("cost_per_participant", []))
        assert int(row["results_count"]) == len(data.get("results", []))
        assert int(row["budget_count"]) == len(data.get("budget", []))
        if data.get("cost_per_participant"):
            first = data["cost_per_participant"][0]
            assert float(row["cost_per_participant_1_amount"]) == first["amount"]
            assert row["cost_per_participant_1_currency"] == first["currency"]
            assert row["cost_per_participant_1_per"] == first["per"]
        else:
            assert row["cost_per_participant_1_amount"] == ""
        assert row["source_pages"] == LIST_SEPARATOR.join(str(p) for p in data["source"].get("pages", []))
        assert row["changed"] == (entry["changed"] or "")
    header = (built_site / "daten" / "massnahmen.csv").read_bytes().split(b"\r\n")[0].decode("utf-8")
    package = _json(built_site, "datapackage.json")
    fields = next(r for r in package["resources"] if r["path"] == "massnahmen.csv")["schema"]["fields"]
    assert header.split(",") == [f["name"] for f in fields]
    assert all(f["title"] and f["description"] for f in fields)


def test_measure_pages_show_what_the_exports_say(built_site):
    for entry in _json(built_site, "massnahmen.json")["records"][:10]:
        html = (built_site / "massnahmen" / entry["id"] / "index.html").read_text(encoding="utf-8")
        assert re.search(rf"<h1[^>]*>{re.escape(_escape(entry['data']['title']))}</h1>", html), entry["id"]


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;").replace("'", "&#39;")


def test_data_package_is_valid_for_frictionless(built_site):
    from frictionless import validate

    report = validate(str(built_site / "daten" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = _json(built_site, "datapackage.json")
    assert package["licenses"][0]["name"] == licences.data_licence(pelicanconf.DATA_LICENSE)["name"]
    for resource in package["resources"]:
        assert (built_site / "daten" / resource["path"]).is_file(), resource["path"]


def test_exports_validate_against_the_published_json_schemas(built_site):
    folder = built_site / "daten" / "schema"
    documents = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}
    assert {"measure.schema.json", "programme.schema.json", "region.schema.json", "common.schema.json"} <= set(documents)
    registry = Registry().with_resources([(d["$id"], Resource.from_contents(d)) for d in documents.values()])
    for export, kind in (("massnahmen.json", "massnahmen"), ("programme.json", "programme"), ("regionen.json", "regionen")):
        validator = Draft202012Validator(documents[f"export-{kind}.schema.json"], registry=registry)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(_json(built_site, export))]
        assert errors == []
    # A broken record must fail the published schema too, or the check above proves nothing.
    broken = _json(built_site, "massnahmen.json")
    broken["records"][0]["data"]["state"] = "Hessen-Nassau"
    validator = Draft202012Validator(documents["export-massnahmen.schema.json"], registry=registry)
    assert any(True for _ in validator.iter_errors(broken))


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks, self._inside = [], False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._inside:
            self.blocks.append("")

    def handle_endtag(self, tag):
        self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def _json_ld(site, record):
    parser = _Scripts()
    parser.feed((site / record.url / "index.html").read_text(encoding="utf-8"))
    return [json.loads(block) for block in parser.blocks]


def test_every_measure_page_has_a_government_service_in_json_ld(built_site, catalogue):
    changed = {e["id"]: e["changed"] for e in _json(built_site, "massnahmen.json")["records"]}
    for record in catalogue.measures:
        [data] = _json_ld(built_site, record)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "GovernmentService"
        assert set(data) <= SERVICE_PROPERTIES, set(data) - SERVICE_PROPERTIES
        assert data["name"] == record.title
        assert data["description"] == record.get("summary")
        assert data["url"] == f"{BASE}/{record.url}"
        assert data["provider"]["name"] == record.get("provider")["institution"]
        assert data["provider"]["@type"] in ("GovernmentOrganization", "Organization")
        assert [a["audienceType"] for a in data["audience"]] == [record.label_of("target_groups", v)
                                                                  for v in record.get("target_groups")]
        assert data["areaServed"][0] == {"@type": "AdministrativeArea", "name": record.label_of("state", record.get("state"))}
        assert data["mainEntityOfPage"]["@type"] == "WebPage"
        if changed[record.slug]:
            moment = datetime.fromisoformat(changed[record.slug].replace("Z", "+00:00"))
            local = moment.astimezone(ZoneInfo(pelicanconf.TIMEZONE)).date().isoformat()
            assert data["mainEntityOfPage"]["dateModified"] == local
    for record in catalogue.programmes:
        assert _json_ld(built_site, record) == []


def test_json_ld_cannot_close_its_script_element():
    hostile = {"name": "</script><script>alert(1)</script><!--", "description": "a & b \u2028"}
    text = str(jsonld.script_safe(hostile))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == hostile


def test_feed_is_atom_with_the_newest_changes_first(built_site):
    root = ET.parse(built_site / "daten" / "aenderungen.atom").getroot()
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{tag}") is not None, tag
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"{BASE}/daten/aenderungen.atom"
    entries = root.findall(f"{ATOM}entry")
    assert 0 < len(entries) <= pelicanconf.FEED_MAX_ITEMS
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert root.find(f"{ATOM}updated").text == updated[0]
    for entry in entries:
        url = entry.find(f"{ATOM}link").get("href")
        assert url.startswith(BASE + "/")
        assert (built_site / url.removeprefix(BASE + "/") / "index.html").is_file()
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", entry.find(f"{ATOM}updated").text)  # RFC 3339, UTC
        assert entry.find(f"{ATOM}category").get("label") in ("Maßnahme", "Programm", "Region")
        assert entry.find(f"{ATOM}title").text.startswith(("Neu: ", "Geändert: "))


def test_sitemap_lists_every_page_and_record_dates(built_site):
    root = ET.parse(built_site / "sitemap.xml").getroot()
    locations = {u.find(f"{SITEMAP}loc").text: u.find(f"{SITEMAP}lastmod") for u in root.findall(f"{SITEMAP}url")}
    pages = sorted(p for p in built_site.rglob("*.html") if not p.relative_to(built_site).as_posix().startswith("theme/"))
    expected = {f"{BASE}/{p.relative_to(built_site).as_posix().removesuffix('index.html')}" for p in pages}
    assert set(locations) == expected
    for entry in _json(built_site, "massnahmen.json")["records"]:
        if entry["changed"]:
            assert locations[entry["url"]].text == entry["changed"]


def test_dictionary_page_documents_every_field_value_and_column(built_site):
    from plugins.publish.columns import measure_columns
    from plugins.publish.dictionary import rows

    # Field paths may break after "_", "." and "/" on a phone (<wbr>, the theme's `breakable` macro).
    html = (built_site / "daten" / "woerterbuch" / "index.html").read_text(encoding="utf-8").replace("<wbr>", "")
    for kind in schema.RECORD_TYPES:
        for row in rows(kind):
            assert f"<code>{row.name}</code>" in html
            for value, _label in row.values:
                assert f"<code>{value}</code>" in html
    assert "<code>target_groups</code>" in html and "<code>budget[].amount</code>" in html
    for column in measure_columns():
        assert f"<code>{column.name}</code>" in html


def test_licence_page_and_data_page_name_the_licence_and_files(built_site):
    licence = (built_site / "daten" / "lizenz" / "index.html").read_text(encoding="utf-8")
    assert licences.data_licence(pelicanconf.DATA_LICENSE)["path"] in licence
    data_page = (built_site / "daten" / "index.html").read_text(encoding="utf-8")
    for name in ("massnahmen.json", "programme.json", "massnahmen.csv", "datapackage.json", "aenderungen.atom",
                 "schema/measure.schema.json"):
        assert f'/daten/{name}"' in data_page, name


def test_hostile_text_stays_data_in_json_ld_and_exports(tmp_path):
    from .conftest import DATA, run_build

    result = run_build(DATA / "hostile" / "content", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "out"
    html = (site / "massnahmen" / "record-with-html-everywhere" / "index.html").read_text(encoding="utf-8")
    parser = _Scripts()
    parser.feed(html)
    [data] = [json.loads(block) for block in parser.blocks]
    assert data["name"] == "<img src=x onerror=alert(1)>"
    assert all("<" not in block for block in parser.blocks)
    export = json.loads((site / "daten" / "massnahmen.json").read_text(encoding="utf-8"))
    entry = next(e for e in export["records"] if e["id"] == "record-with-html-everywhere")
    assert entry["data"]["title"] == "<img src=x onerror=alert(1)>"
    rows = _csv_rows(site)
    assert next(r for r in rows if r["id"] == "record-with-html-everywhere")["title"] == entry["data"]["title"]


def test_a_large_export_is_written_in_pieces_that_make_exactly_its_json():
    """massnahmen.json is written as json's encoder makes it (112 MB less at once at 5,000 records); the
    pieces must add up to the one serialisation, byte for byte."""
    from plugins.publish.exports import dump_chunks, dumps

    value = {"z": [1, 2.5, None, True, "Straße „zitiert“"], "a": {"b": [], "c": {}, "ä": [{"x": -0.0}]}, "n": "\n"}
    pieces = list(dump_chunks(value))
    assert len(pieces) > 10
    assert "".join(pieces) == dumps(value) == json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1,
                                                         separators=(",", ": ")) + "\n"
