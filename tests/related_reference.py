"""The related-measures search as plain Python loops, as it was before numpy took the two inner loops over.

tests/test_related.py holds plugins/derive/related.py to it: the same measures, the same scores to the last
bit, the same reasons.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict

from plugins.derive import related as current  # its settings read at call time: tests change CANDIDATES and SCAN
from plugins.derive.related import KEEP_FRACTION, MIN_SCORE, SHOW_MAX, SHOW_MIN, Related, _reason, _vectors


def _candidates(index: int, vectors: list, postings: dict) -> list[int]:
    vector, partial = vectors[index], defaultdict(float)
    for feature, weight in vector.items():
        budget = math.ceil(current.SCAN * weight * weight)
        for other, other_weight in postings[feature][:budget]:
            partial[other] += weight * other_weight
    partial.pop(index, None)
    return heapq.nlargest(current.CANDIDATES, partial, key=partial.__getitem__)


def related_measures(measures, exact: bool = False) -> dict:
    measures = sorted(measures, key=lambda record: record.sort_key)
    vectors, display = _vectors(measures)
    postings = {}
    for index, vector in enumerate(vectors):
        for feature, weight in vector.items():
            postings.setdefault(feature, []).append((index, weight))
    for posting in postings.values():
        posting.sort(key=lambda entry: (-entry[1], entry[0]))
    result = {}
    for index, (measure, vector) in enumerate(zip(measures, vectors, strict=True)):
        scored = []
        others = range(len(measures)) if exact or len(measures) <= current.CANDIDATES + 1 else _candidates(index, vectors, postings)
        for other in others:
            if other == index:
                continue
            other_vector = vectors[other]
            score = math.fsum([vector[feature] * other_vector[feature] for feature in vector.keys() & other_vector.keys()])
            if score >= MIN_SCORE:
                scored.append((-score, other))
        scored.sort()
        best = -scored[0][0] if scored else 0
        chosen = [(-negative, other) for position, (negative, other) in enumerate(scored[:SHOW_MAX])
                  if position < SHOW_MIN or -negative >= KEEP_FRACTION * best]
        result[measure.slug] = [Related(measures[other], score, _reason(vector, vectors[other], display))
                                for score, other in chosen]
    return result
