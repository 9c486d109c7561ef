"""Issue 15 in Chromium: one result list for measures, programmes and regions as cards with their key
facts, „Meinten Sie …?“, the „Art“ filter of /massnahmen/, and bad input on /suche/."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from plugins.derive import derive, listed
from plugins.derive.search.index import SearchIndex
from plugins.derive.search.query import search
from plugins.read import read_sources

from .conftest import ROOT


def kern(site: Path) -> dict:
    return json.loads((site / "suche" / "kern.json").read_text(encoding="utf-8"))


def expected_urls(site, query):
    parts = [json.loads((site / "suche" / f"{name}.json").read_text(encoding="utf-8")) for name in ("kern", "volltext")]
    found = search([SearchIndex.load(part) for part in parts], query)["results"]
    return ["/" + parts[0]["records"][int(result["ref"])]["url"] for result in found]


def result_urls(page):
    page.wait_for_selector("#search-results[data-complete='true']", state="attached")
    return page.eval_on_selector_all("#search-results > li h2 a", "links => links.map(a => new URL(a.href).pathname)")


def card_facts(page, url):
    """{label: text} of the card that links to `url`."""
    card = page.locator("#search-results > li", has=page.locator(f"h2 a[href$='{url}']"))
    return dict(zip(card.locator("dt").all_inner_texts(), card.locator("dd").all_inner_texts(), strict=True))


def test_the_cards_carry_the_builds_own_cost_figures():
    """The display store takes cost per participant from derive's one cost computation, with the
    configured base year: another base year, other figures (never a second computation)."""
    settings = {"COSTS_BASE_YEAR": 2015}
    sources = read_sources(ROOT / "content", settings, lambda problems: pytest.fail(str(problems)))
    derived = derive(sources, settings)
    store = json.loads(derived.search.files["suche/kern.json"])
    assert store["base_year"] == 2015
    by_url = {entry["url"]: entry for entry in store["records"]}
    with_cost = 0
    for record in sources.catalogue.measures:
        figure = derived.costs[record.slug].participation
        expected = int(figure.value.quantize(Decimal(1), rounding=ROUND_HALF_UP)) if figure else None
        assert by_url[record.url]["cost"] == expected, record.slug
        with_cost += expected is not None
    assert with_cost >= 5
    for record in sources.catalogue.programmes + sources.catalogue.regions:
        assert "cost" not in by_url[record.url] and by_url[record.url]["type"] == record.kind


def test_one_result_list_with_type_labels_and_key_facts(page, site_url, built_site):
    store = kern(built_site)
    page.goto(site_url + "/suche/?q=Sachsen-Anhalt")
    urls = result_urls(page)
    assert urls == expected_urls(built_site, "Sachsen-Anhalt")[:50]
    kinds = set(page.eval_on_selector_all("#search-results > li", "items => items.map(li => li.dataset.kind)"))
    assert kinds == {"measure", "programme", "region"}  # one list for all three
    region = page.locator("#search-results > li[data-kind='region']").first
    assert region.locator(".kern-preline").inner_text().startswith("Region")
    assert region.locator("h2 a").inner_text() == "Mansfeld-Südharz"
    assert region.locator(".record-card-subtitle").inner_text() == "Landkreis Mansfeld-Südharz"
    stabil = card_facts(page, "/programme/stabil/")
    assert stabil["Land"] == "Sachsen-Anhalt" and "Kosten je Teilnehmer/-in" not in stabil
    assert stabil["Zielgruppen"].startswith("Jugendliche")
    assert page.locator("#search-results > li[data-kind='programme'] .kern-preline").first.inner_text().startswith("Programm")

    # A measure with a comparable cost: the build's figure in EUR of its base year; one without: said so.
    page.goto(site_url + "/suche/?q=BAHN+FREI")
    result_urls(page)
    bahn = next(entry for entry in store["records"] if entry["url"] == "massnahmen/bahn-frei/")
    facts = card_facts(page, "/massnahmen/bahn-frei/")
    amount = f"{bahn['cost']:,}".replace(",", ".")
    assert facts["Kosten je Teilnehmer/-in"] == f"rund {amount}\u00a0€ (Preise {store['base_year']})"
    assert facts["Evidenz"] == bahn["evidence"] and facts["Evidenz"].startswith("Stufe ")
    assert facts["Stand"] and facts["Land"]
    page.goto(site_url + "/suche/?q=Coaching")
    urls = result_urls(page)
    store_of = {"/" + entry["url"]: entry for entry in store["records"]}
    without = [url for url in urls if store_of[url]["type"] == "measure" and store_of[url]["cost"] is None]
    with_cost = [url for url in urls if store_of[url].get("cost") is not None]
    assert without and with_cost
    assert card_facts(page, without[0])["Kosten je Teilnehmer/-in"] == "ohne vergleichbare Angabe"
    assert card_facts(page, with_cost[0])["Kosten je Teilnehmer/-in"].startswith("rund ")


def test_a_typo_offers_the_real_word(page, site_url, built_site):
    page.goto(site_url + "/suche/?q=Langzeitarbeitlose")
    urls = result_urls(page)
    assert urls and urls == expected_urls(built_site, "Langzeitarbeitlose")[:50]
    offer = page.locator("#search-didyoumean")
    assert offer.is_visible()
    link = offer.locator("a")
    assert offer.inner_text() == "Meinten Sie Langzeitarbeitslose?"
    assert parse_qs(urlparse(link.get_attribute("href")).query) == {"q": ["Langzeitarbeitslose"]}
    link.click()
    page.wait_for_url("**/suche/?q=Langzeitarbeitslose")
    assert result_urls(page) == expected_urls(built_site, "Langzeitarbeitslose")[:50]
    assert not offer.is_visible()  # a correct word: nothing to offer

    page.goto(site_url + "/suche/?q=Quartiersmanagment+Wernigerode")  # the typo is replaced, the rest kept
    assert result_urls(page) == ["/massnahmen/quartiersmanagement-wernigerode/"]
    assert offer.is_visible()
    assert page.locator("#search-didyoumean-link").inner_text() == "Quartiersmanagement Wernigerode"


def test_the_kind_filter_shows_programmes_beside_measures(page, site_url, catalogue_records):
    """The issue's example: young people in Sachsen-Anhalt – STABIL and RÜMSA are programmes."""
    page.goto(site_url + "/massnahmen/?zielgruppe=jugendliche&land=sachsen-anhalt")
    page.wait_for_function("() => document.getElementById('record-list').dataset.shown !== undefined")
    shown = visible_cards(page)
    assert "/programme/stabil/" in shown and "/programme/ruemsa/" in shown
    assert any(url.startswith("/massnahmen/") for url in shown)
    page.locator(".filter-panel > summary").click()  # the filters sit in a closed panel (KERN redesign)
    page.locator("#filter-art-programme").check()
    page.wait_for_function("() => new URLSearchParams(location.search).get('art') === 'programme'")
    only = visible_cards(page)
    assert only and all(url.startswith("/programme/") for url in only)
    assert set(only) == {url for url in shown if url.startswith("/programme/")}
    page.goto(site_url + "/massnahmen/?art=measure")
    page.wait_for_function("() => document.getElementById('record-list').dataset.shown !== undefined")
    assert len(visible_cards(page)) == sum(record.kind == "measure" for record in catalogue_records)


