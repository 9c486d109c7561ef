"""Mark the first occurrence of each glossary abbreviation in a page's <main> with a link and <abbr>.

The page is tokenised with the standard library's HTML parser; only text between tags is
looked at, and only the matched words are replaced, so every other byte of the page stays
exactly as the template wrote it. Text inside links, headings, code, form controls and
existing <abbr>/<dfn> is left alone: a link inside a link is invalid, and a heading should
read the same in the table of contents as on the page.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

SKIP_INSIDE = {"a", "abbr", "dfn", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "code", "pre", "kbd", "samp",
               "script", "style", "template", "textarea", "select", "option", "button", "label", "title",
               "svg", "math", "summary", "legend", "caption", "th"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
OPT_OUT = "data-no-glossary"  # any element with this attribute keeps its text unmarked


def form_pattern(forms) -> re.Pattern:
    """One regex for all spellings, longest first, whole words only; a space may be any run of white space."""
    alternatives = sorted(set(forms), key=lambda form: (-len(form), form))
    body = "|".join(r"\s+".join(re.escape(part) for part in form.split()) for form in alternatives)
    # A form that ends in a dot (Abs.) needs no word boundary after it; others must not run into a word.
    return re.compile(rf"(?<![\w])(?:{body})(?:(?<=\.)|(?![\w]))")


class _Scanner(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.stack = []  # (tag, skips) of open elements
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
        self.in_main += tag == "main"
        self.skipping += skips

    def handle_endtag(self, tag):
        if not any(open_tag == tag for open_tag, _ in self.stack):
            return  # a stray end tag closes nothing
        while self.stack:
            open_tag, skips = self.stack.pop()
            self.in_main -= open_tag == "main"
            self.skipping -= skips
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.in_main and not self.skipping and data.strip():
            start = self._offset()
            if self.html.startswith(data, start):  # true with convert_charrefs=False; never splice blindly
                self.texts.append((start, data))


def mark_abbreviations(html: str, abbreviations, glossary_url: str, protected=()) -> str:
    """Return `html` with each abbreviation's first markable occurrence in <main> linked to its entry.

    `protected` are names that contain an abbreviation with another meaning ("BASF AG" is no
    working group): they are matched too, so their words are never marked.
    """
    begin, end = html.find("<main"), html.rfind("</main>")
    if not abbreviations or begin < 0 or end < begin:
        return html
    entry_of = {form: entry for entry in abbreviations for form in entry.forms}
    pattern = form_pattern(list(entry_of) + [form for form in protected if form not in entry_of])
    main = html[begin:end + len("</main>")]
    last = None
    for last in pattern.finditer(main):
        pass
    if last is None:
        return html  # nothing to mark: spare the parser
    # Only <main> is parsed, and only up to the tag after the last possible match: nothing
    # later can be marked. Offsets found are shifted back into the whole page.
    stop = main.find("<", last.end())
    scanner = _Scanner(main)
    scanner.feed(main[:stop] if stop >= 0 else main)
    done, replacements = set(), []
    for start, text in ((begin + offset, text) for offset, text in scanner.texts):
        for match in pattern.finditer(text):
            entry = entry_of.get(" ".join(match.group(0).split()))
            if entry is None or entry.term in done:
                continue
            done.add(entry.term)
            shown = match.group(0)
            label = f"{' '.join(shown.split())} ({entry.long})"
            replacement = (f'<a class="glossary-link" href="{escape(glossary_url)}#{entry.anchor}" aria-label="{escape(label)}">'
                           f'<abbr title="{escape(entry.long)}">{shown}</abbr></a>')
            replacements.append((start + match.start(), start + match.end(), replacement))
    if not replacements:
        return html
    parts, position = [], 0
    for first, last, replacement in replacements:  # already in document order
        parts.append(html[position:first])
        parts.append(replacement)
        position = last
    parts.append(html[position:])
    return "".join(parts)
