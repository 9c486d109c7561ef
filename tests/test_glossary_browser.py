"""plugins.glossary in real Chromium: a marked abbreviation is announced with its long form and leads to its entry."""

from __future__ import annotations

import re


def test_abbreviation_has_long_form_as_accessible_name_and_title(page, site_url):
    page.goto(site_url + "/")
    link = page.get_by_role("link", name="eLb (erwerbsfähige Leistungsberechtigte)", exact=True)
    assert link.count() == 1  # only the first occurrence on the page
    abbr = link.locator("abbr")
    assert abbr.inner_text() == "eLb"
    assert abbr.get_attribute("title") == "erwerbsfähige Leistungsberechtigte"
    # the accessible name starts with the visible text (WCAG 2.5.3 label in name)
    assert link.evaluate("a => a.getAttribute('aria-label').startsWith(a.textContent)")


def test_following_the_link_lands_on_the_highlighted_entry(page, site_url):
    page.goto(site_url + "/")
    page.get_by_role("link", name="SGB II (Zweites Buch Sozialgesetzbuch – Grundsicherung für Arbeitsuchende)",
                     exact=True).click()
    page.wait_for_url("**/glossar/#sgb-ii")
    entry = page.locator("#sgb-ii")
    assert entry.is_visible()
    assert "Grundsicherung für Arbeitsuchende" in entry.inner_text()
    assert page.evaluate("document.querySelector(':target').id") == "sgb-ii"


def test_a_measure_page_marks_abbreviations_in_its_text_but_not_in_headings(page, site_url):
    page.goto(site_url + "/massnahmen/bg-coaching/")
    names = page.locator("main a.glossary-link").evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
    assert "ESF (Europäischer Sozialfonds)" in names
    assert len(names) == len(set(names))
    assert page.locator("main h1 a, main h2 a.glossary-link").count() == 0
    assert page.locator("h1").inner_text() == "BG-Coaching"


def test_glossary_links_are_reachable_by_keyboard_with_visible_focus(page, site_url):
    page.goto(site_url + "/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('glossary-link')"):
            break
    else:
        raise AssertionError("kein Glossarlink per Tabulator erreichbar")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") not in ("none", "")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/glossar/#[a-z0-9-]+$"))


def test_glossary_page_letter_navigation(page, site_url):
    page.goto(site_url + "/glossar/")
    nav = page.get_by_role("navigation", name="Glossar nach Anfangsbuchstaben")
    nav.get_by_role("link", name="Z", exact=True).click()
    page.wait_for_url("**/glossar/#buchstabe-z")
    assert page.get_by_role("heading", name="Z", exact=True).is_visible()
    assert page.locator("#zkt dfn abbr").get_attribute("title") == "zugelassener kommunaler Träger"


def test_glossary_page_and_a_page_with_marked_abbreviations_pass_axe(browser, site_url):
    from .test_accessibility import axe_violations_at

    for path in ("/glossar/", "/massnahmen/bg-coaching/"):
        assert axe_violations_at(browser, site_url + path) == [], path
