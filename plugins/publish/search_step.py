"""Pelican side of search: build the index parts and filter data once all records are known, then write them."""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from plugins.derive.search.aliases import Aliases
from plugins.derive.filters import filters, sort_values
from plugins.derive.search.index import SearchIndex, dumps, gzip_size

OUTPUT_DIR = "suche"


class SearchGenerator(Generator):
    def generate_context(self):
        catalogue = self.context["catalogue"]
        records = catalogue.records  # measures first: a measure's reference is its place in this list
        glossary = self.context.get("glossary")  # the glossary generator runs first and has checked it
        aliases = Aliases(glossary.abbreviations, glossary.name_forms) if glossary else None
        parts = SearchIndex(records, aliases).build()
        definitions = filters()
        computed = [(definition, definition.compute(catalogue.measures)) for definition in definitions]
        refs = {id(record): ref for ref, record in enumerate(records)}
        filter_data = {
            "filters": [{"param": d.param, "label": d.label,
                         "values": [{"value": v.value, "label": v.label} for v in values]}
                        for d, values in computed],
            "measures": [{"ref": refs[id(record)], "url": record.url,
                          "values": {d.param: [value for value, _ in d.values_of(record)] for d in definitions},
                          **sort_values(record)}
                         for record in catalogue.measures],
        }
        files = {f"{OUTPUT_DIR}/{name}.json": dumps(data) for name, data in parts.items()}
        files[f"{OUTPUT_DIR}/filter.json"] = dumps(filter_data)
        self.context["search_files"] = files
        self.context["search_filters"] = computed
        raw = sum(len(data) for data in files.values())
        packed = sum(gzip_size(data) for data in files.values())
        self.context.setdefault("build_summary", []).append(
            f"Suchindex {round(raw / 1024)} KB (gzip {round(packed / 1024)} KB)")

    def generate_output(self, writer):
        for name, data in self.context["search_files"].items():
            path = Path(self.output_path) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        writer.write_file(f"{OUTPUT_DIR}/index.html", self.get_template("search"), self.context,
                          page_url=f"{OUTPUT_DIR}/")


def get_generators(pelican_object):
    return SearchGenerator


def register():
    signals.get_generators.connect(get_generators)
