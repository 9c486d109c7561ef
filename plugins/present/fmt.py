"""German number, money and date formatting, shared by page templates and exports."""

from __future__ import annotations

MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]
CURRENCY_SIGN = {"EUR": "€", "DM": "DM"}


def number_de(value, decimals=None) -> str:
    """1234567.5 -> '1.234.567,5'; without `decimals`, as many as the value has (at most two)."""
    if value is None:
        return ""
    if decimals is None:
        decimals = len(f"{float(value):.2f}".rstrip("0").split(".")[1])
    text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def money(amount, currency="EUR", approximate=False, decimals=None) -> str:
    prefix = "rund " if approximate else ""
    if decimals is None:
        decimals = 0 if float(amount).is_integer() else 2  # cents: 5.985,00 €, never 5.985,5 €
    return f"{prefix}{number_de(amount, decimals)}\u00a0{CURRENCY_SIGN.get(currency, currency)}"


def partial_date(text) -> str:
    """'2013' -> '2013', '2013-04' -> 'April 2013', '2013-04-08' -> '08.04.2013'."""
    if not text:
        return ""
    parts = str(text).split("-")
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return f"{parts[2]}.{parts[1]}.{parts[0]}"


def pages(numbers) -> str:
    numbers = sorted(numbers or [])
    if not numbers:
        return ""
    if len(numbers) == 1:
        return f"Seite {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"Seiten {numbers[0]}–{numbers[-1]}"
    return "Seiten " + ", ".join(str(n) for n in numbers)
