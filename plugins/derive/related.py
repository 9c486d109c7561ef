"""Which measures resemble each other: shared target groups, principles, legal basis and wording.

Every measure becomes one sparse vector with four parts. Each part is weighted by how rare its
features are (a shared target group that three measures have says more than one that thirty
have), normalised to length one and scaled by the square root of its weight, so that the dot
product of two vectors is the weighted sum of four cosine similarities, between 0 and 1, and
the same in both directions. A structured part made only of common values is scaled down
further: two measures that share just "§ 16 SGB II" are not alike for that.

Cost: comparing every pair would grow with n². Up to CANDIDATES + 1 measures that is what
happens; above, each measure is compared only with a bounded set of candidates. An inverted
index lists, per feature, the measures that have it, heaviest first; each feature of a measure
may read as many entries as its share of the vector, SCAN in all, and the CANDIDATES measures
that gathered the most similarity on the way are compared in full. Work per measure is
therefore bounded and the whole run grows with n, plus n · log n for sorting the index. The two loops
that run per measure (gathering candidates, scoring them) are numpy array operations that give the same
floats as plain loops (tests/related_reference.py keeps those for comparison).
`python -m tests.bench.related_bench` measures it and how close it comes to comparing every pair.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from html import unescape
from pathlib import Path

from plugins.read.legal import paragraph_key

WEIGHTS = {"tg": 0.35, "lb": 0.2, "pr": 0.15, "text": 0.3}  # part -> weight; they sum to 1
PART_ORDER = ["tg", "lb", "pr", "text"]  # order of the parts named in a reason
TEXT_TERMS = 30  # words kept per measure: its most characteristic ones
CANDIDATES = 80
SCAN = 1500
SHOW_MIN, SHOW_MAX = 3, 5
SECOND_REASON = 0.5  # a second part is named if it weighs at least this much relative to the first
TEXT_REASON = 0.5  # shared words count half when choosing what to name: vocabulary values read clearer
KEEP_FRACTION = 0.6  # the 4th and 5th are shown only if at least this similar relative to the best
MIN_SCORE = 0.05  # below this, two measures share little more than a common word
ROUGH = 1e-12  # a vectorised sum of at most a few hundred products lies far closer than this to the exact one
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{4,}")
STOPWORDS = frozenset((Path(__file__).parent / "related_stopwords.txt").read_text(encoding="utf-8").split())
SUFFIXES = ("innen", "ungen", "ern", "en", "er", "es", "e", "n", "s")


@dataclass(frozen=True)
class Related:
    record: object
    score: float
    reason: tuple  # ((part, (value, …)), …): part tg, pr, lb or text; plugins/present/related.py words it


TAG = re.compile(r"<[^>]*>")


def plain_text(html: str) -> str:
    """Words of a body for counting only (nothing is written back): the body is nh3's sanitised
    output, where every ">" inside an attribute is escaped, so dropping tags by pattern is safe."""
    return unescape(TAG.sub(" ", str(html)))


def stem(word: str) -> str:
    """A crude German stem, enough to count "Alleinerziehende" and "Alleinerziehenden" as one word."""
    word = word.lower()
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def record_words(record) -> list[str]:
    """The words of a measure's own text: title, summary, notes on target groups, body, keywords."""
    parts = [record.title, record.get("short_name", ""), record.get("summary", ""),
             record.get("target_group_note", ""), plain_text(record.body_html), " ".join(record.get("keywords", []))]
    return [word for word in WORD.findall(" ".join(part for part in parts if part))
            if word.lower() not in STOPWORDS]


def _features(record) -> dict[str, list[str]]:
    return {
        "tg": sorted(set(record.get("target_groups", []))),
        "pr": sorted(set(record.get("principles", []))),
        "lb": sorted({paragraph_key(citation) for citation in record.get("legal_basis", [])}),
    }


def _named(names: dict, part: str, value: str) -> str:
    key = (part, value)
    name = names.get(key)
    if name is None:
        name = names[key] = f"{part}:{value}"
    return name


