"""Present: the one place that turns values into German text (labels, units, numbers, dates, sentences).

Uses only plugins.read and plugins.derive.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from types import MappingProxyType

from plugins.present import fmt
from plugins.present.abbreviations import AbbreviationMarker
from plugins.present.compare import compare_data
from plugins.present.cost_report import CostReport, build_report
from plugins.present.facts import fact_rows
from plugins.present.money import with_amounts_in_euro
from plugins.present.open_data import OpenData, open_data
from plugins.present.related import related_texts


@dataclass(frozen=True)
class Presented:
    costs: CostReport
    facts: MappingProxyType  # record slug -> fact rows of its Steckbrief
    open_data: OpenData
    compare_json: bytes  # /vergleich/massnahmen.json
    abbreviation_marker: AbbreviationMarker
    summary_parts: tuple  # the closing line of `make build`, in German (without search_summary)
    related: MappingProxyType  # measure slug -> [RelatedText]


def present(sources, derived, settings) -> Presented:
    catalogue, glossary = sources.catalogue, sources.glossary
    report = build_report(catalogue, sources.prices, derived.base_year, derived.reference_year, derived.costs,
                          derived.money)
    facts = MappingProxyType({record.slug: with_amounts_in_euro(fact_rows(record), report.conversions(record))
                              for record in catalogue.records})
    published = open_data(sources, settings, report.money)
    # Reproducible: sorted keys, fixed separators, no timestamps.
    compare_json = (json.dumps(compare_data(report, facts), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                    + "\n").encode("utf-8")
    summary = (
        f"{fmt.counted(len(catalogue.measures), 'Maßnahme', 'Maßnahmen')}, "
        f"{fmt.counted(len(catalogue.programmes), 'Programm', 'Programme')}, "
        f"{fmt.counted(len(catalogue.regions), 'Region', 'Regionen')}",
        fmt.counted(len(derived.facets), "Facette", "Facetten"),
        f"offene Daten: {fmt.counted(sum(len(v) for v in published.entries.values()), 'Datensatz', 'Datensätze')}, "
        f"Feed mit {fmt.counted(len(published.feed_entries), 'Eintrag', 'Einträgen')}",
        report.summary_line,
        f"Glossar mit {fmt.counted(len(glossary.entries), 'Eintrag', 'Einträgen')}",
    )  # … and search_summary, once the index is built
    return Presented(report, facts, published, compare_json,
                     AbbreviationMarker(glossary.abbreviations, glossary.name_forms), summary,
                     MappingProxyType(related_texts(derived.related)))


def search_summary(search) -> str:
    """The search index's part of the closing line; separate, as the index is built while the pages are made."""
    return f"Suchindex {round(search.raw_bytes / 1024)} KB (gzip {round(search.gzip_bytes / 1024)} KB)"
