"""The one shape every validation message has: file, line, field, message."""

from __future__ import annotations

from dataclasses import dataclass


def field_name(path) -> str:
    """("cost_per_participant", 0, "amount") -> "cost_per_participant[1].amount" (lists counted from 1)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(Kopfbereich)"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    warning: bool = False

    def __str__(self):
        kind = "Warnung: " if self.warning else ""
        return f"{self.path}:{self.line}: {self.field}: {kind}{self.message}"


class ContentErrors(Exception):
    """Raised once, after every problem in every file has been reported."""

    exitcode = 1

    def __init__(self, problems):
        self.problems = problems
        files = len({p.path for p in problems})
        super().__init__(f"{len(problems)} Fehler in {files} {'Dateien' if files != 1 else 'Datei'}"
                         " – die Website wurde nicht gebaut")
