"""Search (/suche/) and the filters of /massnahmen/ in real Chromium: what a visitor types, sees and hears."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

import pytest

from plugins.derive import listed
from plugins.derive.search.index import SearchIndex
from plugins.derive.search.query import search
from plugins.read.model import build_catalogue
from plugins.read.validate import check_tree

from .conftest import DATA, ROOT, run_build, serve


@pytest.fixture(scope="module")
def catalogue():
    raws, _, _ = check_tree(ROOT / "content")
    return build_catalogue(raws)


def expected_urls(site, query):
    """What plugins.search finds in Python for `query` on the built index, best first."""
    parts = [json.loads((site / "suche" / f"{name}.json").read_text(encoding="utf-8")) for name in ("kern", "volltext")]
    found = search([SearchIndex.load(part) for part in parts], query)["results"]
    return ["/" + parts[0]["records"][int(result["ref"])]["url"] for result in found]


def result_urls(page):
    page.wait_for_selector("#search-results[data-complete='true']", state="attached")
    return page.eval_on_selector_all("#search-results > li h2 a", "links => links.map(a => new URL(a.href).pathname)")


def test_typing_a_query_lists_the_expected_records_best_first(page, site_url, built_site):
    page.goto(site_url + "/suche/")
    page.locator("#q").press_sequentially("Alleinerziehende Teilzeit", delay=5)
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'Alleinerziehende Teilzeit'")
    urls = result_urls(page)
    assert urls == expected_urls(built_site, "Alleinerziehende Teilzeit")
    assert "/massnahmen/jumita/" in urls[:3]
    status = page.locator("#search-status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == f"{len(urls)} Treffer für „Alleinerziehende Teilzeit“."
    first = page.locator("#search-results > li").first
    assert first.locator(".search-result-meta").inner_text().startswith("Maßnahme · ")
    marked = [text.lower() for text in first.locator("mark").all_inner_texts()]
    assert any(text.startswith(("alleinerzieh", "teilzeit")) for text in marked), marked


def test_a_query_without_results_offers_a_shorter_start_and_ways_to_browse(page, site_url, built_site):
    """No record says "Familienkasse", not even split or with a typo: the page offers "Familien"."""
    page.goto(site_url + "/suche/?q=Familienkasse")
    assert result_urls(page) == [] == expected_urls(built_site, "Familienkasse")
    assert page.locator("#search-status").inner_text() == "Keine Treffer für „Familienkasse“."
    help_box = page.locator("#search-help")
    assert help_box.is_visible()
    for name in ("Zielgruppen", "Handlungsfeldern", "Bundesländern", "Stichwortverzeichnis"):
        assert help_box.get_by_role("link", name=name, exact=True).is_visible()
    expected = expected_urls(built_site, "Familien")
    assert expected
    link = page.locator("#search-suggestion-link")
    assert link.inner_text() == f"„Familien“ ({len(expected)} Treffer)"
    link.click()
    page.wait_for_url("**/suche/?q=Familien")
    assert result_urls(page) == expected
    assert not help_box.is_visible()

    page.goto(site_url + "/suche/?q=Xylophonbau")  # nothing for the shorter start either: no suggestion
    assert result_urls(page) == [] == expected_urls(built_site, "Xylop")
    assert help_box.is_visible()
    assert not page.locator("#search-suggestion").is_visible()


def test_an_abbreviation_finds_records_that_only_spell_it_out(page, site_url, built_site):
    """The glossary says AGH = Arbeitsgelegenheiten: "AGH" also finds the records that never write "AGH"."""
    spelled_out = sorted(f"/massnahmen/{path.stem}/" for path in (ROOT / "content" / "measures").glob("*.md")
                         if "Arbeitsgelegenheiten" in (text := path.read_text(encoding="utf-8")) and "AGH" not in text)
    assert spelled_out  # e.g. neustart, zap
    page.goto(site_url + "/suche/?q=AGH")
    urls = result_urls(page)
    assert urls == expected_urls(built_site, "AGH")
    assert set(spelled_out) <= set(urls)


def test_the_page_without_results_passes_axe(browser, site_url):
    from .test_accessibility import axe_violations_at

    assert axe_violations_at(browser, site_url + "/suche/?q=Familienkasse", ready="#search-suggestion:not([hidden])") == []
    assert axe_violations_at(browser, site_url + "/suche/?q=Langzeitarbeitlose", ready="#search-didyoumean:not([hidden])") == []


@pytest.mark.parametrize("query, url", [("§ 16i", "/programme/stabilisierung-und-teilhabe/"),
                                        ("BAHN FREI", "/massnahmen/bahn-frei/"),
                                        ("Quartier", "/massnahmen/quartiersmanagement-wernigerode/"),
                                        ("50plus", "/massnahmen/neustart/")])
def test_obvious_queries_find_the_obvious_record_first(page, site_url, query, url):
    page.goto(site_url + "/suche/?q=" + query.replace("§", "%C2%A7").replace(" ", "+"))
    assert page.locator("#q").input_value() == query
    assert result_urls(page)[0] == url


def test_first_results_come_from_the_core_part_while_the_full_text_loads(page, site_url, built_site):
    """The full text is held back: the core part alone lists results, then the full text refines the same list."""
    held, requested = [], []
    page.on("request", lambda request: requested.append(urlparse(request.url).path))
    page.route("**/suche/volltext.json", lambda route: held.append(route))
    page.goto(site_url + "/suche/?q=Teilqualifizierung")
    page.wait_for_selector("#search-results > li")
    page.wait_for_function("() => document.getElementById('search-status').textContent.includes('Volltext')")
    status = page.locator("#search-status").inner_text()
    assert status.endswith("Volltext wird noch geladen …"), status
    assert page.locator("#search-results").get_attribute("data-complete") == "false"
    assert page.locator("#search-results .search-snippet").count() == 0
    assert "/massnahmen/teilqualifizierung/" in page.eval_on_selector_all(
        "#search-results > li h2 a", "links => links.map(a => new URL(a.href).pathname)")
    page.wait_for_function("() => true")  # let the held request reach the route handler
    assert len(held) == 1
    held[0].continue_()
    urls = result_urls(page)
    expected = expected_urls(built_site, "Teilqualifizierung")
    assert urls == expected[:50]  # the first page of results
    assert page.locator("#search-results .search-snippet").count() == len(urls)
    assert page.locator("#search-status").inner_text().startswith(f"{len(expected)} Treffer für „Teilqualifizierung“")
    # The core part is preloaded with the page; the script's fetch takes that download, no second one.
    assert requested.count("/suche/kern.json") == 1 and requested.count("/suche/volltext.json") == 1


def test_search_works_when_the_early_loader_comes_late(page, site_url, built_site):
    """search-fetch.js normally starts loading the core part; if it comes after search.js, search.js loads it, once."""
    held, requested = [], []
    page.on("request", lambda request: requested.append(urlparse(request.url).path))
    page.route("**/theme/js/search-fetch.js", lambda route: held.append(route))
    page.goto(site_url + "/suche/?q=Sucht", wait_until="domcontentloaded")  # "load" would wait for the held script
    assert result_urls(page) == expected_urls(built_site, "Sucht")
    assert len(held) == 1
    held[0].continue_()
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some(r => r.name.endsWith('/search-fetch.js'))")
    assert result_urls(page) == expected_urls(built_site, "Sucht")
    assert requested.count("/suche/kern.json") == 1


def test_the_preloaded_core_part_is_used(browser, site_url):
    """Chromium warns when a preload goes unused or does not match the fetch (credentials mode)."""
    context = browser.new_context()
    page = context.new_page()
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(site_url + "/suche/?q=Sucht")
    page.wait_for_selector("#search-results[data-complete='true']", state="attached")
    page.wait_for_timeout(3500)  # the unused-preload warning comes about three seconds after load
    context.close()
    assert [text for text in messages if "preload" in text.lower()] == []


def test_the_url_round_trips_and_back_works(page, site_url):
    page.goto(site_url + "/")
    page.locator("#header-q").fill("Gesundheit Hessen")
    page.locator("#header-q").press("Enter")
    page.wait_for_url("**/suche/?q=Gesundheit+Hessen")
    first = result_urls(page)
    assert first and page.locator("#q").input_value() == "Gesundheit Hessen"
    page.locator("#q").fill("Sucht")
    page.locator("#q").press("Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'Sucht'")
    page.wait_for_function("() => document.getElementById('search-status').textContent.includes('„Sucht“')")
    page.go_back()
    page.wait_for_function("() => document.getElementById('q').value === 'Gesundheit Hessen'")
    page.wait_for_function("() => document.getElementById('search-status').textContent.includes('Gesundheit Hessen')")
    assert result_urls(page) == first
    shared = page.url
    page.goto(shared)
    assert result_urls(page) == first


def test_every_page_has_the_header_search_and_it_leads_to_the_results(page, site_url, built_site):
    pages = sorted(built_site.rglob("*.html"))
    without = [str(path.relative_to(built_site)) for path in pages
               if '<form class="header-search" role="search" action="/suche/" method="get">' not in path.read_text(encoding="utf-8")]
    assert len(pages) > 150 and without == []
    for path in ("/", "/massnahmen/bahn-frei/", "/glossar/"):
        page.goto(site_url + path)
        page.locator("#header-q").fill("Teilzeit")
        page.locator("#header-q").press("Enter")
        page.wait_for_url("**/suche/?q=Teilzeit")
        assert result_urls(page) == expected_urls(built_site, "Teilzeit") != []


def test_nothing_found_is_said_in_words(page, site_url):
    page.goto(site_url + "/suche/?q=xyzzyplugh")
    page.wait_for_selector("#search-results[data-complete='true']", state="attached")
    assert page.locator("#search-status").inner_text() == "Keine Treffer für „xyzzyplugh“."
    assert page.locator("#search-results > li").count() == 0


def test_search_by_keyboard_only(page, site_url):
    page.goto(site_url + "/suche/")
    page.keyboard.press("Tab")  # skip link
    focused = []
    for _ in range(15):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id"))
        if focused[-1] == "q":
            break
    assert focused[-1] == "q", focused
    page.keyboard.type("Teilqualifizierung")
    page.keyboard.press("Enter")
    urls = result_urls(page)
    assert "/massnahmen/teilqualifizierung/" in urls
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")  # the first result
    assert page.evaluate("new URL(document.activeElement.href).pathname") == urls[0]
    page.keyboard.press("Enter")
    page.wait_for_url("**" + urls[0])


@pytest.fixture(scope="module")
def search_scenario(tmp_path_factory):
    output = tmp_path_factory.mktemp("search-scenario")
    result = run_build((DATA / "search" / "content").relative_to(ROOT), output)
    assert result.returncode == 0, result.stderr + result.stdout
    server, url = serve(output)
    yield url
    server.shutdown()


def test_markup_from_the_index_is_shown_as_text(page, search_scenario):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(search_scenario + "/suche/?q=Werkstattprojekt")
    page.wait_for_selector("#search-results[data-complete='true'] > li")
    link = page.locator("#search-results > li h2 a").first
    assert link.inner_text() == "<b>Werkstatt</b><script>alert('name')</script>"  # the short name, as text
    subtitle = page.locator("#search-results .record-card-subtitle").first
    assert subtitle.inner_text() == "<img src=x onerror=alert(1)> Werkstattprojekt"
    assert page.locator("#search-results img, #search-results script, #search-results svg, #search-results b").count() == 0
    snippet = page.locator("#search-results .search-snippet").first.inner_text()
    assert "<img src=x onerror=alert('summary')>" in snippet
    assert page.locator("#search-results .search-result-meta").first.inner_text() == "Maßnahme · Jobcenter <i>Testkreis</i>"
    facts = page.locator("#search-results > li").first.locator(".card-facts")
    assert dict(zip(facts.locator("dt").all_inner_texts(), facts.locator("dd").all_inner_texts(), strict=True))["Land"] == "Hessen"
    page.goto(search_scenario + "/massnahmen/?q=Werkstattprojekt")
    page.wait_for_function("() => document.getElementById('record-list').dataset.shown !== undefined")
    assert page.eval_on_selector_all("#record-list .record-card:not([hidden]) h2 a", "links => links.map(a => a.textContent)")[0] \
        == "<b>Werkstatt</b><script>alert('name')</script>"
    assert page.locator("#filter-chips button").first.inner_text() == "Suchbegriff: Werkstattprojekt ×"
    assert dialogs == []


def test_numbers_and_paragraphs_are_found(page, search_scenario):
    for query in ("§ 16i", "16i", "2019", "U25", "50plus", "Quartier", "Projekt"):
        page.goto(search_scenario + "/suche/?q=" + query.replace("§", "%C2%A7").replace(" ", "+"))
        urls = result_urls(page)
        if query in ("Quartier", "Projekt"):  # also found: "Werkstattprojekt" (compound parts) and near terms
            assert "/massnahmen/measure-legal-basis-16i/" in urls, query
        else:  # numbers and short words stay exact
            assert urls == ["/massnahmen/measure-legal-basis-16i/"], query


def visible_cards(page):
    return page.eval_on_selector_all("#record-list .record-card:not([hidden]) h2 a",
                                      "links => links.map(a => new URL(a.href).pathname)")


def count_of(page, param, value):
    text = page.locator(f"label[for='filter-{param}-{value}'] [data-count]").text_content()  # also inside the closed panel
    return int(text.strip("()"))


def groups(record):
    return record.get("target_groups") or []


def test_combined_filters_narrow_the_list_and_the_counts(page, site_url, catalogue):
    """/massnahmen/ lists measures and programmes; every filter applies to both."""
    page.goto(site_url + "/massnahmen/?zielgruppe=alleinerziehende&land=bayern")
    page.wait_for_selector("#filter-form:not([hidden])")
    everything = listed(catalogue)
    expected = [m for m in everything if "alleinerziehende" in groups(m) and m.get("state") == "bayern"]
    assert expected, "the real catalogue has single-parent measures in Bayern"
    assert sorted(visible_cards(page)) == sorted("/" + m.url for m in expected)
    assert page.locator("#filter-status").inner_text() == \
        f"{len(expected)} von {len(everything)} Maßnahmen und Programmen passen zur Auswahl."
    # A count is what choosing that value would give together with the other filters.
    in_bayern = [m for m in everything if m.get("state") == "bayern"]
    for group in ("alleinerziehende", "jugendliche", "gesundheit"):
        assert count_of(page, "zielgruppe", group) == sum(group in groups(m) for m in in_bayern), group
    single_parents = [m for m in everything if "alleinerziehende" in groups(m)]
    assert count_of(page, "land", "hessen") == sum(m.get("state") == "hessen" for m in single_parents)
    # OR within a filter: adding Hessen widens (or keeps) the list.
    page.locator(".filter-panel > summary").click()  # the filters sit in a closed panel; the chips show the choice
    page.locator("#filter-land-hessen").check()
    page.wait_for_function("() => new URLSearchParams(location.search).getAll('land').length === 2")
    both = [m for m in single_parents if m.get("state") in ("hessen", "bayern")]
    assert sorted(visible_cards(page)) == sorted("/" + m.url for m in both)
    query = parse_qs(urlparse(page.url).query)
    assert query == {"zielgruppe": ["alleinerziehende"], "land": ["bayern", "hessen"]}  # form order
    assert "oder" in page.locator("#filter-rule").inner_text() and "und" in page.locator("#filter-rule").inner_text()
    page.go_back()
    page.wait_for_function("() => new URLSearchParams(location.search).getAll('land').length === 1")
    assert sorted(visible_cards(page)) == sorted("/" + m.url for m in expected)
    assert not page.locator("#filter-land-hessen").is_checked()


def test_filters_combine_with_a_text_query_and_sort(page, site_url, built_site, catalogue):
    page.goto(site_url + "/massnahmen/?q=Coaching&land=hessen")
    page.wait_for_function("() => document.getElementById('record-list').dataset.shown !== undefined")
    found = [url for url in expected_urls(built_site, "Coaching") if url.startswith("/massnahmen/")]
    hessen = {"/" + m.url for m in listed(catalogue) if m.get("state") == "hessen"}
    assert visible_cards(page) == [url for url in found if url in hessen]
    page.locator(".filter-panel > summary").click()
    page.locator("#filter-sort").select_option("titel")
    page.wait_for_function("() => new URLSearchParams(location.search).get('sortierung') === 'titel'")
    order = ["/" + m.url for m in listed(catalogue)]
    assert visible_cards(page) == sorted(visible_cards(page), key=order.index)


def test_filters_by_keyboard_and_removable_chips(page, site_url, catalogue):
    page.goto(site_url + "/massnahmen/")
    page.wait_for_selector("#filter-form:not([hidden])")
    assert len(visible_cards(page)) == len(listed(catalogue))
    page.locator(".filter-panel > summary").click()
    page.locator("#filter-zielgruppe-jugendliche").focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search === '?zielgruppe=jugendliche'")
    young = ["/" + m.url for m in listed(catalogue) if "jugendliche" in groups(m)]
    assert visible_cards(page) == young
    chip = page.locator("#filter-chips button")
    label = catalogue.measures[0].label_of("target_groups", "jugendliche")
    assert chip.count() == 1 and chip.inner_text() == f"Zielgruppen: {label} ×"
    chip.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search === ''")
    assert len(visible_cards(page)) == len(listed(catalogue))
    assert not page.locator("#filter-zielgruppe-jugendliche").is_checked()
    assert page.evaluate("document.activeElement.id") == "filter-zielgruppe-jugendliche"


def test_without_javascript_the_list_shows_every_record_and_the_facet_pages(browser, site_url, catalogue):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/massnahmen/?zielgruppe=alleinerziehende")
    assert page.locator("#filter-form").is_hidden()
    assert page.locator("#record-list .record-card").count() == len(listed(catalogue))
    page.locator("main").get_by_role("link", name="Zielgruppen", exact=True).click()
    assert page.locator("h1").inner_text() == "Zielgruppen"
    page.goto(site_url + "/suche/?q=Teilzeit")
    assert "braucht JavaScript" in page.locator("main").inner_text()
    context.close()
