"""Record text that a spreadsheet could take for a formula (CSV/XLSX injection).

A cell whose text starts with = + - @ (or a tab or carriage return, which some programs skip
before looking) may be run as a formula when the file is opened in Excel or LibreOffice. Record
text comes from many hands, so such text is neutralised in massnahmen.csv (a leading apostrophe,
as OWASP recommends) and written as a plain text cell with Excel's quote prefix in the XLSX files.
Numbers are never touched: only text from records.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    return isinstance(text, str) and text.startswith(FORMULA_STARTS)


def csv_safe(text: str) -> str:
    """'=1+1' -> "'=1+1"; any other text unchanged."""
    return "'" + text if looks_like_formula(text) else text
