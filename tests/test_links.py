"""Every internal link and anchor in the built site resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate") and key == "href"
                                       and attrs[key].startswith("http")):
                self.links.append(attrs[key])


def _parse(path):
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _target(site, page, href):
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
        return None
    if parts.path:
        base = "/" + str(page.parent.relative_to(site)) + "/" if page.parent != site else "/"
        path = parts.path if parts.path.startswith("/") else base + parts.path
        file = site / unquote(path).lstrip("/")
        if path.endswith("/") or file.is_dir():
            file = file / "index.html"
    else:
        file = page
    return file, parts.fragment


def test_every_internal_link_and_anchor_resolves(built_site):
    parsed = {}
    broken = []
    for page in sorted(built_site.rglob("*.html")):
        for href in _parse(page).links:
            target = _target(built_site, page, href)
            if target is None:
                continue
            file, fragment = target
            if not file.exists():
                broken.append(f"{page.relative_to(built_site)} → {href}")
                continue
            if fragment and file.suffix == ".html":
                ids = parsed.setdefault(file, _parse(file).ids)
                if fragment not in ids:
                    broken.append(f"{page.relative_to(built_site)} → {href} (Anker fehlt)")
    assert broken == []
