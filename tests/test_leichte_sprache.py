"""/leichte-sprache/ keeps the rules of Leichte Sprache, is linked from every page, and the start page helps find the way."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .test_glossary_coverage import looks_like_abbreviation

MAX_WORDS = 14  # per sentence; the rules ask for short sentences with one statement each
PASSIVE = re.compile(r"\b(wird|werden|wurde|wurden|worden)\b", re.I)
HARD_WORDS = ["Maßnahme", "Programm", "Job-Center", "Such-Feld", "Link", "Ziel-Gruppe", "Abkürzung", "Barriere-Freiheit"]


class _Blocks(HTMLParser):
    """The text of each heading, paragraph and list item in <main>, and the words set in bold."""

    BLOCKS = {"h1", "h2", "h3", "p", "li"}

    def __init__(self):
        super().__init__()
        self.in_main, self.current, self.blocks, self.bold, self._in_bold = False, None, [], [], False

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main = True
        elif self.in_main and tag in self.BLOCKS:
            self.current = ""
        elif tag == "strong":
            self._in_bold = True

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        elif tag in self.BLOCKS and self.current is not None:
            self.blocks.append((tag, " ".join(self.current.split())))
            self.current = None
        elif tag == "strong":
            self._in_bold = False

    def handle_data(self, data):
        if self.current is not None:
            self.current += data
        if self._in_bold:
            self.bold.append(data)


def blocks(built_site):
    parser = _Blocks()
    parser.feed((built_site / "leichte-sprache" / "index.html").read_text(encoding="utf-8"))
    return parser


def sentences(text):
    return [part.strip() for part in re.split(r"(?<=[.?!:])\s+", text) if part.strip()]


def test_short_sentences_one_per_line(built_site):
    parsed = blocks(built_site)
    too_long, several = [], []
    for tag, text in parsed.blocks:
        parts = sentences(text)
        several += [text] if tag == "p" and len([p for p in parts if not p.endswith(":")]) > 1 else []
        too_long += [p for p in parts if len(p.split()) > MAX_WORDS]
    assert too_long == []
    assert several == [], "Leichte Sprache: jeder Satz in eine eigene Zeile"
    words = [len(p.split()) for _, text in parsed.blocks for p in sentences(text)]
    assert sum(words) / len(words) <= 8


def test_no_abbreviations_no_passive_no_nested_clauses(built_site):
    text = " ".join(text for _, text in blocks(built_site).blocks)
    assert [w for w in re.findall(r"[^\W_]+", text) if looks_like_abbreviation(w)] == []
    assert not re.search(r"\b(z\. ?B|bzw|usw|ggf|ca|d\. ?h)\.", text)
    assert PASSIVE.findall(text) == []
    assert ";" not in text and "(" not in text


def test_hard_words_are_bold_and_explained_right_after(built_site):
    parsed = blocks(built_site)
    bold = {" ".join(word.split()) for word in parsed.bold}
    assert [word for word in HARD_WORDS if not any(b.startswith(word) for b in bold)] == []
    texts = [text for _, text in parsed.blocks]
    for word in HARD_WORDS:
        first = next(i for i, text in enumerate(texts) if word in text)
        explanation = " ".join(texts[first:first + 3])
        assert re.search(rf"\b(Ein|Eine|Das|Der|Die)? ?{re.escape(word)}\w* (ist|sind|heißt)\b", explanation) or \
            f"{word} heißt" in explanation, word


def test_the_page_says_what_who_how_to_search_and_how_to_write(built_site):
    headings = [text for tag, text in blocks(built_site).blocks if tag == "h2"]
    assert headings == ["Was ist der Praxis-Katalog?", "Wer macht die Maßnahmen?", "Für wen ist der Praxis-Katalog?",
                        "Was steht bei einer Maßnahme?", "So suchen Sie", "Schwere Wörter", "Sie haben eine Frage?"]


def test_every_page_links_to_leichte_sprache_in_its_header(built_site):
    missing = []
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        header = html.split("<header", 1)[1].split("</header>", 1)[0] if "<header" in html else ""
        if 'href="/leichte-sprache/"' not in header:
            missing.append(str(page.relative_to(built_site)))
    assert missing == []


def test_from_the_header_to_leichte_sprache_and_on_to_the_glossary(page, site_url):
    page.goto(site_url + "/massnahmen/bahn-frei/")
    page.locator("header").get_by_role("link", name="Leichte Sprache").click()
    page.wait_for_url("**/leichte-sprache/")
    assert page.locator("h1").inner_text() == "Der Praxis-Katalog in Leichter Sprache"
    assert page.locator("html").get_attribute("lang") == "de"
    page.get_by_role("link", name="Glossar", exact=True).click()
    page.wait_for_url("**/glossar/")
    assert page.locator("h1").inner_text() == "Glossar"


def test_start_page_offers_a_short_navigation_help(page, site_url):
    page.goto(site_url + "/")
    help_region = page.get_by_role("region", name="So finden Sie, was Sie suchen")
    assert help_region.count() == 1
    for name in ("Stichwortverzeichnis", "Glossar", "Leichter Sprache"):
        assert help_region.get_by_role("link", name=name, exact=True).count() == 1
    help_region.get_by_role("link", name="Leichter Sprache", exact=True).click()
    page.wait_for_url("**/leichte-sprache/")


def test_leichte_sprache_and_start_page_pass_axe(browser, site_url):
    from .test_accessibility import axe_violations_at

    for path in ("/leichte-sprache/", "/"):
        assert axe_violations_at(browser, site_url + path) == [], path
