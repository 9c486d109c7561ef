"""Which pages a change adds, removes or changes: two built sites compared file by file, as Markdown
for the job summary of a pull request (with the validator's messages for the changed record files).

    python -m plugins.publish.page_diff BASE_SITE NEW_SITE [--changed LIST] [--content content]
                                        [--artifact-url URL] [--base-url URL]

BASE_SITE is main's build, NEW_SITE the pull request's. LIST is a file of changed paths separated
by NUL bytes (as `git diff -z --name-only` writes them); the record files among them get their
errors and warnings listed. Builds are byte-identical for the same input, so every difference is
a real one.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

from plugins.read.schema import RECORD_TYPES

LIST_LIMIT = 50  # longer lists end with "… und N weitere"


@dataclass
class SiteDiff:
    added: list = field(default_factory=list)  # page addresses such as /massnahmen/neu/
    removed: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    files_added: list = field(default_factory=list)  # other files (data, scripts, styles), relative paths
    files_removed: list = field(default_factory=list)
    files_changed: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any((self.added, self.removed, self.changed, self.files_added, self.files_removed,
                        self.files_changed))


def _digests(site: Path) -> dict:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def page_address(relative: str) -> str:
    """'massnahmen/bahn-frei/index.html' -> '/massnahmen/bahn-frei/'; 'index.html' -> '/'."""
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative.removesuffix("index.html")
    return "/" + relative


def compare(base: Path, new: Path) -> SiteDiff:
    old, now = _digests(base), _digests(new)
    diff = SiteDiff()
    for name in sorted(set(old) | set(now)):
        page = name.endswith(".html")
        if name not in old:
            (diff.added if page else diff.files_added).append(page_address(name) if page else name)
        elif name not in now:
            (diff.removed if page else diff.files_removed).append(page_address(name) if page else name)
        elif old[name] != now[name]:
            (diff.changed if page else diff.files_changed).append(page_address(name) if page else name)
    for pages in (diff.added, diff.removed, diff.changed):
        pages.sort()
    return diff


def validator_messages(changed: list[str], content: Path) -> tuple[list, list]:
    """(errors, warnings) of the record files among `changed`; errors elsewhere are left to the check job."""
    from plugins.derive.editorial_gaps import gap_warnings
    from plugins.read.validate import check_tree

    wanted = {str(Path(path).resolve()) for path in changed}
    raws, errors, warnings = check_tree(content, display_root=Path.cwd())  # paths relative to here, or absolute
    warnings = warnings + (gap_warnings(raws) if not errors else [])  # the same warnings as `make validate`
    mine = lambda problems: [p for p in problems if str(Path(p.path).resolve()) in wanted]  # noqa: E731
    return mine(errors), mine(warnings)


def _bullets(items: list, link: str = "") -> list[str]:
    lines = [f"- [{item}]({link.rstrip('/')}{item})" if link else f"- `{item}`" for item in items[:LIST_LIMIT]]
    if len(items) > LIST_LIMIT:
        lines.append(f"- … und {len(items) - LIST_LIMIT} weitere")
    return lines


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def markdown(diff: SiteDiff, errors=(), warnings=(), checked: int = 0, artifact_url: str = "",
             base_url: str = "", base_missing: str = "") -> str:
    out = ["## Vorschau der Website", ""]
    if artifact_url:
        out.append(f"Die gebaute Website zum Herunterladen: [Artefakt „website-vorschau“]({artifact_url}) "
                   "(entpacken und `index.html` öffnen oder `python -m http.server` im Ordner starten).")
    else:
        out.append("Die gebaute Website liegt als Artefakt „website-vorschau“ bei diesem Lauf.")
    out.append("")
    if base_missing:
        out += [f"Kein Vergleich mit main möglich: {base_missing}", ""]
    else:
        out.append(f"**Seiten gegenüber main: {len(diff.added)} neu, {len(diff.removed)} entfernt, "
                   f"{len(diff.changed)} geändert.**")
        out.append("")
        for title, items in (("Neue Seiten", diff.added), ("Entfernte Seiten", diff.removed),
                             ("Geänderte Seiten", diff.changed)):
            if items:
                out += [f"### {title} ({len(items)})", ""] + _bullets(items, base_url if title != "Entfernte Seiten" else "") + [""]
        others = [("neu", diff.files_added), ("entfernt", diff.files_removed), ("geändert", diff.files_changed)]
        if any(items for _, items in others):
            out += ["### Weitere Dateien", ""]
            for word, items in others:
                if items:
                    out += [f"{word.capitalize()} ({len(items)}):", ""] + _bullets(items) + [""]
        if diff.empty:
            out += ["Die Website ist Byte für Byte dieselbe wie auf main.", ""]
    out += ["### Prüfung der geänderten Datensätze", ""]
    if not checked:
        out.append("Keine Datensatzdatei geändert.")
    elif not errors and not warnings:
        out.append(f"{checked} geänderte {'Datei' if checked == 1 else 'Dateien'} geprüft: keine Fehler, keine Warnungen.")
    else:
        out.append(f"{checked} geänderte {'Datei' if checked == 1 else 'Dateien'} geprüft: "
                   f"{len(errors)} Fehler, {len(warnings)} Warnungen.")
        out += ["", "| Art | Datei | Zeile | Feld | Meldung |", "|---|---|---|---|---|"]
        for kind, problems in (("Fehler", errors), ("Warnung", warnings)):
            for p in problems:
                out.append(f"| {kind} | `{_cell(p.path)}` | {p.line} | `{_cell(p.field)}` | {_cell(p.message)} |")
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="page_diff", description="Vergleicht zwei gebaute Websites (Markdown).")
    parser.add_argument("base", help="Bau von main")
    parser.add_argument("new", help="Bau mit der Änderung")
    parser.add_argument("--changed", help="Datei mit den geänderten Pfaden, durch NUL getrennt (git diff -z --name-only)")
    parser.add_argument("--content", default="content")
    parser.add_argument("--artifact-url", default="")
    parser.add_argument("--base-url", default="", help="Adresse, unter der die Seitenpfade verlinkt werden")
    args = parser.parse_args(argv)

    base, new = Path(args.base), Path(args.new)
    if not new.is_dir():
        missing = "der Bau mit der Änderung ist fehlgeschlagen (siehe Schritt „Bauen“)."
    elif not base.is_dir():
        missing = "der Bau von main ist fehlgeschlagen oder fehlt."
    else:
        missing = ""
    diff = compare(base, new) if not missing else SiteDiff()
    changed = []
    if args.changed and Path(args.changed).is_file():
        folders = tuple(f"{args.content.rstrip('/')}/{folder}/" for folder in RECORD_TYPES.values())
        changed = [p for p in Path(args.changed).read_text(encoding="utf-8").split("\0")
                   if p.startswith(folders) and p.endswith(".md") and Path(p).is_file()]
    errors, warnings = validator_messages(changed, Path(args.content)) if changed else ([], [])
    sys.stdout.write(markdown(diff, errors, warnings, len(changed), args.artifact_url, args.base_url, missing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
