"""`python -m plugins.read.glossary_cli [--content DIR]`: check content/glossary.yaml without building."""

import argparse
import sys
from pathlib import Path

from plugins.read.glossary import FILE_NAME, load_glossary
from plugins.read.model import build_catalogue
from plugins.read.validate import check_tree


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="glossary", description="Prüft das Glossar, ohne die Website zu bauen.")
    parser.add_argument("--content", default="content", help="Inhaltsordner (Standard: content)")
    args = parser.parse_args(argv)
    content = Path(args.content)
    raws, errors, _ = check_tree(content)
    slugs = None if errors else {record.slug for record in build_catalogue(raws).records}  # records broken: skip that check
    glossary, problems = load_glossary(content, slugs)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{content / FILE_NAME}: {len(problems)} Fehler", file=sys.stderr)
        return 1
    print(f"{content / FILE_NAME}: keine Fehler, {len(glossary.entries)} Einträge, {len(glossary.names)} Eigennamen",
          file=sys.stderr)
    return 0


sys.exit(main())
