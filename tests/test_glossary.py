"""plugins.glossary: the data file is checked like a record, and abbreviations are marked only where they may be."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from plugins.derive.keywords import sort_key
from plugins.present.abbreviations import (
    OPT_OUT,
    SKIP_INSIDE,
    VOID,
    Spellings,
    form_pattern,
    mark_abbreviations,
    markable_texts,
)
from plugins.read.glossary import Entry, anchor_of, load_glossary
from plugins.read.model import build_catalogue
from plugins.read.validate import check_tree

from .conftest import DATA, ROOT, run_build

ESF = Entry("ESF", "Förderfonds der Europäischen Union für Beschäftigung.", "Europäischer Sozialfonds")
SGB2 = Entry("SGB II", "Grundsicherung für Arbeitsuchende, zuständig sind die Jobcenter.",
             "Zweites Buch Sozialgesetzbuch", ("SGB-II",))
SGB3 = Entry("SGB III", "Arbeitsförderung durch die Agenturen für Arbeit.", "Drittes Buch Sozialgesetzbuch")
ABS = Entry("Abs.", "Teil eines Paragrafen.", "Absatz")
AG = Entry("AG", "Eine Gruppe von Fachleuten.", "Arbeitsgruppe")
ALL = [ESF, SGB2, SGB3, ABS, AG]


def page(main: str, before: str = "") -> str:
    return f'<!DOCTYPE html>\n<html lang="de"><head><title>ESF</title></head><body>{before}<main id="inhalt">{main}</main></body></html>\n'


def mark(html: str, **kwargs) -> str:
    return mark_abbreviations(html, ALL, "/glossar/", **kwargs)


def link(term: str, anchor: str, long: str) -> str:
    return (f'<a class="glossary-link" href="/glossar/#{anchor}" aria-label="{term} ({long})">'
            f'<abbr title="{long}">{term}</abbr></a>')


# --- the data file -------------------------------------------------------------------------

def test_the_real_glossary_is_valid_and_links_only_existing_records():
    raws, errors, _ = check_tree(ROOT / "content")
    assert errors == []
    slugs = {record.slug for record in build_catalogue(raws).records}
    glossary, problems = load_glossary(ROOT / "content", slugs)
    assert [str(problem) for problem in problems] == []
    assert len(glossary.abbreviations) >= 60 and len(glossary.entries) > len(glossary.abbreviations)
    terms = [entry.term for entry in glossary.entries]
    assert terms == sorted(terms, key=sort_key)  # A–Z as on the page, whatever the order in the file


def test_anchors_are_readable_ascii():
    assert anchor_of("SGB II") == "sgb-ii"
    assert anchor_of("Ü50") == "ue50"
    assert anchor_of("i. V. m.") == "i-v-m"
    assert anchor_of("Ärztlicher Dienst") == "aerztlicher-dienst"


def test_schema_errors_name_file_line_field_and_stop_the_build(tmp_path):
    result = run_build(DATA / "glossary_bad_schema" / "content", tmp_path / "out")
    assert result.returncode == 1
    shown = "tests/data/glossary_bad_schema/content/glossary.yaml"
    lines = [line for line in result.stderr.splitlines() if line.startswith(shown)]
    assert lines == [
        f"{shown}:6: entries[2].explanation: Pflichtfeld „Erklärung“ fehlt",
        f'{shown}:9: entries[3].long: erwartet Text, gefunden: eine Zahl (als Text bitte in Anführungszeichen setzen: "25")',
        f"{shown}:13: entries[4].explanation: zu kurz (7 Zeichen, mindestens 20); bitte in ganzen Sätzen erklären",
        f"{shown}:15: entries[5].langform: unbekanntes Feld (meinten Sie „long“?)",
        f"{shown}:20: names[1].record: erwartet die Kennung eines Datensatzes (Dateiname ohne .md, z. B. bahn-frei), "
        "gefunden: „Jumita Göttingen“",
    ]
    assert "Abbruch: 5 Fehler in 1 Datei" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_duplicates_and_broken_references_are_reported_once_each(tmp_path):
    result = run_build(DATA / "glossary_bad_references" / "content", tmp_path / "out")
    assert result.returncode == 1
    shown = "tests/data/glossary_bad_references/content/glossary.yaml"
    lines = [line for line in result.stderr.splitlines() if line.startswith(shown)]
    assert lines == [
        f"{shown}:6: entries[1].see[2]: Eintrag „Jobcentre“ gibt es im Glossar nicht",
        f"{shown}:10: entries[3].term: ergibt dieselbe Sprungmarke „#elb“ wie Eintrag 1; bitte beide Einträge zusammenfassen",
        f"{shown}:13: entries[4].term: „BG“ steht schon in Eintrag 2; jede Schreibweise darf nur einmal vorkommen",
        f"{shown}:19: names[1].record: Datensatz „jumita“ gibt es nicht; erwartet wird der Dateiname einer Maßnahme "
        "oder eines Programms ohne .md",
        f"{shown}:20: names[2].name: „BG“ steht schon im Glossar; ein Name steht nur einmal, entweder als Eintrag oder als Eigenname",
    ]
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("text, line, message", [
    ("entries:\n  - term: \"eLb\"\n    long: \"x\n", 4, "YAML-Syntaxfehler: ein Anführungszeichen wird nicht geschlossen"),
    ("entries:\n  - term: eLb\n    term: eLB\n    explanation: Eine Erklärung mit genug Zeichen.\n", 3,
     "Feld ist doppelt angegeben"),
    ("- eLb\n- BG\n", 1, "erwartet werden Felder der Form name: wert"),
    ("", 1, "die Datei ist leer"),
])
def test_unreadable_files_give_one_clear_line(tmp_path, text, line, message):
    (tmp_path / "glossary.yaml").write_text(text, encoding="utf-8")
    glossary, problems = load_glossary(tmp_path, display_root=tmp_path)
    assert glossary.entries == []
    assert len(problems) == 1
    assert problems[0].path == "glossary.yaml" and problems[0].line == line
    assert message in problems[0].message


def test_a_content_folder_without_glossary_builds_with_an_empty_one():
    glossary, problems = load_glossary(DATA / "good_minimal" / "content")
    assert (glossary.entries, problems) == ([], [])


# --- the markup ----------------------------------------------------------------------------

def test_first_occurrence_only_and_everything_else_byte_identical():
    html = page("<p>Mittel aus dem ESF, dann noch einmal ESF und ESF-Mittel.</p>")
    marked = mark(html)
    assert marked == html.replace("dem ESF,", f"dem {link('ESF', 'esf', 'Europäischer Sozialfonds')},", 1)
    assert marked.count("glossary-link") == 1


def test_never_inside_tags_attributes_links_headings_or_code():
    main = ('<h1>ESF und SGB II</h1><p title="ESF"><a href="/esf/">ESF</a> <code>ESF</code></p>'
            '<p data-no-glossary>ESF</p><p class="esf">Zuletzt der ESF.</p>')
    marked = mark(page(main))
    assert marked.count("glossary-link") == 1
    assert marked.endswith(f'<p class="esf">Zuletzt der {link("ESF", "esf", "Europäischer Sozialfonds")}.</p></main></body></html>\n')
    assert "<title>ESF</title>" in marked  # outside <main>: untouched


def test_longest_spelling_wins_and_white_space_may_break_lines():
    marked = mark(page("<p>Nach SGB III, nicht nach SGB\nII; auch SGB-II.</p>"))
    assert link("SGB III", "sgb-iii", "Drittes Buch Sozialgesetzbuch") in marked
    assert ('<a class="glossary-link" href="/glossar/#sgb-ii" aria-label="SGB II (Zweites Buch Sozialgesetzbuch)">'
            '<abbr title="Zweites Buch Sozialgesetzbuch">SGB\nII</abbr></a>') in marked
    assert marked.count('"/glossar/#sgb-ii"') == 1  # the variant SGB-II belongs to the same entry


def test_whole_words_only_and_dotted_abbreviations():
    marked = mark(page("<p>AGENDA, TAG und BAG bleiben; § 16 Abs. 1 wird markiert.</p>"))
    assert marked.count("glossary-link") == 1
    assert link("Abs.", "abs", "Absatz") + " 1" in marked


def test_names_protect_their_words():
    marked = mark(page("<p>Die BASF AG gründete mit. Die AG Eingliederung tagte.</p>"), protected=["BASF AG"])
    assert "Die BASF AG gründete" in marked
    assert link("AG", "ag", "Arbeitsgruppe") + " Eingliederung" in marked


def test_marking_twice_changes_nothing():
    once = mark(page("<p>ESF und SGB II</p>"))
    assert mark(once) == once


def test_pages_without_main_are_left_alone():
    html = "<html><body><p>ESF</p></body></html>"
    assert mark(html) == html


# --- the built site ------------------------------------------------------------------------

class _GlossaryLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("class") == "glossary-link":
            self.hrefs.append(attrs["href"])


def _links(path):
    parser = _GlossaryLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_marks_each_abbreviation_at_most_once_and_every_link_has_an_entry(built_site):
    entries = _links(built_site / "glossar" / "index.html").ids
    marked_pages = 0
    for file in sorted(built_site.rglob("*.html")):
        hrefs = _links(file).hrefs
        assert len(hrefs) == len(set(hrefs)), file
        assert {href.split("#")[1] for href in hrefs} <= entries, file
        marked_pages += bool(hrefs)
    assert marked_pages >= 64  # every measure page has at least one (its source is the BLA AG Eingliederung)


def test_glossary_page_lists_every_entry_and_name(built_site):
    glossary, _ = load_glossary(ROOT / "content")
    html = (built_site / "glossar" / "index.html").read_text(encoding="utf-8")
    for entry in glossary.entries:
        assert f'id="{entry.anchor}"' in html
    for name in glossary.names:
        assert f"<dt>{name.name}</dt>" in html
    assert re.search(r"<h1>Glossar</h1>", html)


def test_the_glossary_can_be_checked_without_building():
    import subprocess
    import sys

    good = subprocess.run([sys.executable, "-m", "plugins.read.glossary_cli"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert good.returncode == 0, good.stderr
    assert "content/glossary.yaml: keine Fehler" in good.stderr
    bad = subprocess.run([sys.executable, "-m", "plugins.read.glossary_cli", "--content", "tests/data/glossary_bad_references/content"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1
    assert bad.stderr.splitlines()[-1] == "tests/data/glossary_bad_references/content/glossary.yaml: 5 Fehler"


class _ReferenceScanner(HTMLParser):
    """html.parser's view of which text may be marked: what markable_texts must reproduce."""

    def __init__(self, html):
        super().__init__(convert_charrefs=False)
        self.html, self.stack, self.texts = html, [], []
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, tag in SKIP_INSIDE or any(name == OPT_OUT for name, _ in attrs)))

    def handle_endtag(self, tag):
        if any(open_tag == tag for open_tag, _ in self.stack):
            while self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not any(skips for _, skips in self.stack) and data.strip():
            line, column = self.getpos()
            self.texts.append((self.line_starts[line - 1] + column, data))


