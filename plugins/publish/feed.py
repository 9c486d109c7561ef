"""The Atom feed of new and changed records, and sitemap.xml; both plain XML written by ElementTree."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

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


def page_urls(output: Path) -> list[str]:
    """Site-relative URL of every HTML page in the output folder, sorted."""
    urls = []
    for file in output.rglob("*.html"):
        relative = file.relative_to(output).as_posix()
        if relative.startswith("theme/"):
            continue
        urls.append(relative.removesuffix("index.html"))
    return sorted(urls)


def last_changed_by_url(output: Path, data_dir: str) -> dict:
    """Record page URL -> time of its last change (UTC), read back from the JSON exports of this build."""
    dates = {}
    for export in sorted((output / data_dir).glob("*.json")):
        document = json.loads(export.read_text(encoding="utf-8"))
        for record in document.get("records", []) if isinstance(document, dict) else []:
            if record.get("changed"):
                dates[record["url"]] = record["changed"]
    return dates


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
