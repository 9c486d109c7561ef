"""Publish: the Pelican plugin. Runs read → derive → present and writes pages, exports, feed, sitemap and search index."""

from plugins.publish import (costs_step, facets_step, glossary_step, open_data_step, record_pages_step, records_step,
                             related_step, search_step)
from plugins.derive import keywords as _keywords  # noqa: F401
from plugins.publish import keywords_step

STEPS = (records_step, record_pages_step, facets_step, keywords_step, open_data_step, costs_step, glossary_step,
         search_step, related_step)


def register():
    for step in STEPS:
        step.register()
