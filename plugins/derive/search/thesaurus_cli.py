"""`python -m plugins.derive.search.thesaurus_cli [--content DIR]`: check content/thesaurus.yaml without building."""

import argparse
import sys
from pathlib import Path

from plugins.derive.search.synonyms import catalogue_vocabulary
from plugins.read.model import build_catalogue
from plugins.read.thesaurus import FILE_NAME, load_thesaurus
from plugins.read.validate import check_tree


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="thesaurus", description="Prüft den Thesaurus der Suche, ohne die Website zu bauen.")
    parser.add_argument("--content", default="content", help="Inhaltsordner (Standard: content)")
    args = parser.parse_args(argv)
    content = Path(args.content)
    raws, errors, _ = check_tree(content)
    known = None if errors else catalogue_vocabulary(build_catalogue(raws).records)  # records broken: skip that check
    thesaurus, problems = load_thesaurus(content, known)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{content / FILE_NAME}: {len(problems)} Fehler", file=sys.stderr)
        return 1
    print(f"{content / FILE_NAME}: keine Fehler, {len(thesaurus.entries)} Einträge", file=sys.stderr)
    return 0


sys.exit(main())
