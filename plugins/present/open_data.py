"""What /daten/, the feed, the edit links and the JSON-LD show of each record, computed once per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from plugins.present import corrections, fmt, jsonld, licences
from plugins.read.history import iso_utc, local_date
from plugins.read.model import KIND_LABEL, thawed

DATA_DIR = "daten"
FEED_PATH = "daten/aenderungen.atom"
REPORT_TEMPLATE = "fehler-melden.yml"


@dataclass
class RecordLinks:
    source_file: str
    edit_url: str
    report_url: str
    changed_date: str | None = None  # ISO date in the site's time zone
    changed_text: str | None = None  # German, e.g. 08.04.2025
    report_mail_url: str = ""  # „Fehler per E-Mail melden“ (present/corrections.py)


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


def record_entry(record, site_url: str, history, amounts=()) -> dict:
    """One record as published: its checked fields untouched under "data", the rest beside them;
    "amounts_in_euro": every amount in euros and base-year prices with the arithmetic (ConversionText)."""
    dates = history.of(record.file)
    return {
        "id": record.slug,
        "url": f"{site_url}/{record.url}",
        "source_file": history.repo_path(record.file) or record.path,
        "added": iso_utc(dates.added) if dates else None,
        "changed": iso_utc(dates.changed) if dates else None,
        "data": thawed(record.data),
        "text": record.body,
        "amounts_in_euro": [amount.export() for amount in amounts],
    }


def open_data(sources, settings, money=None) -> OpenData:
    """`money`: record slug -> (ConversionText, …), from the cost report."""
    catalogue, history = sources.catalogue, sources.history
    url = base_url(settings)
    licence = licences.data_licence(settings.get("DATA_LICENSE"))
    data = OpenData(url, f"{url}/{FEED_PATH}", {key: licence[key] for key in ("name", "title", "path")},
                    history_note=history.note, licence_attribution=licence["attribution"])
    branch = settings.get("REPOSITORY_BRANCH", "main")
    for kind, records in (("measure", catalogue.measures), ("programme", catalogue.programmes),
                          ("region", catalogue.regions)):
        entries = []
        for record in sorted(records, key=lambda r: r.slug):
            entry = record_entry(record, url, history, (money or {}).get(record.slug, ()))
            entries.append(entry)
            dates = history.of(record.file)
            links = RecordLinks(entry["source_file"], f"{settings['REPOSITORY_URL']}/edit/{branch}/{entry['source_file']}",
                                _report_url(settings, record, entry["source_file"], entry["url"]),
                                report_mail_url=corrections.report_mail_url(settings, record, entry["source_file"], entry["url"]))
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
    return data
