"""The second core: a forked child's result, its failure, and the same catalogue read in one or two processes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time

import pytest

from plugins.concurrency import ChildFailed, cancel_early, halves, join_early, on_both_cores, start, start_early
from plugins.read import validate
from plugins.read.model import build_catalogue, thawed
from plugins.read.validate import check_tree
from tests.bench.synthetic import generate

from .conftest import ROOT


def _square_all(numbers):
    return [number * number for number in numbers]


def _fail(message):
    raise ValueError(message)


def test_a_child_returns_its_result_while_the_parent_works():
    wait = start(_square_all, range(5))
    mine = _square_all(range(5, 8))
    assert wait() + mine == [0, 1, 4, 9, 16, 25, 36, 49]


def test_a_failing_child_raises_in_the_parent_with_its_traceback():
    wait = start(_fail, "kaputt im Kind")
    with pytest.raises(ChildFailed, match=r"ValueError: kaputt im Kind"):
        wait()


def _megabytes(count):
    return b"x" * (count * 1_000_000)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="ohne fork rechnet start() im selben Prozess")
def test_a_child_with_a_large_result_ends_before_the_parent_collects_it(monkeypatch):
    """A finished child must not sit on its memory until the parent has time to read (a pipe would
    block it after 64 KB): it leaves its result in a file and ends."""
    monkeypatch.delenv("PRAXISKATALOG_EIN_KERN", raising=False)
    wait = start(_megabytes, 5)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # WNOWAIT: see that a child has ended without collecting it
        ended = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        if ended is not None:
            break
        time.sleep(0.05)
    assert ended is not None, "das Kind wartet noch auf den Elternprozess"
    assert wait() == _megabytes(5)


def test_halves_keep_every_item_once():
    assert halves([1, 2, 3, 4, 5]) == ([1, 2], [3, 4, 5])


def _slow_square(number):
    time.sleep(0.002)
    return number * number, os.getpid()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="ohne fork rechnet start() im selben Prozess")
@pytest.mark.parametrize("count", [2, 7, 300, 20_000])  # 20,000 jobs do not fit the pipe one number each
def test_both_cores_run_every_job_once_and_give_the_results_in_order(monkeypatch, count):
    monkeypatch.delenv("PRAXISKATALOG_EIN_KERN", raising=False)
    jobs = [lambda number=number: (number * number, os.getpid()) for number in range(count)]
    if count == 300:  # long enough that both processes get some
        jobs = [lambda number=number: _slow_square(number) for number in range(count)]
    results = on_both_cores(jobs)
    assert [square for square, _ in results] == [number * number for number in range(count)]
    if count == 300:
        assert len({pid for _, pid in results}) == 2, "nur ein Prozess hat gearbeitet"


def _busy_until_told(seconds):
    time.sleep(seconds)
    return time.monotonic()


def _stamped(number, seconds=0.01):
    time.sleep(seconds)
    return number, os.getpid(), time.monotonic()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="ohne fork rechnet start() im selben Prozess")
def test_the_helper_waits_until_the_other_children_are_done(monkeypatch):
    """While the search index is still being built, a third process would only add memory: the parent
    works alone until the children it is told about have ended, taking the small jobs meanwhile (so that it
    looks again soon), then the helper joins in."""
    monkeypatch.delenv("PRAXISKATALOG_EIN_KERN", raising=False)
    other = start(_busy_until_told, 0.6)
    jobs = [lambda number=number: _stamped(number, 0.1) for number in range(10)]  # 1 s of large jobs first
    jobs += [lambda number=number: _stamped(number) for number in range(10, 150)]  # then 1.4 s of small ones
    results = on_both_cores(jobs, helper_waits_for=(other,), small_from=10)
    ended = other()  # its result is still there after on_both_cores saw it end
    assert [number for number, _, _ in results] == list(range(150))
    before = [(number, pid) for number, pid, finished in results if finished < ended]
    after = {pid for _, pid, finished in results if finished > ended + 0.1}
    assert before and {pid for _, pid in before} == {os.getpid()}, "ein Helfer lief, solange das andere Kind rechnete"
    assert min(number for number, _ in before) >= 10, "beim Warten nahm der Elternprozess einen großen Job"
    assert len(after) == 2, "nach dem Ende des anderen Kindes kam kein Helfer dazu"


def test_both_cores_run_every_job_in_place_on_one_core(monkeypatch):
    monkeypatch.setenv("PRAXISKATALOG_EIN_KERN", "1")
    assert [pid for pid in on_both_cores([os.getpid] * 5)] == [os.getpid()] * 5


@pytest.mark.skipif(not hasattr(os, "fork"), reason="ohne fork rechnet start() im selben Prozess")
def test_a_job_failing_in_the_child_fails_the_whole_run(monkeypatch):
    monkeypatch.delenv("PRAXISKATALOG_EIN_KERN", raising=False)
    jobs = [lambda: time.sleep(0.01)] * 20 + [lambda: _fail("Job kaputt")] * 20  # every process meets one
    with pytest.raises((ChildFailed, ValueError), match="Job kaputt"):
        on_both_cores(jobs)


def test_reading_in_two_processes_gives_the_same_catalogue(tmp_path):
    content = generate(260, tmp_path / "content")
    (tmp_path / "content" / "measures" / "kaputt.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    serial = check_tree(content, tmp_path)
    parallel = check_tree(content, tmp_path, parallel=True)
    assert [str(problem) for problem in parallel[1]] == [str(problem) for problem in serial[1]] != []
    assert parallel[2] == serial[2]
    assert {kind: [(raw.slug, raw.data, raw.body) for raw in raws] for kind, raws in parallel[0].items()} == \
        {kind: [(raw.slug, raw.data, raw.body) for raw in raws] for kind, raws in serial[0].items()}
    one, two = build_catalogue(serial[0]), build_catalogue(parallel[0], parallel=True)
    assert [(r.slug, r.body_html, thawed(r.data)) for r in one.records] == \
        [(r.slug, r.body_html, thawed(r.data)) for r in two.records]


def _prepared(digest, count):
    return digest, [lambda number=number: _slow_square(number) for number in range(count)]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="ohne fork gibt es keinen frühen Start")
def test_an_early_child_shares_its_jobs_with_the_parent_that_joins_later(monkeypatch):
    monkeypatch.delenv("PRAXISKATALOG_EIN_KERN", raising=False)
    digest = hashlib.sha256(b"dieselben Jobs").digest()
    start_early("test", lambda: _prepared(digest, 300))
    time.sleep(0.1)  # the parent comes later, as Pelican loads first in a build
    results = join_early("test", digest, _prepared(digest, 300)[1])
    assert [square for square, _ in results] == [number * number for number in range(300)]
    assert len({pid for _, pid in results}) == 2, "nur ein Prozess hat gearbeitet"
    assert join_early("test", digest, []) is None  # joined once, then gone


@pytest.mark.skipif(not hasattr(os, "fork"), reason="ohne fork gibt es keinen frühen Start")
def test_an_early_child_with_other_jobs_is_stopped_and_not_used(monkeypatch):
    monkeypatch.delenv("PRAXISKATALOG_EIN_KERN", raising=False)
    start_early("test", lambda: _prepared(hashlib.sha256(b"andere Dateien").digest(), 300))
    assert join_early("test", hashlib.sha256(b"diese Dateien").digest(), []) is None
    start_early("test", lambda: None)  # a child that cannot tell its jobs
    assert join_early("test", hashlib.sha256(b"diese Dateien").digest(), []) is None
    start_early("test", lambda: _prepared(b"x" * 32, 300))  # nobody joins: the build ended before reading
    cancel_early()
    assert join_early("test", b"x" * 32, []) is None


@pytest.mark.skipif(not hasattr(os, "fork"), reason="ohne fork gibt es keinen frühen Start")
def test_reading_started_early_gives_the_same_records_and_problems(tmp_path, monkeypatch):
    from plugins.build import _early_reading
    from plugins.concurrency import EARLY_READING
    from plugins.read.model import render_markdown

    monkeypatch.delenv("PRAXISKATALOG_EIN_KERN", raising=False)
    content = generate(60, tmp_path / "content")
    (content / "measures" / "kaputt.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    serial = check_tree(content, render=render_markdown)
    joined = []

    def join_and_see(*args):
        joined.append(join_early(*args))
        return joined[-1]

    monkeypatch.setattr(validate, "join_early", join_and_see)
    start_early(EARLY_READING, lambda: _early_reading(content))
    early = check_tree(content, parallel=True, render=render_markdown)
    assert joined and joined[0] is not None, "der früh gestartete Kindprozess wurde nicht genutzt"
    assert [str(problem) for problem in early[1]] == [str(problem) for problem in serial[1]] != []
    assert {kind: [(raw.slug, raw.data, raw.body_html, raw.lines) for raw in raws] for kind, raws in early[0].items()} == \
        {kind: [(raw.slug, raw.data, raw.body_html, raw.lines) for raw in raws] for kind, raws in serial[0].items()}


@pytest.mark.build
def test_a_site_built_on_two_cores_equals_the_one_built_on_one(tmp_path):
    """Large enough for every parallel step (pages in two shares, workbooks in the child): byte for byte the same."""
    content = generate(360, tmp_path / "content")
    sites = {}
    for name, extra in (("zwei", {}), ("ein", {"PRAXISKATALOG_EIN_KERN": "1"})):
        output = tmp_path / name
        result = subprocess.run([sys.executable, "-m", "plugins.build", "--settings", "pelicanconf.py", "--content",
                                 str(content), "--output", str(output)], cwd=ROOT, capture_output=True, text=True,
                                timeout=600, env={**os.environ, **extra})
        assert result.returncode == 0, result.stderr
        sites[name] = {path.relative_to(output).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
                       for path in sorted(output.rglob("*")) if path.is_file()}
    assert sum(name.endswith(".html") for name in sites["zwei"]) >= 400
    assert sites["zwei"] == sites["ein"]
