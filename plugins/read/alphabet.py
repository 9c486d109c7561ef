"""German alphabetical order: the initial a term is filed under and its sort key (Ä with A)."""

from __future__ import annotations

import unicodedata


def initial(keyword: str) -> str:
    """'Ärztlicher Dienst' -> 'A'; digits and signs -> '#'."""
    letter = unicodedata.normalize("NFKD", keyword.strip()[:1].upper())[:1]
    return letter if "A" <= letter <= "Z" else "#"


def sort_key(keyword: str):
    folded = unicodedata.normalize("NFKD", keyword.casefold()).encode("ascii", "ignore").decode()
    return (folded, keyword)
