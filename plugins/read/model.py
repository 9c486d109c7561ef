"""Validated records and the catalogue that holds them, with their links resolved."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import markdown
import nh3
from markupsafe import Markup

from plugins.concurrency import halves, start
from plugins.read import schema

URL_PREFIX = {"measure": "massnahmen", "programme": "programme", "region": "regionen"}
KIND_LABEL = {"measure": "Maßnahme", "programme": "Programm", "region": "Region"}

# Markdown bodies come from many hands: keep structure, drop anything that could run or load.
ALLOWED_TAGS = {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i", "a", "blockquote",
                "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "abbr", "dl", "dt", "dd", "hr", "sup", "sub"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "td": set()}


PARALLEL_FROM = 200  # below this many bodies a second process costs more than it saves
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


def frozen(value):
    """A deep read-only copy of checked YAML data: mappings become MappingProxyType, lists tuples."""
    if isinstance(value, dict):
        return MappingProxyType({key: frozen(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(frozen(item) for item in value)
    return value


def thawed(value):
    """Plain dicts and lists again, for JSON and YAML writers."""
    if isinstance(value, MappingProxyType | dict):
        return {key: thawed(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [thawed(item) for item in value]
    return value


@dataclass(frozen=True, eq=False)
class Record:
    """One checked record. Immutable: the links between records are set once, while the catalogue is built."""

    kind: str
    slug: str
    data: MappingProxyType
    body: str  # the Markdown below the front matter, as written
    body_html: str
    path: str  # as shown in messages, relative to the project
    file: Path | None = None  # the source file
    programme: Record | None = None
    parent: Record | None = None
    children: tuple = ()
    measures: tuple = ()
    implementations: tuple = ()  # (region, implementation) or (programme, implementation)

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


@dataclass(frozen=True)
class Catalogue:
    measures: tuple
    programmes: tuple
    regions: tuple = ()

    @property
    def records(self):
        return self.measures + self.programmes + self.regions

    def by_slug(self, slug):
        return next((record for record in self.records if record.slug == slug), None)


def _link(record: Record, **links) -> None:
    for name, value in links.items():
        object.__setattr__(record, name, value)  # only here, before anyone else holds the record


def _rendered(bodies: list) -> list:
    return [render_markdown(body) for body in bodies]


def build_catalogue(raws: dict, parallel: bool = False) -> Catalogue:
    """Turn checked raw records into Records and resolve programme links both ways.

    `parallel`: half of the Markdown bodies are rendered in a forked child (plugins/concurrency.py).
    """
    every = [raw for items in raws.values() for raw in items]
    bodies = [raw.body for raw in every if raw.body_html is None]
    if parallel and len(bodies) >= PARALLEL_FROM:
        first, second = halves(bodies)
        rest = start(_rendered, second)
        html = _rendered(first) + rest()
    else:
        html = _rendered(bodies)
    rendered = iter(html)
    html_of = {id(raw): raw.body_html if raw.body_html is not None else next(rendered) for raw in every}
    built = {kind: [Record(kind, raw.slug, frozen(raw.data), raw.body.strip(), html_of[id(raw)], raw.path, raw.file)
                    for raw in items]
             for kind, items in raws.items()}
    programmes = {record.slug: record for record in built.get("programme", [])}
    children, members, implementations = {}, {}, {}
    for record in built.get("programme", []):
        parent = programmes.get(record.data.get("parent"))
        _link(record, parent=parent)
        if parent:
            children.setdefault(parent.slug, []).append(record)
    for record in built.get("measure", []):
        programme = programmes.get(record.data.get("programme"))
        _link(record, programme=programme)
        if programme:
            members.setdefault(programme.slug, []).append(record)
    for region in built.get("region", []):
        pairs = []
        for implementation in region.data.get("implementations", ()):
            programme = programmes[implementation["programme"]]
            pairs.append((programme, implementation))
            implementations.setdefault(programme.slug, []).append((region, implementation))
        _link(region, implementations=tuple(pairs))
    for record in built.get("programme", []):
        _link(record, children=tuple(sorted(children.get(record.slug, []), key=lambda r: r.sort_key)),
              measures=tuple(sorted(members.get(record.slug, []), key=lambda r: r.sort_key)),
              implementations=tuple(sorted(implementations.get(record.slug, []), key=lambda pair: pair[0].sort_key)))
    return Catalogue(*(tuple(sorted(built.get(kind, []), key=lambda r: r.sort_key))
                       for kind in ("measure", "programme", "region")))
