"""German is handled the same in Python (plugins.search, lunr.py + PyStemmer) and in lunr.js + lunr.de (node),
and the fast scoring on both sides gives what lunr's own Index.query gives on the same index."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from lunr.index import Index
from lunr.query import Query

from plugins.derive.search import german
from plugins.derive.search.compact import compact, expand
from plugins.derive.search.index import SearchIndex, _builder
from plugins.derive.search.query import prefix_allowed, search, search_exact

from .conftest import ROOT

NODE = shutil.which("node")
# Only the tests that call run_node need node (CI and developers have node 20) and are marked `node`.

QUERIES = [
    "Alleinerziehende Teilzeit", "§ 16i", "Gesundheit Hessen", "Jugendliche ohne Abschluss", "U25", "50plus",
    "Projekt", "Quartier", "Quartiersmanagement", "45", "2013", "§ 45 SGB III", "BAHN FREI!", "Förd",
    "Förderung", "Straße", "Ältere über 50", "Langzeitarbeitslose Coaching", "Sucht", "Migration Sprache",
    "Jobcenter Main-Kinzig-Kreis", "ESF", "Teilqualifizierung", "Arbeitgeber", "alleiner", "gesund",
    "Qualifizierung Frauen Berlin", "xyzzy", "der die das", "", "—", "Integrationsquote 18,9",
    "Jobcenter", "Arb", "ber", "sta", "Ber Arb", "zzz Jobcenter", "Teil Teilzeit", "a", "ab", "16",
]
# Issue 15: typos (fuzzy), compounds split at query time, hyphenated words written together, questions,
# thesaurus words; and input that must not trip the extra rules (lunr operators, one letter, long words).
TOLERANT_QUERIES = [
    "Langzeitarbeitlose", "Alleinerziehnde", "Schuldnerbertung", "Quartiersmanagment", "Teilqualifizierng",
    "Existensgründung", "Migrationshintergund", "Gesundhiet", "Jobcneter", "Alleinerzihende Teilzeit",
    "Lohnzuschuss", "Suchtkranke", "Beratung bei Sucht", "Sprachkursangebot", "Familiencoaching",
    "Arbeitsgelegenheitsprojekt", "Burn-out", "Ein-Euro-Job", "1-Euro-Job", "Bürgergeld", "Azubi", "Hartz IV",
    "Was hilft Alleinerziehenden bei der Arbeitssuche?", "Wie finden Jugendliche ohne Abschluss eine Ausbildung",
    "Jobcenter und Sozialamt arbeiten zusammen", "Programme für junge Leute ohne Berufsabschluss in Sachsen-Anhalt",
    "Minijobs umwandeln", "xylophonkonzertsaal", "Zzzzzzzzzz", "Qu*", "Sucht~1", "title:Sucht", "+Sucht -Jobcenter",
    "Sucht^10", "<script>alert(1)</script>", "\"Sucht\"", "Ääääähm", "straßenbahnfahrer", "MUSTERFRAU",
    "Arbeitslosengeld-II-Bezieher", "Langzeit-arbeitslose", "a-b-c", "-", "Teilzeitausbildungsplätze",
    "Gesundheitsfoerderung", "Beschäftigungszuschus", "Qualifizierng Frauen Berlin",
]


def run_node(site, payload: dict) -> dict:
    result = subprocess.run([NODE, str(ROOT / "tests" / "js" / "search_parity.mjs"), str(site)],
                            input=json.dumps(payload), capture_output=True, text=True, timeout=300, check=True)
    return json.loads(result.stdout)


def packed_parts(site):
    return [json.loads((site / "suche" / f"{name}.json").read_text(encoding="utf-8")) for name in ("kern", "volltext")]


def python_parts(site):
    return [SearchIndex.load(part) for part in packed_parts(site)]


def lunr_search(indexes, text):
    """The reference: the same rules run through lunr.py's own Index.query (what query.py did before)."""
    words = german.query_words(text)
    if not words:
        return {"mode": "none", "results": []}
    per_word = []
    for _, term in words:
        hits = {}
        for index in indexes:
            query = index.create_query()
            if prefix_allowed(term):
                query.term(term, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING)
            query.term(term, use_pipeline=False, boost=10)
            for match in index.query(query):
                entry = hits.setdefault(int(match["ref"]), [0.0, set()])
                entry[0] += match["score"]
                entry[1].update(match["match_data"].metadata)
        per_word.append(hits)
    refs = set(per_word[0]).intersection(*per_word[1:])
    mode = "all"
    if not refs and len(per_word) > 1:
        refs, mode = set().union(*per_word), "any"
    results = [{"ref": ref, "score": sum(hits[ref][0] for hits in per_word if ref in hits),
                "terms": sorted(set().union(*(hits[ref][1] for hits in per_word if ref in hits)))} for ref in refs]
    results.sort(key=lambda result: (-result["score"], result["ref"]))
    return {"mode": mode if results else "none", "results": results}


