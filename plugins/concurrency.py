"""Use the machine's second core: run a pure function in a forked child while the parent goes on.

The child inherits the catalogue as it is in memory (nothing is pickled on the way in); only its
result comes back, through a temporary file. Where fork is missing, or PRAXISKATALOG_EIN_KERN is set (to compare,
or to debug), the function simply runs in place.
"""

from __future__ import annotations

import gc
import os
import pickle
import tempfile
import traceback


class ChildFailed(RuntimeError):
    """The forked child raised; the message carries its traceback."""


def start(function, *args):
    """Begin `function(*args)` in a child process; returns `wait()`, which gives its result (or raises)."""
    if not hasattr(os, "fork") or os.environ.get("PRAXISKATALOG_EIN_KERN"):  # the same work, in place
        result = function(*args)
        return lambda: result
    # The result goes into an unnamed temporary file, not a pipe: a child with a large result would wait,
    # holding all its memory, until the parent reads, and the parent may be busy for seconds.
    result_file = tempfile.TemporaryFile()
    # The collector would touch every inherited object and so copy the parent's memory page by page. Frozen
    # objects stay frozen in the parent too (a full collection there would walk all of them for nothing)
    # until the build ends (`thaw`).
    gc.freeze()
    pid = os.fork()
    if pid == 0:  # the child: compute, write, leave without running the parent's exit handlers
        try:
            payload = pickle.dumps(("ok", function(*args)), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # noqa: BLE001 - every failure must reach the parent, none may hang it
            payload = pickle.dumps(("failed", traceback.format_exc()))
        result_file.write(payload)
        result_file.flush()
        os._exit(0)

    def wait():
        _, status = os.waitpid(pid, 0)
        with result_file:
            result_file.seek(0)
            payload = result_file.read()
        if not payload or os.waitstatus_to_exitcode(status) != 0:
            raise ChildFailed(f"Kindprozess {pid} endete ohne Ergebnis (Status {status})")
        outcome, value = pickle.loads(payload)
        if outcome == "failed":
            raise ChildFailed(value)
        return value

    return wait


def on_both_cores(jobs: list) -> list:
    """Run every job (a function without arguments) once, this process and a forked child each taking
    the next one as soon as it is free; the results come back in the order of `jobs`.

    Taking jobs as they come keeps both cores busy to the end however unevenly the jobs weigh; put the
    heaviest first. The job numbers wait in a pipe: every read takes exactly one number (a read of a few
    bytes from a pipe is atomic), so no job runs twice and none is left out.
    """
    if len(jobs) < 2:
        return [job() for job in jobs]
    per_number = -(-len(jobs) // (PIPE_CAPACITY // NUMBER_BYTES))  # a full pipe would block this writer
    numbers = range(0, len(jobs), per_number)
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "wb") as queue:
        queue.write(b"".join(number.to_bytes(NUMBER_BYTES, "little") for number in numbers))

    def take_jobs() -> dict:
        done = {}
        while number := os.read(read_end, NUMBER_BYTES):
            first = int.from_bytes(number, "little")
            for index in range(first, min(first + per_number, len(jobs))):
                done[index] = jobs[index]()
        return done

    try:
        theirs = start(take_jobs)
        mine = take_jobs()
        mine.update(theirs())
    finally:
        os.close(read_end)
    return [mine[index] for index in range(len(jobs))]


PIPE_CAPACITY = 65536  # bytes, Linux's default
NUMBER_BYTES = 4


def thaw() -> None:
    """After the last child: what was frozen for the forks is collected normally again (should the process
    go on, as tests that build in-process do)."""
    gc.unfreeze()


def halves(items: list) -> tuple[list, list]:
    """The first and the second half of a list (the first is the smaller one)."""
    middle = len(items) // 2
    return items[:middle], items[middle:]
