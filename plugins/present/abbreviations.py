"""Mark the first occurrence of each glossary abbreviation in a page's <main> with a link and <abbr>.

The page is tokenised as html.parser would (see `markable_texts`); only text between tags is
looked at, and only the matched words are replaced, so every other byte of the page stays
exactly as the template wrote it. Text inside links, headings, code, form controls and
existing <abbr>/<dfn> is left alone: a link inside a link is invalid, and a heading should
read the same in the table of contents as on the page.
"""

from __future__ import annotations

import re
from html import escape

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


# One token of HTML: a comment, a declaration or processing instruction, a start or end tag (quoted
# attribute values may contain ">"), a run of text, a character reference, or a stray "<" or "&".
TOKEN = re.compile(r"""<!--.*?(?:-->|\Z)|<[!?][^>]*>?|<(/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>"""
                   r"""|[^<&]+|&(?:\#(?:[0-9]+|[xX][0-9a-fA-F]+)|[a-zA-Z][-.a-zA-Z0-9]*);?|[<&]""", re.S)
ATTRIBUTE = re.compile(r"""[^\s/>][^\s/=>]*(?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*))?""")  # as html.parser reads one
QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
OPT_OUT_ATTRIBUTE = re.compile(rf"(?:^|\s){OPT_OUT}(?=[\s=/]|$)")
RAW_TEXT = {"script": re.compile(r"</script", re.I), "style": re.compile(r"</style", re.I)}


def markable_texts(html: str):
    """(offset, text) of each run of text that may be marked, in document order.

    Reads tags the way html.parser does (the same open-element stack, void and self-closing
    elements, raw text in script and style, text split at character references), but with one
    regex instead of a Python parser: marking runs over every page of the site.
    """
    stack = []  # (tag, skips) of open elements
    open_count = {}  # tag -> how many are open, so a stray end tag is recognised at once
    skipping = 0
    position, length = 0, len(html)
    while position < length:
        token = TOKEN.match(html, position)
        start, position = position, token.end()
        tag = token.group(2)
        if tag is None:
            text = token.group(0)
            if not skipping and (len(text) == 1 or text[0] not in "<&") and text.strip():  # not a comment or reference
                yield start, text
            continue
        tag = tag.lower()
        if token.group(1):  # end tag
            if not open_count.get(tag):
                continue  # a stray end tag closes nothing
            while stack:
                open_tag, skips = stack.pop()
                open_count[open_tag] -= 1
                skipping -= skips
                if open_tag == tag:
                    break
            continue
        if tag in VOID or ATTRIBUTE.sub("", token.group(3)).rstrip().endswith("/"):
            continue  # opens nothing (a "/" in an unquoted value, as in href=/x/, does not close)
        attributes = QUOTED.sub("", token.group(3)).lower()
        skips = tag in SKIP_INSIDE or bool(OPT_OUT_ATTRIBUTE.search(attributes))
        stack.append((tag, skips))
        open_count[tag] = open_count.get(tag, 0) + 1
        skipping += skips
        if tag in RAW_TEXT:  # no tags inside: on to its end tag
            closing = RAW_TEXT[tag].search(html, position)
            position = closing.start() if closing else length


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
        last = {}  # term -> where its last spelling in <main> ends (text, tag or attribute)
        for match in self.pattern.finditer(main):
            entry = self.entry_of.get(_normal(match.group(0)))
            if entry is not None:
                last[entry.term] = match.end()
        if not last:
            return html  # nothing to mark: spare the scan

        # Long lists run to megabytes, so the scan stops at the text that begins after the last
        # spelling of every abbreviation not yet marked: nothing after it can be marked.
        done, replacements = set(), []
        horizon = max(last.values())
        for offset, text in markable_texts(main):
            if offset >= horizon:
                break
            marked = len(done)
            self._mark_texts(((offset, text),), begin, glossary_url, done, replacements)
            if len(done) != marked:
                horizon = max((end for term, end in last.items() if term not in done), default=0)
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
