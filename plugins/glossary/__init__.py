"""The glossary: content/glossary.yaml checked like a record, the page /glossar/, and marked abbreviations on every page."""

from .plugin import register  # noqa: F401