def prefix_queries(site, step=7):
    """Every 3-letter start of a core term, and every `step`-th whole term of both parts: broad and narrow queries."""
    terms = [term for part in packed_parts(site) for term in part["index"]["terms"]]
    starts = sorted({term[:3] for term in terms if len(term) >= 3})
    return starts + sorted(set(terms))[::step]


def same_ranking(got, expected, query):
    """Same mode, records, terms and scores (to rounding), and the same order wherever the scores differ."""
    assert got["mode"] == expected["mode"], query
    assert sorted(r["ref"] for r in got["results"]) == sorted(r["ref"] for r in expected["results"]), query
    by_ref = {r["ref"]: r for r in expected["results"]}
    for result in got["results"]:
        assert result["score"] == pytest.approx(by_ref[result["ref"]]["score"], rel=1e-9, abs=1e-12), query
        assert result["terms"] == by_ref[result["ref"]]["terms"], query

    def canonical(results):  # lunr adds a record's field scores in another order: ties may differ in the last bit
        return [r["ref"] for r in sorted(results, key=lambda r: (-round(r["score"], 9), r["ref"]))]

    assert canonical(got["results"]) == canonical(expected["results"]), query


def as_dicts(found):
    return {"mode": found["mode"], "results": [{"ref": ref, "score": score, "terms": terms}
                                               for ref, score, terms in found["results"]]}


def relevance_queries():
    from .search_relevance import queries

    return [entry["query"] for entry in queries()]


def typo_queries(site, step=11):
    """Every `step`-th term of the core part of five letters or more, with two neighbours swapped and
    with its last letter dropped: words that find little and go through the fuzzy rule."""
    terms = sorted({term for term in packed_parts(site)[0]["index"]["terms"] if len(term) >= 5 and term.isalpha()})[::step]
    return [term[:2] + term[3] + term[2] + term[4:] for term in terms] + [term[:-1] + "x" for term in terms]


@pytest.mark.node
@pytest.mark.skipif(NODE is None, reason="node fehlt")
def test_same_results_in_python_and_lunr_js(built_site):
    """query.py's search and search-core.js's search (the site's, issue 15) and their exact-word cores:
    same records, same order, same scores to the last bit, same word report (how, nearest) – on typo,
    compound and question queries, the relevance set and every three-letter prefix."""
    parts = python_parts(built_site)
    queries = list(dict.fromkeys(QUERIES + TOLERANT_QUERIES + relevance_queries() + typo_queries(built_site)
                                 + prefix_queries(built_site)))
    answer = run_node(built_site, {"queries": queries, "exact": True})
    how = set()
    for query in queries:
        for rules, from_node in ((search, answer["queries"]), (search_exact, answer["exact"])):
            expected = rules(parts, query)
            got = as_dicts(from_node[query])
            assert got["mode"] == expected["mode"], query
            assert [r["ref"] for r in got["results"]] == [r["ref"] for r in expected["results"]], query
            assert [r["score"] for r in got["results"]] == [r["score"] for r in expected["results"]], query
            assert [r["terms"] for r in got["results"]] == [r["terms"] for r in expected["results"]], query
            if rules is search:
                assert from_node[query]["words"] == expected["words"], query
                assert from_node[query]["complete"] == expected["complete"], query
                how.update(word["how"] for word in expected["words"])
    assert how == {"exact", "split", "fuzzy", "none"}  # every rule was exercised


def test_python_scores_as_lunr_py_does(built_site):
    """The fast scoring on the postings equals lunr.py's Index.query on the expanded index."""
    parts = python_parts(built_site)
    german.lunr_py()  # registers lunr.de's pipeline functions, which Index.load looks up by name
    indexes = [Index.load(expand(part["index"])) for part in packed_parts(built_site)]
    queries = QUERIES + prefix_queries(built_site, step=23)
    assert len(queries) > 300
    for query in queries:
        same_ranking(search_exact(parts, query), lunr_search(indexes, query), query)