def _reference_texts(html):
    scanner = _ReferenceScanner(html)
    scanner.feed(html)
    scanner.close()
    return scanner.texts


TRICKY_HTML = """<main><p title="a > b" data-x='<SGB>'>SGB II &amp; ESF&nbsp;EU &#8211;BA&#x2013;AA & A < B</p>
<script>var s = "<a>SGB</a>";</script><STYLE>p:after{content:"</p>"}</STYLE><br/>ESF<span/>EU
<div data-no-glossary><p>BA</p></div><div data-title="data-no-glossary">BA</div></b></i>SGB<!-- ESF -->
<a href=x />BA<h2>ESF</h2><svg><title>EU</title></svg><![CDATA[ x ]]><?pi?>SGB III <a href=/x/>BA</a> ESF
<p class=x/>EU</p><path d="x"/>BA<textarea>SGB</textarea>AA<label><script>"</label>"</script>ESF</label>EU</main>"""


SMALL_LETTER_TEXT = ("gGmbH i. V. m. a. F. ff. SGB II ff. gE eLbX svB zkT mbH GmbH i.  V.\n m. xi. V. m. BASF AG "
                     "a. F.a. F. i. V. m.i. V. m. Abs. 2 i. V. m. § 16 SGB III ffx eLB,eLb.")


