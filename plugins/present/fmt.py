"""German numbers, money and dates through babel (locale de_DE), shared by page templates and exports."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from functools import cache, lru_cache

from babel.core import Locale
from babel.dates import format_date
from babel.numbers import parse_pattern

LOCALE = Locale.parse("de_DE")  # parsed once: babel would parse locale and pattern again on every call
CURRENCY_SIGN = {"EUR": "€", "DM": "DM"}


def number_de(value, decimals=None) -> str:
    """1234567.5 -> '1.234.567,5'; without `decimals`, as many as the value has (at most two)."""
    if value is None:
        return ""
    return _formatted(str(value), decimals)


@lru_cache(maxsize=65_536)
def _formatted(text: str, decimals) -> str:
    """Keyed by the value's exact text, which is what babel is given (Decimal(str(value))): the same
    figures recur in facts, cost report and exports, and babel's formatting is the costly part."""
    return _pattern(decimals).apply(Decimal(text), LOCALE)


@cache
def _pattern(decimals):
    """Up to two decimals as the value has them (None), else exactly `decimals`; German grouping."""
    return parse_pattern("#,##0.##" if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else ""))


def money(amount, currency="EUR", approximate=False, decimals=None) -> str:
    prefix = "rund " if approximate else ""
    if decimals is None:
        decimals = 0 if float(amount).is_integer() else 2  # cents: 5.985,00 €, never 5.985,5 €
    return f"{prefix}{number_de(amount, decimals)}\u00a0{CURRENCY_SIGN.get(currency, currency)}"


def partial_date(text) -> str:
    """'2013' -> '2013', '2013-04' -> 'April 2013', '2013-04-08' -> '08.04.2013'."""
    if not text:
        return ""
    parts = [int(part) for part in str(text).split("-")]
    if len(parts) == 1:
        return str(text)
    if len(parts) == 2:
        return format_date(datetime.date(parts[0], parts[1], 1), "MMMM yyyy", locale=LOCALE)
    return format_date(datetime.date(*parts), "dd.MM.yyyy", locale=LOCALE)


def pages(numbers) -> str:
    numbers = sorted(numbers or [])
    if not numbers:
        return ""
    if len(numbers) == 1:
        return f"Seite {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"Seiten {numbers[0]}–{numbers[-1]}"
    return "Seiten " + ", ".join(str(n) for n in numbers)


# Words ending in a full stop that do not end a sentence; one- and two-letter words ("z. B.", "Dr.") never do either.
_ABBREVIATIONS = {"inkl", "evtl", "zzgl", "bspw", "insb", "sog", "gem", "abs", "usw", "etc", "bzw", "ggf", "vgl", "ca",
                  "nr", "std", "mio", "mrd", "tsd", "max", "min", "ff", "str", "abt", "ref"}
_SENTENCE_END = re.compile(r"([.!?])\s+(?=[A-ZÄÖÜ0-9„\"])")


def split_lead(text) -> list:
    """[first sentence, the rest] of a summary: the Steckbrief shows the first as its lead, the rest after the facts.

    Conservative: a full stop after an abbreviation, a one- or two-letter word or a small number (an ordinal) does not split.
    """
    text = (text or "").strip()
    for match in _SENTENCE_END.finditer(text):
        token = text[:match.start()].rsplit(None, 1)[-1].strip("()„“\"")
        if len(token) <= 2 or token.lower() in _ABBREVIATIONS:
            continue
        return [text[:match.end(1)], text[match.end():].strip()]
    return [text, ""]


def counted(n: int, one: str, many: str) -> str:
    """'1 Programm', '3 Programme': a count with the right German noun."""
    return f"{number_de(n)} {one if n == 1 else many}"


# The template filters; plugins/publish registers them with every generator's Jinja environment.
TEMPLATE_FILTERS = {"number_de": number_de, "money": money, "partial_date": partial_date,
                    "split_lead": split_lead}