@pytest.mark.node
@pytest.mark.skipif(NODE is None, reason="node fehlt")
def test_the_browser_scores_as_lunr_js_does(built_site):
    """search-core.js equals lunr.js 2.3.9's own Index.query on the expanded index, in node."""
    queries = QUERIES + prefix_queries(built_site)
    from_node = run_node(built_site, {"queries": queries, "reference": True, "exact": True})
    for query in queries:
        same_ranking(as_dicts(from_node["exact"][query]), as_dicts(from_node["reference"][query]), query)


def test_the_issue_queries_find_their_records(built_site):
    """The numbers lunr-languages was reported to lose (its issue #66) and the words the old trimmer cut."""
    parts = python_parts(built_site)
    records = packed_parts(built_site)[0]["records"]

    def urls(query):
        return [records[r["ref"]]["url"] for r in search(parts, query)["results"]]

    assert urls("§ 16i") == ["programme/stabilisierung-und-teilhabe/"]
    assert "massnahmen/bahn-frei/" in urls("45")
    assert "massnahmen/bahn-frei/" in urls("2013")
    assert "massnahmen/jobschmiede/" in urls("U25")
    assert "massnahmen/neustart/" in urls("50plus")
    assert urls("Quartier")[0] == "massnahmen/quartiersmanagement-wernigerode/"
    assert urls("BAHN FREI")[0] == "massnahmen/bahn-frei/"
    assert len(urls("Projekt")) > 10


@pytest.mark.node
@pytest.mark.skipif(NODE is None, reason="node fehlt")
def test_every_word_of_the_catalogue_is_stemmed_alike(built_site):
    """Snowball 2.2's stemmer (PyStemmer) and lunr.de's, with the trimmer and stop words, on every word form in content/."""
    words = sorted({word for file in (ROOT / "content").rglob("*.md")
                    for word in re.split(r"[\s\-]+", file.read_text(encoding="utf-8")) if word})
    words += ["Projekt", "Quartier", "Xylophon", "yes", "Straße", "ÄRZTE", "§", "16i", "U25", "50plus", "über"]
    from_node = run_node(built_site, {"words": words})["words"]
    different = [(word, german.term_of(word), js) for word, js in zip(words, from_node, strict=True) if german.term_of(word) != js]
    assert len(words) > 5000
    assert different == []
    assert german.term_of("Projekt") == "projekt" and german.term_of("Quartier") == "quarti"


@pytest.mark.node
@pytest.mark.skipif(NODE is None, reason="node fehlt")
def test_the_reference_expands_the_compact_index_alike_in_node_and_python(built_site):
    parts = packed_parts(built_site)
    from_node = run_node(built_site, {"expand": True})["expanded"]
    assert from_node == [expand(part["index"]) for part in parts]


def test_the_shipped_field_lengths_are_lunrs_token_counts():
    documents = [{"ref": "0", "title": "Projekt für Alleinerziehende in Teilzeit", "body": "Teilzeit Teilzeit Arbeit"},
                 {"ref": "1", "title": "Quartiersmanagement", "body": "Projekt im Quartier, § 16i SGB II"},
                 {"ref": "2", "title": "Leer", "body": ""}]
    builder = _builder((("title", 10), ("body", 1)), documents)
    packed = compact(builder)
    assert packed["lengths"] == [[builder.field_lengths[f"{field}/{ref}"] for ref in range(3)]
                                 for field in ("title", "body")]
    assert packed["lengths"] == [[3, 1, 1], [3, 5, 0]]  # "für", "in", "im" are stop words; "§" is trimmed away


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
    for (ref, theirs), (same_ref, mine) in zip(own["fieldVectors"], ours["fieldVectors"], strict=True):
        assert ref == same_ref
        expected = sorted(zip(theirs[::2], theirs[1::2], strict=True))
        got = sorted((renumber[n], s) for n, s in zip(mine[::2], mine[1::2], strict=True))
        assert [n for n, _ in got] == [n for n, _ in expected], ref
        assert [s for _, s in got] == pytest.approx([s for _, s in expected], abs=0.0011), ref
