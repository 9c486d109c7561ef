"""Relevance of the search for the way staff type (issue 15): typos, compounds, everyday words,
inflected forms and plain questions, counted as hits in the top five, in Python and in Chromium."""

from __future__ import annotations

from plugins.derive.search.query import search, search_exact
from plugins.read.model import build_catalogue
from plugins.read.validate import check_tree

from .conftest import ROOT
from .search_relevance import TOP, describe, python_top, queries, score, slug_of

# Baseline before the work on issue 15: 28/52 (54 %). With thesaurus, compounds and typo tolerance
# (query.search and search-core.js's search): 52/52 in Python and Chromium; the old exact-word rules on
# the new index: 42/52. The floor is the goal, 95 %, not the last measurement.
MINIMUM_HITS = 50
BASELINE_HITS = 28


def test_the_set_is_well_formed_and_names_real_records():
    raws, errors, _ = check_tree(ROOT / "content")
    assert errors == []
    slugs = {record.slug for record in build_catalogue(raws).records}
    entries = queries()
    assert len(entries) >= 40
    assert len({entry["query"] for entry in entries}) == len(entries)
    assert {entry["kind"] for entry in entries} == {"tippfehler", "kompositum", "alltagswort", "beugung", "frage"}
    for entry in entries:
        assert entry["expected"], entry["query"]
        assert set(entry["expected"]) <= slugs, (entry["query"], set(entry["expected"]) - slugs)


def test_relevance_in_python(built_site, capsys):
    """query.search (the site's search, issue 15) against query.search_exact (the rules before it,
    with today's index: thesaurus words and compound parts help there too)."""
    texts = [entry["query"] for entry in queries()]
    tolerant, plain = score(python_top(built_site, texts, search)), score(python_top(built_site, texts, search_exact))
    with capsys.disabled():
        print(f"\nRelevanz (Python, Suche): {describe(tolerant)}\nRelevanz (Python, nur exakte Wörter): {describe(plain)}")
    assert tolerant["hits"] >= MINIMUM_HITS, describe(tolerant)
    assert plain["hits"] >= BASELINE_HITS, describe(plain)


def test_relevance_in_chromium_is_the_same_as_in_python(page, site_url, built_site, capsys):
    """The page's own search-core.js module, on the files the page loads: the same top five as Python."""
    texts = [entry["query"] for entry in queries()]
    page.goto(site_url + "/suche/")
    page.wait_for_selector("#search-results[data-complete='true']", state="attached")
    urls = page.evaluate("""async ([texts, top]) => {
        const core = await import('/theme/js/lib/search-core.js');
        const load = async (name) => (await (await fetch(`/suche/${name}.json`)).json());
        const kern = await load("kern"), volltext = await load("volltext");
        const parts = [core.load(kern.index), core.load(volltext.index)];
        const out = {};
        for (const text of texts) {
            out[text] = core.search(parts, text).results.slice(0, top).map((r) => kern.records[r.ref].url);
        }
        return out;
    }""", [texts, TOP])
    browser_top = {text: [slug_of(url) for url in found] for text, found in urls.items()}
    assert browser_top == python_top(built_site, texts, search)
    report = score(browser_top)
    with capsys.disabled():
        print(f"\nRelevanz (Chromium): {describe(report)}")
    assert report["hits"] >= MINIMUM_HITS, describe(report)
