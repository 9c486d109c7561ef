"""`python -m plugins.build`: run Pelican, fail cleanly on content errors, end with one summary line."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from pelican import Pelican
from pelican.log import console
from pelican.log import init as init_logging
from pelican.settings import read_settings

from plugins.read.problems import ContentErrors
from plugins.read.schema import SchemaError
from plugins.settings import problems_in


def _size_kb(path: Path) -> int:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1024)


def build(settings_file: str, output: str | None = None, content: str | None = None, timings: bool = False) -> int:
    started = time.perf_counter()
    init_logging(level=logging.WARNING)
    overrides = {}
    if output:
        overrides["OUTPUT_PATH"] = output
    if content:
        overrides["PATH"] = content
    settings = read_settings(settings_file, override=overrides)
    problems = problems_in(settings, settings_file)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"Abbruch: {ContentErrors(problems)}", file=sys.stderr)
        return 1
    try:  # the schemas are read as the pipeline's modules load; a broken one is one line, not a traceback
        from plugins.publish.summary import summary_ready
    except SchemaError as error:
        print(error, file=sys.stderr)
        print("Abbruch: 1 Fehler in 1 Datei – die Website wurde nicht gebaut", file=sys.stderr)
        return 1
    captured = {}

    def capture(sender, parts, seconds):
        captured["parts"], captured["seconds"] = parts, seconds

    summary_ready.connect(capture)
    pelican = Pelican(settings)
    console.quiet = True  # Pelican's own "Done: 0 articles …" line would contradict ours
    try:
        pelican.run()
    except ContentErrors as errors:
        print(f"Abbruch: {errors}", file=sys.stderr)
        return 1
    finally:
        console.quiet = False
        summary_ready.disconnect(capture)
    parts = list(captured.get("parts", ()))
    output_path = Path(settings["OUTPUT_PATH"])
    shown = output_path.relative_to(Path.cwd()) if output_path.is_relative_to(Path.cwd()) else output_path
    pages = sum(1 for _ in output_path.rglob("*.html"))
    parts.append(f"{pages} Seiten, {_size_kb(output_path)} KB in {shown}/")
    print(", ".join(parts))
    if timings:  # where the time goes (make bench): the pipeline's stages, and the rest (Pelican, imports, summary)
        stages = dict(captured.get("seconds", {}))
        stages["übrige"] = time.perf_counter() - started - sum(stages.values())
        print("Zeiten: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in stages.items()), file=sys.stderr)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="build", description="Baut die Website.")
    parser.add_argument("--settings", default="publishconf.py")
    parser.add_argument("--output")
    parser.add_argument("--content")
    parser.add_argument("--zeiten", action="store_true", help="Dauer der Stufen lesen, ableiten, darstellen, veröffentlichen")
    args = parser.parse_args(argv)
    return build(args.settings, args.output, args.content, args.zeiten)


if __name__ == "__main__":
    code = main()
    # Leave without tearing down the interpreter: that frees every object of the catalogue one by one and
    # runs a last full collection over them (over a second at 5,000 records); the system frees the memory at once.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
