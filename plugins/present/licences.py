"""The data licence: one setting, DATA_LICENSE, an identifier from the table below (CC BY 4.0 unless
the operator sets another) or a dict with name, title, path (and attribution) for any other licence."""

from __future__ import annotations

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
