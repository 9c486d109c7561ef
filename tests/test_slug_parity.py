"""The submission form names a record file with the JavaScript slugify (theme/static/js/lib/slug.js);
the site's addresses come from Python's. Both must agree on every title, short name and vocabulary
entry of the catalogue, and on strings chosen to trip them up."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from plugins.read import schema
from plugins.read.slugs import file_slug, slugify
from plugins.read.validate import check_tree

from .conftest import ROOT

NODE_SLUGIFY = """
import { fileSlug, slugify } from %s;
let input = "";
for await (const chunk of process.stdin) input += chunk;
process.stdout.write(JSON.stringify(JSON.parse(input).map((text) => [fileSlug(text), slugify(text)])));
"""
# Scripts outside the form's table (plugins/publish/slug_table.py): Unidecode spells them in Latin
# letters, the form drops them. Record titles in the catalogue are German; these stay out of the parity.
OTHER_SCRIPTS = ("مرحبا", "日本語")

TRICKY = [
    "", " ", "-", "---", "§", "§ 16e SGB II", "§§ 45, 81 SGB III", "!!!", "?!.,;:", "—", "–––", "…", "„“", "‚‘",
    "Baden-Württemberg", "ÄÖÜäöüß", "STRASSE", "Straße", "ẞ", "Œuvre", "Ærø", "Ørsted", "Łódź", "İstanbul",
    "Café Crème brûlée", "naïve façade", "Ångström", "ﬁnanzierung", "Ⅻ Kapitel", "①②③", "ＦＵＬＬ ｗｉｄｔｈ",
    "x²", "½ Stelle", "Tschüß", "Mädchen & Jungen", "50plus", "U25", "16i", "Jobcenter Main-Kinzig-Kreis",
    "🚀", "Ausbildung 🚀 jetzt", "👩‍👧 Alleinerziehende", "🇩🇪", "مرحبا", "日本語", "Ελληνικά", "Русский текст",
    "tab\tand\nnewline", "a\u00a0b", "zero\u200bwidth", "soft\u00adhyphen", "combining a\u0308 o\u0308",
    "A" * 59 + " B", "a-" * 40, "M&auml;dchen &amp; Jungen &#228; &#xE4;", "1,5 Stellen", "Jobcenter's", "Äu" * 40, "x" * 61, "x" * 60 + "ü", "-" * 5 + "Mitte" + "-" * 5,
    "Qualifizierung und Beschäftigung für Langzeitarbeitslose im ländlichen Raum Nordhessens und Südniedersachsens",
    "Projekt „Teilzeit für Mütter“ (2013–2018) – Evaluation/Bericht #2",
]


def js_slugs(texts: list[str]) -> list[list[str]]:
    node = shutil.which("node")
    assert node, "node fehlt: dieser Test braucht Node.js 20 (siehe Makefile)"
    module = json.dumps((ROOT / "theme" / "static" / "js" / "lib" / "slug.js").as_uri())
    result = subprocess.run([node, "--input-type=module", "-e", NODE_SLUGIFY % module], input=json.dumps(texts),
                            capture_output=True, text=True, timeout=120, check=True)
    return json.loads(result.stdout)


def vocabulary_texts(node) -> set[str]:
    """Every const and its title in the schemas' controlled vocabularies, and every enum value."""
    found = set()
    if isinstance(node, list):
        for item in node:
            found |= vocabulary_texts(item)
    elif isinstance(node, dict):
        if "const" in node and isinstance(node["const"], str):
            found.add(node["const"])
            if isinstance(node.get("title"), str):
                found.add(node["title"])
        found |= {value for value in node.get("enum", []) if isinstance(value, str)}
        for value in node.values():
            found |= vocabulary_texts(value)
    return found


def catalogue_texts() -> list[str]:
    raws, errors, _ = check_tree(ROOT / "content", ROOT)
    assert not errors, errors
    texts = {raw.data[field] for records in raws.values() for raw in records
             for field in ("title", "short_name") if isinstance(raw.data.get(field), str)}
    return sorted(texts)


def test_the_catalogue_is_read():
    texts = catalogue_texts()
    vocabulary = vocabulary_texts([schema.common(), *schema.schemas().values()])
    assert len(texts) > 100 and len(vocabulary) > 100
    assert "Baden-Württemberg" in vocabulary and "baden-wuerttemberg" in vocabulary


def differences(texts: list[str]) -> list[tuple]:
    return [(text, [file_slug(text), slugify(text)], js) for text, js in zip(texts, js_slugs(texts), strict=True)
            if [file_slug(text), slugify(text)] != js]


def test_javascript_slugify_equals_python_on_the_whole_catalogue():
    texts = catalogue_texts() + sorted(vocabulary_texts([schema.common(), *schema.schemas().values()]))
    assert differences(texts) == []


def test_javascript_slugify_equals_python_on_tricky_strings():
    assert differences([text for text in TRICKY if text not in OTHER_SCRIPTS]) == []
    assert [slug for _, slug in js_slugs(list(OTHER_SCRIPTS))] == ["", ""]
    assert slugify("Baden-Württemberg") == "baden-wuerttemberg"
    assert slugify("§ 16e SGB II") == "16e-sgb-ii"


def test_the_form_table_is_generated_from_the_installed_unidecode():
    result = subprocess.run([sys.executable, "-m", "plugins.publish.slug_table", "--check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
