"""The query rules, in Python; theme/static/js/lib/search-core.js does the same steps in the browser.

`search` is the site's search (issue 15): the exact-word core below, plus, for a word that finds
fewer than LITTLE records, its compound parts (compounds.py) and index terms within a small edit
distance (fuzzy.py), and for questions the records with most of their words. `search_exact` is the
core alone. The core:

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
import re
from bisect import bisect_left

from plugins.derive.search import compounds, fuzzy
from plugins.derive.search.compact import FORMAT, averages, decode, idf, length_norm, term_score
from plugins.derive.search.german import OTHER_SPACE as SPACES
from plugins.derive.search.german import query_words, term_of

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


def _add_part_hits(part: Part, term: str, hits: dict, expanded=None, factor: float = 1) -> None:
    """Add one part's score for one word to `hits` (ref -> [score, matched index terms]);
    `expanded` (term number, weight) instead of the word's own terms, scores times `factor`."""
    if expanded is None:
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
            hits[ref][0] += dot / magnitude * factor


def word_hits(parts, term: str) -> dict:
    """ref -> [score, matched index terms] for one query word over every loaded index part."""
    hits = {}
    for part in parts:
        _add_part_hits(part, term, hits)
    return hits


QUESTION_WORDS = 3  # a query of this many words that finds fewer than FEW records with all of them
FEW = 5  # also lists the records with most of its words, after those with all
LITTLE = 3  # a word that finds fewer records than this is also tried split and with typos
SPLIT_FACTOR = 0.5  # the parts of a split word count half
FUZZY_FACTOR = 0.2  # a term within the edit distance counts a fifth


def reaches(parts, term: str) -> bool:
    return any(expanded_terms(part, term) for part in parts)


# Query syntax staff may know from other search engines (lunr's *, ~, ^, field:, +, quotes) and markup
# separates words here; the words themselves are searched (search-core.js: OPERATORS).
OPERATORS = re.compile("[*~^:+=\"'`<>„“”‚‘’«»]")


def plan(parts, text: str) -> list[tuple[str, str]]:
    """(typed word, index term) per query word; operators and quotes separate words. A hyphenated word whose letters written together
    reach an index term ("Burn-out" -> "burnout", "Ein-Euro-Job" from the thesaurus) is one word;
    otherwise its pieces are words of their own, as lunr splits them."""
    words = []
    for chunk in SPACES.split(OPERATORS.sub(" ", text).lower()):
        pieces = [piece for piece in chunk.split("-") if piece]
        joined = term_of("".join(pieces)) if len(pieces) > 1 else ""
        candidates = [("".join(pieces), joined)] if joined and reaches(parts, joined) else \
            [(raw, term) for raw, term in query_words(chunk)]
        for raw, term in candidates:
            if term and (raw, term) not in words:
                words.append((raw, term))
    return words


def query_split(parts, raw: str) -> tuple[str, str] | None:
    """(first part's term, rest's term) of a typed compound, or None; see compounds.py."""
    if len(raw) < compounds.MIN_WORD or not raw.isalpha():
        return None
    for end in range(len(raw) - compounds.MIN_PART, compounds.MIN_PART - 1, -1):  # longest first part first
        head = term_of(raw[:end])
        if not head or not any(_exact(part, head) for part in parts):
            continue
        for link in compounds.LINKS:
            if not raw.startswith(link, end) or len(raw) - end - len(link) < compounds.MIN_PART:
                continue
            tail = term_of(raw[end + len(link):])
            if tail and reaches(parts, tail):
                return head, tail
    return None


def _exact(part: Part, term: str) -> bool:
    number = bisect_left(part.terms, term)
    return number < len(part.terms) and part.terms[number] == term


