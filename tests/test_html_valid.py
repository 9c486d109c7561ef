"""Valid HTML: the Nu Html Checker (npm vnu-jar, run with Java) over all of the built site."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.java  # `build` comes from built_site (tests/conftest.py)

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_nu_html_checker_finds_no_errors(built_site):
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail(f"{VNU} oder java fehlt; `make test` installiert vnu-jar mit npm ci")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(built_site)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split(str(built_site))[-1]}:{m.get('lastLine')}: {m.get('message')}" for m in messages
              if m.get("type") == "error"]
    assert errors == []
