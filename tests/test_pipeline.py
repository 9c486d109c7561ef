"""The pipeline: read → derive → present → publish, each stage using only the ones before it; settings
declared once; the costs computed once with the configured price index; clear lines for broken settings and schemas."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from plugins.read.alphabet import initial, sort_key
from plugins.settings import DECLARED, checked_settings, problems_in

from .conftest import ROOT, run_build

STAGES = ("read", "derive", "present", "publish")
BUILD_COVERS = ("plugins.publish.summary",)


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level:
            yield "." * node.level + (node.module or "")


def test_each_stage_imports_only_the_stages_before_it():
    wrong = []
    for rank, stage in enumerate(STAGES):
        for path in sorted((ROOT / "plugins" / stage).rglob("*.py")):
            for module in _imports(path):
                if module.startswith("."):
                    wrong.append(f"{path.relative_to(ROOT)}: relative import {module}")
                    continue
                parts = module.split(".")
                if parts[0] != "plugins" or len(parts) < 2:
                    continue
                allowed = set(STAGES[: rank + 1]) | {"concurrency"} | ({"settings"} if stage == "publish" else set())
                if parts[1] not in allowed:
                    wrong.append(f"{path.relative_to(ROOT)} imports {module}")
    assert wrong == []


def test_the_stage_rule_would_see_a_later_stage_imported():
    tree = ast.parse("from plugins.present import fmt\n")
    assert [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)] == ["plugins.present"]


def test_only_one_pelican_plugin_and_it_is_the_publish_stage():
    import pelicanconf

    assert pelicanconf.PLUGINS == ["plugins.publish"]


def test_settings_are_declared_with_type_default_and_german_help():
    for setting in DECLARED.values():
        assert setting.help and setting.types, setting.name
    assert problems_in({"COSTS_BASE_YEAR": 2020, "SITENAME": "x", "ARTICLE_SAVE_AS": ""}) == []
    assert [str(p) for p in problems_in({"COSTS_BASE_YAER": 2020})] == [
        "Einstellungen:1: COSTS_BASE_YAER: unbekannte Einstellung; meinten Sie COSTS_BASE_YEAR?"]
    [wrong_type] = problems_in({"COSTS_BASE_YEAR": "2020"})
    assert wrong_type.message.startswith("erwartet ganze Zahl, gefunden '2020'")
    assert problems_in({"COSTS_BASE_YEAR": True})  # a bool is no year
    assert checked_settings({}, stop=None)["REPOSITORY_BRANCH"] == "main"  # defaults filled in


@pytest.mark.build
def test_a_mistyped_setting_stops_the_build_with_one_german_line_each(tmp_path):
    result = run_build(ROOT / "content", tmp_path / "out", settings="tests/data/settings/settings_mistyped.py")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "tests/data/settings/settings_mistyped.py:5: COSTS_BASE_YAER: unbekannte Einstellung; meinten Sie COSTS_BASE_YEAR?",
        "tests/data/settings/settings_mistyped.py:6: COSTS_BASE_YEAR: erwartet ganze Zahl, gefunden '2020' "
        "(Basisjahr der Kosten in Preisen eines Jahres; ohne Angabe das letzte Jahr des Index)",
        "Abbruch: 2 Fehler in 1 Datei – die Website wurde nicht gebaut",
    ]
    assert not (tmp_path / "out").exists()


@pytest.mark.build
def test_a_broken_ref_in_a_schema_file_stops_the_build_with_one_german_line(tmp_path):
    """A copy of the project whose measure schema points at a definition that does not exist."""
    project = tmp_path / "project"
    for name in ("plugins", "theme", "content"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, project / name)
    schema_file = project / "plugins" / "read" / "schema" / "measure.schema.json"
    text = schema_file.read_text(encoding="utf-8")
    assert '"common.schema.json#/$defs/long_text"' in text
    schema_file.write_text(text.replace('"common.schema.json#/$defs/long_text"', '"common.schema.json#/$defs/long_txt"', 1),
                           encoding="utf-8")
    line = next(n for n, row in enumerate(schema_file.read_text(encoding="utf-8").splitlines(), 1) if "long_txt" in row)
    result = subprocess.run([sys.executable, "-m", "plugins.build", "--output", str(tmp_path / "out")], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"plugins/read/schema/measure.schema.json:{line}: $ref: „common.schema.json#/$defs/long_txt“ verweist auf keine Definition; "
        "erwartet wird „#/$defs/NAME“ mit einem Namen aus den $defs von common.schema.json",
        "Abbruch: 1 Fehler in 1 Datei – die Website wurde nicht gebaut",
    ]
    validate = subprocess.run([sys.executable, "-m", "plugins.validate"], cwd=project, capture_output=True, text=True,
                              timeout=300)
    assert validate.returncode == 1 and "Traceback" not in validate.stderr
    assert "long_txt" in validate.stderr


class _CostCells(HTMLParser):
    """slug -> the sortable value of the cost-per-participant cell of /kosten/'s table."""

    def __init__(self):
        super().__init__()
        self.slug, self.values = None, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "data-slug" in attrs:
            self.slug = attrs["data-slug"]
        if tag == "td" and attrs.get("data-col") == "teilnahme" and self.slug:
            self.values[self.slug] = attrs.get("data-sort") or None


@pytest.mark.build
def test_list_filters_and_sorting_use_the_configured_price_index_like_the_cost_page(tmp_path):
    """With a flat price index and base year 2010, /massnahmen/'s cost bands and 'nach Kosten' agree with /kosten/."""
    output = tmp_path / "out"
    result = run_build(ROOT / "content", output, settings="tests/data/settings/settings_other_price_index.py")
    assert result.returncode == 0, result.stderr
    assert "in Preisen von 2010" in result.stdout
    cells = _CostCells()
    cells.feed((output / "kosten" / "index.html").read_text(encoding="utf-8"))
    listed = {entry["url"].split("/")[1]: entry for entry in
              json.loads((output / "suche" / "filter.json").read_text(encoding="utf-8"))["measures"]}
    compared = {slug: value for slug, value in cells.values.items() if value}
    assert len(compared) >= 5
    for slug, value in compared.items():
        assert Decimal(str(listed[slug]["cost"])) == Decimal(value), slug
    jumita = listed["jumita"]
    assert jumita["cost"] == 7333.44  # flat index: the 2012 euros are the 2010 euros
    assert jumita["values"]["kosten"] == ["5000-10000"]
    assert "Kosten je Teilnehmer/-in in Preisen von 2010" in (output / "kosten" / "index.html").read_text(encoding="utf-8")


def test_german_initials_and_sort_order():
    assert [initial(word) for word in ("Ärztlicher Dienst", "über", "§ 16e", "50plus")] == ["A", "U", "#", "#"]
    assert sorted(["Zeit", "Ärzte", "Anfang", "Öl"], key=sort_key) == ["Anfang", "Ärzte", "Öl", "Zeit"]
