"""The thesaurus at index time: a record that contains a catalogue term of an entry gets the entry's
everyday words in its core field `synonyms`, so "Bürgergeld" finds the records that say "SGB II"
and the browser needs no extra data or code. Also the vocabulary check of the thesaurus (every
catalogue term must occur in some record), with the same matching.

A catalogue term matches a record when its words (stemmed, stop words left out) stand one after
the other in a field; the last word may also be the start of a longer word ("Sucht" matches
"Suchtberatung") or a later part of a compound ("Beratung" in "Schuldnerberatung"), if it has
at least four letters.
"""

from __future__ import annotations

from bisect import bisect_left

from plugins.derive.search import german
from plugins.derive.search.documents import core_fields, full_text_fields

MIN_PREFIX = 4
MAX_REPEAT = 3


def terms_of(text: str) -> list[str]:
    return [term for term in (german.index_term(word) for word in german.words(german.clean_text(text))) if term]


class RecordTerms:
    """One record's texts as stemmed term sequences, with its compound parts."""

    def __init__(self, texts, tails=()):
        self.lines = [" " + " ".join(terms_of(text)) + " " for text in texts if text]
        self.lines.append(" " + " ".join(terms_of(" ".join(tails))) + " ")
        self.sorted = sorted({term for line in self.lines for term in line.split()})

    def has(self, phrase_terms) -> bool:
        if not phrase_terms:
            return False
        last = phrase_terms[-1]
        prefix_ok = len(last) >= MIN_PREFIX
        first = phrase_terms[0] if len(phrase_terms) > 1 else last
        number = bisect_left(self.sorted, first)
        if number == len(self.sorted) or not (self.sorted[number] == first or
                                              (len(phrase_terms) == 1 and prefix_ok and self.sorted[number].startswith(first))):
            return False
        needle = " " + " ".join(phrase_terms) + ("" if prefix_ok else " ")
        return any(needle in line for line in self.lines)


def resolved(thesaurus) -> dict:
    """entry term -> the catalogue terms it finds, following entries that name other entries."""
    by_term = {entry.term: entry for entry in thesaurus.entries}
    result = {}

    def walk(term, seen):
        found = []
        for target in by_term[term].finds:
            if target in by_term and target != term:
                if target not in seen:  # load_thesaurus has refused cycles; this only guards
                    found += walk(target, seen | {target})
            else:
                found.append(target)
        return found

    for entry in thesaurus.entries:
        result[entry.term] = list(dict.fromkeys(walk(entry.term, {entry.term})))
    return result


class Synonyms:
    """Built once from the thesaurus, then asked per record."""

    def __init__(self, thesaurus=None):
        self.entries = []
        if thesaurus is None:
            return
        targets = resolved(thesaurus)
        for entry in thesaurus.entries:
            words = " ".join(form + (" " + form.replace("-", "") if "-" in form else "") for form in entry.forms)
            self.entries.append((words, [terms_of(target) for target in targets[entry.term]]))

    def of(self, record_terms: RecordTerms) -> str:
        """The everyday words of every entry one of whose catalogue terms the record has, once per
        term it has (at most MAX_REPEAT times); "" if none."""
        out = []
        for words, phrases in self.entries:
            found = sum(1 for phrase in phrases if record_terms.has(phrase))
            out += [words] * min(found, MAX_REPEAT)  # a record with more of the terms ranks higher
        return " ".join(out)


def enrich(core: list[dict], full: list[dict], synonyms: Synonyms | None = None) -> None:
    """Fill each record's `parts` (later parts of its compounds, compounds.py) in both index parts
    and its core field `synonyms` (thesaurus words), from the catalogue's own vocabulary."""
    from plugins.derive.search.compounds import Splitter

    texts = [[value for key, value in document.items() if key not in ("ref", "parts", "synonyms")]
             for document in core + full]
    splitter = Splitter({word for fields in texts for text in fields for word in german.words(text)})
    for core_document, full_document in zip(core, full, strict=True):
        for document in (core_document, full_document):
            words = {word for key, text in document.items() if key not in ("ref", "parts", "synonyms")
                     for word in german.words(text)}
            document["parts"] = " ".join(sorted({tail for word in words for tail in splitter.tails(word)}))
        if synonyms is not None and synonyms.entries:
            fields = [text for document in (core_document, full_document)
                      for key, text in document.items() if key not in ("ref", "parts", "synonyms")]
            record_terms = RecordTerms(fields, (core_document["parts"] + " " + full_document["parts"]).split())
            core_document["synonyms"] = german.clean_text(synonyms.of(record_terms))


def catalogue_vocabulary(records):
    """known(term) for load_thesaurus: does some record contain `term` (synonyms.py's matching)?

    Words as written are tried first; compound parts, which cost a split of every word, are worked out
    only if some term is not found that way (parts add matches, they never take one away).
    """
    core = [{"ref": str(ref), **core_fields(record)} for ref, record in enumerate(records)]
    full = [{"ref": str(ref), **full_text_fields(record)} for ref, record in enumerate(records)]

    def texts(c, f):
        return [v for k, v in c.items() if k not in ("ref", "parts", "synonyms")] + \
               [v for k, v in f.items() if k not in ("ref", "parts")]

    plain = [RecordTerms(texts(c, f)) for c, f in zip(core, full, strict=True)]
    with_parts = []

    def known(term) -> bool:
        terms = terms_of(term)
        if any(record.has(terms) for record in plain):
            return True
        if not with_parts:
            enrich(core, full)
            with_parts.extend(RecordTerms(texts(c, f), (c["parts"] + " " + f["parts"]).split())
                              for c, f in zip(core, full, strict=True))
        return any(record.has(terms) for record in with_parts)

    return known