@pytest.fixture(scope="module")
def catalogue_records():
    sources = read_sources(ROOT / "content", {}, lambda problems: pytest.fail(str(problems)))
    return listed(sources.catalogue)


def visible_cards(page):
    return page.eval_on_selector_all("#record-list .record-card:not([hidden]) h2 a",
                                     "links => links.map(a => new URL(a.href).pathname)")


LONG = ("Alleinerziehende " * 40)[:500]
BAD_INPUT = [
    ("", "Bitte einen Suchbegriff eingeben."),
    ("   ", "Bitte einen Suchbegriff eingeben."),
    ("der die das und oder", "enthält kein Wort, nach dem gesucht werden kann"),
    ("!!! ... ??? ;;; ---", "enthält kein Wort, nach dem gesucht werden kann"),
    ("* ~ ^ : + -", "enthält kein Wort, nach dem gesucht werden kann"),
    ("Sucht~1 title:Coaching +Jobcenter -Hessen Allein* Quartier^10", "„title“ kommt nicht vor"),
    ('"Alleinerziehende" \'Teilzeit\' „Coaching“', "Treffer"),
    ("<script>alert('x')</script>", ""),
    ("<img src=x onerror=alert(1)> Coaching", "Treffer"),
    ("\\d+ (a|b) [x] {y} .*? $^", ""),
    (LONG, "Gesucht wurde nur nach den ersten 200 Zeichen."),
]


@pytest.mark.parametrize("text, message", BAD_INPUT, ids=[f"bad{i}" for i in range(len(BAD_INPUT))])
def test_bad_input_gives_a_german_message_and_no_markup(page, site_url, text, message):
    """Typed into the field: no exception in the console (the page fixture fails on any), a German
    status line, and whatever was typed shown as text only."""
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url + "/suche/")
    page.wait_for_selector("#search-results[data-complete='true']", state="attached")
    page.locator("#q").fill(text)
    page.locator("#q").press("Enter")
    page.wait_for_function("() => !document.getElementById('search-status').textContent.includes('geladen')")
    status = page.locator("#search-status").inner_text()
    assert status, text
    assert message in status, status
    assert any(word in status for word in ("Treffer", "Suchbegriff", "Wort", "Einträge", "Eintrag")), status
    html = page.locator("main").inner_html()
    assert "<script>alert" not in html and "<img src=x" not in html  # only escaped text
    assert page.locator("main img, main script:not([src]), #search-status *, #search-didyoumean img").count() == 0
    assert dialogs == []
    if not text.strip():
        assert page.locator("#search-results > li").count() == 0
