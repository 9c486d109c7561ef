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


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_page_type_has_no_wcag_violations(browser, site_url, name):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + PAGE_TYPES[name])
    violations = axe_violations(page)
    context.close()
    assert violations == []


def test_focus_is_visible_on_links_and_buttons(page, site_url):
    page.goto(site_url + "/massnahmen/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
