"""The A–Z keyword index (Stichwortverzeichnis) built from the records' keywords."""

from .plugin import register  # noqa: F401
