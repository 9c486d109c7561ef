"""SearchIndex: takes records, builds the lunr indexes and the display store, gives deterministic JSON."""

from __future__ import annotations

import gzip
import json
from array import array
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

from plugins.derive.evidence import evidence
from plugins.derive.search import compact, german
from plugins.derive.search.aliases import Aliases
from plugins.derive.search.documents import CORE_FIELDS, FULL_TEXT_FIELDS, core_fields, full_text_fields
from plugins.derive.search.query import Part
from plugins.derive.search.synonyms import Synonyms, enrich


def dumps(data) -> bytes:
    """The one JSON form every search file is written in: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def gzip_size(data: bytes) -> int:
    """Bytes sent with gzip at level 6 (gzip's default and a web server's usual setting; docs/benchmark.md
    measures pages the same way)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def _builder(fields, documents):
    builder = german.builder()
    builder.ref("ref")
    for name, boost in fields:
        builder.field(name, boost=boost)
    for document in documents:
        builder.add({"ref": document["ref"], **{name: german.words(document[name]) for name, _ in fields}})
    return builder


def compact_index(fields, documents) -> dict:
    """The compact index (compact.py) straight from the documents: what lunr.py's Builder would give.

    Only term frequencies per record and field go into the compact form, so they are counted here
    directly; the Builder's field vectors, token set and per-token metadata copies (most of the
    index build's time) are never used. tests/test_search_plugin.py holds this to `compact(_builder(…))`.
    """
    names = [name for name, _ in fields]
    # term -> per field the refs and counts, alternating, in an array: records come in order of their
    # reference, so each list is sorted as it grows. A dict per term and field held 50 MB at 5,000 records.
    postings = {}
    index_term = german.index_term
    for ref, document in enumerate(documents):
        if int(document["ref"]) != ref:
            raise ValueError("references must be 0, 1, 2, … in the order the records were added")
        for field_number, name in enumerate(names):
            for term, count in Counter(map(index_term, german.words(document[name]))).items():
                if term is None:
                    continue
                per_field = postings.get(term)
                if per_field is None:
                    per_field = postings[term] = [None] * len(names)
                if per_field[field_number] is None:
                    per_field[field_number] = array("l")
                per_field[field_number].extend((ref, count))
    terms = sorted(term for term in postings if compact.bmp_only(term))
    lengths = [[0] * len(documents) for _ in names]
    encoded = []
    for term in terms:
        per_field = []
        for field_number, flat in enumerate(postings[term]):
            pairs = list(zip(flat[::2], flat[1::2], strict=True)) if flat is not None else []
            row = lengths[field_number]
            for ref, count in pairs:
                row[ref] += count
            per_field.append(compact.encode(pairs))
        encoded.append(per_field)
    return {"format": compact.FORMAT, "version": "2.3.9", "fields": names, "boosts": [boost for _, boost in fields],
            "pipeline": german.search_pipeline(), "documents": len(documents),
            "terms": terms, "postings": encoded, "lengths": lengths}


def display_entry(record, costs=None) -> dict:
    """What a result card shows: names, type, provider, Land, target groups, Stand and where it links;
    for a measure also its cost per participant in whole EUR of the build's base year (None: no
    comparable figure; `costs` is derive's one cost computation) and its evidence level.
    The words of a card (units, „ohne vergleichbare Angabe“, dates) are search.js's
    (lib/result-card.js), so each record carries only data."""
    provider = record.get("provider") or {}
    state = record.get("state")
    entry = {"url": record.url, "title": record.title, "short": record.short_name if record.short_name != record.title else "",
             "type": record.kind, "kind": record.kind_label, "provider": provider.get("institution", ""),
             "land": record.label_of("state", state) if state else "",
             "groups": [record.label_of("target_groups", value) for value in record.get("target_groups") or []],
             "as_of": record.get("as_of") or ""}
    if record.kind == "measure":
        summary = costs.get(record.slug) if costs is not None else None
        figure = summary.participation if summary else None
        entry["cost"] = int(figure.value.quantize(Decimal(1), rounding=ROUND_HALF_UP)) if figure else None
        entry["evidence"] = evidence(record).label
    return entry


class SearchIndex:
    """Records in, index parts out; a record's reference is its position in `records`."""

    def __init__(self, records, aliases: Aliases | None = None, synonyms: Synonyms | None = None,
                 costs=None, base_year: int | None = None):
        self.records = list(records)
        self.costs, self.base_year = costs, base_year  # derived.costs and its base year, for the cards
        self.aliases = aliases or Aliases()
        self.synonyms = synonyms

    def build(self) -> dict:
        """{"kern": …, "volltext": …}: the compact index parts, plus the display store for each part."""
        core, full = [], []
        for ref, record in enumerate(self.records):
            core_text, full_text = core_fields(record), full_text_fields(record)
            core_text["aliases"] = german.clean_text(self.aliases.of(" ".join([*core_text.values(), *full_text.values()])))
            core.append({"ref": str(ref), **core_text})
            full.append({"ref": str(ref), **full_text})
        enrich(core, full, self.synonyms)  # compound parts and thesaurus words (synonyms.py)
        kern = compact_index(CORE_FIELDS, core)
        del core  # the full-text index is the larger one; it is built without the core documents in memory
        volltext = compact_index(FULL_TEXT_FIELDS, full)
        return {
            "kern": {"index": kern, "base_year": self.base_year,
                     "records": [display_entry(record, self.costs) for record in self.records]},
            "volltext": {"index": volltext, "summaries": [record.get("summary") or "" for record in self.records]},
        }

    @staticmethod
    def load(part: dict) -> Part:
        """A part's index as the browser loads it: from its JSON, ready for query.search."""
        return Part(json.loads(dumps(part["index"])))
