"""Same input, same output: two clean builds of the real catalogue are byte-identical."""

from __future__ import annotations

import hashlib

from .conftest import ROOT, run_build


def _digest(folder):
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_two_clean_builds_are_identical(tmp_path, built_site):
    again = tmp_path / "again"
    result = run_build(ROOT / "content", again)
    assert result.returncode == 0, result.stderr
    first, second = _digest(built_site), _digest(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
