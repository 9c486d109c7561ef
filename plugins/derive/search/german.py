"""German for lunr.py exactly as lunr-languages does it in the browser: same trimmer, stop words, stemmer.

lunr.py's own `languages="de"` downloads nltk's stop-word list and builds its trimmer from the
letters of those words (no p, q, x, y: "Projekt" became "rojekt"). Here the word characters and
stop words are read from the vendored lunr.de.min.js itself, so both sides cannot drift apart;
the stemmer is Snowball 2.2's German (PyStemmer 2.2), the algorithm lunr.de was generated from
(tests/test_search_parity.py holds every word form of the catalogue to lunr.de's stems).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[3] / "theme" / "static" / "vendor" / "lunr-languages"
GERMAN_JS = VENDOR / "lunr.de.min.js"

# JavaScript's \s, which lunr.js's tokenizer splits on (with "-"); lunr.py splits only on ASCII
# whitespace, so every other space is turned into " " before text reaches lunr.py.
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
OTHER_SPACE = re.compile(f"[{JS_SPACE}]+")
SEPARATOR = re.compile(f"[{JS_SPACE}\\-]+")


class VendorFileError(RuntimeError):
    """The vendored lunr-languages file is missing or not in the expected shape."""


@cache
def _vendored() -> tuple[str, frozenset]:
    """(word characters, stop words) as lunr.de.min.js defines them."""
    try:
        source = GERMAN_JS.read_text(encoding="utf-8")
    except OSError as error:
        raise VendorFileError(f"{GERMAN_JS}: lunr-languages fehlt ({error.strerror})") from None
    characters = re.search(r'wordCharacters="([^"]+)"', source)
    stop_words = re.search(r'generateStopWordFilter\("([^"]+)"\.split\(" "\)\)', source)
    if not characters or not stop_words:
        raise VendorFileError(f"{GERMAN_JS}: Wortzeichen oder Stoppwörter nicht gefunden – ist das lunr.de 1.22.0?")
    return characters.group(1), frozenset(stop_words.group(1).split(" "))


def word_characters() -> str:
    return _vendored()[0]


def stop_words() -> frozenset:
    return _vendored()[1]


@cache
def _trim_patterns():
    # lunr.stemmer.support.js adds ASCII digits so that "16i", "2013" or "U25" survive.
    allowed = word_characters() + "0-9"
    return re.compile(f"^[^{allowed}]+"), re.compile(f"[^{allowed}]+$")


def trim(text: str) -> str:
    start, end = _trim_patterns()
    return end.sub("", start.sub("", text))


@cache
def _snowball():
    # Snowball 2.2, not 3: Snowball 3 changed the German stemmer ("aktuell" → "aktull"; 382 of 24,007 word
    # forms of catalogue and seed texts differ), and lunr.de in the browser stems the old way.
    import Stemmer

    return Stemmer.Stemmer("german")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _snowball().stemWord(word.lower())  # Snowball's tables are lower case (nltk lowered too)


def wildcard_normalise(term: str) -> str:
    """lunr.de.wildcardNormalizer: a prefix typed with umlauts must meet stemmed terms without them."""
    for pattern, replacement in (("[ßẞ]", "ss"), ("[äÄ]", "a"), ("[öÖ]", "o"), ("[üÜ]", "u")):
        term = re.sub(pattern, replacement, term)
    return term


def trimmer_de(token, i=None, tokens=None):
    return token.update(lambda text, metadata=None: trim(text))


def stop_word_filter_de(token, i=None, tokens=None):
    text = str(token)
    return token if text and text not in stop_words() else None


def stemmer_de(token, i=None, tokens=None):
    return token.update(lambda text, metadata=None: stem(text))



# What lunr.py's tokenizer splits a string on; every other space is " " by then (clean_text).
LUNR_PY_SEPARATOR = re.compile("[ \t\n\r\f\v\xa0-]+")


def words(text: str) -> list[str]:
    """A field's text split exactly as lunr.py's tokenizer would split it.

    The builder gets the words as a list: lunr.py's tokenizer walks a string one character at a
    time in Python, which was a third of the index build; a list it only wraps word by word.
    """
    return list(filter(None, LUNR_PY_SEPARATOR.split(text.lower())))


@lru_cache(maxsize=200_000)
def index_term(word: str):
    """One word of a field to its index term (trimmer, stop words, stemmer), or None."""
    trimmed = trim(word)
    if not trimmed or trimmed in stop_words():
        return None
    return stem(trimmed)


def index_de(token, i=None, tokens=None):
    """trimmer-de, stopWordFilter-de and stemmer-de in one step, remembered per word.

    The index pipeline is not part of the serialised index (only the search pipeline is), so one
    cached step may stand in for the three: a catalogue repeats the same few thousand words, and
    three pipeline passes per word were another third of the build.
    """
    term = index_term(token.string)
    if term is None:
        return None
    token.string = term
    return token


@cache
def lunr_py():
    """lunr.py's Builder, with lunr.de's pipeline functions registered under the names lunr.js looks up
    when it loads a serialised pipeline. Imported when first needed (only the search index uses it)."""
    from lunr.builder import Builder
    from lunr.pipeline import Pipeline

    for function, label in ((trimmer_de, "trimmer-de"), (stop_word_filter_de, "stopWordFilter-de"),
                            (stemmer_de, "stemmer-de")):
        Pipeline.registered_functions.pop(label, None)  # lunr.languages registers nltk's own where nltk is installed
        Pipeline.register_function(function, label)
    Pipeline.register_function(index_de, "indexPipeline-de")  # never serialised; registered to spare lunr.py's warning
    return Builder


def builder():
    """A lunr.py Builder with lunr.de's index and search pipelines; documents are added as `words`."""
    result = lunr_py()()
    result.pipeline.reset()
    result.pipeline.add(index_de)
    result.search_pipeline.reset()
    result.search_pipeline.add(trimmer_de, stemmer_de)
    return result


@cache
def search_pipeline() -> list:
    """The query pipeline lunr.js runs, by registered name."""
    return builder().search_pipeline.serialize()


def clean_text(text: str) -> str:
    """Text as lunr.js would split it: every JavaScript space becomes a plain space."""
    return OTHER_SPACE.sub(" ", text).strip()


def term_of(raw: str) -> str:
    """One typed word to its index term, or "" (stop word, only punctuation); termOf in search-core.js."""
    trimmed = trim(raw.lower())
    if not trimmed or trimmed in stop_words():
        return ""
    return wildcard_normalise(stem(trimmed))


def query_words(text: str) -> list[tuple[str, str]]:
    """(typed word, index term) for each word of a query that can match; queryWords in search-core.js."""
    words = []
    for raw in SEPARATOR.split(text.lower()):
        term = term_of(raw)
        if term and (raw, term) not in words:
            words.append((raw, term))
    return words
