"""Shared fixtures: scenario builds, the real site built once, a local server and Debian's chromium.

Markers (registered in pyproject.toml, see CONTRIBUTING.md) are not set by hand for the two expensive kinds:
`pytest_collection_modifyitems` below adds `browser` to every test that uses the `browser` fixture
(directly or through `page`, `clipboard_page`, …) and `build` to every test that uses `built_site`
(or `site_url`) or calls `run_build`, in its body, in a helper it calls or in a fixture it uses.
What that static look cannot see (a fixture fetched with `request.getfixturevalue`) is caught
when it happens: `run_build` and the `browser` fixture fail a test that lacks the marker, so a
build or a browser never slips unnoticed into `make test-fast`.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# The test being run (set by pytest_runtest_protocol), for the marker guards below.
_CURRENT: dict[str, pytest.Item | None] = {"item": None}


def _require_marker(name: str, what: str) -> None:
    """Fail the running test if it lacks marker `name`: it does something that marker announces."""
    item = _CURRENT["item"]
    if item is not None and item.get_closest_marker(name) is None:
        pytest.fail(f"{item.nodeid} {what}, ist aber nicht als `{name}` markiert: "
                    f"@pytest.mark.{name} ergänzen (siehe CONTRIBUTING.md, Testmarker)", pytrace=False)


def run_build(content: Path, output: Path, tool: str = "build", settings: str = "pelicanconf.py"):
    """Build `content` into `output` in a subprocess, as a user would; returns the CompletedProcess."""
    _require_marker("build", "baut eine Website (run_build)")
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
    _require_marker("browser", "startet Chromium (Fixture browser)")
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


# --- markers -------------------------------------------------------------------------------

BROWSER_FIXTURES = {"browser"}  # `page` and every other fixture that needs Chromium requests this one
BUILD_FIXTURES = {"built_site"}  # `site_url` requests this one; scenario fixtures are found by calling run_build


def _calls_run_build(code: types.CodeType, namespace: dict, seen: set) -> bool:
    """Whether `code` calls run_build: directly, in a nested function or comprehension, or through a
    function of the tests package it calls (followed through its module's globals)."""
    if code in seen:
        return False
    seen.add(code)
    for name in code.co_names:  # also names imported inside the function: `from .conftest import run_build`
        target = namespace.get(name)
        if name == "run_build" or target is run_build:
            return True
        if (isinstance(target, types.FunctionType) and (target.__module__ or "").startswith("tests")
                and _calls_run_build(target.__code__, target.__globals__, seen)):
            return True
    return any(isinstance(const, types.CodeType) and _calls_run_build(const, namespace, seen)
               for const in code.co_consts)


def _builds(function, seen: set) -> bool:
    function = getattr(function, "__func__", function)  # a bound method
    if hasattr(function, "hypothesis"):  # @given wraps the test; its body is the inner test
        function = function.hypothesis.inner_test
    code = getattr(function, "__code__", None)
    return code is not None and _calls_run_build(code, function.__globals__, seen)


def pytest_collection_modifyitems(config, items):
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & BROWSER_FIXTURES and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)
        if item.get_closest_marker("build") is not None:
            continue
        seen: set = set()
        definitions = getattr(item, "_fixtureinfo", None)
        fixture_functions = [definition.func for name in fixtures
                             for definition in (definitions.name2fixturedefs.get(name, ()) if definitions else ())]
        if (fixtures & BUILD_FIXTURES or _builds(getattr(item, "function", None), seen)
                or any(_builds(function, seen) for function in fixture_functions)):
            item.add_marker(pytest.mark.build)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _CURRENT["item"] = item
    try:
        return (yield)
    finally:
        _CURRENT["item"] = None
