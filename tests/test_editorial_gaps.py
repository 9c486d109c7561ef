"""The editors' to-do list: gaps per record (results, comparable cost, legal basis, period, old Stand),
printed by `make validate` as warnings and listed on /mitmachen/luecken/ – the same data."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html import unescape

import pytest

from plugins.derive import editorial_gaps
from plugins.derive.editorial_gaps import record_gaps
from plugins.present import cost_report

from .conftest import ROOT

FULL = {
    "title": "Voll", "as_of": "2021", "results": [{"description": "x"}], "legal_basis": ["§ 16a SGB II"],
    "period": {"start": "2020"},
    "cost_per_participant": [{"amount": 1000, "currency": "EUR", "per": "participation", "basis": "stated",
                              "year": 2021}],
}


def _keys(kind, data, reference_year=2023):
    return [gap.key for gap in record_gaps(kind, data, reference_year)]


def test_a_complete_measure_has_no_gaps_and_each_missing_part_is_one_gap():
    assert _keys("measure", FULL) == []
    for field, key in (("results", "results"), ("legal_basis", "legal_basis"), ("period", "period"),
                       ("cost_per_participant", "cost")):
        data = {k: v for k, v in FULL.items() if k != field}
        assert _keys("measure", data) == [key], field
    assert _keys("measure", {**FULL, "period": {"ongoing": True}}) == []


def test_cost_gap_says_whether_costs_are_missing_or_not_comparable():
    none = record_gaps("measure", {k: v for k, v in FULL.items() if k != "cost_per_participant"}, 2023)
    assert [g.message for g in none] == ["keine Kostenangabe"]
    budget_without_participants = {**{k: v for k, v in FULL.items() if k != "cost_per_participant"},
                                   "budget": [{"amount": 100000, "currency": "EUR", "period": "total", "year": 2021}]}
    [gap] = record_gaps("measure", budget_without_participants, 2023)
    assert gap.key == "cost" and gap.message.startswith("keine vergleichbaren Kosten")


def test_stale_counts_from_the_reference_year_like_the_costs_page():
    assert editorial_gaps.STALE_AFTER_YEARS == cost_report.STALE_AFTER_YEARS
    assert _keys("measure", {**FULL, "as_of": "2018"}, 2023) == []  # five years: not older than five
    assert _keys("measure", {**FULL, "as_of": "2017-06"}, 2023) == ["stale"]
    assert _keys("programme", {k: v for k, v in FULL.items() if k != "cost_per_participant"}) == []
    assert _keys("region", {"title": "R", "as_of": "2001"}) == []


def _validator_gaps():
    result = subprocess.run([sys.executable, "-m", "plugins.validate"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert result.returncode == 0, result.stderr
    fields = {gap.field: gap.key for gap in editorial_gaps.GAP_KINDS}
    found = set()
    for line in result.stderr.splitlines():
        match = re.match(r"(content/[^:]+\.md):\d+: ([\w.\[\]]+): Warnung: (.*)", line)
        if match and match.group(2) in fields:
            found.add((match.group(1), fields[match.group(2)]))
    return found, result.stderr


def test_page_lists_exactly_the_gaps_make_validate_warns_about(built_site):
    page = (built_site / "mitmachen" / "luecken" / "index.html").read_text(encoding="utf-8")
    main = page.split('<main', 1)[1].split("</main>")[0]
    sources = {}
    for folder, prefix in (("measures", "massnahmen"), ("programmes", "programme")):
        for file in (ROOT / "content" / folder).glob("*.md"):
            sources[f"/{prefix}/{file.stem}/"] = f"content/{folder}/{file.name}"
    on_page = set()
    for key, section in re.findall(r'<section aria-labelledby="luecke-(\w+)">(.*?)</section>', main, re.DOTALL):
        for url in re.findall(r'<li><a href="([^"]+)">', section):
            on_page.add((sources[url.replace(editorial_gaps_base(page), "")], key))
    validator, stderr = _validator_gaps()
    assert on_page == validator
    assert len(on_page) > 100
    # counts come first, and they are the lengths of the lists
    counts = re.search(r'<ul class="gap-counts">(.*?)</ul>', main, re.DOTALL).group(1)
    assert main.index("gap-counts") < main.index('class="gap-list"')
    for key, number in re.findall(r'href="#luecke-(\w+)">[^<]+</a>: <strong>(\d+)</strong>', counts):
        assert int(number) == sum(1 for _, k in on_page if k == key), key
        assert f"{number} {editorial_gaps.BY_KEY[key].counted}" in stderr  # the validator's closing line


def editorial_gaps_base(page):
    """SITEURL as the page uses it (empty in a local build)."""
    match = re.search(r'<link rel="stylesheet" href="([^"]*)/theme/css/site.css">', page)
    return match.group(1) if match else ""


def test_every_listed_record_has_an_improve_link(built_site):
    page = unescape((built_site / "mitmachen" / "luecken" / "index.html").read_text(encoding="utf-8"))
    items = re.findall(r'<li><a href="[^"]*/(massnahmen|programme)/([^/"]+)/">.*?</li>', page, re.DOTALL)
    assert items
    for prefix, slug in items:
        item = re.search(rf'<li><a href="[^"]*/{prefix}/{slug}/">.*?</li>', page, re.DOTALL).group(0)
        if prefix == "massnahmen":
            assert f'/mitmachen/?korrektur={slug}" rel="nofollow">Eintrag verbessern' in item
        else:
            assert f'/edit/main/content/programmes/{slug}.md" rel="nofollow">Eintrag verbessern' in item


@pytest.mark.parametrize("name", ["jumita.md"])
def test_validate_names_the_gap_at_the_field_line(name):
    result = subprocess.run([sys.executable, "-m", "plugins.validate", f"content/measures/{name}"], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    lines = (ROOT / "content" / "measures" / name).read_text(encoding="utf-8").splitlines()
    stale = next(line for line in result.stderr.splitlines() if ": as_of: Warnung: Stand " in line)
    number = int(stale.split(":")[1])
    assert lines[number - 1].startswith("as_of:")
