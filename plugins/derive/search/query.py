"""The query rules, in Python; theme/static/js/search-core.js does the same steps in the browser.

Every word must match (in any field of any loaded index part); if no record has all words, records
with some of them are shown instead. A word matches its stem exactly (counting ten times) or as the
start of a longer term, so "Teilzeit" also finds "Teilzeitausbildung"; terms starting with a digit
and terms shorter than three characters match only exactly, so "45" does not find "450".

A word's score in a part is what lunr's `Index.query` gives for two clauses, the word with a
trailing wildcard (boost 1) and the word itself (boost 10): per field, the dot product of the query
vector with the record's field vector, divided by the query vector's length. It is computed here
straight from the postings of the terms the word reaches, so a query touches only those postings
and nothing has to be unpacked beforehand; tests/test_search_parity.py holds it against lunr.py's
and lunr.js's own `Index.query`. The steps and the order of the arithmetic are the same as in
search-core.js, so both sides give the same scores to the last bit.
"""

from __future__ import annotations

import math
from bisect import bisect_left

from plugins.derive.search.compact import FORMAT, averages, decode, idf, length_norm, term_score
from plugins.derive.search.german import query_words

EXACT_BOOST = 10


class Part:
    """One compact index part (kern or volltext), ready to search."""

    def __init__(self, packed: dict):
        if packed.get("format") != FORMAT:
            raise ValueError(f"Suchindex im Format {packed.get('format')}, erwartet {FORMAT}")
        self.fields, self.boosts = packed["fields"], packed["boosts"]
        self.documents, self.terms = packed["documents"], packed["terms"]
        self.postings, self.lengths = packed["postings"], packed["lengths"]
        self.averages = averages(packed)
        self.norms = [[length_norm(length, average) for length in lengths]  # worked out once per record and field
                      for lengths, average in zip(self.lengths, self.averages, strict=True)]


def prefix_allowed(term: str) -> bool:
    return len(term) >= 3 and term[0] not in "0123456789"


def expanded_terms(part: Part, term: str) -> list[tuple[int, int]]:
    """(term number, weight in the query vector) for each index term the word reaches, in term order.

    A longer term weighs 1 (the wildcard clause), the word itself 1 + 10 (both clauses), or 10 where
    only the exact clause applies.
    """
    start = bisect_left(part.terms, term)
    if not prefix_allowed(term):
        return [(start, EXACT_BOOST)] if start < len(part.terms) and part.terms[start] == term else []
    result = []
    for number in range(start, len(part.terms)):
        if not part.terms[number].startswith(term):
            break
        result.append((number, 1 + EXACT_BOOST if part.terms[number] == term else 1))
    return result


def _add_part_hits(part: Part, term: str, hits: dict) -> None:
    """Add one part's score for one word to `hits` (ref -> [score, matched index terms])."""
    expanded = expanded_terms(part, term)
    if not expanded:
        return
    squares = 0
    for _, weight in expanded:
        squares += weight * weight
    magnitude = math.sqrt(squares)
    dots = [{} for _ in part.fields]  # per field: ref -> dot product, summed in term order
    for number, weight in expanded:
        postings = [decode(text) for text in part.postings[number]]
        term_idf = idf(sum(len(pairs) for pairs in postings), part.documents)
        for field_number, pairs in enumerate(postings):
            norms, boost, field_dots = part.norms[field_number], part.boosts[field_number], dots[field_number]
            for ref, count in pairs:
                score = term_score(term_idf, count, norms[ref], boost)
                field_dots[ref] = field_dots.get(ref, 0.0) + weight * score
                hit = hits.setdefault(ref, [0.0, []])
                if part.terms[number] not in hit[1]:
                    hit[1].append(part.terms[number])
    for field_dots in dots:
        for ref, dot in field_dots.items():
            hits[ref][0] += dot / magnitude


def word_hits(parts, term: str) -> dict:
    """ref -> [score, matched index terms] for one query word over every loaded index part."""
    hits = {}
    for part in parts:
        _add_part_hits(part, term, hits)
    return hits


def search(parts, text: str) -> dict:
    """{"mode": "all"|"any"|"none", "results": [{"ref", "score", "terms"}]} best first; refs are record numbers."""
    words = query_words(text)
    if not words:
        return {"mode": "none", "results": []}
    per_word = [word_hits(parts, term) for _, term in words]
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
                terms.update(hits[ref][1])
        results.append({"ref": ref, "score": score, "terms": sorted(terms)})
    results.sort(key=lambda result: (-result["score"], result["ref"]))
    return {"mode": mode if results else "none", "results": results}
