"""Keyboard only, in real Chromium: header search → result → filters on the list → compare two measures."""

from __future__ import annotations


def tab_to(page, condition: str, limit: int = 600):
    """Press Tab until document.activeElement satisfies `condition` (a JS expression over `el`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!(el && ({condition})); }})()"):
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline not in ("none", ""), f"Fokus nicht sichtbar auf {condition}"
            return
    raise AssertionError(f"mit Tab nicht erreichbar: {condition}")


def test_search_filters_and_compare_by_keyboard_alone(page, site_url):
    page.goto(site_url + "/")
    tab_to(page, "el.id === 'header-q'")
    page.keyboard.type("Teilzeit")
    page.keyboard.press("Enter")
    page.wait_for_selector("#search-results li a")
    assert "q=Teilzeit" in page.url
    tab_to(page, "el.closest('#search-results') && el.tagName === 'A'")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + target.split("?")[0])
    assert page.locator("h1").count() == 1

    page.goto(site_url + "/massnahmen/")
    page.wait_for_selector("#filter-form:not([hidden])")
    tab_to(page, "el.matches('.filter-panel > summary')")
    page.keyboard.press("Enter")  # opens the filter panel
    tab_to(page, "el.id === 'filter-zielgruppe-alleinerziehende'")
    page.keyboard.press("Space")
    page.wait_for_function("location.search.includes('zielgruppe=alleinerziehende')")

    tab_to(page, "el.classList.contains('compare-checkbox') && el.offsetParent !== null")
    first = page.evaluate("document.activeElement.value")
    page.keyboard.press("Space")
    tab_to(page, f"el.classList.contains('compare-checkbox') && el.offsetParent !== null && el.value !== '{first}'")
    second = page.evaluate("document.activeElement.value")
    page.keyboard.press("Space")
    tab_to(page, "el.classList.contains('compare-go')")
    page.keyboard.press("Enter")
    page.wait_for_selector("#vergleich-tabelle")
    assert first in page.url and second in page.url