def test_spellings_are_found_as_one_combined_pattern_finds_them(built_site):
    """The marker's faster search (capital forms in one regex, each small-letter form in its own) gives
    exactly the matches of the one regex for all forms, on edge cases and on every page of the site."""
    glossary, _ = load_glossary(ROOT / "content", None)
    forms = [form for entry in glossary.abbreviations for form in entry.forms] + list(glossary.name_forms)
    assert any(form[0].islower() for form in forms) and any(not form[0].islower() for form in forms)
    combined, split = form_pattern(forms), Spellings(forms)
    texts = [SMALL_LETTER_TEXT] + [path.read_text(encoding="utf-8") for path in sorted(built_site.rglob("*.html"))]
    for text in texts:
        assert [(m.start(), m.group(0)) for m in split.finditer(text)] == \
            [(m.start(), m.group(0)) for m in combined.finditer(text)]
    assert len(list(split.finditer(SMALL_LETTER_TEXT))) > 15


def test_a_small_letter_form_is_found_where_it_alone_stands_though_its_regex_runs_only_on_a_hint():
    """Each small-letter form's own regex runs only on a text where the one regex of their hints matches
    (Spellings.hint); each form alone, at a text's start, after punctuation or a line break, must still be
    found exactly as the combined regex finds it, and a text of near misses asks none of them."""
    glossary, _ = load_glossary(ROOT / "content", None)
    forms = [form for entry in glossary.abbreviations for form in entry.forms] + list(glossary.name_forms)
    combined, split = form_pattern(forms), Spellings(forms)
    small = sorted(form for form in set(forms) if form[0].islower())
    assert len(small) >= 5
    for form in small:
        for text in (form, f"Text ({form}) weiter", f"Zeile\n{form}.", f"x{form} und {form}x", f"Satz.{form}"):
            found = [(m.start(), m.group(0)) for m in split.finditer(text)]
            assert found == [(m.start(), m.group(0)) for m in combined.finditer(text)], text
        assert [m.group(0) for m in split.finditer(f"Text ({form}) weiter")], form
    near_misses = "bei. Juli. etwa. Stoff. GmbH Gebäude DGB Hauptmann ZkT beiLB"
    assert split.hint.search(near_misses) is None
    assert [(m.start(), m.group(0)) for m in split.finditer(near_misses)] == \
        [(m.start(), m.group(0)) for m in combined.finditer(near_misses)]


def test_markable_texts_read_html_as_html_parser_does(built_site):
    """The fast scanner gives the same texts at the same offsets as html.parser, on hand-made edge
    cases and on every page of the real site (with its markings turned into plain elements, so
    the words inside them count as well)."""
    assert markable_texts(TRICKY_HTML) and list(markable_texts(TRICKY_HTML)) == _reference_texts(TRICKY_HTML)
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        main = html[html.find("<main"):html.rfind("</main>") + len("</main>")]
        for variant in (main, main.replace("<a class=\"glossary-link\"", "<span").replace("<abbr ", "<span ")):
            assert list(markable_texts(variant)) == _reference_texts(variant), path
