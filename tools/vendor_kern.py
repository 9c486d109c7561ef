"""Vendor the parts of KERN (@kern-ux/native) the site uses: purged CSS and subsetted Fira Sans woff2."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "node_modules" / "@kern-ux" / "native"
TARGET = ROOT / "theme" / "static" / "vendor" / "kern"
CONTENT = ["theme/templates/**/*.html", "theme/static/js/**/*.js", "plugins/**/*.py"]
# Weights KERN's tokens use (body 400, subline/balanced headings 500, headings/labels 600); italics are synthesised.
WEIGHTS = {400: "Regular", 500: "Medium", 600: "SemiBold"}
# German text: Basic Latin, Latin-1 (Umlaute, ß, §, ×, °, ½), typographic quotes and dashes, ellipsis,
# euro sign, arrows and relations used in cost notes, soft and non-breaking hyphens for `hyphens: auto`.
UNICODES = ("U+0020-007E,U+00A0-00FF,U+0152-0153,U+0160-0161,U+0178,U+017D-017E,U+2009-200B,U+2010-2014,"
            "U+2018-201A,U+201C-201E,U+2022,U+2026,U+202F,U+2039-203A,U+20AC,U+2190-2193,U+2212,U+2264-2265")
HEADER = "/* KERN {version} (@kern-ux/native, EUPL-1.2, see LICENSE.md): only the rules this site uses, purged by tools/vendor_kern.py. Light theme only. */\n"


def _scheme_blocks(css: str, scheme: str, keep_inside: bool) -> str:
    out, i = [], 0
    for match in re.finditer(rf"@media \(prefers-color-scheme: {scheme}\)\s*\{{", css):
        if match.start() < i:
            continue
        out.append(css[i:match.start()])
        depth, j = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
        if keep_inside:
            out.append(css[match.end():j - 1])
        i = j
    out.append(css[i:])
    return "".join(out)


def drop_dark_scheme(css: str) -> str:
    """Light palette for everyone: our charts and notes are checked in it only.

    KERN's dark palette goes, and its light palette loses its `prefers-color-scheme: light` condition,
    or a reader whose system prefers dark would get neither.
    """
    return _scheme_blocks(_scheme_blocks(css, "dark", keep_inside=False), "light", keep_inside=True)


def purge_css(version: str) -> int:
    node = subprocess.run(["node", str(ROOT / "tools" / "purge-kern.mjs"), str(PACKAGE / "dist" / "kern.css"),
                           *sorted(str(path) for path in (ROOT / "theme" / "static" / "css").glob("*.css")), "--", *CONTENT],
                          cwd=ROOT, check=True, capture_output=True, text=True)
    css = drop_dark_scheme(node.stdout)
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)            # KERN's file headers
    css = re.sub(r"\n\s*\n+", "\n", css).strip() + "\n"
    text = HEADER.format(version=version) + css
    (TARGET / "kern.css").write_text(text, encoding="utf-8")
    return len(text.encode())


def subset_fonts() -> dict[str, int]:
    from fontTools import subset

    sizes = {}
    faces = []
    for weight, name in WEIGHTS.items():
        source = PACKAGE / "dist" / "fonts" / "fira-sans" / f"FiraSans-{name}.woff2"
        target = TARGET / f"fira-sans-{weight}.woff2"
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk", "lnum", "tnum"]
        options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]   # keep copyright and licence (OFL) names
        options.notdef_outline = True
        options.hinting = False
        options.desubroutinize = True
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
        subsetter.subset(font)
        font.flavor = "woff2"
        # fixed timestamps so the same input gives the same bytes
        font["head"].modified = font["head"].created
        subset.save_font(font, str(target), options)
        sizes[target.name] = target.stat().st_size
        faces.append(f'@font-face{{font-family:"Fira Sans";font-style:normal;font-weight:{weight};font-display:swap;'
                     f'src:url(fira-sans-{weight}.woff2) format("woff2");unicode-range:{UNICODES}}}')
    (TARGET / "fira-sans.css").write_text(
        "/* Fira Sans (SIL Open Font License 1.1, as shipped with @kern-ux/native), subset to German text by tools/vendor_kern.py. */\n"
        + "\n".join(faces) + "\n", encoding="utf-8")
    return sizes


def main() -> None:
    if not PACKAGE.exists():
        sys.exit(f"{PACKAGE} fehlt: erst `npm ci` (make node_modules/.installed)")
    version = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "LICENSE.md").write_bytes((PACKAGE / "LICENSE.md").read_bytes())
    css = purge_css(version)
    fonts = subset_fonts()
    print(f"KERN {version}: kern.css {css / 1024:.1f} KB, Schriften " + ", ".join(f"{k} {v / 1024:.1f} KB" for k, v in fonts.items())
          + f", zusammen {sum(fonts.values()) / 1024:.1f} KB woff2")


if __name__ == "__main__":
    main()
