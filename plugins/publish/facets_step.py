"""Pelican side of facets: compute every facet once all records are known, then write its pages."""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator

from plugins.derive.facets import FACETS


class FacetGenerator(Generator):
    def generate_context(self):
        catalogue = self.context["catalogue"]
        # Programmes share the vocabularies (a programme under § 16e SGB II belongs on that page too).
        records = catalogue.measures + catalogue.programmes
        self.context["facets"] = {facet.key: (facet, facet.compute(records)) for facet in FACETS}
        self.context.setdefault("build_summary", []).append(f"{len(FACETS)} Facetten")

    def generate_output(self, writer):
        for facet, values in self.context["facets"].values():
            writer.write_file(f"{facet.key}/index.html", self.get_template("facet_index"), self.context,
                              facet=facet, values=values, page_url=f"{facet.key}/")
            for value in values:
                writer.write_file(f"{value.url}index.html", self.get_template("facet"), self.context,
                                  facet=facet, value=value, records=list(value.records), page_url=value.url)


def get_generators(pelican_object):
    return FacetGenerator


def register():
    signals.get_generators.connect(get_generators)
