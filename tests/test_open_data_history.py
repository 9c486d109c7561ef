"""plugins.open_data and git: a record changed in a commit shows up in the feed, the sitemap and on
its page with that commit's date; without git the build still works and says why dates are missing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

from .conftest import DATA, run_build

# Checked here through builds of a git repository and of a folder without git (tests/test_meta.py).
BUILD_COVERS = ("plugins.read.history",)
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _git(repo, *args, date=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redaktion", "GIT_AUTHOR_EMAIL": "redaktion@example.org",
           "GIT_COMMITTER_NAME": "Redaktion", "GIT_COMMITTER_EMAIL": "redaktion@example.org"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args], cwd=repo,
                   env=env, check=True, capture_output=True)


def _entries(site):
    root = ET.parse(site / "daten" / "aenderungen.atom").getroot()
    return root, {e.find(f"{ATOM}link").get("href").rstrip("/").rsplit("/", 1)[-1]: e for e in root.findall(f"{ATOM}entry")}


def test_a_record_changed_in_git_shows_up_in_the_feed_with_its_date(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(DATA / "good_minimal" / "content", repo / "content")
    _git(repo, "init", "-q")
    _git(repo, "add", "content")
    _git(repo, "commit", "-q", "-m", "Erste Fassung", date="2024-01-15T10:00:00+01:00")
    record = repo / "content" / "measures" / "gute-massnahme.md"
    record.write_text(record.read_text(encoding="utf-8") + "\nNachtrag aus der Quelle.\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "Korrektur", date="2024-03-02T12:30:00+01:00")

    result = run_build(repo / "content", tmp_path / "out")
    assert result.returncode == 0, result.stderr + result.stdout
    site = tmp_path / "out"

    root, entries = _entries(site)
    changed, untouched = entries["gute-massnahme"], entries["testprogramm"]
    assert changed.find(f"{ATOM}updated").text == "2024-03-02T11:30:00+00:00"  # RFC 3339 as feedgenerator writes it
    assert changed.find(f"{ATOM}published").text == "2024-01-15T09:00:00+00:00"
    assert changed.find(f"{ATOM}title").text.startswith("Geändert: ")
    assert untouched.find(f"{ATOM}updated").text == "2024-01-15T09:00:00+00:00"
    assert untouched.find(f"{ATOM}title").text.startswith("Neu: ")
    assert root.find(f"{ATOM}updated").text == "2024-03-02T11:30:00+00:00"
    assert [e.find(f"{ATOM}updated").text for e in root.findall(f"{ATOM}entry")][0] == "2024-03-02T11:30:00+00:00"

    page = (site / "massnahmen" / "gute-massnahme" / "index.html").read_text(encoding="utf-8")
    assert 'zuletzt geändert am <time datetime="2024-03-02">02.03.2024</time>' in page
    assert "/edit/main/content/measures/gute-massnahme.md" in page

    export = json.loads((site / "daten" / "massnahmen.json").read_text(encoding="utf-8"))
    [entry] = export["records"]
    assert (entry["added"], entry["changed"]) == ("2024-01-15T09:00:00Z", "2024-03-02T11:30:00Z")
    assert entry["source_file"] == "content/measures/gute-massnahme.md"

    sitemap = ET.parse(site / "sitemap.xml").getroot()
    lastmod = {u.find(f"{SITEMAP}loc").text: u.find(f"{SITEMAP}lastmod") for u in sitemap.findall(f"{SITEMAP}url")}
    assert lastmod[entry["url"]].text == "2024-03-02T11:30:00Z"


def test_without_git_the_build_says_why_and_the_feed_is_empty(tmp_path):
    content = tmp_path / "entpackt" / "content"
    shutil.copytree(DATA / "good_minimal" / "content", content)
    result = run_build(content, tmp_path / "out")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "ist kein Git-Arbeitsverzeichnis; Änderungsdaten und Feed-Einträge fehlen" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    root, entries = _entries(tmp_path / "out")
    assert entries == {}
    assert root.find(f"{ATOM}updated").text.endswith("T00:00:00+00:00")
    page = (tmp_path / "out" / "massnahmen" / "gute-massnahme" / "index.html").read_text(encoding="utf-8")
    assert "Stand der Angaben" in page and "zuletzt geändert" not in page
    assert ">Eintrag verbessern</a>" in page and ">Fehler melden</a>" in page
