"""Normalise legal-basis citations: "§16a SGBII" -> "§ 16a SGB II"."""

from __future__ import annotations

import re
from functools import lru_cache

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
OTHER_LAWS = {law.lower(): law for law in ["BSHG", "AsylbLG", "AufenthG", "BBiG", "AFG", "HwO", "SchwbG", "KJHG"]}

_PATTERN = re.compile(
    r"""^§\s*(?P<num>\d{1,3})\s*(?P<letter>[a-z])?\b\s*
        (?:(?:Abs\.?|Absatz)\s*(?P<abs>\d{1,2}[a-z]?)\s*)?
        (?:(?:S\.?|Satz)\s*(?P<satz>\d{1,2})\s*)?
        (?:(?:Nr\.?|Nummer)\s*(?P<nr>\d{1,2}[a-z]?)\s*)?
        (?P<law>SGB\s*(?P<book>XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I|\d{1,2})|[A-Za-z]+)$""",
    re.VERBOSE | re.IGNORECASE,
)


class LegalBasisError(ValueError):
    pass


def normalise(citation: str) -> str:
    """Return the canonical spelling of one paragraph citation or raise LegalBasisError."""
    text = " ".join(str(citation).split())
    if text.startswith("§§"):
        raise LegalBasisError("bitte nur einen Paragrafen je Eintrag, z. B. „§ 61 SGB III“ und „§ 61a SGB III“ als zwei Einträge")
    match = _PATTERN.match(text)
    if not match:
        raise LegalBasisError(f"„{text}“ ist keine erkennbare Paragrafenangabe; erwartet z. B. „§ 16a SGB II“ oder „§ 45 SGB III“")
    parts = [f"§ {match['num']}{(match['letter'] or '').lower()}"]
    if match["abs"]:
        parts.append(f"Abs. {match['abs']}")
    if match["satz"]:
        parts.append(f"S. {match['satz']}")
    if match["nr"]:
        parts.append(f"Nr. {match['nr']}")
    book = match["book"]
    if book:
        roman = ROMAN[int(book) - 1] if book.isdigit() and 1 <= int(book) <= 12 else book.upper()
        if roman not in ROMAN:
            raise LegalBasisError(f"„SGB {book}“ gibt es nicht; die Sozialgesetzbücher reichen von I bis XII")
        parts.append(f"SGB {roman}")
    else:
        law = OTHER_LAWS.get(match["law"].lower())
        if not law:
            raise LegalBasisError(f"Gesetz „{match['law']}“ ist unbekannt; erwartet SGB I–XII oder eines von {', '.join(sorted(OTHER_LAWS.values()))}")
        parts.append(law)
    return " ".join(parts)


SUBDIVISION = re.compile(r" (Abs|S|Nr)\. \S+")


@lru_cache(maxsize=4096)
def paragraph_key(normalised: str) -> str:
    """The paragraph without Absatz/Satz/Nummer, for grouping: "§ 16 Abs. 1 SGB II" -> "§ 16 SGB II".
    Remembered: facets, filters, facts and related measures each ask it for every citation of every record."""
    return SUBDIVISION.sub("", normalised)
