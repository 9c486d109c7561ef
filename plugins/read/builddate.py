"""The build date: the day that dates in records must not lie after.

Taken, in this order, from
1. the environment variable SOURCE_DATE_EPOCH (seconds since 1970-01-01 UTC, the convention of
   reproducible-builds.org), so a build can be repeated with the same outcome anywhere;
2. the date of the last commit of the git repository that holds the content folder, so two builds
   of the same commit agree on every machine and on every day;
3. today, where neither is available (content outside a git repository).
All dates are taken in UTC.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path


class BuildDateError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a whole number of seconds."""


def _utc_day(seconds: int) -> datetime.date:
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC).date()


def last_commit_seconds(folder: Path) -> int | None:
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=folder, capture_output=True, text=True,
                                timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    text = result.stdout.strip()
    return int(text) if result.returncode == 0 and text.isdigit() else None


def build_date(content_root: Path) -> tuple[datetime.date, str]:
    """(date, where it came from, in German for messages)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip():
        if not epoch.strip().isdigit():
            raise BuildDateError(f"SOURCE_DATE_EPOCH ist „{epoch}“; erwartet wird eine ganze Zahl von Sekunden seit "
                                 "1970-01-01 (UTC), z. B. 1767225600")
        return _utc_day(int(epoch.strip())), "aus SOURCE_DATE_EPOCH"
    folder = Path(content_root)
    seconds = last_commit_seconds(folder if folder.is_dir() else Path.cwd())
    if seconds is not None:
        return _utc_day(seconds), "Datum des letzten Commits"
    return datetime.datetime.now(datetime.UTC).date(), "heutiges Datum"
