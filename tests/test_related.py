"""Related measures (plugins/derive/related.py, worded by plugins/present/related.py): known answers on a small scenario, the bounded search close to the exact one, stable builds."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from plugins.derive import related as similarity
from plugins.derive.related import related_measures
from plugins.present.related import related_texts
from plugins.read.model import build_catalogue
from plugins.read.validate import check_tree

from .conftest import DATA, ROOT, run_build

SCENARIO = DATA / "related_basic" / "content"
CLUSTERS = {
    "alleinerziehende": ["alleinerziehende-kinderbetreuung-coaching", "alleinerziehende-teilzeitarbeit",
                         "alleinerziehende-teilzeitausbildung"],
    "gesundheit": ["gesundheit-bewegung-ernaehrung", "gesundheit-psychosoziale-stabilisierung",
                   "gesundheit-suchtberatung-lotsen"],
    "selbststaendige": ["selbststaendige-gruenderberatung", "selbststaendige-netzwerk"],
}
OUTSIDER = "haftentlassene-uebergang"


def _catalogue(content):
    raws, errors, _ = check_tree(content)
    assert errors == []
    return build_catalogue(raws)


@pytest.fixture(scope="module")
def scenario():
    return related_texts(related_measures(_catalogue(SCENARIO).measures))


def slugs(items):
    return [item.record.slug for item in items]


def test_each_measure_finds_its_own_cluster_first(scenario):
    for members in CLUSTERS.values():
        for slug in members:
            mates = sorted(set(members) - {slug})
            assert sorted(slugs(scenario[slug])[: len(mates)]) == mates, slug


def test_known_reasons(scenario):
    reasons = {(slug, item.record.slug): item.reason for slug, items in scenario.items() for item in items}
    derived = {(slug, item.record.slug): item.reason
               for slug, items in related_measures(_catalogue(SCENARIO).measures).items() for item in items}
    assert derived[("alleinerziehende-teilzeitarbeit", "alleinerziehende-kinderbetreuung-coaching")] == \
        (("tg", ("alleinerziehende",)), ("lb", ("§ 16a SGB II",)))  # data in derive, words in present
    assert reasons[("alleinerziehende-teilzeitarbeit", "alleinerziehende-kinderbetreuung-coaching")] == \
        "gleiche Zielgruppe: Alleinerziehende; gleiche Rechtsgrundlage: § 16a SGB II"
    assert reasons[("selbststaendige-netzwerk", "selbststaendige-gruenderberatung")] == \
        "gleiche Zielgruppe: Selbstständige; gleiche Rechtsgrundlage: § 16c SGB II"
    assert reasons[("gesundheit-bewegung-ernaehrung", "gesundheit-psychosoziale-stabilisierung")] == \
        "gleiche Zielgruppe: Menschen mit gesundheitlichen Einschränkungen; gleiche Rechtsgrundlage: § 16f SGB II"
    assert all(reason and "\n" not in reason for reason in reasons.values())


def test_similarity_is_symmetric_and_nobody_is_their_own_neighbour(scenario):
    scores = {(slug, item.record.slug): item.score for slug, items in scenario.items() for item in items}
    for (a, b), score in scores.items():
        assert a != b
        if (b, a) in scores:
            assert scores[(b, a)] == pytest.approx(score, abs=1e-12)
    # the clusters are mutual: whoever is someone's first choice lists them back
    for slug, items in scenario.items():
        if items and slug != OUTSIDER:
            assert slug in slugs(scenario[items[0].record.slug])


def test_the_outsider_is_nobodys_close_neighbour_and_weak_links_are_dropped(scenario):
    for members in CLUSTERS.values():
        for slug in members:
            assert OUTSIDER not in slugs(scenario[slug])[: len(members) - 1]
    assert all(item.score >= similarity.MIN_SCORE for items in scenario.values() for item in items)
    assert all(len(items) <= similarity.SHOW_MAX for items in scenario.values())


def test_the_real_catalogue_shows_three_to_five_for_almost_every_measure():
    result = related_texts(related_measures(_catalogue(ROOT / "content").measures))
    counts = [len(items) for items in result.values()]
    assert all(count <= 5 for count in counts)
    assert sum(3 <= count <= 5 for count in counts) >= 0.9 * len(counts)
    reasons = [item.reason for items in result.values() for item in items]
    assert all(re.match(r"^(gleiche|gleiches|ähnliche) ", reason) for reason in reasons)


def test_the_bounded_search_comes_close_to_comparing_every_pair(monkeypatch):
    """With a candidate set far smaller than the catalogue, the chosen neighbours are nearly as similar."""
    measures = _catalogue(ROOT / "content").measures
    exact = related_measures(measures, exact=True)
    monkeypatch.setattr(similarity, "CANDIDATES", 10)
    monkeypatch.setattr(similarity, "SCAN", 100)
    bounded = related_measures(measures)
    mass = sum(sum(i.score for i in bounded[s][:3]) for s in exact) / sum(sum(i.score for i in exact[s][:3]) for s in exact)
    first = sum(1 for s in exact if exact[s] and bounded[s] and exact[s][0].record is bounded[s][0].record) / len(exact)
    assert mass >= 0.95
    assert first >= 0.75


def _plain(result):
    return {slug: [(item.record.slug, item.score, item.reason) for item in items] for slug, items in result.items()}


@pytest.mark.parametrize("case", ["echter Katalog", "echter Katalog, kleine Kandidatenzahl", "360 synthetische",
                                  "echter Katalog, jedes Paar"])
def test_the_vectorised_search_gives_exactly_what_the_plain_loops_gave(case, tmp_path, monkeypatch):
    """Same neighbours, same scores to the last bit, same reasons as tests/related_reference.py; a small
    candidate set and a synthetic catalogue (many equal partial sums) try the ties."""
    from tests.bench.synthetic import generate

    from . import related_reference

    content = generate(360, tmp_path / "content") if "synthetisch" in case else ROOT / "content"
    if "klein" in case:
        monkeypatch.setattr(similarity, "CANDIDATES", 10)
        monkeypatch.setattr(similarity, "SCAN", 100)
    measures = _catalogue(content).measures
    exact = "jedes Paar" in case
    assert _plain(related_measures(measures, exact=exact)) == _plain(related_reference.related_measures(measures, exact=exact))


class _Related(HTMLParser):
    """The links and reasons of the "Ähnliche Maßnahmen" section of a page (glossary links inside reasons count as text)."""

    def __init__(self):
        super().__init__()
        self.depth, self.links, self.reasons, self.in_reason = 0, [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and (self.depth or attrs.get("class") == "related"):
            self.depth += 1
        elif self.depth and tag == "span" and attrs.get("class") == "related-reason":
            self.in_reason = 1
            self.reasons.append("")
        elif self.in_reason:
            self.in_reason += tag == "span"
        elif self.depth and tag == "a":
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if self.in_reason and tag == "span":
            self.in_reason -= 1
        elif self.depth and tag == "section":
            self.depth -= 1

    def handle_data(self, data):
        if self.in_reason:
            self.reasons[-1] += data


def related_section(path):
    parser = _Related()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_pages_show_the_known_answers_and_two_builds_agree(tmp_path, monkeypatch):
    """Two clean builds with different hash seeds: the same neighbours, in the same order, byte for byte."""
    sections = []
    for seed in ("1", "2"):
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        output = tmp_path / f"build-{seed}"
        result = run_build(SCENARIO, output)
        assert result.returncode == 0, result.stderr
        sections.append({page.parent.name: page.read_text(encoding="utf-8")
                         for page in sorted((output / "massnahmen").glob("*/index.html"))})
    first, second = sections
    assert first == second
    parsed = related_section(tmp_path / "build-1" / "massnahmen" / "alleinerziehende-teilzeitarbeit" / "index.html")
    assert parsed.links[:2] == ["/massnahmen/alleinerziehende-kinderbetreuung-coaching/",
                                "/massnahmen/alleinerziehende-teilzeitausbildung/"]
    assert parsed.reasons[0] == "gleiche Zielgruppe: Alleinerziehende; gleiche Rechtsgrundlage: § 16a SGB II"


def test_every_measure_page_of_the_real_site_links_real_other_measures(built_site):
    catalogue = _catalogue(ROOT / "content")
    with_section = 0
    for measure in catalogue.measures:
        parsed = related_section(built_site / measure.url / "index.html")
        assert f"/{measure.url}" not in parsed.links
        assert len(parsed.links) == len(parsed.reasons) <= 5
        for link in parsed.links:
            assert link.startswith("/massnahmen/") and (built_site / link.strip("/") / "index.html").exists()
        with_section += bool(parsed.links)
    assert with_section >= 0.9 * len(catalogue.measures)
