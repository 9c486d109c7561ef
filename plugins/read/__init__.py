"""Read: every record file, the glossary, the search thesaurus, the price index and git history, checked against the schemas.

Nothing here writes German prose or HTML for pages; the result is one immutable catalogue.
"""
from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from plugins.read.glossary import Glossary, load_glossary
from plugins.read.history import History, read_history
from plugins.read.legal_bases import read_legal_bases
from plugins.read.model import Catalogue, build_catalogue, render_markdown
from plugins.read.prices import VPI_FILE, PriceIndex, PriceIndexError, load_price_index
from plugins.read.problems import Problem
from plugins.read.thesaurus import Thesaurus, load_thesaurus
from plugins.read.validate import check_tree


@dataclass(frozen=True)
class Sources:
    """Everything the site is made from, read and checked."""

    catalogue: Catalogue
    glossary: Glossary
    prices: PriceIndex
    history: History
    content_root: Path
    legal_bases: Mapping = field(default_factory=dict)  # content/legal_bases.yaml: heading, explanation, official link per §
    thesaurus: Thesaurus = field(default_factory=Thesaurus)  # content/thesaurus.yaml: words staff type -> catalogue terms


def read_sources(content_root: Path, settings, stop, known_terms=None) -> Sources:
    """Read records, git dates, the price index and the glossary; `stop(problems)` ends the build on any error.

    Records come first: a broken record stops the build before the glossary checks its links to records.
    """
    raws, errors, _warnings = check_tree(content_root, parallel=True, render=render_markdown)  # Markdown in the same pass
    if errors:
        stop(errors)
    catalogue = build_catalogue(raws)
    history = read_history(content_root)
    if history.note:
        print(f"Hinweis: {history.note}", file=sys.stderr)  # shown like the records' messages, not as a log line
    prices = _price_index(settings, stop)
    glossary, problems = load_glossary(content_root, {record.slug for record in catalogue.records})
    if problems:
        stop(problems)
    # The search thesaurus: every catalogue term it names must occur in a record, as the search matches words
    # (`known_terms`, given by the caller: that matching is derive's, plugins/derive/search/synonyms.py).
    thesaurus, problems = load_thesaurus(content_root, _when_asked(known_terms, catalogue.records) if known_terms else None)
    if problems:
        stop(problems)
    return Sources(catalogue, glossary, prices, history, content_root, read_legal_bases(content_root), thesaurus)


def _when_asked(known_terms, records):
    """known(term), built only when a thesaurus is there to check (it reads every record's words)."""
    made = []

    def known(term) -> bool:
        if not made:
            made.append(known_terms(records))
        return made[0](term)

    return known


def _price_index(settings, stop) -> PriceIndex:
    try:
        prices = load_price_index(Path(settings.get("COSTS_PRICE_INDEX") or VPI_FILE))
        prices.require(settings.get("COSTS_BASE_YEAR") or prices.latest_year)
    except PriceIndexError as error:
        stop([Problem(error.path, error.line, "Preisindex", error.message)])
    return prices
