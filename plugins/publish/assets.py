"""Stylesheets bundled per page type: concatenated, minified, named by content hash (a year-long cache is safe).

Part of publishing: the generator (site.py) puts the names into the template context
(`STYLESHEETS[kind]`, a path below the site root) and writes the bundles with the other files.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

COMMON = ["vendor/kern/fira-sans.css", "vendor/kern/kern.css", "css/site.css", "css/reading.css", "css/costs.css",
          "css/editors.css"]
# Page kind -> files, in cascade order; print.css is added to every bundle inside @media print.
# "search": /suche/ and /massnahmen/ (search field, filters, results); "site": every other page.
BUNDLES = {"site": COMMON, "search": COMMON + ["css/search.css"]}
PRINT = "css/print.css"
TARGET_DIR = "css"  # below theme/


def minify(css: str) -> str:
    """Comments and needless whitespace out; strings are left alone (a comment may hold an apostrophe)."""
    out = []
    for comment, string, rest in re.findall(r'(/\*.*?\*/)|("(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\')|([^"\'/]+|/)', css, flags=re.S):
        if comment:
            continue
        if string:
            out.append(("s", string))
        else:
            out.append(("c", rest))
    text = []
    for kind, part in out:  # join code runs first, so whitespace around a removed comment collapses too
        if kind == "c" and text and text[-1][0] == "c":
            text[-1] = ("c", text[-1][1] + part)
        else:
            text.append((kind, part))
    result = []
    for kind, part in text:
        if kind == "s":
            result.append(part)
            continue
        part = re.sub(r"\s+", " ", part)
        part = re.sub(r"\s*([{};,>])\s*", r"\1", part)
        part = re.sub(r":\s+", ":", part)
        part = part.replace(";}", "}")
        result.append(part)
    return "".join(result).strip()


def _rebase_urls(css: str, source: str) -> str:
    """url(x) in theme/static/<source> relative to theme/css/ where the bundle lives."""
    def fix(match):
        url = match.group(2)
        if re.match(r"^(data:|https?:|/|#)", url):
            return match.group(0)
        path = posixpath.normpath(posixpath.join(posixpath.dirname(source), url))
        return f"url({posixpath.relpath(path, TARGET_DIR)})"
    return re.sub(r"url\((['\"]?)([^'\")]+)\1\)", fix, css)


def bundle(static: Path, files: list[str]) -> str:
    text = "\n".join(_rebase_urls((static / name).read_text(encoding="utf-8"), name) for name in files)
    text += "\n@media print{" + (static / PRINT).read_text(encoding="utf-8") + "}"
    return minify(text) + "\n"


def bundles(theme: Path) -> dict[str, tuple[str, str]]:
    """kind -> (path below the site root, CSS text), from the theme's static folder."""
    result = {}
    for kind, files in BUNDLES.items():
        text = bundle(Path(theme) / "static", files)
        digest = hashlib.sha256(text.encode()).hexdigest()[:12]
        result[kind] = (f"theme/{TARGET_DIR}/{kind}.{digest}.css", text)
    return result
