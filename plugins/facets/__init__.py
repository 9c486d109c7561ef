"""Facet pages that work without JavaScript: /zielgruppen/, /handlungsfelder/, /bundeslaender/, /rechtsgrundlagen/."""

from .plugin import register  # noqa: F401
