"""`python -m plugins.records [--strict] [--content DIR] [PATH ...]`: validate without building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .validate import check_tree, record_files


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="validate", description="Prüft alle Datensätze, ohne die Website zu bauen.")
    parser.add_argument("paths", nargs="*", help="nur diese Dateien melden (geprüft wird immer der ganze Bestand, wegen der Querverweise)")
    parser.add_argument("--content", default="content", help="Inhaltsordner (Standard: content)")
    parser.add_argument("--strict", action="store_true", help="Warnungen als Fehler behandeln")
    parser.add_argument("--format", choices=["text", "github"], default="text",
                        help="github: Fehler als Anmerkungen für GitHub Actions ausgeben")
    args = parser.parse_args(argv)

    content = Path(args.content)
    if not content.is_dir():
        print(f"{content}: Inhaltsordner nicht gefunden", file=sys.stderr)
        return 2
    raws, errors, warnings = check_tree(content, strict=args.strict)
    if args.paths:
        wanted = {str(Path(p)) for p in args.paths}
        errors = [e for e in errors if e.path in wanted]
        warnings = [w for w in warnings if w.path in wanted]
    for problem in errors + warnings:
        if args.format == "github":
            level = "warning" if problem.warning else "error"
            print(f"::{level} file={problem.path},line={problem.line},title={problem.field}::{problem.message}")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
