"""Pelican side of record_pages: one Steckbrief page per record, plus /massnahmen/ and /programme/."""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator

from plugins.present.facts import fact_rows


class RecordPagesGenerator(Generator):
    def generate_output(self, writer):
        catalogue = self.context["catalogue"]
        for template_name, records, url in (("measures", catalogue.measures, "massnahmen/"),
                                             ("programmes", catalogue.programmes, "programme/"),
                                             ("regions", catalogue.regions, "regionen/")):
            writer.write_file(f"{url}index.html", self.get_template(template_name), self.context,
                              records=records, page_url=url)
        for record in catalogue.records:
            writer.write_file(f"{record.url}index.html", self.get_template(record.kind), self.context,
                              record=record, facts=fact_rows(record), page_url=record.url)


def get_generators(pelican_object):
    return RecordPagesGenerator


def register():
    signals.get_generators.connect(get_generators)
