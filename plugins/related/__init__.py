"""Related measures: the most similar measures for each measure page, each with a one-line reason."""

from .plugin import register  # noqa: F401
