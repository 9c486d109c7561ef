"""The Atom feed of new and changed records, and sitemap.xml; both plain XML written by ElementTree."""

from __future__ import annotations

import xml.etree.ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def atom_feed(entries: list[dict], *, title: str, feed_url: str, home_url: str, author: str, updated: str) -> bytes:
    """`entries`: dicts with id, title, url, summary, added, changed, kind_label (dates ISO UTC)."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "de"})

    def sub(parent, tag, text=None, **attributes):
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if text is not None:
            element.text = text
        return element

    sub(root, "id", feed_url)
    sub(root, "title", title)
    sub(root, "subtitle", "Neue und geänderte Datensätze, mit Datum aus der Versionsgeschichte")
    sub(root, "updated", updated)
    sub(root, "link", rel="self", type="application/atom+xml", href=feed_url)
    sub(root, "link", rel="alternate", type="text/html", href=home_url)
    sub(sub(root, "author"), "name", author)
    for entry in entries:
        element = sub(root, "entry")
        sub(element, "id", entry["url"])
        prefix = "Neu" if entry["added"] == entry["changed"] else "Geändert"
        sub(element, "title", f"{prefix}: {entry['title']}")
        sub(element, "link", rel="alternate", type="text/html", href=entry["url"])
        sub(element, "published", entry["added"])
        sub(element, "updated", entry["changed"])
        sub(element, "category", term=entry["kind"], label=entry["kind_label"])
        sub(element, "summary", entry["summary"])
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


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
