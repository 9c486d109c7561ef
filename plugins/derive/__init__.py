"""Derive: everything computed from the catalogue, once, as plain functions of it.

Facets, costs, every amount in euros, evidence, keywords, related measures, filter data and search documents.
Uses only plugins.read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from plugins.concurrency import start
from plugins.derive.costs import normalise
from plugins.derive.facets import FACETS
from plugins.derive.filters import filters as list_filters
from plugins.derive.filters import sort_values
from plugins.derive.keywords import keyword_index
from plugins.derive.money import conversions
from plugins.derive.related import Related, related_measures
from plugins.derive.search.aliases import Aliases
from plugins.derive.search.index import SearchIndex, dumps, gzip_size
from plugins.derive.search.synonyms import Synonyms

SEARCH_DIR = "suche"


@dataclass(frozen=True)
class SearchFiles:
    files: MappingProxyType  # output path -> bytes
    raw_bytes: int
    gzip_bytes: int


@dataclass(frozen=True)
class Derived:
    base_year: int
    reference_year: int
    costs: MappingProxyType  # measure slug -> CostSummary, in prices of base_year
    facets: MappingProxyType  # facet key -> (Facet, [FacetValue])
    keywords: tuple  # [{letter, entries}]
    related_in_progress: Callable[[], MappingProxyType]  # found in a third process while present does the rest
    filters: tuple  # ((Filter, [FacetValue]), ...) for /massnahmen/
    search_in_progress: Callable[[], SearchFiles]  # built in a second process while the pages are made
    money: MappingProxyType  # record slug -> (money.Conversion, …): every amount in EUR and base-year prices
    children: tuple  # the processes finding related measures and building the index (concurrency.Running)

    @property
    def search(self) -> SearchFiles:
        """The search index files; waits for the process that builds them the first time it is asked."""
        return self.search_in_progress()

    @property
    def related(self) -> MappingProxyType:
        """measure slug -> [Related]; waits for the process that finds them the first time it is asked."""
        return self.related_in_progress()


def derive(sources, settings) -> Derived:
    """Everything computed from the catalogue, once; the cost figures use the configured price index and base year."""
    catalogue, prices = sources.catalogue, sources.prices
    base_year = settings.get("COSTS_BASE_YEAR") or prices.latest_year
    reference_year = settings.get("COSTS_REFERENCE_YEAR") or base_year
    # Related measures are found in a second process, which needs only the catalogue; the search index in a
    # third, once the costs and filters it uses are there. All three share the two cores until present is
    # done and the pages are written; only what reads their results waits for them.
    finding = start(_related_by_slug, catalogue.measures)

    @cache
    def related() -> MappingProxyType:
        measure = {record.slug: record for record in catalogue.measures}
        return MappingProxyType({slug: [Related(measure[other], score, reason) for other, score, reason in found]
                                 for slug, found in finding().items()})

    costs = MappingProxyType({record.slug: normalise(record, prices, base_year) for record in catalogue.measures})
    money = MappingProxyType({record.slug: conversions(record, prices, base_year) for record in catalogue.records})
    # Programmes share the vocabularies (a programme under § 16e SGB II belongs on that page too).
    faceted = catalogue.measures + catalogue.programmes
    facets = MappingProxyType({facet.key: (facet, facet.compute(faceted)) for facet in FACETS})
    definitions = list_filters(costs)
    # /massnahmen/ lists measures and programmes (filter „Art“): a programme has target groups, Land
    # and legal basis too, and is often what staff look for (docs/search.md).
    computed = tuple((definition, definition.compute(listed(catalogue))) for definition in definitions)
    building = start(_search_files, sources, costs, computed, base_year)

    @cache
    def search() -> SearchFiles:
        files, raw_bytes, gzip_bytes = building()
        return SearchFiles(MappingProxyType(files), raw_bytes, gzip_bytes)

    return Derived(base_year, reference_year, costs, facets, tuple(keyword_index(catalogue.records)), related,
                   computed, search, money, (finding, building))


def _related_by_slug(measures) -> dict:
    """related_measures with records named by slug: the result crosses from a child process, and a slug
    is small where a record would be copied whole and no longer be the catalogue's own."""
    return {slug: [(found.record.slug, found.score, found.reason) for found in related]
            for slug, related in related_measures(measures).items()}


def listed(catalogue) -> list:
    """The records of /massnahmen/, in its order (short name): measures and programmes."""
    return sorted(catalogue.measures + catalogue.programmes, key=lambda record: record.sort_key)


def _search_files(sources, costs, computed, base_year) -> tuple[dict, int, int]:
    catalogue, glossary = sources.catalogue, sources.glossary
    records = catalogue.records  # measures first: a measure's reference is its place in this list
    parts = SearchIndex(records, Aliases(glossary.abbreviations, glossary.name_forms), Synonyms(sources.thesaurus),
                        costs, base_year).build()
    refs = {id(record): ref for ref, record in enumerate(records)}
    filter_data = {
        "filters": [{"param": d.param, "label": d.label,
                     "values": [{"value": v.value, "label": v.label} for v in values]}
                    for d, values in computed],
        "measures": [{"ref": refs[id(record)], "url": record.url,
                      "values": {d.param: [value for value, _ in d.values_of(record)] for d, _ in computed},
                      **sort_values(record, costs)}
                     for record in listed(catalogue)],
    }
    files = {f"{SEARCH_DIR}/{name}.json": dumps(data) for name, data in parts.items()}
    files[f"{SEARCH_DIR}/filter.json"] = dumps(filter_data)
    return files, sum(len(data) for data in files.values()), sum(gzip_size(data) for data in files.values())
