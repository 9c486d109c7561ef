"""German is handled the same in Python (plugins.search, lunr.py + nltk) and in lunr.js + lunr.de (node)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from plugins.search import german
from plugins.search.compact import compact, expand
from plugins.search.index import SearchIndex, _builder
from plugins.search.query import search

from .conftest import ROOT

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node fehlt")  # CI and developers have node 20

QUERIES = [
    "Alleinerziehende Teilzeit", "§ 16i", "Gesundheit Hessen", "Jugendliche ohne Abschluss", "U25", "50plus",
    "Projekt", "Quartier", "Quartiersmanagement", "45", "2013", "§ 45 SGB III", "BAHN FREI!", "Förd",
    "Förderung", "Straße", "Ältere über 50", "Langzeitarbeitslose Coaching", "Sucht", "Migration Sprache",
    "Jobcenter Main-Kinzig-Kreis", "ESF", "Teilqualifizierung", "Arbeitgeber", "alleiner", "gesund",
    "Qualifizierung Frauen Berlin", "xyzzy", "der die das", "", "—", "Integrationsquote 18,9",
]


def run_node(site, payload: dict) -> dict:
    result = subprocess.run([NODE, str(ROOT / "tests" / "js" / "search_parity.js"), str(site)],
                            input=json.dumps(payload), capture_output=True, text=True, timeout=300, check=True)
    return json.loads(result.stdout)


def python_indexes(site):
    return [SearchIndex.load(json.loads((site / "suche" / f"{name}.json").read_text(encoding="utf-8")))
            for name in ("kern", "volltext")]


def test_same_results_in_python_and_lunr_js(built_site):
    indexes = python_indexes(built_site)
    from_node = run_node(built_site, {"queries": QUERIES})
    for query in QUERIES:
        expected = search(indexes, query)
        got = from_node[query]
        assert got["mode"] == expected["mode"], query
        assert [ref for ref, _ in got["results"]] == [r["ref"] for r in expected["results"]], query
        assert [score for _, score in got["results"]] == pytest.approx([r["score"] for r in expected["results"]],
                                                                        rel=1e-12), query


def test_the_issue_queries_find_their_records(built_site):
    """The numbers lunr-languages was reported to lose (its issue #66) and the words the old trimmer cut."""
    indexes = python_indexes(built_site)
    records = json.loads((built_site / "suche" / "kern.json").read_text(encoding="utf-8"))["records"]

    def urls(query):
        return [records[int(r["ref"])]["url"] for r in search(indexes, query)["results"]]

    assert urls("§ 16i") == ["programme/stabilisierung-und-teilhabe/"]
    assert "massnahmen/bahn-frei/" in urls("45")
    assert "massnahmen/bahn-frei/" in urls("2013")
    assert "massnahmen/jobschmiede/" in urls("U25")
    assert "massnahmen/neustart/" in urls("50plus")
    assert urls("Quartier")[0] == "massnahmen/quartiersmanagement-wernigerode/"
    assert urls("BAHN FREI")[0] == "massnahmen/bahn-frei/"
    assert len(urls("Projekt")) > 10


def test_every_word_of_the_catalogue_is_stemmed_alike(built_site):
    """nltk's Snowball stemmer and lunr.de's, with the trimmer and stop words, on every word form in content/."""
    words = sorted({word for file in (ROOT / "content").rglob("*.md")
                    for word in re.split(r"[\s\-]+", file.read_text(encoding="utf-8")) if word})
    words += ["Projekt", "Quartier", "Xylophon", "yes", "Straße", "ÄRZTE", "§", "16i", "U25", "50plus", "über"]
    from_node = run_node(built_site, {"words": words})["words"]
    different = [(word, german.term_of(word), js) for word, js in zip(words, from_node) if german.term_of(word) != js]
    assert len(words) > 5000
    assert different == []
    assert german.term_of("Projekt") == "projekt" and german.term_of("Quartier") == "quarti"


def test_the_browser_expands_the_compact_index_exactly_as_python(built_site):
    parts = [json.loads((built_site / "suche" / f"{name}.json").read_text(encoding="utf-8"))
             for name in ("kern", "volltext")]
    from_node = run_node(built_site, {"expand": True})["expanded"]
    assert from_node == [expand(part["index"]) for part in parts]


def test_compact_scores_are_lunr_py_scores():
    """The recomputed field vectors equal those lunr.py's own builder makes (up to its rounding)."""
    documents = [{"ref": "0", "title": "Projekt für Alleinerziehende in Teilzeit", "body": "Teilzeit Teilzeit Arbeit"},
                 {"ref": "1", "title": "Quartiersmanagement", "body": "Projekt im Quartier, § 16i SGB II"},
                 {"ref": "2", "title": "Leer", "body": ""}]
    builder = _builder((("title", 10), ("body", 1)), documents)
    own = builder.build().serialize()
    ours = expand(compact(builder))
    numbers = {term: posting["_index"] for term, posting in own["invertedIndex"]}
    renumber = {posting["_index"]: numbers[term] for term, posting in ours["invertedIndex"]}
    for (ref, theirs), (same_ref, mine) in zip(own["fieldVectors"], ours["fieldVectors"]):
        assert ref == same_ref
        expected = sorted(zip(theirs[::2], theirs[1::2]))
        got = sorted((renumber[n], s) for n, s in zip(mine[::2], mine[1::2]))
        assert [n for n, _ in got] == [n for n, _ in expected], ref
        assert [s for _, s in got] == pytest.approx([s for _, s in expected], abs=0.0011), ref
