"""German compounds, split against the catalogue's own words, at index time and at query time.

Staff type "Lohnzuschuss" where a record says "Lohnkostenzuschuss", "Suchtkranke" where it says
"Suchtproblemen", "Beratung bei Sucht" where it says "Suchtberatung". A word's first part is
already found as a word start ("Sucht" finds "Suchtberatung"); the later parts are not.

- Index time (`Splitter`): every word of at least MIN_WORD letters is split into parts that are
  themselves words of the catalogue (with the linking letters German puts between them: s, es, n,
  en, e, er; a first part may drop a final e: "Sprach-kurs"). The fewest parts win. The terms of
  the *later* parts go into a field `parts` of low weight, so "Zuschuss" finds
  "Lohnkostenzuschuss", below records that say "Zuschuss" themselves.
- Query time (`query_split`, same steps in search-core.js): a long typed word that finds little is
  tried as first part + linking letters + rest, where the first part is an index term and the rest
  reaches one (as itself or as a word start); the two parts then count at a lower weight.

No splitter from PyPI or npm is used: the catalogue's vocabulary decides, the browser needs no word
list (it splits against the index terms it has), and both sides stay identical (parity tests).
"""

from __future__ import annotations

from functools import lru_cache

MIN_WORD = 8  # shorter words are not split
MIN_PART = 4  # no part shorter than this ("amt", "job" stay whole)
LINKS = ("", "s", "es", "n", "en", "e", "er")  # Fugenelemente, tried in this order


class Splitter:
    """Splits words against a vocabulary of lowercase catalogue words."""

    def __init__(self, words):
        self.known = frozenset(word for word in words if len(word) >= MIN_PART and word.isalpha())
        self.split = lru_cache(maxsize=None)(self._split)

    def _head_known(self, head: str) -> bool:
        return head in self.known or head + "e" in self.known

    def _split(self, word: str) -> tuple:
        """The parts of `word` (lowercase), or () if it is not a compound of known words."""
        if len(word) < MIN_WORD or not word.isalpha():
            return ()
        best = ()
        for end in range(MIN_PART, len(word) - MIN_PART + 1):
            head = word[:end]
            if not self._head_known(head):
                continue
            for link in LINKS:
                if not word.startswith(link, end):
                    continue
                tail = word[end + len(link):]
                if len(tail) < MIN_PART:
                    continue
                rest = (tail,) if tail in self.known else self.split(tail)
                if rest and (not best or 1 + len(rest) < len(best)):
                    best = (head, *rest)
        return best

    def tails(self, word: str) -> tuple:
        """The parts after the first (the first is found as a word start anyway)."""
        return self.split(word)[1:]
