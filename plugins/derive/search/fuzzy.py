"""Typo tolerance: index terms within a small edit distance of a query word that finds little.

The distance is the optimal string alignment distance (insert, delete, replace, swap two
neighbours) between the query word's index term and an index term, or a start of it: "gesundhiet"
is one swap from "gesundheit", the start of "gesundheitsforder". It grows with the word: short
words stay exact ("Amt" is no typo for "Arm"), `max_distance`. Like most search engines the first
letter must be right; that also keeps the look-up to the terms with that first letter.

A term reached as a whole weighs like lunr's exact clause (1 + 10), one reached by its start like
the wildcard clause (1); the scores then count FUZZY_FACTOR of a typed word's, so a correct word
always ranks first. search-core.js does the same steps (tests/test_search_parity.py).
"""

from __future__ import annotations

from bisect import bisect_left

EXACT_BOOST = 10


def max_distance(term: str) -> int:
    length = len(term)
    return 0 if length < 5 else 1 if length < 9 else 2


def distances(query: str, term: str, limit: int) -> tuple[int, int]:
    """(distance to the whole term, smallest distance to a start of it), each limit + 1 if above limit."""
    m = len(query)
    above = limit + 1
    previous2 = None
    previous = list(range(m + 1))  # row for the empty start of `term`
    best_start = previous[m] if previous[m] <= limit else above
    rows = min(len(term), m + limit)
    for i in range(1, rows + 1):
        character = term[i - 1]
        row = [i] + [0] * m
        smallest = i
        for j in range(1, m + 1):
            cost = 0 if query[j - 1] == character else 1
            value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if (previous2 is not None and j > 1 and query[j - 1] == term[i - 2]
                    and query[j - 2] == character):
                value = min(value, previous2[j - 2] + 1)
            row[j] = value
            if value < smallest:
                smallest = value
        if row[m] < best_start:
            best_start = row[m]
        if smallest > limit:  # every later row is at least as far
            return above, (best_start if best_start <= limit else above)
        previous2, previous = previous, row
    whole = previous[m] if rows == len(term) and previous[m] <= limit else above
    return whole, (best_start if best_start <= limit else above)


def fuzzy_terms(part, term: str) -> list[tuple[int, int, int]]:
    """(term number, weight, distance) for each index term near `term`, in term order; terms that
    `term` already reaches as a word start are left out."""
    limit = max_distance(term)
    if not limit:
        return []
    terms = part.terms
    result = []
    number = bisect_left(terms, term[0])
    while number < len(terms) and terms[number][0] == term[0]:
        candidate = terms[number]
        if len(candidate) >= len(term) - limit and not candidate.startswith(term):
            whole, start = distances(term, candidate, limit)
            if whole <= limit:
                result.append((number, 1 + EXACT_BOOST, whole))
            elif start <= limit:
                result.append((number, 1, start))
        number += 1
    return result
