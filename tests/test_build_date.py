"""The build date that dates in records are checked against (plugins/read/builddate.py), and
calendar dates that YAML itself cannot construct."""

from __future__ import annotations

import datetime
import shutil
import subprocess

from plugins.read.builddate import build_date
from plugins.read.dates import first_day, last_day
from plugins.read.validate import check_tree

from .conftest import DATA, ROOT


def test_source_date_epoch_wins(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert build_date(ROOT / "content") == (datetime.date(2026, 1, 1), "aus SOURCE_DATE_EPOCH")


def test_without_the_variable_the_last_commit_date_is_used(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    seconds = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
    expected = datetime.datetime.fromtimestamp(int(seconds), datetime.UTC).date()
    assert build_date(ROOT / "content") == (expected, "Datum des letzten Commits")


def test_outside_git_today_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert build_date(tmp_path) == (datetime.datetime.now(datetime.UTC).date(), "heutiges Datum")


def test_an_unquoted_impossible_date_is_reported_not_a_crash(tmp_path, monkeypatch):
    scenario = tmp_path / "content"
    shutil.copytree(DATA / "good_minimal" / "content", scenario)
    record = scenario / "measures" / "gute-massnahme.md"
    record.write_text(record.read_text(encoding="utf-8").replace('as_of: "2013"', "as_of: 2013-02-30"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, errors, _ = check_tree(scenario.relative_to(tmp_path))
    assert [str(e) for e in errors] == [
        "content/measures/gute-massnahme.md:14: as_of: „2013-02-30“ gibt es nicht im Kalender (der Februar 2013 "
        "hat 28 Tage); erwartet ein Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT"]


def test_a_period_of_different_precision_is_not_called_reversed(tmp_path, monkeypatch):
    scenario = tmp_path / "content"
    shutil.copytree(DATA / "good_minimal" / "content", scenario)
    record = scenario / "measures" / "gute-massnahme.md"
    record.write_text(record.read_text(encoding="utf-8").replace(
        'as_of: "2013"', 'period:\n  start: "2012-10-01"\n  end: "2012"\nas_of: "2013"'), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert check_tree(scenario.relative_to(tmp_path))[1] == []


def test_partial_dates_cover_their_whole_span():
    assert (first_day("2013"), last_day("2013")) == (datetime.date(2013, 1, 1), datetime.date(2013, 12, 31))
    assert (first_day("2012-02"), last_day("2012-02")) == (datetime.date(2012, 2, 1), datetime.date(2012, 2, 29))
    assert first_day("2013-02-30") is None  # not in the calendar
