"""Pelican side of keywords: one page /stichwortverzeichnis/ with a section per initial letter."""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator

from plugins.derive.keywords import URL, keyword_index


class KeywordIndexGenerator(Generator):
    def generate_output(self, writer):
        sections = keyword_index(self.context["catalogue"].records)
        writer.write_file(f"{URL}index.html", self.get_template("keywords"), self.context,
                          sections=sections, page_url=URL)


def get_generators(pelican_object):
    return KeywordIndexGenerator


def register():
    signals.get_generators.connect(get_generators)
