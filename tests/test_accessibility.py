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
