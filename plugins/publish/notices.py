"""Licences: the code's (EUPL-1.2, LICENSE), the data's (the DATA_LICENSE setting) and one notice per
vendored component under theme/static/vendor/, read from its licences.json, for the page /lizenzen/."""

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


# The data licence is one setting, DATA_LICENSE: an identifier from this table (or a dict with
# name, title, path and attribution for any other licence).
DATA_LICENCES = {
    "CC-BY-4.0": {"name": "CC-BY-4.0", "title": "Creative Commons Namensnennung 4.0 International (CC BY 4.0)",
                  "path": "https://creativecommons.org/licenses/by/4.0/deed.de", "attribution": True},
    "CC0-1.0": {"name": "CC0-1.0", "title": "Creative Commons Zero 1.0 Universell (CC0 1.0)",
                "path": "https://creativecommons.org/publicdomain/zero/1.0/deed.de", "attribution": False},
    "DL-DE-BY-2.0": {"name": "DL-DE-BY-2.0", "title": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
                     "path": "https://www.govdata.de/dl-de/by-2-0", "attribution": True},
    "DL-DE-ZERO-2.0": {"name": "DL-DE-ZERO-2.0", "title": "Datenlizenz Deutschland – Zero – Version 2.0",
                       "path": "https://www.govdata.de/dl-de/zero-2-0", "attribution": False},
}
DEFAULT_DATA_LICENCE = "CC-BY-4.0"


def data_licence(setting) -> dict:
    """The DATA_LICENSE setting as {name, title, path} (what the exports publish) plus `attribution`."""
    if not setting:
        setting = DEFAULT_DATA_LICENCE
    if isinstance(setting, str):
        if setting not in DATA_LICENCES:
            raise ValueError(f"DATA_LICENSE „{setting}“ ist unbekannt; bekannt sind {', '.join(DATA_LICENCES)} "
                             "(oder ein dict mit name, title, path)")
        return dict(DATA_LICENCES[setting])
    return {"attribution": True, **setting}
