"""Mark the first occurrence of each glossary abbreviation in a page's <main> with a link and <abbr>.

The page is tokenised with the standard library's HTML parser; only text between tags is
looked at, and only the matched words are replaced, so every other byte of the page stays
exactly as the template wrote it. Text inside links, headings, code, form controls and
existing <abbr>/<dfn> is left alone: a link inside a link is invalid, and a heading should
read the same in the table of contents as on the page.
"""

from __future__ import annotations

import bisect
import re
from html import escape
from html.parser import HTMLParser

SKIP_INSIDE = {"a", "abbr", "dfn", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "code", "pre", "kbd", "samp",
               "script", "style", "template", "textarea", "select", "option", "button", "label", "title",
               "svg", "math", "summary", "legend", "caption", "th"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
OPT_OUT = "data-no-glossary"  # any element with this attribute keeps its text unmarked


def _trie(forms) -> str:
    """The spellings as one regex shaped like a trie (ESF, EU, EUR -> E(?:SF|U(?:R)?)): the regex
    engine then tries one branch per character instead of every spelling at every position.
    Longer spellings come first, so "SGB III" wins over "SGB II"; a space matches any white space."""
    trie = {}
    for form in forms:
        node = trie
        for char in " ".join(form.split()):
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + build(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def form_pattern(forms) -> re.Pattern:
    """One regex for all spellings, longest first, whole words only."""
    # A form that ends in a dot (Abs.) needs no word boundary after it; others must not run into a word.
    return re.compile(rf"(?<![\w])(?:{_trie(set(forms))})(?:(?<=\.)|(?![\w]))")


class _Scanner(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.stack = []  # (tag, skips) of open elements
        self.open = {}  # tag -> how many are open, so a stray end tag is recognised at once
        self.in_main = 0
        self.skipping = 0
        self.texts = []  # (start offset, text) of markable text

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        skips = tag in SKIP_INSIDE or any(name == OPT_OUT for name, _ in attrs)
        self.stack.append((tag, skips))
        self.open[tag] = self.open.get(tag, 0) + 1
        self.in_main += tag == "main"
        self.skipping += skips

    def handle_endtag(self, tag):
        if not self.open.get(tag):
            return  # a stray end tag closes nothing
        while self.stack:
            open_tag, skips = self.stack.pop()
            self.open[open_tag] -= 1
            self.in_main -= open_tag == "main"
            self.skipping -= skips
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.in_main and not self.skipping and data.strip():
            start = self._offset()
            if self.html.startswith(data, start):  # true with convert_charrefs=False; never splice blindly
                self.texts.append((start, data))


def _normal(text: str) -> str:
    return " ".join(text.split())


class AbbreviationMarker:
    """Built once per glossary (the regex is the costly part), then applied to every page."""

    def __init__(self, abbreviations, protected=()):
        """`protected` are names that contain an abbreviation with another meaning ("BASF AG" is
        no working group): they are matched too, so their words are never marked."""
        self.entry_of = {form: entry for entry in abbreviations for form in entry.forms}
        forms = list(self.entry_of) + [form for form in protected if form not in self.entry_of]
        self.pattern = form_pattern(forms) if self.entry_of else None

    def _mark_texts(self, texts, begin, glossary_url, done, replacements):
        """Link the first occurrence of each abbreviation not yet `done` in these (offset, text) pieces."""
        for offset, text in texts:
            for match in self.pattern.finditer(text):
                entry = self.entry_of.get(_normal(match.group(0)))
                if entry is None or entry.term in done:
                    continue  # a protected name, or not the first occurrence
                done.add(entry.term)
                shown = match.group(0)
                label = f"{_normal(shown)} ({entry.long})"
                replacement = (f'<a class="glossary-link" href="{escape(glossary_url)}#{entry.anchor}" '
                               f'aria-label="{escape(label)}"><abbr title="{escape(entry.long)}">{shown}</abbr></a>')
                replacements.append((begin + offset + match.start(), begin + offset + match.end(), replacement))

    def __call__(self, html: str, glossary_url: str) -> str:
        """Return `html` with each abbreviation's first markable occurrence in <main> linked to its entry."""
        begin, end = html.find("<main"), html.rfind("</main>")
        if self.pattern is None or begin < 0 or end < begin:
            return html
        main = html[begin:end + len("</main>")]
        ends = {}  # term -> where its spellings end in <main>, wherever they stand (text, tag, attribute)
        for match in self.pattern.finditer(main):
            entry = self.entry_of.get(_normal(match.group(0)))
            if entry is not None:
                ends.setdefault(entry.term, []).append(match.end())
        if not ends:
            return html  # nothing to mark: spare the parser

        # The parser is the expensive part (long lists run to megabytes), so it reads <main> only
        # as far as needed: up to the next occurrence of an abbreviation not yet marked, and on
        # until none is left. Each piece ends just before a "<", so no text is cut in two.
        scanner, done, replacements, used, fed = _Scanner(main), set(), [], 0, 0
        while True:
            self._mark_texts(scanner.texts[used:], begin, glossary_url, done, replacements)
            used = len(scanner.texts)
            upcoming = []
            for term in [term for term in ends if term not in done]:
                positions = ends[term]
                index = bisect.bisect_right(positions, fed)
                if index < len(positions):
                    upcoming.append(positions[index])
                else:
                    del ends[term]  # every occurrence read: none of them was markable
            if not upcoming or fed >= len(main):
                break
            stop = main.find("<", min(upcoming))
            stop = len(main) if stop < 0 else stop
            scanner.feed(main[fed:stop])
            fed = stop
        scanner.close()  # hands over any text the parser still held back
        self._mark_texts(scanner.texts[used:], begin, glossary_url, done, replacements)
        if not replacements:
            return html
        parts, position = [], 0
        for first, last, replacement in replacements:  # already in document order
            parts.append(html[position:first])
            parts.append(replacement)
            position = last
        parts.append(html[position:])
        return "".join(parts)


def mark_abbreviations(html: str, abbreviations, glossary_url: str, protected=()) -> str:
    """One page at a time (tests, tools); the build keeps one AbbreviationMarker for all pages."""
    return AbbreviationMarker(abbreviations, protected)(html, glossary_url)
