"""`python -m plugins.build`: run Pelican, fail cleanly on content errors, end with one summary line."""

from __future__ import annotations

import argparse
import logging
import os
import runpy
import sys
import time
from functools import partial
from pathlib import Path

from plugins.concurrency import EARLY_READING, cancel_early, start_early

STARTED = time.perf_counter()


def _pages_and_kb(path: Path) -> tuple[int, int]:
    """HTML pages and kilobytes in the output folder (os.walk: Path.rglob took a quarter second at 5,000 records)."""
    pages, size = 0, 0
    for folder, _, files in os.walk(path):
        for name in files:
            size += os.stat(os.path.join(folder, name)).st_size
            pages += name.endswith(".html")
    return pages, round(size / 1024)


def _content_root(settings_file: str, content: str | None) -> Path | None:
    """The content folder as Pelican will take it (PATH, relative to the settings file), found without loading
    Pelican; None where the settings file cannot be read so (the build then reads without an early start)."""
    try:
        path = content if content is not None else runpy.run_path(settings_file).get("PATH", os.curdir)
        return Path(os.path.abspath(os.path.join(os.path.dirname(settings_file), path)))
    except Exception:  # noqa: BLE001 - Pelican reads the file again and reports what is wrong with it
        return None


def _early_reading(content_root: Path):
    """Runs in the child forked at start: it loads the reading stage itself (the parent loads Pelican meanwhile)."""
    from plugins.read.model import render_markdown
    from plugins.read.validate import early_reading

    return early_reading(content_root, render_markdown)


def build(settings_file: str, output: str | None = None, content: str | None = None, timings: bool = False) -> int:
    # Loaded here, not at the top: `main` first starts reading the records in a child, which then runs while
    # this process loads Pelican and the pipeline (half a second and more on one core).
    from pelican import Pelican
    from pelican.log import console
    from pelican.log import init as init_logging
    from pelican.settings import read_settings

    from plugins.read.problems import ContentErrors
    from plugins.read.schema import SchemaError
    from plugins.settings import problems_in

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
    pages, kilobytes = _pages_and_kb(output_path)
    parts.append(f"{pages} Seiten, {kilobytes} KB in {shown}/")
    print(", ".join(parts))
    if timings:  # where the time goes (make bench): the pipeline's stages, and the rest (Pelican, imports, summary)
        stages = dict(captured.get("seconds", {}))
        stages["übrige"] = time.perf_counter() - STARTED - sum(stages.values())
        print("Zeiten: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in stages.items()), file=sys.stderr)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="build", description="Baut die Website.")
    parser.add_argument("--settings", default="publishconf.py")
    parser.add_argument("--output")
    parser.add_argument("--content")
    parser.add_argument("--zeiten", action="store_true", help="Dauer der Stufen lesen, ableiten, darstellen, veröffentlichen")
    args = parser.parse_args(argv)
    content_root = _content_root(args.settings, args.content)
    if content_root is not None:
        start_early(EARLY_READING, partial(_early_reading, content_root))
    try:
        return build(args.settings, args.output, args.content, args.zeiten)
    finally:
        cancel_early()  # a build that stopped before reading leaves no child behind


if __name__ == "__main__":
    code = main()
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)  # a profiler or coverage tool writes its results when the interpreter ends
    # Leave without tearing down the interpreter: that frees every object of the catalogue one by one and
    # runs a last full collection over them (over a second at 5,000 records); the system frees the memory at once.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
