"""Pelican side of the records plugin: validate the whole tree, then share the catalogue."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from plugins.read.model import build_catalogue
from plugins.read.problems import ContentErrors
from plugins.read.validate import check_tree


class CatalogueGenerator(Generator):
    """Reads every record first; a single bad file stops the build after all are reported."""

    def generate_context(self):
        raws, errors, _thin_record_warnings = check_tree(Path(self.path))
        for problem in errors:
            print(problem, file=sys.stderr)
        if errors:
            raise ContentErrors(errors)
        catalogue = build_catalogue(raws)
        self.context["catalogue"] = catalogue
        self.context.setdefault("build_summary", []).append(
            f"{len(catalogue.measures)} Maßnahmen, {len(catalogue.programmes)} Programme, {len(catalogue.regions)} Regionen")


def _content_errors_without_traceback(record: logging.LogRecord) -> bool:
    # Pelican logs a failed build with exc_info=True; for content errors every line has
    # already been printed, so the traceback would only bury them.
    if record.exc_info and isinstance(record.exc_info[1], ContentErrors):
        record.exc_info = None
        record.exc_text = None
    return True


def get_generators(pelican_object):
    return CatalogueGenerator


def register():
    logging.getLogger("pelican").addFilter(_content_errors_without_traceback)
    signals.get_generators.connect(get_generators)
