"""A compact form of a lunr index: terms, postings with term frequencies and field lengths.

lunr's own JSON repeats every field name in every posting and stores, per record and field, the
term numbers (which the postings already tell) with a BM25 score each; those vectors were over
half of the file. Here only the postings travel, with each record's field lengths, so query.py and
search-core.js score a matched posting with lunr's formula when a query needs it, without
unpacking the whole index first.

A term's postings in one field are one string (see `encode`), not a JSON array: a browser parses a
few thousand strings far faster than millions of numbers in small arrays (at 5,000 records the
full-text part parsed in 9 ms instead of 90 ms), and they give the garbage collector little to walk.

`expand` turns the compact form back into lunr's serialised index; it is the reference the tests
hold the fast scoring against (lunr.py's and lunr.js's own `Index.query` on the expanded index).
"""

from __future__ import annotations

import math

FORMAT = 3  # 3: postings as strings, field lengths included
K1, B = 1.2, 0.75  # lunr's defaults

# Printable ASCII without the double quote and the backslash (nothing to escape in JSON), 92
# characters. A number is written in base 46, most significant digit first; the last digit comes
# from the second half of the alphabet, so it also ends the number.
DIGITS = "".join(chr(code) for code in range(0x21, 0x7F) if chr(code) not in '"\\')
BASE = len(DIGITS) // 2
VALUE = {character: number for number, character in enumerate(DIGITS)}


def _write_number(number: int, out: list) -> None:
    digits = []
    while True:
        number, digit = divmod(number, BASE)
        digits.append(digit)
        if not number:
            break
    out.extend(DIGITS[digit] for digit in reversed(digits[1:]))
    out.append(DIGITS[BASE + digits[0]])


def _written(number: int) -> str:
    out = []
    _write_number(number, out)
    return "".join(out)


# Nearly every number in the postings is below BASE² (one or two digits): those are looked up.
WRITTEN = [_written(number) for number in range(BASE * BASE)]


def encode(postings) -> str:
    """(ref, count) pairs, refs ascending, as a string: per record the gap to the previous ref
    times two, plus one if the count is not 1 and then the count."""
    out, previous, table, limit = [], 0, WRITTEN, len(WRITTEN)
    for ref, count in postings:
        number, previous = (ref - previous) * 2 + (count != 1), ref
        out.append(table[number] if number < limit else _written(number))
        if count != 1:
            out.append(table[count] if count < limit else _written(count))
    return "".join(out)


def decode(text: str) -> list[tuple[int, int]]:
    """The (ref, count) pairs of an `encode`d string; search-core.js's `decode` reads it the same way."""
    numbers, number = [], 0
    for character in text:
        value = VALUE[character]
        if value < BASE:
            number = number * BASE + value
        else:
            numbers.append(number * BASE + value - BASE)
            number = 0
    pairs, ref, position = [], 0, 0
    while position < len(numbers):
        ref += numbers[position] >> 1
        if numbers[position] & 1:
            pairs.append((ref, numbers[position + 1]))
            position += 2
        else:
            pairs.append((ref, 1))
            position += 1
    return pairs


def bmp_only(term: str) -> bool:
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
    terms = sorted(term for term in builder.inverted_index if bmp_only(term))
    postings = []
    lengths = [[0] * len(refs) for _ in fields]  # tokens per record and field, as `expand` counts them
    for term in terms:
        per_field = []
        for field_number, field in enumerate(fields):
            pairs = [(ref, frequencies[f"{field}/{ref}"][term])
                     for ref in sorted(int(ref) for ref in builder.inverted_index[term][field])]
            for ref, count in pairs:
                lengths[field_number][ref] += count
            per_field.append(encode(pairs))
        postings.append(per_field)
    return {"format": FORMAT, "version": "2.3.9", "fields": fields, "boosts": boosts,
            "pipeline": builder.search_pipeline.serialize(), "documents": len(refs),
            "terms": terms, "postings": postings, "lengths": lengths}


def _round(score: float) -> float:
    # lunr rounds scores to thousandths; floor(x + 0.5) is written the same way in search-core.js.
    return math.floor(score * 1000 + 0.5) / 1000


def idf(with_term: int, documents: int) -> float:
    """lunr.idf: `with_term` counts a record once per field that has the term, as lunr does."""
    return math.log(1 + abs((documents - with_term + 0.5) / (with_term + 0.5)))


def length_norm(length: int, average: float) -> float:
    """BM25's length normalisation of a record's field (lunr's k1 and b)."""
    if not average:  # no record has a word in this field, so it has no postings and the value is never used
        return K1 * (1 - B)
    return K1 * (1 - B + B * (length / average))


def term_score(idf_value: float, count: int, norm: float, boost: float) -> float:
    """One entry of a lunr field vector: BM25 of a term in a record's field, boosted, rounded like lunr."""
    score = idf_value * ((K1 + 1) * count) / (norm + count)
    score *= boost
    return _round(score)


def averages(packed: dict) -> list[float]:
    """Average field length per field, summed over records in order (as lunr does)."""
    result = []
    for lengths in packed["lengths"]:
        total = 0
        for length in lengths:
            total += length
        result.append(total / packed["documents"] if packed["documents"] else 0)
    return result


def expand(packed: dict) -> dict:
    """lunr's serialised index (what lunr.Index.load takes) from the compact form."""
    fields, boosts, documents = packed["fields"], packed["boosts"], packed["documents"]
    lengths = [[0] * documents for _ in fields]
    entries = [[[] for _ in range(documents)] for _ in fields]  # [field][ref] -> [(term number, count)]
    inverted, with_term = [], []
    for number, (term, per_field) in enumerate(zip(packed["terms"], packed["postings"], strict=True)):
        posting, count_documents = {"_index": number}, 0
        for field_number, field in enumerate(fields):
            refs = {}
            for ref, count in decode(per_field[field_number]):
                refs[str(ref)] = {}
                lengths[field_number][ref] += count
                entries[field_number][ref].append((number, count))
            posting[field] = refs
            count_documents += len(refs)
        inverted.append([term, posting])
        with_term.append(count_documents)
    idfs = [idf(n, documents) for n in with_term]
    means = averages({"lengths": lengths, "documents": documents})
    field_vectors = []
    for ref in range(documents):
        for field_number, field in enumerate(fields):
            elements = []
            length, average = lengths[field_number][ref], means[field_number]
            for number, count in entries[field_number][ref]:
                elements += [number, term_score(idfs[number], count, length_norm(length, average),
                                                boosts[field_number])]
            field_vectors.append([f"{field}/{ref}", elements])
    return {"version": packed["version"], "fields": fields, "fieldVectors": field_vectors,
            "invertedIndex": inverted, "pipeline": packed["pipeline"]}
