"""plugins.publish.assets: one minified stylesheet per page type, named by its content, the same bytes every build."""

from __future__ import annotations

import re

from plugins.publish import assets

from .conftest import ROOT

THEME = ROOT / "theme"


def test_bundles_are_named_by_content_and_identical_between_builds():
    first, second = assets.bundles(THEME), assets.bundles(THEME)
    assert first == second
    assert set(first) == set(assets.BUNDLES)
    for kind, (path, text) in first.items():
        assert re.fullmatch(rf"theme/css/{kind}\.[0-9a-f]{{12}}\.css", path)
        assert "/*" not in text and "\n\n" not in text  # minified
        assert "@media print{" in text  # print rules travel inside every bundle


def test_the_search_bundle_adds_only_the_search_rules():
    bundles = assets.bundles(THEME)
    site, search = bundles["site"][1], bundles["search"][1]
    assert len(search) > len(site)
    assert assets.minify((THEME / "static" / "css" / "search.css").read_text(encoding="utf-8"))[:200] in search


def test_font_addresses_are_rebased_to_the_bundle_folder():
    site = assets.bundles(THEME)["site"][1]
    assert "url(../vendor/kern/fira-sans-400.woff2)" in site
    assert (THEME / "static" / "vendor" / "kern" / "fira-sans-400.woff2").exists()


def test_minify_keeps_strings_and_drops_comments():
    css = '/* note */\n.a  >  b {  content: "  a ; b  " ;\n color: red ; }\n'
    assert assets.minify(css) == '.a>b{content:"  a ; b  ";color:red}'
