"""Pelican side of keywords: one page /stichwortverzeichnis/ with a section per initial letter."""

from __future__ import annotations

import unicodedata

from pelican import signals
from pelican.generators import Generator

URL = "stichwortverzeichnis/"


def initial(keyword: str) -> str:
    """'Ärztlicher Dienst' -> 'A'; digits and signs -> '#'."""
    letter = unicodedata.normalize("NFKD", keyword.strip()[:1].upper())[:1]
    return letter if "A" <= letter <= "Z" else "#"


def sort_key(keyword: str):
    folded = unicodedata.normalize("NFKD", keyword.casefold()).encode("ascii", "ignore").decode()
    return (folded, keyword)


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


class KeywordIndexGenerator(Generator):
    def generate_output(self, writer):
        sections = keyword_index(self.context["catalogue"].records)
        writer.write_file(f"{URL}index.html", self.get_template("keywords"), self.context,
                          sections=sections, page_url=URL)


def get_generators(pelican_object):
    return KeywordIndexGenerator


def register():
    signals.get_generators.connect(get_generators)
