"""Records are untrusted: markup in any field renders as text, nothing runs, oversized input is refused."""

from __future__ import annotations

import shutil

import pytest

from .conftest import DATA, ROOT, run_build, serve

HOSTILE = DATA / "hostile" / "content"
PAGES = ["/massnahmen/record-with-html-everywhere/", "/massnahmen/", "/programme/programm-mit-html/", "/programme/",
         "/zielgruppen/alleinerziehende/", "/stichwortverzeichnis/", "/"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("hostile")
    result = run_build(HOSTILE.relative_to(ROOT), output)
    assert result.returncode == 0, result.stderr
    server, url = serve(output)
    yield output, url
    server.shutdown()


def test_markup_in_fields_is_shown_as_text_and_never_runs(browser, hostile_site):
    output, url = hostile_site
    context = browser.new_context()
    page = context.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in PAGES:
        page.goto(url + path)
        page.wait_for_load_state("load")
        scripts = page.eval_on_selector_all("script[src]", "els => els.map(e => e.getAttribute('src'))")
        assert all(src.startswith("/theme/") for src in scripts), (path, scripts)
        inline = page.eval_on_selector_all("script:not([src]):not([type='application/ld+json'])", "els => els.length")
        assert inline == 0, path
        handlers = page.evaluate("""() => [...document.querySelectorAll('main *')].flatMap(
            el => [...el.attributes].filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value)).map(a => a.name))""")
        assert handlers == [], (path, handlers)
        assert page.locator("main iframe, main object, main embed, main form[action^='http']").count() == 0, path
    page.goto(url + PAGES[0])
    assert page.locator("h1").inner_text() == "<img src=x onerror=alert(1)>"
    assert "<script>alert('institution')</script>" in " ".join(page.locator(".facts").all_inner_texts())
    assert page.get_by_role("link", name="normaler Link").get_attribute("href") == "https://www.arbeitsagentur.de/"
    context.close()
    assert dialogs == [] and errors == []


def _build_with(tmp_path, name, text_or_bytes):
    content = tmp_path / "content"
    shutil.copytree(DATA / "good_minimal" / "content", content)
    target = content / "measures" / name
    if isinstance(text_or_bytes, bytes):
        target.write_bytes(text_or_bytes)
    else:
        target.write_text(text_or_bytes, encoding="utf-8")
    return run_build(content, tmp_path / "out")


def _error_lines(result):
    return [line.split("content/measures/", 1)[1] for line in result.stderr.splitlines() if "content/measures/" in line]


def test_ten_megabyte_file_is_refused(tmp_path):
    result = _build_with(tmp_path, "riesig.md", "---\ntitle: Riesig\n---\n" + "Wort " * 2_100_000)
    assert result.returncode == 1
    size = (tmp_path / "content" / "measures" / "riesig.md").stat().st_size
    assert size > 10_000_000
    assert _error_lines(result) == [f"riesig.md:1: (Datei): Datei ist zu groß ({size} Bytes, höchstens 1000000)"]
    assert "Traceback" not in result.stderr


def test_yaml_alias_bomb_is_refused(tmp_path):
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(9)]
    result = _build_with(tmp_path, "bombe.md", "\n".join(lines + ["---", ""]))
    assert result.returncode == 1
    assert _error_lines(result) == ["bombe.md:3: b[1]: YAML-Anker und -Verweise (& und *) sind nicht erlaubt; bitte den Wert ausschreiben"]


def test_deeply_nested_yaml_is_refused(tmp_path):
    result = _build_with(tmp_path, "tief.md", "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n")
    assert result.returncode == 1
    lines = _error_lines(result)
    assert lines == ["tief.md:2: (YAML): zu tief verschachtelt (mehr als 12 Ebenen)"]
    assert "Traceback" not in result.stderr
