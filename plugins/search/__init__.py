"""German full-text search (/suche/) and the filters of /massnahmen/: lunr index parts built at build time."""

from .plugin import register  # noqa: F401
