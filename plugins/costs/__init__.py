"""Cost comparison and evidence: normalised cost per participant, /kosten/, /vergleich/ and page partials."""

from .plugin import register  # noqa: F401
