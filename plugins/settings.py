"""The catalogue's own settings, declared once: name, type, default and what it does (German, for error messages).

Pelican's settings are Pelican's; anything else in a settings file must be declared here. An unknown
or mistyped setting stops the build with one line naming it, as MkDocs does.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from pelican.settings import DEFAULT_CONFIG

from plugins.read.problems import Problem


@dataclass(frozen=True)
class Setting:
    name: str
    types: tuple  # accepted Python types; None is always accepted where the default is None
    default: object
    help: str


SETTINGS = (
    Setting("SITESUBTITLE", (str,), "", "Untertitel der Website (Kopfzeile, Datenpaket)"),
    Setting("REPOSITORY_URL", (str,), "", "Adresse des Repositorys; Links „Bearbeiten“ und „Fehler melden“"),
    Setting("REPOSITORY_BRANCH", (str,), "main", "Zweig, auf dem „Bearbeiten“ die Datei öffnet"),
    Setting("EDITORS_EMAIL", (str,), "", "E-Mail-Adresse der Redaktion für „Per E-Mail an die Redaktion“ und "
            "„Fehler per E-Mail melden“; leer wird „auszufüllen“ angezeigt"),
    Setting("PUBLIC_URL", (str,), "", "öffentliche Adresse für Sitemap, Feed und JSON-LD, wenn SITEURL leer ist"),
    Setting("DATA_LICENSE", (str, dict), "CC-BY-4.0", "Lizenz der offenen Daten: CC-BY-4.0, CC0-1.0, DL-DE-BY-2.0, "
            "DL-DE-ZERO-2.0 oder eine Zuordnung mit name, title, path"),
    Setting("COSTS_PRICE_INDEX", (str, Path), None, "CSV-Datei mit dem Verbraucherpreisindex (jahr,vpi_…)"),
    Setting("COSTS_BASE_YEAR", (int,), None, "Basisjahr der Kosten in Preisen eines Jahres; ohne Angabe das letzte Jahr des Index"),
    Setting("COSTS_REFERENCE_YEAR", (int,), None, "Bezugsjahr, an dem das Alter eines Stands gemessen wird; ohne Angabe das Basisjahr"),
)
DECLARED = MappingProxyType({setting.name: setting for setting in SETTINGS})

# Pelican reads these although they are not in its DEFAULT_CONFIG (documented in Pelican's settings page).
PELICAN_OPTIONAL = {"AUTHOR", "TIMEZONE", "DEFAULT_DATE", "FEED_DOMAIN", "FEED_ALL_RSS", "DEBUG", "SELECTED_PATHS",
                    "WRITE_SELECTED", "PLUGIN_PATH", "CSS_FILE", "EXTRA_TEMPLATES_PATHS",
                    "LINKS", "SOCIAL", "MENUITEMS", "GITHUB_URL", "DISQUS_SITENAME", "GOOGLE_ANALYTICS"}
PELICAN_PATTERN = re.compile(r"^[A-Z_]+_(SAVE_AS|URL|LANG_SAVE_AS|LANG_URL)$|^(FEED|CATEGORY_FEED|AUTHOR_FEED|TAG_FEED|TRANSLATION_FEED)_")


def problems_in(settings, settings_file: str = "Einstellungen") -> list[Problem]:
    """Every unknown or mistyped setting, each as one German line."""
    problems = []
    for name in sorted(settings):
        if name in DEFAULT_CONFIG or name in PELICAN_OPTIONAL or PELICAN_PATTERN.match(name):
            continue
        declared = DECLARED.get(name)
        if declared is None:
            close = difflib.get_close_matches(name, [*DECLARED, *DEFAULT_CONFIG], n=1)
            hint = f"; meinten Sie {close[0]}?" if close else f"; bekannt sind {', '.join(DECLARED)} und Pelicans Einstellungen"
            problems.append(Problem(settings_file, _line_of(settings_file, name), name, f"unbekannte Einstellung{hint}"))
            continue
        value = settings[name]
        if value is None and declared.default is None:
            continue
        if not isinstance(value, declared.types) or isinstance(value, bool) and bool not in declared.types:
            expected = " oder ".join({str: "Text", int: "ganze Zahl", dict: "Zuordnung", Path: "Pfad"}[t]
                                     for t in declared.types)
            problems.append(Problem(settings_file, _line_of(settings_file, name), name,
                                    f"erwartet {expected}, gefunden {value!r} ({declared.help})"))
    return problems


def _line_of(settings_file: str, name: str) -> int:
    """Line where the settings file assigns `name` (1 when it cannot be found, e.g. when inherited)."""
    try:
        lines = Path(settings_file).read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    pattern = re.compile(rf"^{re.escape(name)}\s*[:=]")
    return next((number for number, line in enumerate(lines, 1) if pattern.match(line)), 1)


def checked_settings(settings, stop, settings_file: str = "Einstellungen"):
    """The settings with every declared default filled in; `stop(problems)` on an unknown or mistyped one."""
    problems = problems_in(settings, settings_file)
    if problems:
        stop(problems)
    return MappingProxyType({**{s.name: s.default for s in SETTINGS}, **settings})
