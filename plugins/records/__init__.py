"""Read, validate and gather every record before anything is written."""

from .plugin import register  # noqa: F401
