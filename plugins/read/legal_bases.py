"""The legal bases' official headings, explanations and links (content/legal_bases.yaml, source named in the file)."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import yaml

FILE = "legal_bases.yaml"


def read_legal_bases(content_root: Path):
    """{"source": …, "paragraphs": {"§ 16e SGB II": {heading, url, explanation}}}; empty when the file is absent."""
    path = content_root / FILE
    if not path.exists():
        return MappingProxyType({})
    return MappingProxyType(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
