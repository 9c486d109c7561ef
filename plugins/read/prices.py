"""The consumer price index (VPI) by year, read from a CSV file; every bad row is named with file and line."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from pathlib import Path

CENT = Decimal("0.01")
VPI_FILE = Path(__file__).resolve().parent / "data" / "vpi-deutschland.csv"


class PriceIndexError(ValueError):
    """The price index file or the base year is unusable; names file, line and what is wrong."""

    def __init__(self, path: str, line: int, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class PriceIndex:
    """Consumer price index (VPI) by year; `latest_year` is the default base year."""

    values: tuple  # ((year, Decimal), ...) in ascending year order
    source: str

    @property
    def years(self) -> tuple:
        return tuple(year for year, _ in self.values)

    @property
    def first_year(self) -> int:
        return self.values[0][0]

    @property
    def latest_year(self) -> int:
        return self.values[-1][0]

    def value(self, year: int) -> Decimal | None:
        return dict(self.values).get(year)

    def require(self, base_year: int) -> None:
        """PriceIndexError unless the table has a value for `base_year`."""
        if self.value(base_year) is None:
            raise PriceIndexError(self.source, 1, f"kein Indexwert für das Basisjahr {base_year} "
                                  f"(die Tabelle reicht von {self.first_year} bis {self.latest_year})")

    def adjust(self, amount_eur: Decimal, year: int, base_year: int) -> Decimal:
        """amount × VPI(base) ÷ VPI(year), rounded to cents; KeyError if a year is missing."""
        table = dict(self.values)
        return cents(amount_eur * table[base_year] / table[year])


def load_price_index(path: Path = VPI_FILE) -> PriceIndex:
    """Read `jahr,vpi_...` rows; any bad row raises PriceIndexError naming file and line."""
    shown = _shown_path(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise PriceIndexError(shown, 1, f"Preisindex nicht lesbar ({error.strerror})") from None
    rows = list(csv.reader(text.splitlines()))
    if not rows or len(rows[0]) != 2 or rows[0][0].strip() != "jahr":
        raise PriceIndexError(shown, 1, "Kopfzeile muss „jahr,vpi_…“ lauten")
    values = []
    for line, row in enumerate(rows[1:], start=2):
        if not row or not "".join(row).strip():
            continue
        if len(row) != 2:
            raise PriceIndexError(shown, line, f"erwartet zwei Spalten (Jahr, Index), gefunden {len(row)}")
        try:
            year, value = int(row[0]), Decimal(row[1].strip())
        except (ValueError, InvalidOperation):
            raise PriceIndexError(shown, line, f"„{','.join(row)}“ ist kein Jahr mit Indexwert wie „2013,93.1“") from None
        if value <= 0:
            raise PriceIndexError(shown, line, f"Indexwert für {year} muss größer als 0 sein")
        if values and year != values[-1][0] + 1:
            raise PriceIndexError(shown, line, f"Jahr {year} folgt nicht lückenlos auf {values[-1][0]}")
        values.append((year, value))
    if not values:
        raise PriceIndexError(shown, 1, "keine Jahreswerte gefunden")
    return PriceIndex(tuple(values), shown)


@cache
def default_price_index() -> PriceIndex:
    return load_price_index(VPI_FILE)


def _shown_path(path) -> str:
    path = Path(path).resolve()
    root = Path(__file__).resolve().parents[2]
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
