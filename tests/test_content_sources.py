"""Records against their source documents in ../shared/seeds/ (skipped, with the reason, where absent)."""

from __future__ import annotations

import re

import pytest

from plugins.read.model import build_catalogue, thawed
from plugins.read.validate import check_tree

from .conftest import ROOT, SEEDS

SEED_FILES = {
    "st-kooperationsvereinbarung-2014": "000_baff442dddbb7188.txt",
    "ruemsa-fachartikel-2020": "001_b741761f7699f0e8.txt",
    "ba-beschaeftigungsinitiativen-2001": "002_308b38db20270e23.txt",
    "zielvereinbarung-msh-2020": "003_5a7e20b0deeed58c.txt",
    "bla-sgb2-2013": "004_fbb89ec6e3713125.txt",
}
NUMBER_WORDS = {"ein": 1, "eine": 1, "einer": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
                "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "hundert": 100}
SCALE = {"mio": 1_000_000, "millionen": 1_000_000, "million": 1_000_000, "mrd": 1_000_000_000, "milliarden": 1_000_000_000,
         "tsd": 1_000, "tausend": 1_000}
GERMAN_NUMBER = re.compile(r"(?<![\d,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?:\s*(Mio|Millionen|Million|Mrd|Milliarden|Tsd|Tausend)\b\.?)?",
                           re.IGNORECASE)

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"Quelltexte fehlen: {SEEDS} gibt es hier nicht")


def numbers_in(text: str) -> set[float]:
    """Every number a German text states: '279.000' = 279000, '18,9' = 18.9, '2,3 Mio.' = 2300000, 'sechs' = 6."""
    found = set()
    for match in GERMAN_NUMBER.finditer(text):
        whole, fraction, scale = match.groups()
        value = float(whole.replace(".", "") + (f".{fraction}" if fraction else ""))
        found.add(value)
        if scale:
            found.add(round(value * SCALE[scale.lower()], 2))
    for word in re.findall(r"[a-zäöüß]+", text.lower()):
        if word in NUMBER_WORDS:
            found.add(float(NUMBER_WORDS[word]))
    return found


def _seed(document):
    return (SEEDS / SEED_FILES[document]).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def catalogue():
    raws, errors, _ = check_tree(ROOT / "content")
    assert errors == [], [str(e) for e in errors]
    return build_catalogue(raws)


@pytest.fixture(scope="module")
def seed_numbers():
    return {document: numbers_in(_seed(document)) for document in SEED_FILES}


