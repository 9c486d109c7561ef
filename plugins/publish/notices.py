"""Third-party notices for the page /lizenzen/: one per vendored component under theme/static/vendor/,
read from its licences.json, with the full licence text. (The code's licence is LICENSE, EUPL-1.2; the
data's is the DATA_LICENSE setting, plugins/present/licences.py.)"""

from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "licences.json"
# Files of the vendor folder that are not third-party code: the notices themselves.
OWN_FILES = {"README.md", MANIFEST}
PAGE = "lizenzen/"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    source: str
    use: str
    files: tuple  # glob patterns relative to the vendor folder
    licence: str  # SPDX identifier
    licence_file: str
    copyright: str
    licence_text: str

    def covers(self, relative: str) -> bool:
        return relative == self.licence_file or any(fnmatch.fnmatchcase(relative, pattern) for pattern in self.files)


def vendor_folder(theme: str | Path) -> Path:
    return Path(theme) / "static" / "vendor"


def components(vendor: Path) -> list[Component]:
    manifest = json.loads((vendor / MANIFEST).read_text(encoding="utf-8"))
    out = []
    for entry in manifest["components"]:
        text = (vendor / entry["licence_file"]).read_text(encoding="utf-8")
        out.append(Component(entry["name"], entry["version"], entry["source"], entry["use"], tuple(entry["files"]),
                             entry["licence"], entry["licence_file"], entry["copyright"], text.strip("\n")))
    return out


def vendored_files(vendor: Path) -> list[str]:
    return sorted(path.relative_to(vendor).as_posix() for path in vendor.rglob("*")
                  if path.is_file() and path.relative_to(vendor).as_posix() not in OWN_FILES)


def uncovered(vendor: Path) -> list[str]:
    """Vendored files that no component claims: each needs an entry in licences.json."""
    known = components(vendor)
    return [name for name in vendored_files(vendor) if not any(c.covers(name) for c in known)]

