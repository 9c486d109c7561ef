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
    Longer spellings come first, so "SGB III" wins over "SGB II"; a space matches any white space.

    "Whole words only" is checked after the first letter ((?<!\\w.): no word character before it), so
    the pattern begins with a literal letter and the engine skips ahead to the next possible first
    letter in C instead of trying the pattern at every position of a page."""
    trie = {}
    for form in forms:
        node = trie
        for char in " ".join(form.split()):
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node, first=False) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + (r"(?<!\w.)" if first else "") + build(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie, first=True)


WORD_END = r"(?:(?<=\.)|(?![\w]))"  # a form that ends in a dot (Abs.) needs no word boundary after it


def form_pattern(forms) -> re.Pattern:
    """One regex for all spellings, longest first, whole words only."""
    return re.compile(_trie(set(forms)) + WORD_END)


def _literal_pattern(form: str) -> re.Pattern:
    """One spelling that begins with a small letter (i. V. m., gGmbH), as its own regex that begins with its
    first word as literal text, which the engine finds in C; a pattern for all of them would stop at every
    a, e, i, m or s of a page. Whole words only is checked after that word, as in `_trie`."""
    words = form.split()
    return re.compile(re.escape(words[0]) + rf"(?<!\w{'.' * len(words[0])})"
                      + "".join(r"\s+" + re.escape(word) for word in words[1:]) + WORD_END)


def _hint(form: str) -> str | None:
    """A regex that matches wherever `form` (beginning with a small letter) could: at its first letter that is
    no small one, with the letters before it and no word character before those (eLB -> L(?<=eL)(?<!\\w..)).
    It begins with that letter, so the engine skips ahead in C. None where the first word is small letters only."""
    first_word = form.split()[0]
    other = next((index for index, char in enumerate(first_word) if not char.islower()), None)
    if other is None:
        return None
    return (re.escape(first_word[other]) + f"(?<={re.escape(first_word[:other + 1])})"
            + rf"(?<!\w{'.' * (other + 1)})")


class Spellings:
    """All spellings of a set of forms in a text, in the order and with the extent that
    `form_pattern(forms).finditer(text)` gives, found faster.

    Forms beginning with a capital (or digit) share one regex; each form beginning with a small letter
    has its own. At every position at most the one regex for that first letter's case can match, and
    of several small-letter forms there the longest wins, as in the combined regex.
    """

    def __init__(self, forms):
        forms = set(forms)
        capital = [form for form in forms if not form[0].islower()]
        small = sorted(forms - set(capital))
        small_patterns, hints = [_literal_pattern(form) for form in small], [_hint(form) for form in small]
        capital_patterns = [form_pattern(capital)] if capital else []
        self.patterns = capital_patterns + small_patterns
        # Small-letter forms are rare, yet each regex of theirs reads a whole page to find none. One regex of
        # their hints reads it once; only where it finds one are their own regexes asked.
        self.always = capital_patterns + [pattern for pattern, hint in zip(small_patterns, hints, strict=True) if hint is None]
        self.hint = re.compile("|".join(sorted({hint for hint in hints if hint}))) if any(hints) else None

    def finditer(self, text: str):
        patterns = self.patterns if self.hint is None or self.hint.search(text) else self.always
        upcoming = [pattern.search(text) for pattern in patterns]  # each regex's next match
        position = 0
        while True:
            for index, match in enumerate(upcoming):
                if match is not None and match.start() < position:  # overlapped by the last one found
                    upcoming[index] = patterns[index].search(text, position)
            found = [match for match in upcoming if match is not None]
            if not found:
                return
            first = min(found, key=lambda match: (match.start(), -match.end()))
            yield first
            position = first.end()


# What "<" may begin: a comment, a declaration or processing instruction, or a start or end tag (quoted
# attribute values may contain ">"). A "<" that begins none of them is text, as html.parser reads it.
TAG = re.compile(r"""<!--.*?(?:-->|\Z)|<[!?][^>]*>?|<(/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.S)
# Text between two tags, in the pieces html.parser hands out: runs of text, character references, a stray "<" or "&".
TEXT_PIECE = re.compile(r"[^<&]+|&(?:\#(?:[0-9]+|[xX][0-9a-fA-F]+)|[a-zA-Z][-.a-zA-Z0-9]*);?|[<&]")
ATTRIBUTE = re.compile(r"""[^\s/>][^\s/=>]*(?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*))?""")  # as html.parser reads one
QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
OPT_OUT_ATTRIBUTE = re.compile(rf"(?:^|\s){OPT_OUT}(?=[\s=/]|$)")
RAW_TEXT = {"script": re.compile(r"</script", re.I), "style": re.compile(r"</style", re.I)}