def nearest(parts, term: str) -> str:
    """The index term closest to a mistyped word: a whole term before a start, then the smallest
    distance, then the length nearest the word's, then the first part and term order."""
    best, best_key = "", None
    for part in parts:
        for number, weight, distance in fuzzy.fuzzy_terms(part, term):
            key = (weight != 1 + fuzzy.EXACT_BOOST, distance, abs(len(part.terms[number]) - len(term)))
            if best_key is None or key < best_key:
                best, best_key = part.terms[number], key
    return best


def resolve(parts, raw: str, term: str) -> tuple[dict, str, str, frozenset]:
    """(hits, how, nearest term, records found by the word itself) of one query word: how is "exact"
    (the word or a word start), "split", "fuzzy", or "none"; split parts and near terms are added
    when the word finds fewer than LITTLE."""
    hits = word_hits(parts, term)
    direct = frozenset(hits)
    how = "exact" if hits else "none"
    if len(hits) >= LITTLE:
        return hits, how, "", direct
    split = query_split(parts, raw)
    if split:
        for piece in split:
            for part in parts:
                _add_part_hits(part, piece, hits, factor=SPLIT_FACTOR)
        how = how if how == "exact" else ("split" if hits else "none")
    near = ""
    if len(hits) < LITTLE:
        for part in parts:
            candidates = fuzzy.fuzzy_terms(part, term)
            if candidates:
                _add_part_hits(part, term, hits, [(number, weight) for number, weight, _ in candidates], FUZZY_FACTOR)
        if how == "none" and hits:
            how, near = "fuzzy", nearest(parts, term)
    return hits, how, near, direct


def search(parts, text: str) -> dict:
    """The search of the site (issue 15; `search` in search-core.js does the same steps):
    {"mode": "all"|"any"|"none", "results": [{"ref", "score", "terms"}], "words": [{"raw", "term",
    "how", "nearest"}]} best first; refs are record numbers. Words that find nothing at all (not
    even split or with a typo) are left out of the "all words" rule and reported with how "none"."""
    words = plan(parts, text)
    if not words:
        return {"mode": "none", "results": [], "words": [], "complete": 0}
    resolved = [resolve(parts, raw, term) for raw, term in words]
    described = [{"raw": raw, "term": term, "how": how, "nearest": near}
                 for (raw, term), (_, how, near, _) in zip(words, resolved, strict=True)]
    per_word = [(hits, direct) for hits, _, _, direct in resolved if hits]
    if not per_word:
        return {"mode": "none", "results": [], "words": described, "complete": 0}
    refs = set(per_word[0][0]).intersection(*(hits for hits, _ in per_word[1:]))
    complete = len(refs)
    mode = "all" if refs else "any"
    if len(per_word) > 1 and (not refs or (len(per_word) >= QUESTION_WORDS and complete < FEW)):
        refs = set().union(*(hits for hits, _ in per_word))  # a question: records with most of its words follow
    results = []
    for ref in refs:
        score, terms, matched, direct = 0.0, set(), 0, 0
        for hits, found_directly in per_word:
            if ref in hits:
                score += hits[ref][0]
                terms.update(hits[ref][1])
                matched += 1
                direct += ref in found_directly
        results.append({"ref": ref, "score": score, "terms": sorted(terms), "matched": matched, "direct": direct})
    # More of the query's words first, then more of them found as typed (not only through a typo or
    # a compound's parts: those rank below), then the score, then catalogue order.
    results.sort(key=lambda result: (-result["matched"], -result["direct"], -result["score"], result["ref"]))
    for result in results:
        del result["matched"], result["direct"]
    return {"mode": mode if results else "none", "results": results, "words": described, "complete": complete}


search_tolerant = search  # the name this rule had while it lived in Python only


def search_exact(parts, text: str) -> dict:
    """The exact-word core, as lunr's Index.query gives it (held against lunr.py and lunr.js in
    tests/test_search_parity.py; `searchExact` in search-core.js):
    {"mode": "all"|"any"|"none", "results": [{"ref", "score", "terms"}]} best first; refs are record numbers."""
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
