"""When each record file was added and last changed, read from git history (never from file times)."""

from __future__ import annotations

import datetime
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

# Everything that could make `git log` print differently on another machine is pinned here.
GIT = ["git", "-c", "core.quotePath=false", "-c", "log.showSignature=false", "-c", "color.ui=never"]
COMMIT_MARK = "\x01"


@dataclass(frozen=True)
class Dates:
    added: datetime.datetime  # first commit that contains the file (UTC)
    changed: datetime.datetime  # latest commit that touched it (UTC)
    commits: int

    @property
    def is_new(self) -> bool:
        return self.commits == 1


@dataclass
class History:
    """Dates per repository path; `note` says in German why some or all dates are missing."""

    top: Path | None
    dates: dict = field(default_factory=dict)  # repository path (posix) -> Dates
    note: str = ""

    def repo_path(self, file: Path | None) -> str | None:
        if self.top is None or file is None:
            return None
        try:
            return file.resolve().relative_to(self.top).as_posix()
        except ValueError:
            return None

    def of(self, file: Path) -> Dates | None:
        return self.dates.get(self.repo_path(file))


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(GIT + list(args), cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, "LC_ALL": "C"})


def _utc(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).astimezone(datetime.UTC)


def read_history(content_root: Path) -> History:
    """One `git log` over the content folder; newest commit first, so the last date seen is the first."""
    content_root = content_root.resolve()
    try:
        top = _git(content_root, "rev-parse", "--show-toplevel")
    except (FileNotFoundError, NotADirectoryError):
        return History(None, note="git ist nicht installiert; Änderungsdaten und Feed-Einträge fehlen")
    if top.returncode != 0:
        return History(None, note=f"{content_root} ist kein Git-Arbeitsverzeichnis; Änderungsdaten und "
                                  "Feed-Einträge fehlen (in einem Klon des Repositorys sind sie da)")
    top_path = Path(top.stdout.strip()).resolve()
    history = History(top_path)
    log = _git(top_path, "log", f"--format={COMMIT_MARK}%cI", "--name-only", "--no-renames", "HEAD", "--",
               content_root.relative_to(top_path).as_posix() or ".")
    if log.returncode != 0:
        # An empty repository (no commit yet) lands here too: nothing to date.
        history.note = "die Git-Versionsgeschichte ist leer oder nicht lesbar; Änderungsdaten fehlen"
        return history
    newest, oldest, counts = {}, {}, {}
    current = None
    for line in log.stdout.splitlines():
        if line.startswith(COMMIT_MARK):
            current = _utc(line[1:])
        elif line and current is not None:
            newest.setdefault(line, current)
            oldest[line] = current
            counts[line] = counts.get(line, 0) + 1
    history.dates = {path: Dates(oldest[path], newest[path], counts[path]) for path in newest}
    shallow = _git(top_path, "rev-parse", "--is-shallow-repository")
    if shallow.stdout.strip() == "true":
        history.note = ("flacher Git-Klon (shallow clone): die Daten „neu seit“ sind unvollständig; "
                        "im CI mit voller Historie auschecken (fetch-depth: 0)")
    return history


def local_date(moment: datetime.datetime, timezone: str) -> datetime.date:
    """The calendar date of a UTC moment in the site's time zone (a fixed rule, so builds agree)."""
    return moment.astimezone(ZoneInfo(timezone)).date()


def iso_utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