def _structured_numbers(data, path=()):
    """(path, number) for every number in the structured fields; citations and derived costs excluded."""
    if isinstance(data, dict):
        if data.get("basis") == "derived":
            return
        for key, value in data.items():
            if path == () and key == "source":
                continue
            yield from _structured_numbers(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _structured_numbers(value, path + (index,))
    elif isinstance(data, (int, float)) and not isinstance(data, bool):
        yield path, float(data)


def test_numbers_in_the_helper_are_read_the_german_way():
    assert numbers_in("ca. 279.000 Euro, 18,9 %, 2,3 Mio. Euro, sechs Monate, 140 Millionen") >= {
        279000.0, 18.9, 2.3, 2300000.0, 6.0, 140.0, 140000000.0}


def test_every_measure_of_the_2013_collection_has_a_record(catalogue):
    text = _seed("bla-sgb2-2013")
    headings = re.findall(r"^(?:Name/)?Bezeichnung\s+(?:des|der)\s+(?:Handlungsansatzes|Maßnahme|Projekts)", text, re.MULTILINE)
    records = [m for m in catalogue.measures if m.get("source")["document"] == "bla-sgb2-2013"]
    assert len(headings) == 36
    assert len(records) == len(headings), sorted(r.slug for r in records)


def test_every_structured_number_occurs_in_the_cited_source(catalogue, seed_numbers):
    missing = []
    for record in catalogue.records:
        available = seed_numbers[record.get("source")["document"]]
        for path, number in _structured_numbers(record.data):
            if number not in available:
                missing.append(f"{record.path}: {'.'.join(map(str, path))} = {number:g}")
    assert missing == []


def test_derived_costs_show_their_arithmetic_with_source_figures(catalogue, seed_numbers):
    for record in catalogue.measures:
        for cost in record.get("cost_per_participant", []):
            if cost["basis"] == "derived":
                figures = numbers_in(cost["derivation"])
                assert figures & seed_numbers[record.get("source")["document"]], record.path


def test_no_contact_person_of_the_sources_is_named(catalogue):
    text = _seed("bla-sgb2-2013")
    names = set()
    for block in re.findall(r"Ansprechpartner(?:in)?:\s*\n?\s*([^\n]+)", text):
        candidate = re.sub(r"^(Herr|Frau)\s+", "", block.strip().split(",")[0]).strip()
        words = candidate.split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not re.search(
                r"Jobcenter|Landkreis|Agentur|Kreis|Stadt|Ministerium|Zentrale|Dienst|Rhein|Westfalen", candidate):
            names.add(candidate)
    assert len(names) > 10
    offenders = [f"{record.path}: {name}" for record in catalogue.records for name in names
                 if name in (ROOT / record.path).read_text(encoding="utf-8")]
    assert offenders == []


def _words(text):
    return re.findall(r"[a-zäöüß0-9]+", text.lower())


def _own_text(record):
    """Summary and Markdown body: the parts written in the editors' own words (names and definitions live elsewhere)."""
    body = (ROOT / record.path).read_text(encoding="utf-8").split("\n---\n", 1)[1]
    return record.get("summary") + "\n" + body


def test_record_texts_are_summaries_not_copied_paragraphs(catalogue):
    """No run of 20 or more consecutive words of a summary or body stands verbatim in the cited source."""
    window = 20
    shingles = {}
    for document in SEED_FILES:
        words = _words(_seed(document))
        shingles[document] = {tuple(words[i:i + window]) for i in range(len(words) - window + 1)}
    copied = []
    for record in catalogue.records:
        words = _words(_own_text(record))
        seen = shingles[record.get("source")["document"]]
        for i in range(len(words) - window + 1):
            if tuple(words[i:i + window]) in seen:
                copied.append(f"{record.path}: „{' '.join(words[i:i + window])} …“")
                break
    assert copied == []


# Official titles that must stand as the source gives them: the name of a programme or directive is
# not a paraphrase. Each exception names the record file, the field and what the title is.
OFFICIAL_TITLES = {
    ("content/programmes/esf-richtlinie-wiedereingliederung.md", "title"):
        "amtlicher Titel der ESF-Richtlinie des Landes Sachsen-Anhalt",
}


def _front_matter_texts(data, path=()):
    """(field name, text) for every text value of the front matter, nested groups and lists included."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _front_matter_texts(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _front_matter_texts(value, path + (index,))
    elif isinstance(data, str):
        yield ".".join(str(part) for part in path), data


def test_front_matter_texts_do_not_copy_runs_of_more_than_20_words(catalogue):
    """Every text field of the front matter (not only summary and body): no run of 21 or more consecutive
    words stands verbatim in the cited source, except the official titles listed in OFFICIAL_TITLES."""
    window = 21
    shingles = {}
    for document in SEED_FILES:
        words = _words(_seed(document))
        shingles[document] = {tuple(words[i:i + window]) for i in range(len(words) - window + 1)}
    copied, used_exceptions = [], set()
    for record in catalogue.records:
        seen = shingles[record.get("source")["document"]]
        for name, text in _front_matter_texts(thawed(record.data)):
            words = _words(text)
            for i in range(len(words) - window + 1):
                if tuple(words[i:i + window]) in seen:
                    if (record.path, name) in OFFICIAL_TITLES:
                        used_exceptions.add((record.path, name))
                    else:
                        copied.append(f"{record.path}: {name}: „{' '.join(words[i:i + window])} …“")
                    break
    assert copied == []
    assert used_exceptions == set(OFFICIAL_TITLES)  # an exception that no longer matches is removed
