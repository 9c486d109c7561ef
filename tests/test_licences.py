"""Licences: the code under EUPL-1.2 (LICENSE, package.json), the data licence as one setting, and a
notice with the full licence text for every vendored file (a file without an entry fails here)."""

from __future__ import annotations

import html
import json
import re
import shutil

import openpyxl
import pytest

from plugins.present import licences
from plugins.publish import notices

from .conftest import ROOT, run_build

VENDOR = notices.vendor_folder(ROOT / "theme")


def test_code_is_under_the_eupl():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("# EUROPÄISCHE UNION PUBLIC LICENCE v. 1.2")
    for article in range(1, 16):
        assert re.search(rf"^## {article}\. ", text, re.MULTILINE), article
    assert "## Anhang" in text and "Kompatible Lizenzen" in text
    assert json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["license"] == "EUPL-1.2"


def test_every_vendored_file_has_a_notice_with_its_licence_text():
    assert notices.vendored_files(VENDOR), "the theme vendors lunr and the JSON Schema validator"
    assert notices.uncovered(VENDOR) == [], "Eintrag in theme/static/vendor/licences.json fehlt"
    for component in notices.components(VENDOR):
        assert len(component.licence_text) > 500, component.name
        assert component.licence and component.version and component.copyright and component.use
        matched = [name for name in notices.vendored_files(VENDOR) if component.covers(name)
                   and name != component.licence_file]
        assert matched, f"{component.name}: no file matches {component.files}"


def test_a_new_vendored_file_without_an_entry_is_reported(tmp_path):
    vendor = tmp_path / "vendor"
    shutil.copytree(VENDOR, vendor)
    (vendor / "neu").mkdir()
    (vendor / "neu" / "neu.min.css").write_text("/* neu */", encoding="utf-8")
    (vendor / "lunr" / "lunr.extra.js").write_text("//", encoding="utf-8")
    assert notices.uncovered(vendor) == ["lunr/lunr.extra.js", "neu/neu.min.css"]


def test_licence_page_shows_every_component_and_is_linked_from_footer_and_data_page(built_site):
    page = (built_site / "lizenzen" / "index.html").read_text(encoding="utf-8")
    assert "EUPL-1.2" in page and "/blob/main/LICENSE" in page
    texts = [html.unescape(t) for t in re.findall(r'<pre class="licence-text">(.*?)</pre>', page, re.DOTALL)]
    components = notices.components(VENDOR)
    assert texts == [c.licence_text for c in components]
    for component in components:
        assert f"{component.name} {component.version}" in html.unescape(page)
        assert (built_site / "theme" / "vendor" / component.licence_file).is_file()
    for path in ("index.html", "daten/index.html", "massnahmen/jumita/index.html", "mitmachen/index.html"):
        footer = (built_site / path).read_text(encoding="utf-8").split('<footer', 1)[1]
        assert '/lizenzen/">Lizenzen</a>' in footer, path
    assert '/lizenzen/">' in (built_site / "daten" / "index.html").read_text(encoding="utf-8").split("<footer")[0]


def test_data_licence_is_one_setting(tmp_path):
    settings = tmp_path / "settings.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                        "DATA_LICENSE = 'DL-DE-ZERO-2.0'\n", encoding="utf-8")
    result = run_build(ROOT / "content", tmp_path / "out", settings=str(settings))
    assert result.returncode == 0, result.stderr
    site = tmp_path / "out" / "daten"
    expected = {k: v for k, v in licences.DATA_LICENCES["DL-DE-ZERO-2.0"].items() if k != "attribution"}
    assert json.loads((site / "massnahmen.json").read_text(encoding="utf-8"))["license"] == expected
    assert json.loads((site / "datapackage.json").read_text(encoding="utf-8"))["licenses"] == [expected]
    page = (site / "lizenz" / "index.html").read_text(encoding="utf-8")
    assert expected["title"] in page and "Bitte nennen Sie als Quelle" not in page
    sheet = openpyxl.load_workbook(site / "massnahmen.xlsx")["Erläuterungen"]
    assert expected["title"] in next(row[1] for row in sheet.iter_rows(values_only=True) if row[0] == "Lizenz")
    # The data licence is not named as such any more (the EUPL's own appendix lists CC BY-SA 3.0 as compatible).
    assert "CC BY 4.0" not in (tmp_path / "out" / "lizenzen" / "index.html").read_text(encoding="utf-8")


def test_default_data_licence_is_cc_by_and_unknown_names_are_refused():
    assert licences.data_licence(None)["name"] == "CC-BY-4.0"
    with pytest.raises(ValueError, match="unbekannt"):
        licences.data_licence("CC-BY-99")
