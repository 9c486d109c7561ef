"""The one slugify of the project: record file names, facet values and glossary anchors.

python-slugify with German transliteration first (ä→ae, ö→oe, ü→ue, ß→ss), as the site's addresses
have always been spelled (/bundeslaender/baden-wuerttemberg/). The form's JavaScript
(theme/static/js/lib/slug.js with its generated table) gives the same slugs; tests/test_slug_parity.py
holds the two together.
"""

from __future__ import annotations

from slugify import slugify as python_slugify

GERMAN = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ẞ", "SS"),
          ("§", ""))  # "§ 16a SGB II" is 16a-sgb-ii, not ss-16a-sgb-ii
FILE_NAME_LENGTH = 60
NO_NAME = "neuer-eintrag"


def slugify(text: str, max_length: int = 0) -> str:
    """'Teilzeit für Mütter' -> 'teilzeit-fuer-muetter'; '§ 16a SGB II' -> '16a-sgb-ii'."""
    return python_slugify(text, replacements=GERMAN, max_length=max_length, word_boundary=False,
                          backend="unidecode")


def file_slug(title: str) -> str:
    """A record's file name (without .md) from its title: at most 60 characters, never empty."""
    return slugify(title, FILE_NAME_LENGTH) or NO_NAME
