"""The built site: Steckbrief, lists, facet pages and links between programmes and measures."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from plugins.derive.facets import FACETS  # plugins.facets
from plugins.present.facts import fact_rows, further_facts, key_facts  # plugins.record_pages
from plugins.read.model import build_catalogue
from plugins.read.validate import check_tree

from .conftest import ROOT


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.links = [], []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href"))


def _parse(path):
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split()), parser.links


@pytest.fixture(scope="module")
def catalogue():
    raws, errors, _ = check_tree(ROOT / "content")
    assert errors == []
    return build_catalogue(raws)


def test_measure_page_is_a_steckbrief_with_the_fact_box_first(built_site):
    html = (built_site / "massnahmen" / "bahn-frei" / "index.html").read_text(encoding="utf-8")
    text, links = _parse(built_site / "massnahmen" / "bahn-frei" / "index.html")
    assert '<html lang="de">' in html
    assert html.index("Auf einen Blick") < html.index("<h2>Ziel</h2>")
    for fact in ("Träger Jobcenter Main-Kinzig-Kreis", "Bundesland Hessen", "§ 45 SGB III",
                 "rund 5.250 € je Teilnehmer/-in", "rund 279.000 €", "Seiten 31–33"):
        assert fact in text
    assert "/zielgruppen/langzeitleistungsbeziehende/" in links
    assert "/rechtsgrundlagen/45-sgb-iii/" in links
    assert "/handlungsfelder/gesundheitsfoerderung/" in links


def test_every_record_has_a_page_and_is_in_its_list(built_site, catalogue):
    for url, records in (("massnahmen", catalogue.measures), ("programme", catalogue.programmes)):
        _, links = _parse(built_site / url / "index.html")
        for record in records:
            assert (built_site / record.url / "index.html").exists()
            assert f"/{record.url}" in links


def test_measure_links_to_programme_and_programme_lists_it(built_site, catalogue):
    pairs = [(m, m.programme) for m in catalogue.measures if m.programme]
    pairs += [(p, p.parent) for p in catalogue.programmes if p.parent]
    assert pairs, "no record links to a programme"
    for child, parent in pairs:
        _, child_links = _parse(built_site / child.url / "index.html")
        _, parent_links = _parse(built_site / parent.url / "index.html")
        assert f"/{parent.url}" in child_links
        assert f"/{child.url}" in parent_links


def test_facet_pages_list_exactly_the_matching_records(built_site, catalogue):
    for facet in FACETS:
        text, links = _parse(built_site / facet.key / "index.html")
        for value in facet.compute(catalogue.measures + catalogue.programmes):
            assert f"/{value.url}" in links
            _, value_links = _parse(built_site / value.url / "index.html")
            listed = {link for link in value_links if link and link.startswith(("/massnahmen/", "/programme/"))
                      and link not in ("/massnahmen/", "/programme/") and link.count("/") == 3}
            assert listed == {f"/{record.url}" for record in value.records}, value.url


def test_home_page_offers_entry_points(built_site):
    text, links = _parse(built_site / "index.html")
    assert "/handlungsfelder/gesundheitsfoerderung/" in links
    assert any(link.startswith("/zielgruppen/") for link in links)
    assert re.search(r"\d+ Maßnahmen", text)


def test_fact_rows_use_schema_labels(catalogue):
    record = next(r for r in catalogue.measures if r.slug == "bahn-frei")
    labels = [row["label"] for row in fact_rows(record)]
    assert labels[:3] == ["Träger", "Bundesland", "Region"]
    assert "Kosten je Teilnehmer/-in" in labels and labels[-1] == "Quelle"


def test_no_page_loads_anything_from_another_host(built_site):
    external = re.compile(r'<(script|link|img|iframe|source|video|audio)\b[^>]*\b(src|href)="(https?:)?//', re.I)
    offenders = [str(page) for page in built_site.rglob("*.html") if external.search(page.read_text(encoding="utf-8"))]
    assert offenders == []


def test_keyword_index_is_a_to_z_and_links_every_keyword(built_site, catalogue):
    from plugins.derive.keywords import initial, keyword_index  # plugins.keywords

    sections = keyword_index(catalogue.records)
    letters = [section["letter"] for section in sections]
    assert letters == sorted(letters, key=lambda letter: (letter == "#", letter))
    assert initial("Ärztlicher Dienst") == "A" and initial("§ 16e SGB II") == "#"
    html = (built_site / "stichwortverzeichnis" / "index.html").read_text(encoding="utf-8").replace("<wbr>", "")  # break hints after "/"
    for record in catalogue.records:
        for keyword in record.get("keywords", []):
            assert keyword.replace("&", "&amp;") in html or keyword in html
    _, links = _parse(built_site / "stichwortverzeichnis" / "index.html")
    assert {f"/{r.url}" for r in catalogue.records if r.get("keywords")} <= set(links)


def test_key_facts_in_their_order_and_further_facts_without_key_facts_or_source():
    rows = [{"field": name} for name in ("source", "as_of", "budget", "state", "results", "state", "target_groups")]
    assert [row["field"] for row in key_facts(rows)] == ["target_groups", "state", "state", "as_of"]
    assert [row["field"] for row in further_facts(rows)] == ["budget", "results"]
