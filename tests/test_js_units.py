"""The DOM-free JavaScript (theme/static/js/lib) under node's own test runner: tests/js/*.test.mjs."""

from __future__ import annotations

import re
import shutil
import subprocess

from .conftest import ROOT


def test_node_unit_tests_pass():
    node = shutil.which("node")
    assert node, "node fehlt: die JavaScript-Tests brauchen Node.js 20 (siehe Makefile)"
    result = subprocess.run([node, "--test", "--test-reporter=spec", "tests/js/"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    ran = re.search(r"^ℹ tests (\d+)$", result.stdout, re.M)
    assert ran and int(ran.group(1)) > 0, "node fand keine Tests in tests/js/:\n" + result.stdout + result.stderr
