"""The query rules, in Python; theme/static/js/search-core.js does the same steps in the browser.

Every word must match (in any field of any loaded index part); if no record has all words, records
with some of them are shown instead. A word matches its stem exactly (counting ten times) or as the
start of a longer term, so "Teilzeit" also finds "Teilzeitausbildung"; terms starting with a digit
and terms shorter than three characters match only exactly, so "45" does not find "450".
"""

from __future__ import annotations

from lunr.query import Query

from .german import query_words

EXACT_BOOST = 10


def prefix_allowed(term: str) -> bool:
    return len(term) >= 3 and term[0] not in "0123456789"


def _word_hits(indexes, term: str) -> dict:
    """ref -> [score, matched index terms] for one query word over every loaded index part."""
    hits = {}
    for index in indexes:
        query = index.create_query()
        if prefix_allowed(term):
            query.term(term, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING)
        query.term(term, use_pipeline=False, boost=EXACT_BOOST)
        for match in index.query(query):
            entry = hits.setdefault(match["ref"], [0.0, set()])
            entry[0] += match["score"]
            entry[1].update(match["match_data"].metadata)
    return hits


def search(indexes, text: str) -> dict:
    """{"mode": "all"|"any"|"none", "results": [{"ref", "score", "terms"}]} best first."""
    words = query_words(text)
    if not words:
        return {"mode": "none", "results": []}
    per_word = [_word_hits(indexes, term) for _, term in words]
    refs = set(per_word[0]).intersection(*per_word[1:])
    mode = "all"
    if not refs and len(per_word) > 1:
        refs = set().union(*per_word)
        mode = "any"
    results = []
    for ref in refs:
        score, terms = 0.0, set()
        for hits in per_word:
            if ref in hits:
                score += hits[ref][0]
                terms |= hits[ref][1]
        results.append({"ref": ref, "score": score, "terms": sorted(terms)})
    results.sort(key=lambda result: (-result["score"], int(result["ref"])))
    return {"mode": mode if results else "none", "results": results}
