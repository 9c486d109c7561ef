"""Pelican side of open_data: gather dates from git, compute the exports once, then write /daten/,
/mitmachen/, the feed and (after every other page is written) sitemap.xml."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

from pelican import signals
from pelican.generators import Generator

from plugins.present import fmt
from plugins.read import schema
from plugins.read.model import KIND_LABEL
from plugins.read.validate import EMAIL, PHONE
from plugins.publish import dictionary, exports, feed, jsonld, notices, xlsx
from plugins.present.form import form_fields
from plugins.read.history import iso_utc, local_date, read_history

FEED_PATH = "daten/aenderungen.atom"
REPORT_TEMPLATE = "fehler-melden.yml"


@dataclass
class RecordLinks:
    source_file: str
    edit_url: str
    report_url: str
    changed_date: str | None = None  # ISO date in the site's time zone
    changed_text: str | None = None  # German, e.g. 08.04.2025


@dataclass
class OpenData:
    """What templates and the writer need; shared through context["open_data"]."""

    base_url: str
    feed_url: str
    licence: dict
    feed_path: str = FEED_PATH
    entries: dict = field(default_factory=dict)  # kind -> [export entry]
    links: dict = field(default_factory=dict)  # slug -> RecordLinks
    json_ld: dict = field(default_factory=dict)  # slug -> Markup
    history_note: str = ""
    feed_entries: list = field(default_factory=list)
    licence_attribution: bool = True  # the data licence asks to name the source


def base_url(settings) -> str:
    """Absolute site address: SITEURL when publishing, PUBLIC_URL in a local build (sitemap and feed need one)."""
    return (settings.get("SITEURL") or settings.get("PUBLIC_URL") or "").rstrip("/")


def _report_url(settings, record, links_source: str, page_url: str) -> str:
    query = urlencode({"template": REPORT_TEMPLATE, "title": f"Fehler: {record.short_name}",
                       "datensatz": f"{links_source} ({page_url})"}, quote_via=quote)
    return f"{settings['REPOSITORY_URL']}/issues/new?{query}"


class OpenDataGenerator(Generator):
    def generate_context(self):
        catalogue = self.context["catalogue"]
        settings = self.settings
        url = base_url(settings)
        content_root = Path(self.path)
        history = read_history(content_root)
        if history.note:
            print(f"Hinweis: {history.note}", file=sys.stderr)  # shown like the records' messages, not as a log line
        licence = notices.data_licence(settings.get("DATA_LICENSE"))
        data = OpenData(url, f"{url}/{FEED_PATH}", {key: licence[key] for key in ("name", "title", "path")},
                        history_note=history.note, licence_attribution=licence["attribution"])
        branch = settings.get("REPOSITORY_BRANCH", "main")
        for kind, records in (("measure", catalogue.measures), ("programme", catalogue.programmes),
                              ("region", catalogue.regions)):
            entries = []
            for record in sorted(records, key=lambda r: r.slug):
                entry = exports.record_entry(record, url, history, content_root)
                entries.append(entry)
                dates = history.of(exports.record_file(record, content_root))
                links = RecordLinks(entry["source_file"], f"{settings['REPOSITORY_URL']}/edit/{branch}/{entry['source_file']}",
                                    _report_url(settings, record, entry["source_file"], entry["url"]))
                if dates:
                    day = local_date(dates.changed, settings["TIMEZONE"]).isoformat()
                    links.changed_date, links.changed_text = day, fmt.partial_date(day)
                    data.feed_entries.append({"id": record.slug, "title": record.title, "url": entry["url"],
                                              "summary": record.get("summary"), "kind": kind,
                                              "kind_label": KIND_LABEL[kind], "added": iso_utc(dates.added),
                                              "changed": iso_utc(dates.changed)})
                data.links[record.slug] = links
                if kind == "measure":
                    data.json_ld[record.slug] = jsonld.script_safe(
                        jsonld.government_service(record, entry["url"], links.changed_date))
            data.entries[kind] = entries
        data.feed_entries.sort(key=lambda e: (e["changed"], e["id"]), reverse=True)
        data.feed_entries = data.feed_entries[: settings.get("FEED_MAX_ITEMS") or 50]
        self.context["open_data"] = data
        self.context.setdefault("build_summary", []).append(
            f"offene Daten: {sum(len(v) for v in data.entries.values())} Datensätze, Feed mit {len(data.feed_entries)} Einträgen")

    def _write(self, relative: str, content: bytes):
        target = Path(self.output_path) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

    def generate_output(self, writer):
        data, catalogue = self.context["open_data"], self.context["catalogue"]
        folder = exports.DATA_DIR
        counts = {kind: len(entries) for kind, entries in data.entries.items()}
        for kind, entries in data.entries.items():
            document = exports.export_document(kind, entries, data.base_url, data.licence)
            self._write(f"{folder}/{exports.EXPORT_NAME[kind]}.json", exports.dumps(document).encode())
        self._write(f"{folder}/massnahmen.csv", exports.csv_text(data.entries["measure"]).encode())
        for name, document in exports.published_schemas(data.base_url).items():
            self._write(f"{folder}/{exports.SCHEMA_DIR}/{name}", exports.dumps(document).encode())
        package = exports.datapackage(data.base_url, self.settings, data.licence, counts)
        self._write(f"{folder}/datapackage.json", exports.dumps(package).encode())
        updated = data.feed_entries[0]["changed"] if data.feed_entries else _fallback_updated(catalogue)
        titles = {record.slug: record.title for record in catalogue.programmes}
        for kind, entries in data.entries.items():
            self._write(f"{folder}/{exports.EXPORT_NAME[kind]}.xlsx", xlsx.workbook(
                kind, entries, site=self.settings, licence=data.licence, base_url=data.base_url, titles=titles, stand=updated))
        shapes = {kind: xlsx.shape(kind, entries) for kind, entries in data.entries.items()}
        self._write(FEED_PATH, feed.atom_feed(data.feed_entries, title=f"{self.settings['SITENAME']}: neue und geänderte Einträge",
                                              feed_url=data.feed_url, home_url=f"{data.base_url}/",
                                              author=self.settings["AUTHOR"], updated=updated))
        pages = (
            ("daten/", "daten", {"package": package, "counts": counts, "shapes": shapes,
                                 "csv_columns": len(dictionary.csv_columns())}),
            ("daten/woerterbuch/", "daten_woerterbuch", {"sections": dictionary.sections(),
                                                          "columns": dictionary.csv_columns()}),
            ("daten/lizenz/", "daten_lizenz", {"sources": schema.vocabulary_entries(("source", "document"))}),
            (notices.PAGE, "lizenzen", {"components": notices.components(notices.vendor_folder(self.settings["THEME"]))}),
            ("mitmachen/", "mitmachen", {
                "fields": form_fields("measure", {("programme",): [(p.slug, p.title) for p in
                                                                   sorted(catalogue.programmes, key=lambda p: p.slug)]}),
                "contact_patterns": [EMAIL.pattern, PHONE.pattern]}),
        )
        for url, template, extra in pages:
            writer.write_file(f"{url}index.html", self.get_template(template), self.context, page_url=url, **extra)


def _fallback_updated(catalogue) -> str:
    """Without git history the feed is empty; its date is the newest "Stand", so builds still agree."""
    newest = max((str(r.get("as_of")) for r in catalogue.records), default="2000")
    parts = (newest.split("-") + ["01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def write_sitemap(pelican_object):
    """After every generator has written its pages: one <url> per HTML page, record pages with lastmod."""
    settings = pelican_object.settings
    # Signals outlive a build; in a process that later builds without this plugin, stay out of the way.
    if not any(getattr(p, "__name__", p) == "plugins.publish" for p in settings.get("PLUGINS", [])):
        return
    output = Path(pelican_object.output_path)
    url = base_url(settings)
    lastmod = feed.last_changed_by_url(output, exports.DATA_DIR)
    (output / "sitemap.xml").write_bytes(feed.sitemap(feed.page_urls(output), url, lastmod))


def get_generators(pelican_object):
    return OpenDataGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(write_sitemap)
