"""Shared fixtures: scenario builds, the real site built once, a local server and Debian's chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def run_build(content: Path, output: Path, tool: str = "build", settings: str = "pelicanconf.py"):
    """Build `content` into `output` in a subprocess, as a user would; returns the CompletedProcess."""
    if tool == "build":
        command = [sys.executable, "-m", "plugins.build", "--settings", settings,
                   "--content", str(content), "--output", str(output)]
    else:
        command = [sys.executable, "-m", "pelican", str(content), "-s", settings, "-o", str(output)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "COLUMNS": "250"})


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real catalogue, built once per test session."""
    output = tmp_path_factory.mktemp("site")
    result = run_build(ROOT / "content", output)
    assert result.returncode == 0, result.stderr + result.stdout
    return output


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium fehlt unter {CHROMIUM}; `make test` installiert Debians Paket chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and uncaught exceptions; the test fails on any."""
    context = browser.new_context()
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    problems = list(page.problems)
    context.close()
    assert problems == [], f"Konsolenfehler im Browser: {problems}"
