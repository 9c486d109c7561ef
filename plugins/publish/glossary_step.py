"""Pelican side of the glossary: check the data with the records, write /glossar/, mark every written page."""

from __future__ import annotations

import sys
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from plugins.read.problems import ContentErrors
from plugins.read.glossary import load_glossary
from plugins.present.abbreviations import AbbreviationMarker

URL = "glossar/"


class GlossaryGenerator(Generator):
    def generate_context(self):
        slugs = {record.slug for record in self.context["catalogue"].records}
        glossary, problems = load_glossary(Path(self.path), slugs)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            raise ContentErrors(problems)
        self.context["glossary"] = glossary
        self.context["glossary_marker"] = AbbreviationMarker(glossary.abbreviations, glossary.name_forms)
        self.context.setdefault("build_summary", []).append(
            f"Glossar mit {len(glossary.entries)} Einträgen")

    def generate_output(self, writer):
        glossary = self.context["glossary"]
        records = {record.slug: record for record in self.context["catalogue"].records}
        writer.write_file(f"{URL}index.html", self.get_template("glossary"), self.context,
                          sections=glossary.sections(), names=glossary.names, name_records=records, page_url=URL)


def mark_written_page(path, context):
    """After Pelican writes an HTML page: link the first occurrence of each abbreviation to its entry."""
    marker = context.get("glossary_marker")
    if marker is None or not str(path).endswith(".html"):
        return
    file = Path(path)
    html = file.read_text(encoding="utf-8")
    marked = marker(html, f"{context.get('SITEURL', '')}/{URL}")  # per page: relative URLs differ by depth
    if marked != html:
        file.write_text(marked, encoding="utf-8")


def get_generators(pelican_object):
    return GlossaryGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.content_written.connect(mark_written_page)
