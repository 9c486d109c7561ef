"""Publish: the catalogue's Pelican plugin. One generator runs read → derive → present, then writes every file."""

import logging

from pelican import signals

from plugins.present.facts import FACT_FILTERS
from plugins.present.fmt import TEMPLATE_FILTERS
from plugins.publish.pages import macro_globals
from plugins.publish.shared_templates import SharedTemplates
from plugins.publish.site import CatalogueGenerator
from plugins.publish.writer import MarkingWriter
from plugins.read.problems import ContentErrors


def _content_errors_without_traceback(record: logging.LogRecord) -> bool:
    # Pelican logs a failed build with exc_info=True; for content errors every line has
    # already been printed, so the traceback would only bury them.
    if record.exc_info and isinstance(record.exc_info[1], ContentErrors):
        record.exc_info = None
        record.exc_text = None
    return True


_templates_of_this_build = SharedTemplates()


def new_build(pelican_object):
    global _templates_of_this_build
    _templates_of_this_build = SharedTemplates()  # a second build in the same process starts cold too


def add_template_filters(generator):
    """German numbers, money and dates in every template, Pelican's own pages included; every environment
    of the build takes the templates another has compiled (shared_templates.py)."""
    generator.env.filters.update(TEMPLATE_FILTERS)
    generator.env.filters.update(FACT_FILTERS)
    generator.env.bytecode_cache = _templates_of_this_build


def add_macro_globals(generators):
    """The site-wide values the macros read, in every generator's environment (Pelican's home page uses
    the macros too); the context is complete once every generator has made its part."""
    for generator in generators:
        if hasattr(generator, "env"):
            generator.env.globals.update(macro_globals(generator.context))


def get_generators(pelican_object):
    return CatalogueGenerator


def get_writer(pelican_object):
    return MarkingWriter


def register():
    logging.getLogger("pelican").addFilter(_content_errors_without_traceback)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
    signals.initialized.connect(new_build)
    signals.generator_init.connect(add_template_filters)
    signals.all_generators_finalized.connect(add_macro_globals)
