"""The reader keeps line numbers and refuses what YAML would otherwise expand or hide."""

from __future__ import annotations

from plugins.read.reader import YamlDate, read_record


def _read(tmp_path, text, name="probe.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_record(path, name)


def test_lines_of_nested_keys_and_list_items(tmp_path):
    raw, problems = _read(tmp_path, "---\ntitle: A\nprovider:\n  institution: X\n  kind: land\nkeywords:\n  - eins\n  - zwei\n---\nText\n")
    assert problems == []
    assert raw.line_of(("title",)) == 2
    assert raw.line_of(("provider", "kind")) == 5
    assert raw.line_of(("keywords", 1)) == 8
    assert raw.line_of(("provider", "missing")) == 3  # falls back to the parent key
    assert raw.body.strip() == "Text" and raw.body_line == 10


def test_yaml_dates_stay_text_but_are_remembered(tmp_path):
    raw, _ = _read(tmp_path, "---\nas_of: 2013-04-08\n---\n")
    assert raw.data["as_of"] == "2013-04-08" and isinstance(raw.data["as_of"], YamlDate)


def test_alias_bomb_is_refused_before_expansion(tmp_path):
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)) + "---\n"
    raw, problems = _read(tmp_path, bomb)
    assert raw is None
    assert problems[0].message.startswith("YAML-Anker und -Verweise (& und *) sind nicht erlaubt")


def test_deep_nesting_is_refused(tmp_path):
    raw, problems = _read(tmp_path, "---\nx: " + "[" * 50 + "]" * 50 + "\n---\n")
    assert raw is None
    assert "zu tief verschachtelt" in problems[0].message


def test_duplicate_keys_are_an_error_not_last_one_wins(tmp_path):
    raw, problems = _read(tmp_path, "---\ntitle: A\ntitle: B\n---\n")
    assert raw is None
    assert str(problems[0]) == "probe.md:3: title: Feld ist doppelt angegeben; jedes Feld darf nur einmal vorkommen"


def test_unclosed_front_matter(tmp_path):
    _, problems = _read(tmp_path, "---\ntitle: A\n")
    assert problems[0].message.startswith("der Kopfbereich wird nicht geschlossen")


def test_front_matter_that_is_a_list(tmp_path):
    _, problems = _read(tmp_path, "---\n- a\n- b\n---\n")
    assert str(problems[0]) == "probe.md:2: (Kopfbereich): der Kopfbereich muss aus Feldern der Form name: wert bestehen"


def test_too_large_file(tmp_path):
    _, problems = _read(tmp_path, "---\ntitle: A\n---\n" + "x" * 1_100_000)
    assert problems[0].message.startswith("Datei ist zu groß")


def test_byte_order_mark_is_accepted(tmp_path):
    raw, problems = _read(tmp_path, "\ufeff---\ntitle: A\n---\n")
    assert problems == [] and raw.data == {"title": "A"}