def _vectors(measures):
    """One sparse vector per measure (feature -> weight) and the display form of every word stem."""
    total = len(measures)
    # One measure's words at a time: the word lists of 5,000 measures, held at once, were 66 MB.
    surface = Counter()  # word -> how often it occurs in all measures
    stem_of = {}
    feature_name = {}  # one string per feature, shared by every measure that has it
    raw_parts = []  # per measure: part -> {feature: term frequency (1 for structured features)}
    for measure in measures:
        words = record_words(measure)
        surface.update(words)
        stem_of.update((word, stem(word)) for word in set(words).difference(stem_of))
        parts = {part: {_named(feature_name, part, value): 1 for value in values} for part, values in _features(measure).items()}
        stems = Counter(map(stem_of.__getitem__, words))
        parts["text"] = {_named(feature_name, "text", term): count for term, count in stems.items()}
        raw_parts.append(parts)
    display = {}  # stem -> its most frequent spelling, for the reasons
    for word, _ in sorted(surface.items(), key=lambda item: (-item[1], item[0])):
        display.setdefault(stem_of[word], word)
    frequency = Counter(feature for parts in raw_parts for features in parts.values() for feature in features)
    idf = {feature: math.log((total + 1) / (count + 1)) + 1.0 for feature, count in frequency.items()}
    rarest = math.log((total + 1) / 2) + 1.0

    vectors = []
    for parts in raw_parts:
        weighted = {part: {feature: idf[feature] for feature in features} for part, features in parts.items() if part != "text"}
        text = {feature: (1 + math.log(count)) * idf[feature]
                for feature, count in parts["text"].items() if frequency[feature] > 1}  # a word nobody shares links nothing
        weighted["text"] = dict(sorted(text.items(), key=lambda item: (-item[1], item[0]))[:TEXT_TERMS])
        vector = {}
        for part, weights in weighted.items():
            norm = math.sqrt(sum(weight * weight for weight in weights.values()))
            if not norm:
                continue
            scale = math.sqrt(WEIGHTS[part]) / norm
            if part != "text":  # sharing only common values (§ 16 SGB II, Langzeitarbeitslose) says little
                scale *= math.sqrt(sum(weights.values()) / len(weights) / rarest)
            vector.update({feature: weight * scale for feature, weight in sorted(weights.items())})
        vectors.append(vector)
    return vectors, display


@cache
def _numpy():
    # Loaded where it is used: the build finds related measures in a child process, and numpy takes a tenth of
    # a second and 20 MB to load, which the main process would otherwise pay at start.
    import numpy

    return numpy


class _Arrays:
    """The vectors as numpy arrays, for the two loops that run per measure: finding candidates and scoring them.

    Each step gives exactly the floats the plain Python loops gave (tests/test_related.py holds it to them):
    products are single IEEE multiplications either way, bincount adds each measure's products in the
    order they come, and the scores that decide are summed with math.fsum, which is exact.
    """

    def __init__(self, vectors: list):
        np = _numpy()
        number = {}  # feature -> column
        for vector in vectors:
            for feature in vector:
                number.setdefault(feature, len(number))
        self.columns = len(number)
        self.features = [np.fromiter((number[f] for f in vector), dtype=np.int64, count=len(vector)) for vector in vectors]
        self.weights = [np.fromiter(vector.values(), dtype=np.float64, count=len(vector)) for vector in vectors]
        self.lengths = np.array([len(vector) for vector in vectors], dtype=np.int64)
        postings = {}
        for index, vector in enumerate(vectors):
            for feature, weight in vector.items():
                postings.setdefault(feature, []).append((index, weight))
        self.postings = {}
        for feature, posting in postings.items():
            posting.sort(key=lambda entry: (-entry[1], entry[0]))  # heaviest first, then by name
            self.postings[feature] = (np.array([index for index, _ in posting], dtype=np.int64),
                                      np.array([weight for _, weight in posting], dtype=np.float64))

    def candidates(self, index: int, vector: dict, count: int):
        """The measures most likely to be similar, found in bounded work.

        Each posting list is sorted by weight, heaviest first. A feature may read as many entries
        of its list as its share of this measure's vector (weight²), out of SCAN in all; the
        products seen are summed per measure, and the CANDIDATES best by that partial sum are then
        compared in full. Among equal sums, the measure met first comes first.
        """
        np = _numpy()
        others, products = [], []
        for feature, weight in vector.items():
            budget = math.ceil(SCAN * weight * weight)
            posted, weights = self.postings[feature]
            others.append(posted[:budget])
            products.append(weight * weights[:budget])
        others, products = np.concatenate(others), np.concatenate(products)
        partial = np.bincount(others, weights=products, minlength=count)
        seen, first = np.unique(others, return_index=True)
        keep = seen != index
        seen, first = seen[keep], first[keep]
        order = np.lexsort((first, -partial[seen]))  # largest partial sum first, then the one met first
        return seen[order[:CANDIDATES]]

    def scores(self, index: int, others) -> list[tuple[float, int]]:
        """(score, other) of every other measure that may be among the SHOW_MAX best and reach MIN_SCORE.

        A vectorised sum ranks them first; only the scores that can decide (all that may pass MIN_SCORE, or
        those close to the SHOW_MAX-th best) are summed exactly, with math.fsum over the same products.
        """
        if len(others) == 0:
            return []
        np = _numpy()
        row = np.zeros(self.columns)
        row[self.features[index]] = self.weights[index]
        lengths = self.lengths[others]
        columns = np.concatenate([self.features[other] for other in others])
        products = row[columns] * np.concatenate([self.weights[other] for other in others])
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        rough = np.add.reduceat(products, starts) if len(products) else np.zeros(len(others))
        rough[lengths == 0] = 0.0  # reduceat gives an empty segment its next element
        sure = np.sort(rough[rough >= MIN_SCORE + 2 * ROUGH])
        deciding = rough >= MIN_SCORE - ROUGH
        if len(sure) >= SHOW_MAX:
            deciding &= rough >= sure[-SHOW_MAX] - 2 * ROUGH
        result = []
        for position in np.flatnonzero(deciding):
            start = starts[position]
            score = math.fsum(products[start:start + lengths[position]].tolist())
            if score >= MIN_SCORE:
                result.append((score, int(others[position])))
        return result


