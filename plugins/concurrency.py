"""Use the machine's second core: run a pure function in a forked child while the parent goes on.

The child inherits the catalogue as it is in memory (nothing is pickled on the way in); only its
result comes back through a pipe. Where fork is missing, or PRAXISKATALOG_EIN_KERN is set (to compare,
or to debug), the function simply runs in place.
"""

from __future__ import annotations

import os
import pickle
import traceback


class ChildFailed(RuntimeError):
    """The forked child raised; the message carries its traceback."""


def start(function, *args):
    """Begin `function(*args)` in a child process; returns `wait()`, which gives its result (or raises)."""
    if not hasattr(os, "fork") or os.environ.get("PRAXISKATALOG_EIN_KERN"):  # the same work, in place
        result = function(*args)
        return lambda: result
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, leave without running the parent's exit handlers
        os.close(read_end)
        try:
            payload = pickle.dumps(("ok", function(*args)), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # noqa: BLE001 - every failure must reach the parent, none may hang it
            payload = pickle.dumps(("failed", traceback.format_exc()))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(write_end)

    def wait():
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(pid, 0)
        if not payload or os.waitstatus_to_exitcode(status) != 0:
            raise ChildFailed(f"Kindprozess {pid} endete ohne Ergebnis (Status {status})")
        outcome, value = pickle.loads(payload)
        if outcome == "failed":
            raise ChildFailed(value)
        return value

    return wait


def halves(items: list) -> tuple[list, list]:
    """The first and the second half of a list (the first is the smaller one)."""
    middle = len(items) // 2
    return items[:middle], items[middle:]


def share(items: list, fraction: float) -> tuple[list, list]:
    """(the rest, about `fraction` of the items), taken evenly across the list so both get all kinds of items."""
    theirs = {int(position / fraction) for position in range(int(len(items) * fraction))}
    return ([item for index, item in enumerate(items) if index not in theirs],
            [item for index, item in enumerate(items) if index in theirs])
