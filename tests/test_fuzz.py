"""Fuzzing the reader and validator: any input gives a record or clear problems, never an exception."""

from __future__ import annotations

import datetime

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugins.read import schema
from plugins.read.reader import read_record
from plugins.read.validate import check_raw

# Derandomized so CI runs the same examples every time; the count keeps the suite quick.
FUZZ = settings(max_examples=250, derandomize=True, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
KEYS = sorted({key for kind in schema.RECORD_TYPES for key in schema.schemas()[kind]["properties"]}) + ["zielgrupen", ""]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                    st.text(max_size=40), st.dates(min_value=datetime.date(1900, 1, 1)),
                    st.sampled_from(["yes", "no", "2013-04-08", "§16a SGBII", "ca. 5.250 €", "EUR", "DM", "hessen"]))
VALUES = st.recursive(SCALARS, lambda children: st.lists(children, max_size=4) |
                      st.dictionaries(st.sampled_from(KEYS + ["amount", "currency", "kind", "per"]), children, max_size=4),
                      max_leaves=20)


def _check(tmp_path, payload, kind):
    path = tmp_path / "fuzz.md"
    if isinstance(payload, bytes):
        path.write_bytes(payload)
    else:
        path.write_text(payload, encoding="utf-8", errors="surrogatepass")
    raw, problems = read_record(path, "fuzz.md")
    if raw is None:
        assert problems and all(p.line >= 1 and p.message for p in problems)
        return
    for problem in check_raw(kind, raw):
        assert problem.line >= 1 and problem.field and problem.message


@FUZZ
@given(st.binary(max_size=400))
def test_arbitrary_bytes(tmp_path, payload):
    _check(tmp_path, b"---\n" + payload + b"\n---\n", "measure")
    _check(tmp_path, payload, "measure")


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text_in_front_matter(tmp_path, text):
    _check(tmp_path, "---\n" + text.replace("\x00", "") + "\n---\nText\n", "programme")


@FUZZ
@given(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=12), st.sampled_from(sorted(schema.RECORD_TYPES)))
def test_arbitrary_structures_of_known_and_unknown_keys(tmp_path, data, kind):
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    _check(tmp_path, "---\n" + front + "---\nText\n", kind)


@FUZZ
@given(st.text(max_size=600))
def test_arbitrary_markdown_bodies_render_to_safe_html(text):
    from plugins.read.model import render_markdown

    html = str(render_markdown(text))
    lowered = html.lower()
    assert "<script" not in lowered and "javascript:" not in lowered and " onerror=" not in lowered


def test_one_record_body_leaves_nothing_behind_for_the_next():
    """render_markdown reuses one converter: abbreviations, footnotes and link references defined
    in one body must not reach the next one."""
    from plugins.read.model import render_markdown

    first = str(render_markdown("ESF hier[^1] und [dort][ref].\n\n*[ESF]: Europäischer Sozialfonds\n\n"
                                "[^1]: Fußnote\n\n[ref]: https://example.org/"))
    assert "<abbr" in first and "Fußnote" in first and 'href="https://example.org/"' in first
    second = str(render_markdown("ESF hier[^1] und [dort][ref]."))
    assert second == "<p>ESF hier[^1] und [dort][ref].</p>"


def test_a_markdown_table_scrolls_in_its_own_region():
    from plugins.read.model import render_markdown

    html = str(render_markdown("| Jahr | Plätze |\n|---|---|\n| 2013 | 25 |\n\n<table onclick=x><tr><td>roh</td></tr></table>"))
    wrapped = '<div class="table-scroll" tabindex="0" role="region" aria-label="Tabelle"><table>'
    assert html.count("<table") == html.count(wrapped) == html.count("</table></div>") == 2
    assert "onclick" not in html and "<th>Jahr</th>" in html