def _reason(a: dict, b: dict, display: dict) -> tuple:
    """The strongest shared parts, e.g. (("tg", ("alleinerziehende",)),): vocabulary values, or word spellings for "text"."""
    shared = {}
    for feature in sorted(a.keys() & b.keys()):
        part, value = feature.split(":", 1)
        shared.setdefault(part, []).append((a[feature] * b[feature], value))
    # Shared vocabulary values make the clearer reason; wording leads only when it weighs twice as much.
    strength = {part: sum(contribution for contribution, _ in values) * (TEXT_REASON if part == "text" else 1)
                for part, values in shared.items()}
    # Name the strongest part and, if one weighs at least half as much, one more; one or two
    # clear reasons read better than a list. Shown in a fixed order, target group first.
    passing = [part for part in PART_ORDER if strength.get(part, 0) >= SECOND_REASON * max(strength.values(), default=0)]
    top = max(passing, key=lambda part: (strength[part], -PART_ORDER.index(part))) if passing else None
    chosen = ([top] + [part for part in passing if part != top][:1]) if top else []
    ranked = [part for part in PART_ORDER if part in chosen]
    reason = []
    for part in ranked:
        values = [value for _, value in sorted(shared[part], key=lambda item: (-item[0], item[1]))][: 2 if len(ranked) == 1 else 1]
        if part == "text":
            values = [display.get(value, value) for value in values]
        reason.append((part, tuple(values)))
    return tuple(reason)


def related_measures(measures, exact: bool = False) -> dict[str, list[Related]]:
    """slug -> the 3 to 5 most similar other measures, best first, each with its reason.

    `exact` compares every pair (n²), for measuring how close the bounded search comes.
    """
    measures = sorted(measures, key=lambda record: record.sort_key)
    vectors, display = _vectors(measures)
    arrays = _Arrays(vectors)
    everyone = _numpy().arange(len(measures))
    result = {}
    for index, (measure, vector) in enumerate(zip(measures, vectors, strict=True)):
        if exact or len(measures) <= CANDIDATES + 1:
            others = everyone[everyone != index]
        else:
            others = arrays.candidates(index, vector, len(measures))
        # (-score, index): the index is the alphabetical order, so ties go by name
        scored = sorted((-score, other) for score, other in arrays.scores(index, others))
        best = -scored[0][0] if scored else 0
        chosen = [(-negative, other) for position, (negative, other) in enumerate(scored[:SHOW_MAX])
                  if position < SHOW_MIN or -negative >= KEEP_FRACTION * best]
        result[measure.slug] = [Related(measures[other], score, _reason(vector, vectors[other], display))
                                for score, other in chosen]
    return result
