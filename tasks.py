"""Invoke tasks. `make` targets call these; run `.venv/bin/invoke --list` for all of them."""

import shlex
import shutil
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
CONFIG = {
    "content": "content",
    "output": "output",
    "settings_local": "pelicanconf.py",
    "settings_publish": "publishconf.py",
    "host": "127.0.0.1",
    "port": 8000,
}
PY = shlex.quote(sys.executable)


@task(help={"paths": "nur für diese Dateien auch Warnungen melden, z. B. --paths content/measures/x.md (mehrere in Anführungszeichen)",
            "strict": "Warnungen als Fehler behandeln", "format": "text oder github"})
def validate(c, paths="", strict=False, format="text"):
    """Check every record, the glossary and the thesaurus without building; --strict turns warnings into errors."""
    flags = (" --strict" if strict else "") + (f" --format {shlex.quote(format)}" if format != "text" else "")
    files = " ".join(shlex.quote(path) for path in shlex.split(paths or ""))
    records = c.run(f"{PY} -m plugins.validate --content {CONFIG['content']}{flags} {files}", pty=False, warn=True)
    glossary = c.run(f"{PY} -m plugins.read.glossary_cli --content {CONFIG['content']}", pty=False, warn=True)
    thesaurus = c.run(f"{PY} -m plugins.derive.search.thesaurus_cli --content {CONFIG['content']}", pty=False, warn=True)
    if records.failed or glossary.failed or thesaurus.failed:  # both run, so an editor sees every problem at once
        raise Exit(code=1)


@task
def build(c, settings=None):
    """Build the publishable site into output/; exits non-zero on any content error."""
    settings = settings or CONFIG["settings_publish"]
    c.run(f"{PY} -m plugins.build --settings {settings} --output {CONFIG['output']}", env=_build_date_env())


def _build_date_env() -> dict:
    """SOURCE_DATE_EPOCH for the build: as set, else the last commit's time (docs: plugins/read/builddate.py)."""
    import os

    from plugins.read.builddate import last_commit_seconds
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return {}
    seconds = last_commit_seconds(ROOT)
    return {"SOURCE_DATE_EPOCH": str(seconds)} if seconds is not None else {}


@task(help={"port": "Port, Standard 8000"})
def serve(c, port=CONFIG["port"]):
    """Build, then serve on http://127.0.0.1:8000; rebuild when content, theme, plugins or settings change."""
    c.run(f"{PY} -m plugins.serve --settings {CONFIG['settings_local']} --output {CONFIG['output']} "
          f"--host {CONFIG['host']} --port {int(port)}", pty=True)


@task
def livereload(c):
    """Like serve, but the browser reloads itself after each rebuild."""
    from livereload import Server

    def rebuild():
        c.run(f"{PY} -m plugins.build --settings {CONFIG['settings_local']} --output {CONFIG['output']}", warn=True)

    rebuild()
    server = Server()
    for pattern in ("content/**/*.md", "theme/**/*", "plugins/**/*.py", "plugins/**/*.json", "*.py"):
        server.watch(pattern, rebuild)
    server.serve(host=CONFIG["host"], port=CONFIG["port"], root=CONFIG["output"])


@task(help={"title": "Titel der neuen Maßnahme", "kind": "measure, programme oder region"})
def new(c, title, kind="measure"):
    """Write a new record file from the schema, every field explained in German."""
    c.run(f"{PY} -m plugins.publish.record_template {shlex.quote(kind)} {shlex.quote(title)}")


@task
def issue_form(c):
    """Regenerate .github/ISSUE_TEMPLATE/massnahme-vorschlagen.yml from the schema's vocabularies."""
    c.run(f"{PY} -m plugins.publish.issue_form")


# Markers are explained in CONTRIBUTING.md; `browser` and `build` are set by tests/conftest.py.
FAST = "not browser and not build and not java and not node"


@task
def lint(c):
    """ruff (rules in pyproject.toml) on the plugins, the tests, tasks.py and the settings; zero findings."""
    ruff = shlex.quote(str(Path(sys.executable).with_name("ruff")))
    c.run(f"{ruff} check --quiet plugins tests tasks.py pelicanconf.py publishconf.py", pty=False)


@task
def test(c, k=""):
    """ruff, then every test (unit, scenario builds, browser tests in Debian's chromium, Nu Html Checker)."""
    lint(c)
    selection = f" -k {shlex.quote(k)}" if k else ""
    c.run(f"{PY} -m pytest -q{selection}", pty=False)


@task
def test_fast(c, k=""):
    """ruff, then the tests without browser, site build, Java or node, on every core: seconds, for every change."""
    lint(c)
    selection = f" -k {shlex.quote(k)}" if k else ""
    c.run(f"{PY} -m pytest -q -n auto -m {shlex.quote(FAST)}{selection}", pty=False)


@task(help={"sizes": "Umfänge, z. B. real,1000,5000", "skip_browser": "ohne Messungen im Browser"})
def bench(c, sizes="real,1000,5000", skip_browser=False):
    """Measure build time, memory, sizes, page weight and search; writes docs/benchmark.md and .json."""
    flag = " --skip-browser" if skip_browser else ""
    c.run(f"{PY} -m tests.bench.bench --sizes {shlex.quote(sizes)}{flag}")


@task(help={"regenerate": "Manifest neu schreiben (nur bei gewollten Änderungen der Website)"})
def golden(c, regenerate=False):
    """Build the real site and compare every file's sha256 with tests/golden/site.sha256."""
    c.run(f"{PY} -m tests.golden.check" + (" --regenerate" if regenerate else ""), pty=False)


@task
def vendor_kern(c):
    """Regenerate theme/static/vendor/kern/ from @kern-ux/native: purged CSS and Fira Sans subset to German text."""
    c.run(f"{PY} tools/vendor_kern.py", pty=False)


@task(help={"full": "ganze Seiten statt des ersten Bildschirms"})
def screenshots(c, full=False):
    """Build the site and take Chromium screenshots of every page type at 1280 and 390 px into docs/screenshots/."""
    build(c)
    c.run(f"{PY} tools/screenshots.py" + (" --full" if full else ""), pty=False)


@task
def clean(c):
    """Remove the generated site."""
    shutil.rmtree(ROOT / CONFIG["output"], ignore_errors=True)
