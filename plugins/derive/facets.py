"""The facets: each a key, a field and the same result shape (value, label, count, url)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plugins.read import legal, schema
from plugins.read.slugs import slugify


def group_by_value(records, values_of) -> tuple[dict, dict]:
    """({value: [records]}, {value: label}) for a function giving each record's (value, label) pairs;
    facet pages and the list filters group the same way."""
    grouped, labels = {}, {}
    for record in records:
        for value, label in values_of(record):
            grouped.setdefault(value, []).append(record)
            labels[value] = label
    return grouped, labels


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    url: str
    description: str = ""
    records: tuple = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Facet:
    key: str  # URL segment of the facet pages, e.g. "zielgruppen"
    param: str  # query parameter of the list filter, e.g. "zielgruppe"
    field: str  # record field, e.g. "target_groups"
    label: str
    vocabulary: str | None = None  # common.schema.json definition listing every value

    def url(self, value: str) -> str:
        return f"{self.key}/{value}/"

    def values_of(self, record) -> list[tuple[str, str]]:
        """(value, label) pairs of one record for this facet."""
        raw = record.get(self.field)
        if raw is None:
            return []
        items = raw if isinstance(raw, list | tuple) else [raw]
        if self.field == "legal_basis":
            keys = dict.fromkeys(legal.paragraph_key(item) for item in items)
            return [(legal_slug(key), key) for key in keys]
        return [(item, record.label_of(self.field, item)) for item in items]

    def compute(self, records) -> list[FacetValue]:
        """Every value with its records, vocabulary order for vocabularies, else by label."""
        grouped, labels = group_by_value(records, self.values_of)
        descriptions = {}
        if self.vocabulary:
            order = schema.vocabulary(self.vocabulary)
            for entry in order:
                labels.setdefault(entry["const"], entry["title"])
                descriptions[entry["const"]] = entry.get("description", "")
            values = [entry["const"] for entry in order]
        else:
            values = sorted(grouped, key=legal_sort_key if self.field == "legal_basis" else str)
        return [FacetValue(value, labels[value], len(grouped.get(value, [])), self.url(value),
                           descriptions.get(value, ""), tuple(grouped.get(value, [])))
                for value in values]


def legal_slug(paragraph: str) -> str:
    """'§ 16a SGB II' -> '16a-sgb-ii'."""
    return slugify(paragraph)


def legal_sort_key(slug: str):
    number = re.match(r"(\d+)([a-z]?)-(.*)", slug)
    return (number.group(3), int(number.group(1)), number.group(2)) if number else (slug, 0, "")


def _title(kind, field_name):
    return schema.label(kind, field_name)


FACETS = [
    Facet("zielgruppen", "zielgruppe", "target_groups", _title("measure", "target_groups"), "target_group"),
    Facet("handlungsfelder", "handlungsfeld", "principles", _title("measure", "principles"), "principle"),
    Facet("bundeslaender", "land", "state", _title("measure", "state"), "state"),
    Facet("rechtsgrundlagen", "rechtsgrundlage", "legal_basis", _title("measure", "legal_basis")),
]


def facet(key: str) -> Facet:
    return next(f for f in FACETS if f.key == key)
