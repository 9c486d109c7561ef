"""Checks on the dates of a record that the JSON Schema cannot make: a real calendar day, a period
that does not end before it starts, and no date after the build date (plugins/read/builddate.py).

A date may be a year (2013), a month (2013-04) or a day (2013-04-08); compared are the first and
the last day it can mean, so "2012-10-01" to "2012" is a valid period.
"""

from __future__ import annotations

import calendar
import datetime
import re

from plugins.read import schema
from plugins.read.problems import Problem, field_name
from plugins.read.reader import leaves

DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")


def _parts(text):
    match = DATE.match(text) if isinstance(text, str) else None
    if not match:
        return None
    return tuple(int(part) if part else None for part in match.groups())


def first_day(text) -> datetime.date | None:
    parts = _parts(text)
    if not parts:
        return None
    year, month, day = parts
    try:
        return datetime.date(year, month or 1, day or 1)
    except ValueError:
        return None


def last_day(text) -> datetime.date | None:
    parts = _parts(text)
    if not parts:
        return None
    year, month, day = parts
    month = month or 12
    try:
        return datetime.date(year, month, day or calendar.monthrange(year, month)[1])
    except ValueError:
        return None


def _calendar_problem(text) -> str | None:
    parts = _parts(text)
    if not parts or parts[2] is None or not 1 <= parts[1] <= 12:
        return None  # the schema's pattern speaks about the shape
    year, month, day = parts
    days = calendar.monthrange(year, month)[1]
    if day <= days:
        return None
    return (f"„{text}“ gibt es nicht im Kalender (der {MONTHS[month - 1]} {year} hat {days} Tage); "
            "erwartet ein Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT")


def check_dates(kind: str, raw, today: datetime.date | None, today_origin: str = "") -> list[Problem]:
    """Calendar, order and future problems of every date field of one record (after normalising)."""
    problems = []
    for path, shape, container, key in leaves(raw.data):
        value = container[key]
        if not isinstance(value, str):
            continue
        node = schema.subschema_at(kind, shape) or {}
        if not node.get("x-partial-date"):
            continue
        message = _calendar_problem(value)
        if message:
            problems.append(Problem(raw.path, raw.line_of(path), field_name(path), message))
            continue
        start = first_day(value)
        if today is not None and start is not None and start > today and not node.get("x-future-allowed"):
            problems.append(Problem(raw.path, raw.line_of(path), field_name(path),
                                    f"„{value}“ liegt nach dem Erstellungsdatum {today:%d.%m.%Y} "
                                    f"({today_origin}); ein Datum in der Zukunft ist hier nicht möglich, bitte prüfen"))
        if path[-1] == "end" and isinstance(raw.data, dict):
            parent = raw.data
            for part in path[:-1]:
                parent = parent[part]
            begin = parent.get("start") if isinstance(parent, dict) else None
            end_last, begin_first = last_day(value), first_day(begin)
            if end_last and begin_first and end_last < begin_first:
                problems.append(Problem(raw.path, raw.line_of(path), field_name(path),
                                        f"Ende „{value}“ liegt vor dem Beginn „{begin}“; bitte Beginn und Ende prüfen"))
    return problems
