"""Validated records and the catalogue that holds them, with their links resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

import markdown
import nh3
from markupsafe import Markup

from plugins.read import schema

URL_PREFIX = {"measure": "massnahmen", "programme": "programme", "region": "regionen"}
KIND_LABEL = {"measure": "Maßnahme", "programme": "Programm", "region": "Region"}

# Markdown bodies come from many hands: keep structure, drop anything that could run or load.
ALLOWED_TAGS = {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i", "a", "blockquote",
                "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "abbr", "dl", "dt", "dd", "hr", "sup", "sub"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "td": set()}


TABLE_SCROLL = '<div class="table-scroll" tabindex="0" role="region" aria-label="Tabelle">'
_converter = None


def render_markdown(text: str) -> str:
    global _converter
    if _converter is None:  # built once: setting up "extra" took a third of the time per record
        _converter = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")
    html = _converter.reset().convert(text)
    html = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener")
    # A table from Markdown scrolls inside its own focusable region on a phone, like the theme's tables.
    html = html.replace("<table>", TABLE_SCROLL + "<table>").replace("</table>", "</table></div>")
    return Markup(html)  # sanitised above (the wrapper is ours), so templates may insert it as HTML


@dataclass(eq=False)
class Record:
    kind: str
    slug: str
    data: dict
    body_html: str
    path: str
    programme: "Record | None" = None
    parent: "Record | None" = None
    children: list = field(default_factory=list)
    measures: list = field(default_factory=list)
    implementations: list = field(default_factory=list)  # (region, implementation) or (programme, implementation)

    @property
    def url(self) -> str:
        return f"{URL_PREFIX[self.kind]}/{self.slug}/"

    @property
    def title(self) -> str:
        return self.data["title"]

    @property
    def short_name(self) -> str:
        return self.data.get("short_name") or self.data["title"]

    @property
    def kind_label(self) -> str:
        return KIND_LABEL[self.kind]

    def get(self, key, default=None):
        return self.data.get(key, default)

    def label_of(self, field_path, value) -> str:
        """German label of a vocabulary value at a field path such as "state" or ("provider", "kind")."""
        path = (field_path,) if isinstance(field_path, str) else tuple(field_path)
        return schema.labels_at(self.kind, path).get(value, value)

    @property
    def sort_key(self):
        return (self.short_name.casefold(), self.slug)


@dataclass
class Catalogue:
    measures: list
    programmes: list
    regions: list = field(default_factory=list)

    @property
    def records(self):
        return self.measures + self.programmes + self.regions

    def by_slug(self, slug):
        return next((record for record in self.records if record.slug == slug), None)


def build_catalogue(raws: dict) -> Catalogue:
    """Turn checked raw records into Records and resolve programme links both ways."""
    built = {kind: [Record(kind, raw.slug, raw.data, render_markdown(raw.body), raw.path) for raw in items]
             for kind, items in raws.items()}
    programmes = {record.slug: record for record in built.get("programme", [])}
    for record in built.get("programme", []):
        record.parent = programmes.get(record.data.get("parent"))
        if record.parent:
            record.parent.children.append(record)
    for record in built.get("measure", []):
        record.programme = programmes.get(record.data.get("programme"))
        if record.programme:
            record.programme.measures.append(record)
    for region in built.get("region", []):
        for implementation in region.data.get("implementations", []):
            programme = programmes[implementation["programme"]]
            region.implementations.append((programme, implementation))
            programme.implementations.append((region, implementation))
    for record in built.get("programme", []):
        record.children.sort(key=lambda r: r.sort_key)
        record.measures.sort(key=lambda r: r.sort_key)
        record.implementations.sort(key=lambda pair: pair[0].sort_key)
    return Catalogue(*(sorted(built.get(kind, []), key=lambda r: r.sort_key) for kind in ("measure", "programme", "region")))
