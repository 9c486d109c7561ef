"""plugins.glossary covers the records: every abbreviation a record uses is explained or a known name.

An abbreviation is any word with two or more capitals (ESF, BvB, MoZArT), a capital and a digit
(U25, Ü50), or a lower-case start with a capital inside (eLb, zkT, mbH) – wider than the issue's
floor of all-caps words of two to five letters. Roman numerals (II in "Teil II") are not
abbreviations. Names such as JUMITA or IMBUS are allowed through the `names` list of
content/glossary.yaml, so editors extend the allow-list in the same file as the glossary.
"""

from __future__ import annotations

import re

import pytest

from plugins.present.abbreviations import form_pattern
from plugins.read import schema
from plugins.read.glossary import load_glossary
from plugins.read.validate import check_tree

from .conftest import ROOT

WORD = re.compile(r"[^\W_]+")
ROMAN = re.compile(r"^[IVXLC]+$")
ISSUE_LIST = ["eLb", "BG", "LZB", "gE", "zkT", "AGH", "FbW", "svB", "BvB", "U25", "RAK", "JBA", "HLU", "Alhi", "BSHG", "EP"]


def looks_like_abbreviation(word: str) -> bool:
    capitals = sum(1 for char in word if char.isupper())
    if ROMAN.match(word):
        return False
    return capitals >= 2 or (capitals >= 1 and any(c.isdigit() for c in word)) or (word[0].islower() and capitals >= 1)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for child in value.values():
            yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)


@pytest.fixture(scope="module")
def glossary():
    glossary, problems = load_glossary(ROOT / "content")
    assert problems == []
    return glossary


def _texts():
    """(where, text) for every record field and body, and for every German label the schema puts on pages."""
    raws, errors, _ = check_tree(ROOT / "content")
    assert errors == []
    for items in raws.values():
        for raw in items:
            yield raw.path, "\n".join(_strings(raw.data)) + "\n" + raw.body
    for kind, node in schema.schemas().items():
        yield f"{kind}.schema.json", "\n".join(_strings(node))
    yield "common.schema.json", "\n".join(_strings(schema.common()))


def unknown_abbreviations(glossary, texts) -> list[str]:
    known = [form for entry in glossary.entries for form in entry.forms] + glossary.name_forms
    pattern = form_pattern(known)
    found = []
    for where, text in texts:
        rest = pattern.sub(" ", text)
        found += sorted({f"{where}: {word}" for word in WORD.findall(rest) if looks_like_abbreviation(word)})
    return found


def test_every_abbreviation_in_the_records_is_in_the_glossary_or_a_known_name(glossary):
    assert unknown_abbreviations(glossary, _texts()) == [], (
        "Abkürzungen ohne Glossareintrag: in content/glossary.yaml unter entries (mit long) erklären "
        "oder, wenn es ein Eigenname ist, unter names eintragen")


def test_the_check_itself_finds_what_it_should():
    assert [looks_like_abbreviation(w) for w in ["ESF", "U25", "eLb", "zkT", "MoZArT", "Ü50", "II", "Teil", "Euro", "E"]] == \
        [True, True, True, True, True, True, False, False, False, False]
    empty = load_glossary(ROOT / "tests" / "data" / "good_minimal" / "content")[0]
    assert unknown_abbreviations(empty, [("x.md", "Die eLb im SGB-II-Bezug, Teil IV.")]) == ["x.md: SGB", "x.md: eLb"]


def test_the_abbreviations_named_in_the_issue_are_explained(glossary):
    missing = [term for term in ISSUE_LIST if glossary.entry(term) is None or not glossary.entry(term).long]
    assert missing == []


def test_names_are_names_not_unexplained_abbreviations(glossary):
    assert {"JUMITA", "IMBUS", "BAHN FREI", "AQTIV", "MYKnetz"} <= set(glossary.name_forms)
    assert all(len(name.what) >= 10 for name in glossary.names)
