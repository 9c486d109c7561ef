"""Glossary abbreviations for records that only spell them out, so the abbreviation finds them.

Staff type "AGH", "BG" or "JC" where a record says "Arbeitsgelegenheiten", "Bedarfsgemeinschaft"
or "Jobcenter". At build time each record gets, in the core field `aliases`, the abbreviation of
every glossary long form it contains but does not abbreviate itself; the browser needs no extra
code or data. Only this direction: adding long forms for abbreviations would put "Deutsche Mark"
(DM) into thirty model projects and "Grundsicherung für Arbeitsuchende" (SGB II) into nearly all
records, and a search for "Deutsch" or "Grundsicherung" would drown in them.
"""

from __future__ import annotations

import re

WORD = re.compile(r"\w+")


def _words(text: str) -> str:
    """The words of `text` between single spaces, with a space at each end: a phrase is then found
    as a plain substring, whatever spaces or punctuation stand between its words in the record."""
    return " " + " ".join(WORD.findall(text)) + " "


class Aliases:
    """Built once from the glossary's abbreviations, then asked per record."""

    def __init__(self, abbreviations=(), protected=()):
        """`protected`: names that contain an abbreviation with another meaning ("BASF AG" is no
        working group); they are taken out of the text before abbreviations are looked for."""
        # Abbreviations are matched as written (case matters: "BA" is not "ba"), long forms in any case.
        self.entries = []  # (term, its forms, its long form, the long form's first word or None)
        for entry in abbreviations:
            if entry.long:
                long_form = _words(entry.long.lower())
                self.entries.append((entry.term, [_words(form) for form in entry.forms], long_form,
                                     next(iter(long_form.split()), None)))
        self.protected = [_words(name) for name in protected]

    def of(self, text: str) -> str:
        """The abbreviations whose long form `text` contains and which `text` does not use itself,
        in glossary order; "" without a glossary."""
        if not self.entries:
            return ""
        words = _words(text)
        for name in self.protected:
            words = words.replace(name, " ")
        lower = words.lower()
        present = set(lower.split())  # a long form can only be there if its first word is
        return " ".join(term for term, forms, long_form, first in self.entries
                        if (first is None or first in present) and long_form in lower and not any(form in words for form in forms))
