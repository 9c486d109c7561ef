"""Meta-tests: the schema documents itself, every plugin is registered and tested."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pelicanconf
from plugins.read import schema

ROOT = Path(__file__).resolve().parents[1]
ENGLISH_WORDS = re.compile(r"\b(the|of|and|is|are|with|for|which)\b")


def _every_field():
    for kind in schema.RECORD_TYPES:
        yield kind, (), schema.schemas()[kind]
        for path, node in schema.iter_fields(schema.schemas()[kind]):
            yield kind, path, node


def test_every_schema_field_has_a_german_title_and_description():
    missing = []
    for kind, path, node in _every_field():
        for key in ("title", "description"):
            text = node.get(key, "")
            if not text.strip():
                missing.append(f"{kind}.{'.'.join(path)}: {key} fehlt")
    assert missing == []


def test_titles_and_descriptions_are_not_english():
    english = [f"{kind}.{'.'.join(path)}" for kind, path, node in _every_field()
               if ENGLISH_WORDS.search(node.get("description", "") + " " + node.get("title", ""))]
    assert english == []


def test_every_vocabulary_value_has_a_label():
    for name, definition in schema.common()["$defs"].items():
        for entry in definition.get("oneOf", []):
            assert entry.get("title"), f"{name}: {entry} ohne title"


def test_every_plugin_is_registered_and_has_a_test_file():
    folders = sorted(p.name for p in (ROOT / "plugins").iterdir() if (p / "__init__.py").exists())
    assert sorted(name.split(".")[1] for name in pelicanconf.PLUGINS) == folders
    assert pelicanconf.PLUGINS[0] == "plugins.read", "records must gather before the others read it"
    tests = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py"))
    for name in folders:
        assert importlib.import_module(f"plugins.{name}").register
        assert f"plugins.{name}" in tests or f"plugins/{name}" in tests, f"kein Test erwähnt plugins.{name}"
