"""`python -m plugins.validate [--strict] [--content DIR] [PATH ...]`: validate without building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plugins.read.problems import Problem
from plugins.read.schema import SchemaError
from plugins.read.validate import check_tree, record_files


def _github_escape(text: str, property_value: bool = False) -> str:
    """GitHub workflow-command escaping; property values (file, title) also escape ':' and ','."""
    text = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github_annotation(problem: Problem) -> str:
    """One `::error file=…,line=…,title=…::message` line; GitHub shows it at that line of the pull request."""
    level = "warning" if problem.warning else "error"
    return (f"::{level} file={_github_escape(problem.path, True)},line={problem.line},"
            f"title={_github_escape(problem.field, True)}::{_github_escape(problem.message)}")


def _same_file(shown: str, wanted: set) -> bool:
    return str(Path(shown).resolve()) in wanted


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="validate", description="Prüft alle Datensätze, ohne die Website zu bauen.")
    parser.add_argument("paths", nargs="*",
                        help="Warnungen nur für diese Dateien melden; Fehler werden immer für den ganzen Bestand gemeldet "
                             "(wegen der Querverweise), die der genannten Dateien zuerst")
    parser.add_argument("--content", default="content", help="Inhaltsordner (Standard: content)")
    parser.add_argument("--strict", action="store_true", help="Warnungen als Fehler behandeln")
    parser.add_argument("--format", choices=["text", "github"], default="text",
                        help="github: Fehler und Warnungen als Anmerkungen für GitHub Actions ausgeben")
    args = parser.parse_args(argv)

    content = Path(args.content)
    if not content.is_dir():
        print(f"{content}: Inhaltsordner nicht gefunden", file=sys.stderr)
        return 2
    raws, errors, warnings = check_tree(content)
    if not errors:  # the gaps need checked records; with errors the build would stop anyway
        from plugins.derive.editorial_gaps import gap_warnings  # loads the schemas: only after the files are read

        warnings = sorted(warnings + gap_warnings(raws))
    if args.paths:
        wanted = {str(Path(p).resolve()) for p in args.paths}
        # A file named on the command line comes first; errors elsewhere still count, the build would fail on them.
        errors = sorted(errors, key=lambda e: (not _same_file(e.path, wanted), e))
        warnings = [w for w in warnings if _same_file(w.path, wanted)]
    if args.strict:
        errors += [Problem(w.path, w.line, w.field, w.message) for w in warnings]
        warnings = []
    for problem in errors + warnings:
        if args.format == "github":
            print(github_annotation(problem))
        else:
            print(problem, file=sys.stderr)
    checked = sum(1 for _ in record_files(content))
    summary = f"{checked} {'Datei' if checked == 1 else 'Dateien'} geprüft: "
    if errors:
        files = len({e.path for e in errors})
        print(summary + f"{len(errors)} Fehler in {files} {'Dateien' if files != 1 else 'Datei'}, {len(warnings)} Warnungen",
              file=sys.stderr)
        return 1
    print(summary + f"keine Fehler, {len(warnings)} Warnungen", file=sys.stderr)
    if warnings and args.format == "text":
        from plugins.derive.editorial_gaps import GAP_KINDS

        counts = [(sum(1 for w in warnings if w.field == gap.field), gap.counted) for gap in GAP_KINDS]
        parts = [f"{count} {counted}" for count, counted in counts if count]
        if parts:
            print("Lücken für die Redaktion: " + ", ".join(parts) + " (Übersicht auf der Website: /mitmachen/luecken/)",
                  file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SchemaError as error:  # a broken schema file: one line, as for a broken record
        print(error, file=sys.stderr)
        sys.exit(1)
