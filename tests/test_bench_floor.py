"""The benchmark's one-process floor (tests/bench/read_only.py): what reading alone holds, beside the build's figures."""

from __future__ import annotations

import subprocess
import sys

from tests.bench.bench import one_process_section
from tests.bench.synthetic import generate

from .conftest import ROOT


def _read_only(content):
    return subprocess.run([sys.executable, "-m", "tests.bench.read_only", "--content", str(content)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_the_floor_reads_and_checks_every_record_and_reports_its_memory_with_them_held(tmp_path):
    content = generate(10, tmp_path / "site")
    run = _read_only(content)
    assert run.returncode == 0, run.stderr
    count, held, loaded = (int(word) for word in run.stdout.replace(";", " ").replace(",", " ").split() if word.isdigit())
    assert count == sum(1 for folder in ("measures", "programmes") for _ in (content / folder).rglob("*.md"))
    assert 0 < loaded < held  # kB: Pelican and the read stage loaded, then more with the records read (PSS: shared pages split)


def test_the_floor_stops_on_a_broken_record_naming_its_file_and_line(tmp_path):
    content = generate(3, tmp_path / "site")
    record = sorted((content / "measures").rglob("*.md"))[0]
    record.write_text(record.read_text(encoding="utf-8").replace("title:", "title: [", 1), encoding="utf-8")
    run = _read_only(content)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"{record.name}:" in run.stderr and "YAML-Syntaxfehler" in run.stderr


def test_the_report_sets_the_floor_beside_bare_pelican_and_what_is_left_of_twice_its_memory():
    entry = {"bare_pelican": {"seconds": 10.0, "peak_mb": 80}, "build": {"seconds": 15.0},
             "one_process": {"modules_mb": 50, "read_mb": 140, "one_core": {"seconds": 25.0, "cpu_seconds": 24.5, "peak_mb": 390}}}
    row = next(line for line in one_process_section({"5000": entry}) if line.startswith("| 5000"))
    assert row == "| 5000 | 50 | 140 | 1.75× | 20 | 25.0 / 24.5 | 390 | 2.50×, 4.88× | 0.60 |"
