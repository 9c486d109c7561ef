"""Use the machine's second core with forked child processes.

Three ways: `start` runs a pure function in a child while the parent goes on; `on_both_cores` shares a list of
jobs between the parent and a child, each taking the next as soon as it is free; `start_early` begins such jobs
in a child before the parent has loaded what it needs, and `join_early` lets the parent join in later.
A child inherits the catalogue as it is in memory (nothing is pickled on the way in); only its result comes
back, through a temporary file. Where fork is missing, or PRAXISKATALOG_EIN_KERN is set (to compare, or to
debug), everything runs in place.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import tempfile
import traceback


class ChildFailed(RuntimeError):
    """The forked child raised; the message carries its traceback."""


class Running:
    """A function at work in a child: call it for the result (waits); `done()` asks without waiting."""

    def __init__(self, pid: int, result_file):
        self.pid, self.result_file, self.status = pid, result_file, None

    def done(self) -> bool:
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is not None

    def __call__(self):
        if self.status is None:
            _, self.status = os.waitpid(self.pid, 0)
        with self.result_file:
            self.result_file.seek(0)
            payload = self.result_file.read()
        if not payload or os.waitstatus_to_exitcode(self.status) != 0:
            raise ChildFailed(f"Kindprozess {self.pid} endete ohne Ergebnis (Status {self.status})")
        outcome, value = pickle.loads(payload)
        if outcome == "failed":
            raise ChildFailed(value)
        return value


class Finished:
    """What `start` gives where it computed in place: the same interface, done from the outset."""

    def __init__(self, result):
        self.result = result

    def done(self) -> bool:
        return True

    def __call__(self):
        return self.result


def start(function, *args):
    """Begin `function(*args)` in a child process; returns a `Running`, which gives its result (or raises)."""
    if not hasattr(os, "fork") or os.environ.get("PRAXISKATALOG_EIN_KERN"):  # the same work, in place
        return Finished(function(*args))
    # The result goes into an unnamed temporary file, not a pipe: a child with a large result would wait,
    # holding all its memory, until the parent reads, and the parent may be busy for seconds.
    result_file = tempfile.TemporaryFile()
    # The collector would touch every inherited object and so copy the parent's memory page by page. Frozen
    # objects stay frozen in the parent too (a full collection there would walk all of them for nothing)
    # until the build ends (`thaw`).
    gc.freeze()
    pid = os.fork()
    if pid == 0:
        _finish_child(result_file, lambda: function(*args))
    return Running(pid, result_file)


def _finish_child(result_file, compute) -> None:
    """In a child: write what `compute()` gives (or its traceback) to the file, then leave without running
    the parent's exit handlers."""
    try:
        payload = pickle.dumps(("ok", compute()), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # noqa: BLE001 - every failure must reach the parent, none may hang it
        payload = pickle.dumps(("failed", traceback.format_exc()))
    result_file.write(payload)
    result_file.flush()
    os._exit(0)


def on_both_cores(jobs: list, helper_waits_for=(), small_from: int | None = None) -> list:
    """Run every job (a function without arguments) once, this process and a forked child each taking
    the next one as soon as it is free; the results come back in the order of `jobs`.

    Taking jobs as they come keeps both cores busy to the end however unevenly the jobs weigh; put the
    heaviest first. The job numbers wait in pipes: every read takes exactly one number (a read of a few
    bytes from a pipe is atomic), so no job runs twice and none is left out.

    While a child in `helper_waits_for` (a `Running`) is still at work, this process takes jobs alone and
    forks its helper only once they are all done: on two cores a third process adds no speed, only a third
    copy of every page of memory it touches. Meanwhile it takes the small jobs (from `small_from` on), so
    that it looks again soon; both processes then take the large ones first.
    """
    if len(jobs) < 2:
        return [job() for job in jobs]
    small_from = len(jobs) if small_from is None else small_from
    queues = (_queue(0, small_from, len(jobs)), _queue(small_from, len(jobs), len(jobs)))
    mine, left = {}, True
    try:
        while left and not all(child.done() for child in helper_waits_for):
            left = _take_one(queues[1], jobs, mine) or _take_one(queues[0], jobs, mine)
        theirs = start(_take, queues, jobs) if left else Finished({})
        _take(queues, jobs, mine)
        mine.update(theirs())
    finally:
        for read_end, _ in queues:
            os.close(read_end)
    return [mine[index] for index in range(len(jobs))]


PIPE_CAPACITY = 65536  # bytes, Linux's default
NUMBER_BYTES = 4


def _per_number(count: int) -> int:
    return -(-count // (PIPE_CAPACITY // NUMBER_BYTES))  # jobs per number: a full pipe would block its writer


def _queue(first: int, stop: int, count: int) -> tuple[int, int]:
    """A pipe holding the numbers of jobs first … stop-1 (of `count`): (its read end, stop)."""
    read_end, write_end = os.pipe()
    _fill(write_end, first, stop, count)
    return read_end, stop


def _fill(write_end: int, first: int, stop: int, count: int) -> None:
    """Write the job numbers into a pipe and close it, so that readers meet its end when all are taken."""
    with os.fdopen(write_end, "wb") as queue:
        queue.write(b"".join(number.to_bytes(NUMBER_BYTES, "little")
                             for number in range(first, stop, _per_number(count))))


def _take(queues, jobs: list, done: dict | None = None) -> dict:
    """Run the jobs whose numbers this process reads from the queues, one queue after the other, until all
    are empty: {job number: result}."""
    done = {} if done is None else done
    for queue in queues:
        while _take_one(queue, jobs, done):
            pass
    return done


def _take_one(queue: tuple[int, int], jobs: list, done: dict) -> bool:
    """Run the jobs of the next number in the queue into `done`; False if none was left."""
    read_end, stop = queue
    number = os.read(read_end, NUMBER_BYTES)
    if not number:
        return False
    first = int.from_bytes(number, "little")
    for index in range(first, min(first + _per_number(len(jobs)), stop)):
        done[index] = jobs[index]()
    return True


# Early starts: a child forked before the parent has loaded Pelican and the pipeline sets out the jobs
# and begins them; the parent joins in when it gets there (join_early), if it finds the same jobs.
_early = {}
DIGEST_BYTES = 32
EARLY_READING = "lesen"  # the one early start: reading the record files (plugins/build.py, plugins/read/validate.py)


def start_early(name: str, prepare) -> None:
    """Fork a child that calls `prepare()` -> (digest, jobs) or None, then runs the jobs as in on_both_cores.

    `prepare` imports what it needs itself: forking comes first, so that loading the modules, too, happens
    while the parent loads its own. The digest (32 bytes) names exactly what the jobs are made from.
    """
    if not hasattr(os, "fork") or os.environ.get("PRAXISKATALOG_EIN_KERN") or name in _early:
        return
    digest_read, digest_write = os.pipe()
    jobs_read, jobs_write = os.pipe()
    result_file = tempfile.TemporaryFile()
    pid = os.fork()
    if pid == 0:
        os.close(digest_read)

        def set_out_and_run():
            prepared = prepare()
            if prepared is None:
                os._exit(0)  # nothing to do: the parent finds no digest and does the work itself
            digest, jobs = prepared
            os.write(digest_write, digest)
            os.close(digest_write)
            _fill(jobs_write, 0, len(jobs), len(jobs))
            return _take([(jobs_read, len(jobs))], jobs)

        _finish_child(result_file, set_out_and_run)
    os.close(digest_write)
    os.close(jobs_write)
    _early[name] = (pid, digest_read, jobs_read, result_file)


def join_early(name: str, digest: bytes, jobs: list) -> list | None:
    """The results of `jobs`, shared with the child started early under `name`, in order; None (and the child
    stopped) if there is none, or if it set out other jobs than these (another digest)."""
    if name not in _early:
        return None
    pid, digest_read, jobs_read, result_file = _early.pop(name)
    theirs = b""
    while len(theirs) < DIGEST_BYTES and (part := os.read(digest_read, DIGEST_BYTES - len(theirs))):
        theirs += part
    os.close(digest_read)
    try:
        if theirs != digest:
            _stop(pid)
            result_file.close()
            return None
        mine = _take([(jobs_read, len(jobs))], jobs)
    finally:
        os.close(jobs_read)
    mine.update(Running(pid, result_file)())
    return [mine[index] for index in range(len(jobs))]


def cancel_early() -> None:
    """Stop every early child nobody joined (the build ended before it got there)."""
    for name in list(_early):
        pid, digest_read, jobs_read, result_file = _early.pop(name)
        _stop(pid)
        os.close(digest_read)
        os.close(jobs_read)
        result_file.close()


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def thaw() -> None:
    """After the last child: what was frozen for the forks is collected normally again (should the process
    go on, as tests that build in-process do)."""
    gc.unfreeze()


def halves(items: list) -> tuple[list, list]:
    """The first and the second half of a list (the first is the smaller one)."""
    middle = len(items) // 2
    return items[:middle], items[middle:]
