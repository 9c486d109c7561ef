"""axe-core (npm) in real Chromium on every page type: no violations of the WCAG 2.1 A/AA rules."""

from __future__ import annotations

import pytest

from .conftest import ROOT
from .page_types import PAGE_TYPES

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    if not AXE.exists():
        pytest.fail(f"{AXE} fehlt; `make test` installiert axe-core mit npm ci")
    # Injected through Playwright, not the page: the site's CSP stays strict and ships no test code.
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    return [f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def axe_violations_at(browser, url, ready=None):
    """axe's WCAG 2.1 A/AA violations of the page at `url`, in a fresh context that lets axe in;
    `ready`: a selector to wait for first, where scripts still change the page."""
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(url)
        if ready:
            page.wait_for_selector(ready)
        return axe_violations(page)
    finally:
        context.close()


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_page_type_has_no_wcag_violations(browser, site_url, name):
    assert axe_violations_at(browser, site_url + PAGE_TYPES[name]) == []


def test_focus_is_visible_on_links_and_buttons(page, site_url):
    page.goto(site_url + "/massnahmen/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_every_page_reflows_at_320_css_pixels(page, site_url, built_site):
    """WCAG 1.4.10 (Reflow): at 320 CSS px nothing widens the page; wide tables scroll inside
    their own focusable region instead. Every page of the site, plus search results and a
    filtered list with its chips, after their scripts have run."""
    paths = sorted("/" + path.relative_to(built_site).as_posix().removesuffix("index.html")
                   for path in built_site.rglob("*.html"))
    # The scripted states, each with what shows that its script has finished.
    scripted = {"/suche/?q=Alleinerziehende+Teilzeit": "#search-results[data-complete='true']",
                "/massnahmen/?zielgruppe=alleinerziehende&land=hessen&sortierung=kosten": "#record-list[data-shown]"}
    paths += list(scripted)
    assert len(paths) > 150
    page.set_viewport_size({"width": 320, "height": 800})
    too_wide = {}
    for path in paths:
        page.goto(site_url + path, wait_until="load")
        if path in scripted:
            page.wait_for_selector(scripted[path], state="attached")
        width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if width[0] > width[1]:
            too_wide[path] = width
    assert too_wide == {}


def test_wide_tables_scroll_in_a_named_focusable_region(built_site):
    """Every table sits in a .table-scroll region (or is built by compare.js, which wraps its own)."""
    import re

    unwrapped = []
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<table\b", html):
            before = html[:match.start()].rstrip()
            opening = before[before.rfind("<"):]
            if not (opening.startswith('<div class="table-scroll"') and 'tabindex="0"' in opening
                    and 'role="region"' in opening and "aria-label" in opening):
                unwrapped.append(f"{path.relative_to(built_site)}: {html[match.start():match.start() + 40]}")
    assert unwrapped == []
