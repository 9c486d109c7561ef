"""The KERN layout in real Chromium, as a reader sees it: first screen, narrow screens, menu, compare on a phone."""

from __future__ import annotations

import pytest

from .conftest import DATA, run_build, serve
from .layout_checks import layout_problems
from .page_types import PAGE_TYPES

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
WIDTHS = (320, 390, 1280)
LIST_WITH_RESULTS = PAGE_TYPES["Maßnahmenliste mit Filtern"]


def open_at(browser, url, viewport, javascript=True):
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.goto(url)
    return context, page


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
def test_first_result_is_visible_without_scrolling(browser, site_url, viewport):
    context, page = open_at(browser, site_url + LIST_WITH_RESULTS, viewport)
    page.wait_for_selector("#filter-form:not([hidden])")
    page.wait_for_function("document.querySelector('#record-list').dataset.shown !== undefined")
    title = page.locator("#record-list .record-card:not([hidden]) .record-card-title a").first
    box = title.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], box
    assert page.evaluate("window.scrollY") == 0
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_horizontal_scroll_and_no_word_cut(browser, site_url, name, width):
    context, page = open_at(browser, site_url + PAGE_TYPES[name], {"width": width, "height": 900})
    page.wait_for_load_state("networkidle")
    assert layout_problems(page) == [], f"{name} bei {width} px"
    assert page.problems == []
    context.close()


def test_steckbrief_facts_start_on_a_phones_first_screen(browser, site_url):
    context, page = open_at(browser, site_url + PAGE_TYPES["Maßnahme"], PHONE)
    heading = page.get_by_role("heading", name="Auf einen Blick").bounding_box()
    first_fact = page.locator(".steckbrief-facts dt").first.bounding_box()
    assert heading["y"] + heading["height"] < PHONE["height"]
    assert first_fact["y"] + first_fact["height"] <= PHONE["height"]
    assert page.locator(".lead").inner_text().count(". ") == 0  # one sentence; the rest follows the facts
    context.close()


def test_compare_works_on_a_phone(browser, site_url):
    context, page = open_at(browser, site_url + "/massnahmen/", PHONE)
    page.wait_for_selector(".compare-pick:not([hidden])")
    assert not page.locator(".compare-bar").is_visible()  # nothing chosen, no bar
    boxes = page.locator(".compare-pick:not([hidden]) .compare-checkbox")
    first, second = boxes.nth(0).get_attribute("value"), boxes.nth(1).get_attribute("value")
    boxes.nth(0).check()
    boxes.nth(1).check()
    go = page.locator(".compare-go")
    assert go.is_visible() and go.is_enabled()
    go.click()
    page.wait_for_selector("#vergleich-tabelle")
    assert page.url.endswith(f"/vergleich/?m={first},{second}") or page.url.endswith(f"/vergleich/?m={second},{first}")
    # field by field: each value as wide as the screen allows, under the measure's name
    cell = page.locator("#vergleich-tabelle tbody tr[data-field=target_groups] td").first
    assert cell.bounding_box()["width"] > 300
    assert page.evaluate("getComputedStyle(document.querySelector('#vergleich-tabelle td'), '::before').content") != "none"
    assert layout_problems(page) == []
    shared = page.locator(".compare-share a").get_attribute("href")
    page.goto(shared)
    page.wait_for_selector("#vergleich-tabelle")
    assert page.locator("#vergleich-tabelle thead th[data-slug]").count() == 2
    assert page.problems == []
    context.close()


def test_compare_prints_as_a_table(browser, site_url):
    context, page = open_at(browser, site_url + PAGE_TYPES["Vergleich"], PHONE)
    page.wait_for_selector("#vergleich-tabelle")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('#vergleich-tabelle')).display") == "table"
    context.close()


def test_phone_menu_by_keyboard(browser, site_url):
    context, page = open_at(browser, site_url + "/", PHONE)
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    assert not nav.is_visible()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.site-menu-button')"):
            break
    else:
        raise AssertionError("Menüknopf mit Tab nicht erreichbar")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert nav.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Maßnahmen"
    page.keyboard.press("Enter")
    page.wait_for_url("**/massnahmen/")
    assert page.locator("h1").inner_text() == "Maßnahmen"
    context.close()


def test_phone_menu_without_javascript(browser, site_url):
    context, page = open_at(browser, site_url + "/", PHONE, javascript=False)
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    assert not nav.is_visible()
    page.get_by_text("Menü", exact=True).click()
    assert nav.is_visible()
    nav.get_by_role("link", name="Kosten").click()
    page.wait_for_url("**/kosten/")
    assert page.locator("h1").inner_text() == "Kosten im Vergleich"
    context.close()


def test_search_is_one_tap_away_on_a_phone(browser, site_url):
    context, page = open_at(browser, site_url + "/massnahmen/bahn-frei/", PHONE)
    search = page.get_by_role("searchbox")
    box = search.bounding_box()
    assert search.is_visible() and box["y"] + box["height"] < 200
    context.close()


# Bad input: a 200-character title, every target group of the vocabulary (it has 21, each allowed once;
# 40 keywords besides), no cost, no results, no region (tests/data/layout_extremes).
EXTREME = "measure-200-character-title-all-target-groups-no-cost-no-results-no-region"
EXTREME_PAGES = {
    "Startseite": "/",
    "Maßnahmenliste": "/massnahmen/",
    "Maßnahme": f"/massnahmen/{EXTREME}/",
    "Programmliste": "/programme/",
    "Programm": "/programme/testprogramm/",
    "Regionen (leer)": "/regionen/",
    "Facettenübersicht": "/zielgruppen/",
    "Facette": "/zielgruppen/institutionen/",
    "Rechtsgrundlage": "/rechtsgrundlagen/16a-sgb-ii/",
    "Stichwortverzeichnis": "/stichwortverzeichnis/",
    "Suche": "/suche/?q=Eingliederungsbegleitung",
    "Kosten": "/kosten/",
    "Vergleich": f"/vergleich/?m={EXTREME},measure-ordinary-for-comparison",
    "Mitmachen": "/mitmachen/",
    "Offene Daten": "/daten/",
    "Glossar": "/glossar/",
}


@pytest.fixture(scope="module")
def extreme_site_url(tmp_path_factory):
    output = tmp_path_factory.mktemp("extreme")
    result = run_build(DATA / "layout_extremes" / "content", output)
    assert result.returncode == 0, result.stderr + result.stdout
    server, url = serve(output)
    yield url
    server.shutdown()


@pytest.mark.parametrize("name", list(EXTREME_PAGES))
def test_extreme_record_lays_out_at_320_px(browser, extreme_site_url, name):
    context, page = open_at(browser, extreme_site_url + EXTREME_PAGES[name], {"width": 320, "height": 800})
    page.wait_for_load_state("networkidle")
    assert layout_problems(page) == [], name
    assert page.problems == []
    context.close()
