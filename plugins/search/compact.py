"""A compact form of a lunr index: terms and postings with term frequencies; the scores are rebuilt.

lunr's own JSON repeats every field name in every posting and stores, per record and field, the
term numbers (which the postings already tell) with a BM25 score each; those vectors were over
half of the file. Here only the postings travel (record numbers as gaps, a frequency where it is
not 1) and `expand` recomputes lunr's scores with lunr's formula, in the same order of arithmetic
as search-core.js's `expand`, so Python and the browser load the same index.
"""

from __future__ import annotations

import math

FORMAT = 2
K1, B = 1.2, 0.75  # lunr's defaults


def _bmp_only(term: str) -> bool:
    # Python sorts by code point, JavaScript by UTF-16 unit: they differ only beyond U+FFFF.
    return all(ord(character) <= 0xFFFF for character in term)


def compact(builder) -> dict:
    """The compact form of a lunr.py Builder that has all documents added (before or after build())."""
    fields = list(builder._fields)
    boosts = [builder._fields[name].boost for name in fields]
    refs = [int(ref) for ref in builder._documents]
    if refs != list(range(len(refs))):
        raise ValueError("references must be 0, 1, 2, … in the order the records were added")
    frequencies = builder.field_term_frequencies  # "field/ref" -> {term: count}
    terms = sorted(term for term in builder.inverted_index if _bmp_only(term))
    postings = []
    for term in terms:
        per_field = []
        for field in fields:
            entries, previous = [], 0
            for ref in sorted(int(ref) for ref in builder.inverted_index[term][field]):
                count = frequencies[f"{field}/{ref}"][term]
                entries.append(ref - previous if count == 1 else [ref - previous, count])
                previous = ref
            per_field.append(entries)
        postings.append(per_field)
    return {"format": FORMAT, "version": "2.3.9", "fields": fields, "boosts": boosts,
            "pipeline": builder.search_pipeline.serialize(), "documents": len(refs),
            "terms": terms, "postings": postings}


def _round(score: float) -> float:
    # lunr rounds scores to thousandths; floor(x + 0.5) is written the same way in search-core.js.
    return math.floor(score * 1000 + 0.5) / 1000


def expand(packed: dict) -> dict:
    """lunr's serialised index (what lunr.Index.load takes) from the compact form."""
    fields, boosts, documents = packed["fields"], packed["boosts"], packed["documents"]
    lengths = [[0] * documents for _ in fields]
    entries = [[[] for _ in range(documents)] for _ in fields]  # [field][ref] -> [(term number, count)]
    inverted, with_term = [], []
    for number, (term, per_field) in enumerate(zip(packed["terms"], packed["postings"])):
        posting, count_documents = {"_index": number}, 0
        for field_number, field in enumerate(fields):
            ref, refs = 0, {}
            for entry in per_field[field_number]:
                gap, count = (entry, 1) if isinstance(entry, int) else entry
                ref += gap
                refs[str(ref)] = {}
                lengths[field_number][ref] += count
                entries[field_number][ref].append((number, count))
            posting[field] = refs
            count_documents += len(refs)
        inverted.append([term, posting])
        with_term.append(count_documents)
    idf = [math.log(1 + abs((documents - n + 0.5) / (n + 0.5))) for n in with_term]
    averages = []
    for field_number in range(len(fields)):
        total = 0
        for length in lengths[field_number]:
            total += length
        averages.append(total / documents if documents else 0)
    field_vectors = []
    for ref in range(documents):
        for field_number, field in enumerate(fields):
            elements = []
            length, average = lengths[field_number][ref], averages[field_number]
            for number, count in entries[field_number][ref]:
                score = idf[number] * ((K1 + 1) * count) / (K1 * (1 - B + B * (length / average)) + count)
                score *= boosts[field_number]
                elements += [number, _round(score)]
            field_vectors.append([f"{field}/{ref}", elements])
    return {"version": packed["version"], "fields": fields, "fieldVectors": field_vectors,
            "invertedIndex": inverted, "pipeline": packed["pipeline"]}
