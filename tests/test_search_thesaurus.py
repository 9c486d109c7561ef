"""content/thesaurus.yaml (issue 15): checked like the glossary, expanded at index time; and the
compound splitter and typo tolerance of plugins.derive.search."""

from __future__ import annotations

import subprocess
import sys

from plugins.derive.search.compounds import Splitter
from plugins.derive.search.fuzzy import distances, max_distance
from plugins.derive.search.synonyms import RecordTerms, Synonyms, catalogue_vocabulary, terms_of
from plugins.read.model import build_catalogue
from plugins.read.thesaurus import Entry, Thesaurus, load_thesaurus
from plugins.read.validate import check_tree

from .conftest import DATA, ROOT, run_build


def test_the_real_thesaurus_is_valid_and_every_catalogue_term_occurs():
    raws, errors, _ = check_tree(ROOT / "content")
    assert errors == []
    thesaurus, problems = load_thesaurus(ROOT / "content", catalogue_vocabulary(build_catalogue(raws).records))
    assert problems == []
    terms = {entry.term for entry in thesaurus.entries}
    assert {"Bürgergeld", "Hartz IV", "Ein-Euro-Job", "Azubi"} <= terms


def test_validate_reports_missing_terms_duplicates_and_cycles_with_file_and_line():
    shown = "tests/data/thesaurus_bad/content/thesaurus.yaml"
    result = subprocess.run([sys.executable, "-m", "plugins.derive.search.thesaurus_cli", "--content", "tests/data/thesaurus_bad/content"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{shown}:6: entries[2].finds[2]: „Grundsicherung“ kommt in keinem Datensatz vor und ist kein Suchwort des Thesaurus",
        f"{shown}:7: entries[3].term: „hartz iv“ steht schon in Eintrag 1; jedes Suchwort darf nur einmal vorkommen",
        f"{shown}:12: entries[5].finds[1]: Kreis: „Stütze“ → „Sozialhilfe“ → „Stütze“; "
        "ein Eintrag darf nicht über andere auf sich selbst verweisen",
        f"{shown}: 3 Fehler",
    ]


def test_schema_errors_stop_the_build(tmp_path):
    result = run_build(DATA / "thesaurus_bad_schema" / "content", tmp_path / "out")
    assert result.returncode == 1
    shown = "tests/data/thesaurus_bad_schema/content/thesaurus.yaml"
    lines = [line for line in result.stderr.splitlines() if line.startswith(shown)]
    assert lines == [
        f"{shown}:3: entries[1].finds: Pflichtfeld „findet“ fehlt",
        f'{shown}:4: entries[2].term: erwartet Text, gefunden: eine Zahl (als Text bitte in Anführungszeichen setzen: "25")',
        f"{shown}:7: entries[3].findet: unbekanntes Feld (meinten Sie „finds“?)",
    ]
    assert "Traceback" not in result.stderr + result.stdout


def test_make_validate_checks_the_thesaurus():
    assert "thesaurus_cli" in (ROOT / "tasks.py").read_text(encoding="utf-8")


def test_words_are_added_to_records_with_a_catalogue_term_following_other_entries():
    thesaurus = Thesaurus([Entry("Bürgergeld", ("Hartz IV",)), Entry("Hartz IV", ("Arbeitslosengeld II",)),
                           Entry("Drogen", ("Sucht",)), Entry("Ein-Euro-Job", ("Arbeitsgelegenheit",))])
    synonyms = Synonyms(thesaurus)
    record = RecordTerms(["Leistungen nach dem Arbeitslosengeld II", "Beratung bei Suchtproblemen",
                          "Arbeitsgelegenheiten nach § 16d"])
    assert synonyms.of(record) == "Bürgergeld Hartz IV Drogen Ein-Euro-Job EinEuroJob"
    assert synonyms.of(RecordTerms(["Arbeitslosengeld I"])) == ""


def test_compounds_split_against_the_catalogue_vocabulary():
    splitter = Splitter(["lohn", "kosten", "zuschuss", "sucht", "beratung", "sprache", "kurs", "gesundheit", "probleme"])
    assert splitter.split("lohnkostenzuschuss") == ("lohn", "kosten", "zuschuss")
    assert splitter.split("suchtberatung") == ("sucht", "beratung")
    assert splitter.split("gesundheitsprobleme") == ("gesundheit", "probleme")  # linking s
    assert splitter.split("sprachkurs") == ("sprach", "kurs")  # first part without its final e
    assert splitter.split("beratung") == ()  # too short, and no parts
    assert splitter.tails("lohnkostenzuschuss") == ("kosten", "zuschuss")


def test_typo_distance_grows_with_the_word_and_counts_swaps_and_word_starts():
    assert [max_distance(word) for word in ("amt", "sucht", "gesundhei", "langzeitarbeitlos")] == [0, 1, 2, 2]
    assert distances("gesundhiet", "gesundheit", 2) == (1, 1)  # one swap
    assert distances("gesundhiet", "gesundheitsforder", 2) == (3, 1)  # a word start
    assert distances("langzeitarbeitlos", "langzeitarbeitslos", 2)[0] == 1
    assert distances("abc", "xyz", 1) == (2, 2)


def test_terms_of_drops_stop_words_and_stems():
    assert terms_of("Menschen mit Behinderung") == ["mensch", "behinder"]
