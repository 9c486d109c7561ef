"""Write a page per measure and programme, and the two lists."""

from .plugin import register  # noqa: F401
