"""The automatic `build` marker (tests/conftest.py) sees run_build however a test reaches it."""

from __future__ import annotations

import pytest

from . import conftest
from .conftest import run_build


def _direct(tmp_path):
    return run_build(tmp_path, tmp_path / "out")


def _through_a_helper(tmp_path):
    return _direct(tmp_path)


def _in_a_comprehension(tmp_path):
    return [run_build(tmp_path, tmp_path / name) for name in ("a", "b")]


def _imported_inside(tmp_path):
    from .conftest import run_build as build

    return build(tmp_path, tmp_path / "out")


def _reads_only(tmp_path):
    return sorted(tmp_path.iterdir())


# Reached through this dict, and the check through `conftest.`, so that the tests below do not themselves
# lead to run_build (the check names it) and stay unmarked: the analysis would rather mark too much than too little.
BUILDING = {"direkt": _direct, "über eine Hilfsfunktion": _through_a_helper,
            "in einer Comprehension": _in_a_comprehension, "lokal importiert": _imported_inside}


@pytest.mark.parametrize("way", sorted(BUILDING))
def test_every_way_to_call_run_build_is_seen(way):
    assert conftest._builds(BUILDING[way], set()), way


def test_a_function_that_does_not_build_is_not_marked():
    assert not conftest._builds(_reads_only, set())


def test_this_module_is_not_marked_build(request):
    assert request.node.get_closest_marker("build") is None
