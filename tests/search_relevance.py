"""The search's relevance set (tests/data/search_relevance.yaml): queries as staff type them, with the
records a good answer shows. A query is a hit when one of its expected records is in the top five.

Evaluated on a built site's search files, in Python (plugins.search.query) and in Chromium
(search-core.js); `python -m tests.search_relevance SITE [--exact]` prints the report for a built site.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from plugins.derive.search.index import SearchIndex
from plugins.derive.search.query import search, search_exact

SET = Path(__file__).parent / "data" / "search_relevance.yaml"
TOP = 5


def queries() -> list[dict]:
    return yaml.safe_load(SET.read_text(encoding="utf-8"))["queries"]


def slug_of(url: str) -> str:
    return url.strip("/").split("/")[-1]


def python_top(site: Path, texts, rules=None) -> dict:
    """query -> the slugs of its first TOP results, from plugins.derive.search in Python; `rules`:
    query.search (the site's search, as search-core.js; the default) or query.search_exact (exact words only)."""
    rules = rules or search
    parts = [json.loads((Path(site) / "suche" / f"{name}.json").read_text(encoding="utf-8")) for name in ("kern", "volltext")]
    loaded = [SearchIndex.load(part) for part in parts]
    records = parts[0]["records"]
    return {text: [slug_of(records[result["ref"]]["url"]) for result in rules(loaded, text)["results"][:TOP]]
            for text in texts}


def score(top: dict) -> dict:
    """{"hits", "total", "misses": [query], "by_kind": {kind: [hits, total]}}."""
    report = {"hits": 0, "total": 0, "misses": [], "by_kind": {}}
    for entry in queries():
        hit = any(slug in entry["expected"] for slug in top[entry["query"]])
        kind = report["by_kind"].setdefault(entry["kind"], [0, 0])
        kind[0] += hit
        kind[1] += 1
        report["hits"] += hit
        report["total"] += 1
        if not hit:
            report["misses"].append(entry["query"])
    return report


def describe(report: dict) -> str:
    kinds = ", ".join(f"{kind} {hits}/{total}" for kind, (hits, total) in report["by_kind"].items())
    return (f"{report['hits']}/{report['total']} in den ersten {TOP} ({100 * report['hits'] / report['total']:.0f} %); "
            f"{kinds}; verfehlt: {', '.join(report['misses']) or '–'}")


if __name__ == "__main__":
    site = Path(sys.argv[1])
    top = python_top(site, [entry["query"] for entry in queries()], search_exact if "--exact" in sys.argv else search)
    for entry in queries():
        mark = "✓" if any(slug in entry["expected"] for slug in top[entry["query"]]) else "✗"
        print(f"{mark} {entry['query']!r}: {', '.join(top[entry['query']]) or '(nichts)'}")
    print(describe(score(top)))
