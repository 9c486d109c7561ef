"""The A–Z keyword index (Stichwortverzeichnis): keywords grouped by initial letter, records sorted by name."""

from __future__ import annotations

from plugins.read.alphabet import initial, sort_key

URL = "stichwortverzeichnis/"


def keyword_index(records) -> list[dict]:
    """[{letter, entries: [{keyword, records}]}] in German alphabetical order, records sorted by name."""
    by_keyword = {}
    for record in records:
        for keyword in record.get("keywords", []):
            by_keyword.setdefault(keyword.strip(), []).append(record)
    sections = {}
    for keyword in sorted(by_keyword, key=sort_key):
        entry = {"keyword": keyword, "records": sorted(by_keyword[keyword], key=lambda r: r.sort_key)}
        sections.setdefault(initial(keyword), []).append(entry)
    letters = sorted(sections, key=lambda letter: (letter == "#", letter))
    return [{"letter": letter, "entries": sections[letter]} for letter in letters]
