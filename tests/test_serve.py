"""`make serve` (python -m plugins.serve): the build comes first and ends with our summary line, then
the address; one short line per request; a change rebuilds and prints the summary line again."""

from __future__ import annotations

import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from .conftest import DATA, ROOT

SUMMARY = " Seiten, "  # part of the closing line of plugins.build


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _lines(process):
    lines = queue.Queue()

    def pump():
        for line in process.stdout:
            lines.put(line.rstrip("\n"))

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _wait_for(lines, seen, predicate, timeout=120):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        seen.append(line)
        if predicate(line):
            return line
    raise AssertionError("nicht erschienen; Ausgabe bisher:\n" + "\n".join(seen))


def test_serve_builds_first_then_serves_logs_briefly_and_rebuilds(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(DATA / "good_minimal" / "content", content)
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "plugins.serve", "--content", str(content), "--output",
                                str(tmp_path / "out"), "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    seen = []
    try:
        lines = _lines(process)
        address = _wait_for(lines, seen, lambda line: "http://127.0.0.1:" in line)
        assert f"http://127.0.0.1:{port}/" in address
        summaries = [line for line in seen if SUMMARY in line]
        assert len(summaries) == 1 and seen.index(summaries[0]) < seen.index(address), seen
        assert summaries[0].startswith("1 Maßnahme, 1 Programm")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/massnahmen/gute-massnahme/") as response:
            assert response.status == 200 and "Gute Maßnahme" in response.read().decode()
        request = _wait_for(lines, seen, lambda line: line.startswith("GET "))
        assert request == "GET /massnahmen/gute-massnahme/ 200"

        record = content / "measures" / "gute-massnahme.md"
        time.sleep(0.5)
        record.write_text(record.read_text(encoding="utf-8").replace('"Gute Maßnahme"', '"Bessere Maßnahme"'),
                          encoding="utf-8")
        _wait_for(lines, seen, lambda line: SUMMARY in line)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/massnahmen/gute-massnahme/") as response:
            assert "Bessere Maßnahme" in response.read().decode()
        text = "\n".join(seen)
        for pelican_noise in ("Processed", "articles", "Serving site", "Done:", "HTTP/1.1"):
            assert pelican_noise not in text, pelican_noise
    finally:
        process.terminate()
        process.wait(timeout=30)