def text_stretches(html: str):
    """(start, end) of each stretch of text between two tags that may be marked, in document order.

    Reads tags the way html.parser does (the same open-element stack, void and self-closing
    elements, raw text in script and style), but jumps from "<" to "<" instead of parsing every
    character in Python: marking runs over every page of the site.
    """
    stack = []  # (tag, skips) of open elements
    open_count = {}  # tag -> how many are open, so a stray end tag is recognised at once
    skipping = 0
    text_start = position = 0
    while token := TAG.search(html, position):  # a stray "<" that begins no tag is passed over: it is text
        tag_start, position = token.span()
        if tag_start > text_start and not skipping:
            yield text_start, tag_start
        text_start = position
        closing, tag, attributes = token.groups()
        if tag is None:  # a comment, declaration or processing instruction
            continue
        tag = tag.lower()
        if closing:  # end tag
            if not open_count.get(tag):
                continue  # a stray end tag closes nothing
            while stack:
                open_tag, skips = stack.pop()
                open_count[open_tag] -= 1
                skipping -= skips
                if open_tag == tag:
                    break
            continue
        if tag in VOID or ("/" in attributes and ATTRIBUTE.sub("", attributes).rstrip().endswith("/")):
            continue  # opens nothing (a "/" in an unquoted value, as in href=/x/, does not close)
        skips = tag in SKIP_INSIDE or (OPT_OUT in attributes.lower()
                                       and bool(OPT_OUT_ATTRIBUTE.search(QUOTED.sub("", attributes).lower())))
        stack.append((tag, skips))
        open_count[tag] = open_count.get(tag, 0) + 1
        skipping += skips
        if tag in RAW_TEXT:  # no tags inside: on to its end tag
            closing = RAW_TEXT[tag].search(html, position)
            text_start = position = closing.start() if closing else len(html)
    if len(html) > text_start and not skipping:
        yield text_start, len(html)


def markable_texts(html: str):
    """(offset, text) of each piece of text that may be marked, split as html.parser splits it (at
    character references, which are not text themselves); white space alone is left out."""
    for start, end in text_stretches(html):
        for piece in TEXT_PIECE.finditer(html, start, end):
            text = piece.group(0)
            if (len(text) == 1 or text[0] not in "<&") and text.strip():
                yield piece.start(), text


def _normal(text: str) -> str:
    return " ".join(text.split())


class AbbreviationMarker:
    """Built once per glossary (the regex is the costly part), then applied to every page."""

    def __init__(self, abbreviations, protected=()):
        """`protected` are names that contain an abbreviation with another meaning ("BASF AG" is
        no working group): they are matched too, so their words are never marked."""
        self.entry_of = {form: entry for entry in abbreviations for form in entry.forms}
        forms = list(self.entry_of) + [form for form in protected if form not in self.entry_of]
        self.pattern = Spellings(forms) if self.entry_of else None
        self.links = {}

    def _link(self, entry, shown: str, glossary_url: str) -> str:
        key = (entry.term, shown, glossary_url)  # the same few hundred links recur on thousands of pages
        link = self.links.get(key)
        if link is None:
            label = f"{_normal(shown)} ({entry.long})"
            link = self.links[key] = (f'<a class="glossary-link" href="{escape(glossary_url)}#{entry.anchor}" '
                                      f'aria-label="{escape(label)}"><abbr title="{escape(entry.long)}">{shown}</abbr></a>')
        return link

    def __call__(self, html: str, glossary_url: str) -> str:
        """Return `html` with each abbreviation's first markable occurrence in <main> linked to its entry."""
        begin, end = html.find("<main"), html.rfind("</main>")
        if self.pattern is None or begin < 0 or end < begin:
            return html
        main = html[begin:end + len("</main>")]
        # Every spelling in <main> (text, tag or attribute); a protected name has no entry and only keeps
        # its words from being matched. A spelling is marked if it is its entry's first in markable text.
        spellings = [(match, entry) for match in self.pattern.finditer(main)
                     if (entry := self.entry_of.get(_normal(match.group(0)))) is not None]
        terms = {entry.term for _, entry in spellings}
        done, replacements = set(), []
        stretches = text_stretches(main)  # read only as far as the last spelling that still matters
        stretch_end = -1
        for match, entry in spellings:
            if entry.term in done:
                continue
            while stretch_end < match.end():
                stretch_start, stretch_end = next(stretches, (len(main), len(main) + 1))
            if stretch_start <= match.start():  # inside markable text, not in a tag or a skipped element
                done.add(entry.term)
                replacements.append((begin + match.start(), begin + match.end(),
                                     self._link(entry, match.group(0), glossary_url)))
                if len(done) == len(terms):
                    break
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
