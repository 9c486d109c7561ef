"""A visitor's path in real Chromium: home → measure → programme → facet page, without JavaScript errors."""

from __future__ import annotations

from plugins.read.model import build_catalogue
from plugins.read.validate import check_tree

from .conftest import ROOT


def _measure_with_programme():
    raws, _, _ = check_tree(ROOT / "content")
    catalogue = build_catalogue(raws)
    return next(m for m in catalogue.measures if m.programme)


def test_home_to_measure_to_programme_to_facet(page, site_url):
    measure = _measure_with_programme()
    page.goto(site_url + "/")
    assert page.locator("html").get_attribute("lang") == "de"
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Maßnahmen").click()
    assert page.locator("h1").inner_text() == "Maßnahmen"
    page.locator("#record-list").get_by_role("link", name=measure.short_name, exact=True).click()
    assert page.locator("h1").inner_text() == measure.title
    facts = page.locator(".facts")
    facts.get_by_role("link", name=measure.programme.title, exact=True).click()
    assert page.url.endswith("/" + measure.programme.url)
    assert page.locator("h1").inner_text() == measure.programme.title
    assert page.get_by_role("link", name=measure.short_name, exact=True).count() >= 1
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Handlungsfelder").click()
    page.get_by_role("link", name="Kooperationen und Netzwerke").first.click()
    assert page.locator("h1").inner_text() == "Kooperationen und Netzwerke"
    assert page.locator(".record-card").count() >= 1


def test_pages_work_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/zielgruppen/")
    page.get_by_role("link", name="Langzeitleistungsbeziehende").first.click()
    assert page.locator("h1").inner_text() == "Langzeitleistungsbeziehende"
    page.locator(".record-card a").first.click()
    assert page.locator("dl.facts dt").first.inner_text() == "Träger"
    context.close()


def test_skip_link_and_keyboard_focus(page, site_url):
    page.goto(site_url + "/massnahmen/bahn-frei/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Zum Inhalt springen"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhalt"
