"""The Atom feed of new and changed records (feedgenerator, as Pelican writes feeds) and sitemap.xml (ElementTree)."""

from __future__ import annotations

import datetime
import io
import xml.etree.ElementTree as ET

from feedgenerator import Atom1Feed

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


class CatalogueFeed(Atom1Feed):
    """feedgenerator's Atom feed (as Pelican writes its feeds), with two things of ours: the feed's date is
    given, never "now" (same input, same file), and each entry's category carries its German label."""

    def __init__(self, *args, updated: datetime.datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self.updated = updated

    def latest_post_date(self):
        return self.updated

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("category", "", {"term": item["kind"], "label": item["kind_label"]})


def _moment(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def atom_feed(entries: list[dict], *, title: str, feed_url: str, home_url: str, author: str, updated: str) -> bytes:
    """`entries`: dicts with id, title, url, summary, added, changed, kind, kind_label (dates ISO UTC)."""
    feed = CatalogueFeed(title=title, link=home_url, description="", feed_url=feed_url, feed_guid=feed_url,
                         language="de", author_name=author, updated=_moment(updated),
                         subtitle="Neue und geänderte Datensätze, mit Datum aus der Versionsgeschichte")
    for entry in entries:
        prefix = "Neu" if entry["added"] == entry["changed"] else "Geändert"
        feed.add_item(title=f"{prefix}: {entry['title']}", link=entry["url"], unique_id=entry["url"],
                      description=entry["summary"], pubdate=_moment(entry["added"]), updateddate=_moment(entry["changed"]),
                      kind=entry["kind"], kind_label=entry["kind_label"])
    buffer = io.StringIO()
    feed.write(buffer, "utf-8")
    return buffer.getvalue().encode("utf-8") + b"\n"


def fallback_updated(catalogue) -> str:
    """Without git history the feed is empty; its date is the newest "Stand", so builds still agree."""
    newest = max((str(r.get("as_of")) for r in catalogue.records), default="2000")
    parts = (newest.split("-") + ["01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def site_feed(open_data, settings, catalogue) -> bytes:
    entries = open_data.feed_entries
    updated = entries[0]["changed"] if entries else fallback_updated(catalogue)
    return atom_feed(entries, title=f"{settings['SITENAME']}: neue und geänderte Einträge", feed_url=open_data.feed_url,
                     home_url=f"{open_data.base_url}/", author=settings["AUTHOR"], updated=updated)


def site_sitemap(pages: list[str], open_data) -> bytes:
    """One <url> per HTML page (site-relative addresses), record pages with the date of their last change."""
    lastmod = {entry["url"]: entry["changed"] for entries in open_data.entries.values() for entry in entries
               if entry.get("changed")}
    return sitemap(sorted(pages), open_data.base_url, lastmod)


def sitemap(urls: list[str], base_url: str, lastmod: dict) -> bytes:
    ET.register_namespace("", SITEMAP)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for url in urls:
        absolute = f"{base_url}/{url}"
        element = ET.SubElement(root, f"{{{SITEMAP}}}url")
        ET.SubElement(element, f"{{{SITEMAP}}}loc").text = absolute
        if absolute in lastmod:
            ET.SubElement(element, f"{{{SITEMAP}}}lastmod").text = lastmod[absolute]
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
