"""The editors' workflow: `invoke new`, the validator with annotations and --strict, the repository
host files (workflows, pull-request template, issue forms) and CONTRIBUTING.md."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from plugins.derive.editorial_gaps import gap_warnings
from plugins.publish import issue_form  # plugins.open_data
from plugins.read import schema
from plugins.read.problems import Problem
from plugins.read.validate import check_tree
from plugins.validate import github_annotation

from .conftest import DATA, ROOT
from .test_bad_inputs import EXPECTED

GITHUB = ROOT / ".github"


def _validate(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "plugins.validate", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


# ---------------------------------------------------------------- validator

def test_annotation_format_escapes_what_github_would_misread():
    problem = Problem("content/measures/a,b:c.md", 16, "cost_per_participant[1].amount", "50% mehr\nals: erwartet")
    assert github_annotation(problem) == ("::error file=content/measures/a%2Cb%3Ac.md,line=16,"
                                          "title=cost_per_participant[1].amount::50%25 mehr%0Aals: erwartet")
    warning = Problem("content/measures/x.md", 1, "results", "keine Ergebnisse angegeben", warning=True)
    assert github_annotation(warning) == "::warning file=content/measures/x.md,line=1,title=results::keine Ergebnisse angegeben"


def test_github_format_puts_each_error_at_its_file_and_line():
    name = "measure-amount-as-text.md"
    path = f"tests/data/bad_inputs/content/measures/{name}"
    result = _validate("--content", "tests/data/bad_inputs/content", "--format", "github", path)
    assert result.returncode == 1
    line, field, message = re.match(r"(\d+): ([^:]+): (.*)", EXPECTED[name]).groups()
    first = result.stdout.splitlines()[0]
    assert first == f"::error file={path},line={line},title={field}::{message}"
    # errors in the other files still count: the build would fail on them
    assert sum(1 for out in result.stdout.splitlines() if out.startswith("::error ")) == 21  # one per file in tests/data/bad_inputs


def test_named_files_get_their_warnings_and_strict_makes_them_fail(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DATA / "good_minimal" / "content", content)
    thin = content / "measures" / "gute-massnahme.md"
    raws, errors, warnings = check_tree(content)
    assert errors == [] and gap_warnings(raws), "the scenario needs a thin record"
    programme = str(content / "programmes" / "testprogramm.md")
    quiet = _validate("--content", str(content), programme, cwd=tmp_path)
    assert quiet.returncode == 0
    assert "gute-massnahme.md" not in quiet.stderr
    loud = _validate("--content", str(content), str(thin), cwd=tmp_path)
    assert loud.returncode == 0 and "Warnung: " in loud.stderr and "gute-massnahme.md" in loud.stderr
    strict = _validate("--content", str(content), "--strict", str(thin), cwd=tmp_path)
    assert strict.returncode == 1
    assert "Warnung: " not in strict.stderr and "Fehler in 1 Datei" in strict.stderr


# ---------------------------------------------------------------- invoke new

FILLED = {
    'summary: ""': 'summary: "Ein Jobcenter bildet Alleinerziehende in Teilzeit aus; zwei Drittel schließen ab."',
    '  institution: ""': '  institution: "Jobcenter Musterstadt"',
    "  kind:": "  kind: gemeinsame-einrichtung",
    "state:": "state: hessen",
    "target_groups:\n  - ": "target_groups:\n  - alleinerziehende",
    "principles:\n  - ": "principles:\n  - passgenaue-angebote",
    'as_of: ""': 'as_of: "2024"',
    "  document:": "  document: bla-sgb2-2013",
    '  section: ""': '  section: "Teil 2: Teilzeitausbildung"',
}


def _new(tmp_path, title, *extra):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return subprocess.run([sys.executable, "-m", "invoke", "-r", str(ROOT), "new", title, *extra], cwd=tmp_path,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_invoke_new_writes_a_record_that_validates_once_required_fields_are_filled(tmp_path):
    result = _new(tmp_path, "Teilzeitausbildung für Alleinerziehende \"TAF\"")
    assert result.returncode == 0, result.stderr
    target = tmp_path / "content" / "measures" / "teilzeitausbildung-fuer-alleinerziehende-taf.md"
    assert "content/measures/teilzeitausbildung-fuer-alleinerziehende-taf.md angelegt" in result.stdout
    text = target.read_text(encoding="utf-8")

    _, errors, _ = check_tree(tmp_path / "content", display_root=tmp_path)
    unfilled = sorted(e.field for e in errors if e.path.endswith("-taf.md"))
    assert {"summary", "provider.institution", "provider.kind", "state", "as_of", "source.document",
            "source.section"} <= set(unfilled)

    for empty, filled in FILLED.items():
        assert text.count(empty) >= 1, empty
        text = text.replace(empty, filled, 1) if not empty.startswith("  ") else re.sub(
            rf"^{re.escape(empty)}$", filled, text, count=1, flags=re.MULTILINE)
    target.write_text(text, encoding="utf-8")
    _, errors, _ = check_tree(tmp_path / "content", display_root=tmp_path)
    assert [str(e) for e in errors] == []
    page_title = re.search(r'^title: (.*)$', text, re.MULTILINE).group(1)
    assert page_title == '"Teilzeitausbildung für Alleinerziehende \\"TAF\\""'


def test_template_explains_every_field_in_german_with_allowed_values_and_examples(tmp_path):
    from plugins.publish.record_template import render

    text = render("measure", "Neu", ROOT / "content")
    record_schema = schema.schemas()["measure"]
    for path, node in schema.iter_fields(record_schema):
        assert f"# {node['title']}" in text, path
    for name in record_schema["properties"]:
        assert re.search(rf"^(# )?{name}:", text, re.MULTILINE), name
    for entry in schema.vocabulary("state"):
        assert f"{entry['const']} ({entry['title']})" in text
    assert text.count("Beispiel: ") >= 55
    assert '#   Beispiel: "hessen"' in text  # taken from content/measures/bahn-frei.md, the documented example


@pytest.mark.parametrize("kind", ["programme", "region"])
def test_invoke_new_also_writes_programmes_and_regions(tmp_path, kind):
    result = _new(tmp_path, "Neuer Eintrag", "--kind", kind)
    assert result.returncode == 0, result.stderr
    target = tmp_path / "content" / schema.RECORD_TYPES[kind] / "neuer-eintrag.md"
    assert target.read_text(encoding="utf-8").startswith("---\n# Neue" if kind == "region" else "---\n# Neues Programm")


# ---------------------------------------------------------------- repository host files

def _load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_issue_form_choices_are_the_schema_vocabularies():
    form = _load(GITHUB / "ISSUE_TEMPLATE" / "massnahme-vorschlagen.yml")
    dropdowns = {item["id"]: item for item in form["body"] if item["type"] == "dropdown"}
    assert set(dropdowns) == {"-".join(path).replace("_", "-") for path, _, _ in issue_form.CHOICES}
    for path, multiple, required in issue_form.CHOICES:
        labels = schema.vocabulary_labels(schema.subschema_at("measure", path))
        dropdown = dropdowns["-".join(path).replace("_", "-")]
        assert dropdown["attributes"]["options"] == [f"{label} – {value}" for value, label in labels.items()]
        assert dropdown["attributes"]["multiple"] is multiple
        assert dropdown["validations"]["required"] is required
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids))
    assert form["name"] == "Maßnahme vorschlagen"


def test_issue_form_file_is_what_the_script_generates_now():
    result = subprocess.run([sys.executable, "-m", "plugins.publish.issue_form", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (GITHUB / "ISSUE_TEMPLATE" / "massnahme-vorschlagen.yml").read_text(encoding="utf-8") == issue_form.render()


def test_workflow_files_parse_and_run_the_project_commands():
    files = sorted(GITHUB.rglob("*.yml"))
    assert len(files) >= 5
    for file in files:
        assert isinstance(_load(file), dict), file
    checks = _load(GITHUB / "workflows" / "pruefen.yml")
    triggers = checks.get("on", checks.get(True))  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    assert set(checks["jobs"]) == {"validate", "build", "test"}
    steps = " ".join(str(step.get("run", "")) + str(step.get("with", "")) for job in checks["jobs"].values()
                     for step in job["steps"])
    for command in ("python -m plugins.validate --format github", "python -m plugins.build", "make test",
                    "plugins.publish.issue_form --check", "'fetch-depth': 0"):
        assert command in steps, command
    assert "${{ steps" not in steps  # file names never go into the script text
    publish = _load(GITHUB / "workflows" / "veroeffentlichen.yml")
    assert publish.get("on", publish.get(True))["push"]["branches"] == ["main"]
    uses = [step.get("uses", "") for job in publish["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    report = _load(GITHUB / "ISSUE_TEMPLATE" / "fehler-melden.yml")
    assert "datensatz" in [item.get("id") for item in report["body"]]  # the "Fehler melden" link fills this field


def test_pull_request_template_has_a_checklist():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ] ") >= 5
    assert "make validate" in text


# ---------------------------------------------------------------- CONTRIBUTING.md

def test_contributing_shows_the_error_the_validator_really_prints():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    message = EXPECTED["measure-amount-as-text.md"].split(": ", 1)[1]
    assert f"content/measures/neu.md:16: {message}" in text
    for command in ('invoke new "', "make validate", "make serve", "--strict"):
        assert command in text
    for heading in ("## Aufnahmekriterien", "### Welche Quellen zählen", "## Prüfung durch die Redaktion", "## Korrekturen"):
        assert heading in text


def test_contributing_example_is_a_valid_record(tmp_path):
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"### Ein vollständiges Beispiel.*?```yaml\n(.*?)```", text, re.DOTALL).group(1)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "programmes", content / "programmes")
    (content / "measures").mkdir()
    (content / "measures" / "beispiel.md").write_text(example, encoding="utf-8")
    _, errors, warnings = check_tree(content, display_root=tmp_path)
    assert [str(e) for e in errors] == []
    assert [w for w in warnings if w.path.endswith("beispiel.md")] == []


def test_make_validate_checks_records_and_glossary_and_reports_both(tmp_path):
    """`make validate` (= `invoke validate`) runs both checks even when the first fails, and fails if either does."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy2(DATA / "glossary_bad_references" / "content" / "glossary.yaml", tmp_path / "content" / "glossary.yaml")
    record = tmp_path / "content" / "measures" / "jumita.md"
    record.write_text(record.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:", 1), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    both = subprocess.run([sys.executable, "-m", "invoke", "-r", str(ROOT), "validate"], cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=300)
    assert both.returncode == 1
    output = both.stdout + both.stderr
    assert "content/measures/jumita.md:" in output and "titel" in output
    assert re.search(r"^content/glossary\.yaml: [1-9]\d* Fehler$", output, re.MULTILINE)

    shutil.copy2(ROOT / "content" / "glossary.yaml", tmp_path / "content" / "glossary.yaml")
    record.write_text((ROOT / "content" / "measures" / "jumita.md").read_text(encoding="utf-8"), encoding="utf-8")
    clean = subprocess.run([sys.executable, "-m", "invoke", "-r", str(ROOT), "validate"], cwd=tmp_path,
                           capture_output=True, text=True, env=env, timeout=300)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "content/glossary.yaml: keine Fehler" in clean.stdout + clean.stderr


def test_report_by_mail_carries_the_record_and_reads_back_exactly():
    from urllib.parse import parse_qs, unquote, urlsplit

    from plugins.present.corrections import report_mail_url

    class Record:
        title, short_name = "Teilzeit & Ausbildung „Plus“", "TAP"

    url = report_mail_url({"EDITORS_EMAIL": "redaktion@example.org"}, Record(), "content/measures/tap.md",
                          "https://example.org/massnahmen/tap/")
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and unquote(parts.path) == "redaktion@example.org"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Fehler: TAP"]
    assert "im Eintrag „Teilzeit & Ausbildung „Plus““" in query["body"][0]
    assert "\r\nEintrag: https://example.org/massnahmen/tap/\r\n" in query["body"][0]
    assert report_mail_url({}, Record(), "x", "y").startswith("mailto:?subject=")  # no address set: no recipient
