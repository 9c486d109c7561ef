"""What of a record is searched, and how much each part counts.

Two lunr indexes: the core ("kern": names, target groups, keywords, provider and place, legal
basis) answers the first query; the full text ("volltext": summary, body and notes) is fetched
alongside and refines the results when it arrives. Both use the same references, so scores add up.
"""

from __future__ import annotations

import html
import re

from plugins.derive.search.german import clean_text

# (field, boost): a hit in a name outweighs one in the summary, which outweighs the body.
CORE_FIELDS = (("title", 10), ("short_name", 10), ("keywords", 6), ("target_groups", 5),
               ("legal_basis", 5), ("place", 3), ("aliases", 2), ("synonyms", 3), ("parts", 1))
FULL_TEXT_FIELDS = (("summary", 2), ("body", 1), ("parts", 0.5))  # synonyms, parts: synonyms.py
NOTE_FIELDS = ("target_group_note", "legal_basis_note", "implementation_note", "funding_note", "staffing")

TAG = re.compile(r"<[^>]+>")


def plain_text(body_html: str) -> str:
    return html.unescape(TAG.sub(" ", str(body_html)))


def _labels(record, field):
    return [record.label_of(field, value) for value in record.get(field) or []]


def core_fields(record) -> dict:
    """The core part's fields; `aliases` stays empty here, SearchIndex fills it from the whole text (aliases.py)."""
    provider = record.get("provider") or {}
    state = record.get("state")
    keywords = list(record.get("keywords") or [])
    keywords += _labels(record, "principles")
    if record.get("measure_type"):
        keywords.append(record.label_of("measure_type", record.get("measure_type")))
    if record.programme:
        keywords += [record.programme.short_name, record.programme.title]
    place = [provider.get("institution", ""), *provider.get("partners", []), record.get("region") or "",
             record.label_of("state", state) if state else ""]
    legal_basis = list(record.get("legal_basis") or [])
    if record.kind == "region":
        legal_basis += (record.get("agreement") or {}).get("legal_basis", [])
    fields = {
        "title": record.title,
        "short_name": record.short_name if record.short_name != record.title else "",
        "keywords": " ".join(keywords),
        "target_groups": " ".join(_labels(record, "target_groups")),
        "legal_basis": " ".join(legal_basis),
        "place": " ".join(part for part in place if part),
        "aliases": "",
        "synonyms": "",
        "parts": "",
    }
    return {name: clean_text(value) for name, value in fields.items()}


def full_text_fields(record) -> dict:
    notes = [record.get(name) or "" for name in NOTE_FIELDS]
    notes += [item.get("description", "") for item in record.get("results") or []]
    notes += list(record.get("notes") or [])
    body = " ".join([plain_text(record.body_html), *notes])
    return {"summary": clean_text(record.get("summary") or ""), "body": clean_text(body), "parts": ""}
