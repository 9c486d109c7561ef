"""Open data and the editors' way in: /daten/ (JSON, CSV, schemas, data package, dictionary, licence,
Atom feed), sitemap.xml, JSON-LD and edit links on record pages, and the submission form /mitmachen/."""

from .plugin import register  # noqa: F401
