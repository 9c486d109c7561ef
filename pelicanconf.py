"""Settings for a local build (`make serve`, `make build` uses publishconf.py on top)."""

import sys
from pathlib import Path

project_root = Path(__file__).resolve().parent
if str(project_root) not in sys.path:  # Pelican imports the plugin as the package `plugins`
    sys.path.insert(0, str(project_root))

AUTHOR = "Redaktion Praxiskatalog"
SITENAME = "Praxiskatalog Arbeitsmarktpolitik"
SITESUBTITLE = "Gute Praxis aus Jobcentern, Ländern und Programmen"
SITEURL = ""
REPOSITORY_URL = "https://github.com/praxiskatalog/praxiskatalog"

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
DEFAULT_DATE = "fs"

# Records are read by plugins/records; Pelican itself reads only the static pages.
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False
DIRECT_TEMPLATES = ["index"]
for _kind in ("ARCHIVES", "AUTHORS", "CATEGORIES", "TAGS", "AUTHOR", "CATEGORY", "TAG", "ARTICLE",
              "ARTICLE_LANG", "PAGE_LANG", "DRAFT", "DRAFT_LANG", "DRAFT_PAGE", "DRAFT_PAGE_LANG"):
    globals()[f"{_kind}_SAVE_AS"] = ""

FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DELETE_OUTPUT_DIRECTORY = True
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# Order matters: records gathers and validates first; the others read its catalogue.
PLUGIN_PATHS = []
PLUGINS = ["plugins.publish"]

# Open data and editors (plugins/open_data). Sitemap, feed, JSON-LD and the data package need
# absolute addresses; a local build (SITEURL "") uses PUBLIC_URL, publishing sets SITEURL.
PUBLIC_URL = "https://praxiskatalog.github.io/praxiskatalog"
REPOSITORY_BRANCH = "main"  # "Bearbeiten" links open the record file on this branch of REPOSITORY_URL
# Address of the editors for „Per E-Mail an die Redaktion“ (/mitmachen/) and „Fehler per E-Mail melden“
# (record pages); while empty, the pages show „auszufüllen“ and the mail opens without a recipient.
EDITORS_EMAIL = ""
FEED_MAX_ITEMS = 50  # entries in /daten/aenderungen.atom, newest change first; dates come from git
# Licence of the data (exports, /daten/lizenz/): CC-BY-4.0, CC0-1.0, DL-DE-BY-2.0 or DL-DE-ZERO-2.0
# (plugins/publish/notices.py), or a dict with name, title, path, attribution. The code is EUPL-1.2 (LICENSE).
DATA_LICENSE = "CC-BY-4.0"

# Record fields are untrusted text from many hands: escape everything unless marked safe.
# auto_reload off: every build makes new generators with a new environment, so templates never need a stat per include.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "auto_reload": False}
