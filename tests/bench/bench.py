"""`make bench`: the whole-site benchmark. Writes docs/benchmark.json and docs/benchmark.md.

    .venv/bin/python -m tests.bench.bench [--sizes real,1000,5000] [--skip-browser]

For the real catalogue and synthetic catalogues (tests/bench/synthetic.py), in one run:
- our build (python -m plugins.build): wall time, peak memory, output size, pages, search index;
- a bare Pelican build of the same record files (default theme, no plugins) as the reference,
  so our plugins' cost is a ratio measured on the same machine in the same minute;
- page weight per page type (HTML + CSS + JS, gzip, without the search index);
- the search in headless Chromium (tests/bench/search_bench.py: first results, query times);
- Pagefind (PyPI pagefind) indexing the same output: bytes transferred before its first result,
  against ours for the same query.
Timings on a shared machine scatter; the report records the load average next to each figure.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench import search_bench  # noqa: E402
from tests.bench.synthetic import generate  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.page_types import PAGE_TYPES  # noqa: E402

PY = sys.executable
GOALS = {"build_ratio": 1.5, "peak_memory_ratio": 2.0, "measure_page_gzip_kb": 30}
PAIRS = 5  # alternating pairs (ours, bare Pelican) per size; the median ratio is reported
BARE_SETTINGS = """
PATH = {content!r}
OUTPUT_PATH = {output!r}
SITENAME = "Bare"
SITEURL = ""
DEFAULT_DATE = (2013, 1, 1)
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
PLUGINS = []
SLUGIFY_SOURCE = "basename"  # titles of Land guidelines exceed the file-name limit
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""
PAGEFIND_PROBE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Pagefind</title></head><body>
<script type="module">
const started = performance.now();
const pagefind = await import('/pagefind/pagefind.js');
const search = await pagefind.search(%s);
const first = search.results.length ? await search.results[0].data() : null;
window.__pagefind = {ms: performance.now() - started, count: search.results.length, first: first && first.url};
</script></body></html>"""


def timed(command) -> dict:
    """Run a command; wall seconds and its output."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"{' '.join(map(str, command))} schlug fehl:\n{result.stderr[-2000:]}")
    return {"seconds": round(seconds, 2), "stdout": result.stdout}


def _process_tree(pid: int) -> list[int]:
    """The process and its descendants (our build forks helpers), from /proc."""
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                for child in children.read().split():
                    found += _process_tree(int(child))
    except OSError:  # ended between two reads
        pass
    return found


def _pss_kb(pid: int) -> int:
    """Proportional set size: the process's own pages plus its share of pages it shares (after fork, most)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def timed_python(args, sample_memory: bool = False, env: dict | None = None) -> dict:
    """A Python module run in a child (`python -m …`): wall and CPU seconds, and its peaks of memory.

    `peak_mb` (only with `sample_memory`): the largest sum of PSS over the whole process tree, sampled every
    20 ms – the memory the build really holds, forked helpers included (their copied pages count, shared ones
    are split). Sampling is not free: reading a large process's smaps_rollup takes milliseconds of a core, which
    slowed our two-core build by a tenth to a fifth and a one-core bare Pelican hardly at all; so times come
    from runs without it.
    `parent_peak_mb`: the peak RSS of the largest single process (ru_maxrss from wait4), which misses what
    the helpers hold beside it.
    """
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen([PY, "-m", *args], cwd=ROOT, stdout=out, stderr=err, env={**os.environ, **(env or {})})
        peak_pss = None
        if sample_memory:
            peak_pss = 0
            while True:  # wait4: this child's own resource use, its forked helpers included
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    break
                peak_pss = max(peak_pss, sum(_pss_kb(pid) for pid in _process_tree(process.pid)))
                time.sleep(0.02)
        else:
            _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8"), err.read().decode("utf-8")
    if process.returncode:
        raise SystemExit(f"{' '.join(args)} schlug fehl:\n{stderr[-3000:]}")
    return {"seconds": round(seconds, 2), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_mb": round(peak_pss / 1024) if peak_pss is not None else None,
            "parent_peak_mb": round(usage.ru_maxrss / 1024), "stdout": stdout, "stderr": stderr}


def folder_kb(folder: Path) -> int:
    return round(sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1024)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_weights(site: Path) -> dict:
    """HTML + the CSS and JS it references, gzip, per page type; the search index is not counted."""
    weights = {}
    for name, url in PAGE_TYPES.items():
        path = site / url.split("?")[0].lstrip("/") / "index.html"
        if not path.exists():
            continue
        html = path.read_bytes()
        assets = re.findall(rb'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"', html)
        files = [site / a.decode().lstrip("/") for a in assets if not a.startswith(b"http")]
        total = gz(html) + sum(gz(f.read_bytes()) for f in files if f.exists())
        weights[name] = {"html_gzip_kb": round(gz(html) / 1024, 1), "total_gzip_kb": round(total / 1024, 1),
                         "files": len(files) + 1}
    return weights


def bare_build(content: Path, work: Path, sample_memory: bool = False) -> dict:
    """The same record files through plain Pelican: default theme, no plugins, records as articles."""
    bare_content, output = work / "bare-content", work / "bare-out"
    shutil.rmtree(bare_content, ignore_errors=True)
    shutil.rmtree(output, ignore_errors=True)
    for folder in ("measures", "programmes", "regions"):
        if (content / folder).is_dir():
            shutil.copytree(content / folder, bare_content / folder)
    settings = work / "bare_settings.py"
    settings.write_text(BARE_SETTINGS.format(content=str(bare_content), output=str(output)), encoding="utf-8")
    run = timed_python(["pelican", str(bare_content), "-s", str(settings), "-o", str(output), "-q"], sample_memory)
    return {"seconds": run["seconds"], "cpu_seconds": run["cpu_seconds"], "peak_mb": run["peak_mb"],
            "parent_peak_mb": run["parent_peak_mb"],
            "output_kb": folder_kb(output), "pages": sum(1 for _ in output.rglob("*.html"))}


def serve(site: Path):
    handler = functools.partial(search_bench.GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _search_request(url: str) -> bool:
    """Search code and data: our scripts and index parts, Pagefind's JS, WASM, index and fragments."""
    path = url.split("?")[0]
    return "/pagefind/" in path or path.endswith((".js", ".mjs", ".json", ".wasm"))


def search_bytes(site: Path, query: str) -> dict:
    """Bytes of search code and data (JS, JSON, WASM; gzip as served) transferred before the first
    result: ours and Pagefind's.

    Counted from the browser's network log – Playwright's context-level `requestfinished` events,
    which include what Web Workers fetch (Pagefind 1.5 loads its WASM and index chunks in one) – and
    each response's encoded body size. The page's Performance API, used before, sees no worker
    requests, so it missed Pagefind's WASM and index chunk. For our page the full text is held back
    until the first result is on screen, so everything counted is what that result needed.
    """
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

            def counted(start, probe):
                context = browser.new_context()
                finished = []
                context.on("requestfinished", lambda request: finished.append(request))
                page = context.new_page()
                held = []
                if probe is None:
                    context.route("**/suche/volltext.json", lambda route: held.append(route))
                    page.add_init_script(search_bench.FIRST_RESULT_SCRIPT)
                    page.goto(start)
                    page.wait_for_function("() => window.__bench && window.__bench.first", timeout=120_000)
                else:
                    page.goto(start)
                    page.wait_for_function("() => window.__pagefind", timeout=120_000)
                page.wait_for_timeout(200)  # let the last finished events arrive
                requests = [(request.url, request.sizes()["responseBodySize"]) for request in finished
                            if _search_request(request.url)]
                result = page.evaluate("() => window.__pagefind || null")
                for route in held:
                    route.continue_()
                context.close()
                return sum(size for _, size in requests), requests, result

            ours, our_requests, _ = counted(f"{url}/suche/?q={query.replace(' ', '+')}", None)
            theirs, their_requests, probe = counted(f"{url}/pagefind-probe.html", True)
            browser.close()
    finally:
        server.shutdown()
    return {"ours_bytes": ours, "pagefind_bytes": theirs, "pagefind_results": probe["count"],
            "ours_requests": [[u.split("/", 3)[-1], b] for u, b in our_requests],
            "pagefind_requests": [[u.split("/", 3)[-1], b] for u, b in their_requests],
            "ratio_ours_to_pagefind": round(ours / theirs, 2) if theirs else None}


def pagefind_index(site: Path, work: Path, query: str) -> dict:
    copy = work / "pagefind-site"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy)
    run = timed([PY, "-m", "pagefind", "--site", str(copy), "--force-language", "de"])
    (copy / "pagefind-probe.html").write_text(PAGEFIND_PROBE % json.dumps(query), encoding="utf-8")
    result = {"index_seconds": run["seconds"], "index_kb": folder_kb(copy / "pagefind")}
    result.update(search_bytes(copy, query))
    return result


PROFILED = (  # (label, where the function is defined): the pipeline's parts, as cProfile sees them
    ("lesen und prüfen (read_sources)", "plugins/read/__init__.py", "read_sources"),
    ("ableiten (derive)", "plugins/derive/__init__.py", "derive"),
    ("  davon Suchindex", "plugins/derive/__init__.py", "_search_files"),
    ("  davon ähnliche Maßnahmen", "plugins/derive/related.py", "related_measures"),
    ("darstellen (present)", "plugins/present/__init__.py", "present"),
    ("Seiten rendern und schreiben", "plugins/publish/pages.py", "write_page"),
    ("  davon Jinja-Templates", "jinja2/environment.py", "render"),
    ("  davon Abkürzungen markieren", "plugins/present/abbreviations.py", "__call__"),
    ("Excel-Dateien", "plugins/publish/xlsx.py", "site_workbooks"),
    ("JSON, CSV, Schemata", "plugins/publish/exports.py", "export_files"),
    ("Module laden (import)", "<frozen importlib._bootstrap>", "_find_and_load"),
)


def profile(content: Path, work: Path) -> list:
    """Where the time goes: one build on one core under cProfile (times inflated by the profiler; compare shares)."""
    import pstats

    stats_file, output = work / "build.prof", work / "profile-out"
    shutil.rmtree(output, ignore_errors=True)
    subprocess.run([PY, "-m", "cProfile", "-o", str(stats_file), "-m", "plugins.build", "--settings", "pelicanconf.py",
                    "--content", str(content), "--output", str(output)], cwd=ROOT, check=True, capture_output=True,
                   env={**os.environ, "PRAXISKATALOG_EIN_KERN": "1"})
    stats = pstats.Stats(str(stats_file)).stats
    total = max(entry[3] for entry in stats.values())
    rows = []
    for label, file, function in PROFILED:
        seconds = sum(entry[3] for (path, _, name), entry in stats.items() if path.endswith(file) and name == function)
        rows.append([label, round(seconds, 2), round(100 * seconds / total)])
    return [["ganzer Build", round(total, 2), 100], *rows]


def one_process_floors(content: Path, output: Path) -> dict:
    """What one process needs: Pelican and the read stage loaded; the catalogue read and checked
    (tests/bench/read_only.py); and the whole build on one core (PRAXISKATALOG_EIN_KERN=1), nothing forked.
    The first two are floors for the memory target; the last shows what the second core buys."""
    read = timed_python(["tests.bench.read_only", "--content", str(content)], sample_memory=True)
    held, loaded = map(int, re.search(r"PSS (\d+) kB, mit den geladenen Modulen allein (\d+) kB", read["stdout"]).groups())
    shutil.rmtree(output, ignore_errors=True)
    one = timed_python(["plugins.build", "--settings", "pelicanconf.py", "--content", str(content), "--output", str(output)],
                       sample_memory=True, env={"PRAXISKATALOG_EIN_KERN": "1"})
    return {"modules_mb": round(loaded / 1024), "read_mb": round(max(held / 1024, read["peak_mb"])),
            "one_core": {"seconds": one["seconds"], "cpu_seconds": one["cpu_seconds"], "peak_mb": one["peak_mb"]}}


def bench(sizes, work: Path, browser: bool) -> dict:
    report = {"machine": {"cores": os.cpu_count(), "load_average_start": round(os.getloadavg()[0], 1)}, "sizes": {}}
    for size in sizes:
        content = ROOT / "content" if size == "real" else generate(int(size), work / f"content-{size}")
        output = work / f"out-{size}"
        load = round(os.getloadavg()[0], 1)
        pairs = []
        for _ in range(PAIRS if size != "real" else 1):  # alternating, cold: no output left by an earlier build
            shutil.rmtree(output, ignore_errors=True)
            ours = timed_python(["plugins.build", "--settings", "pelicanconf.py", "--content", str(content),
                                 "--output", str(output), "--zeiten"])
            pairs.append((ours, bare_build(content, work)))
        pairs.sort(key=lambda pair: pair[0]["seconds"] / pair[1]["seconds"])
        ours, bare = pairs[len(pairs) // 2]  # the median pair
        # Memory in runs of its own: the sampler costs the measured build CPU time (timed_python).
        shutil.rmtree(output, ignore_errors=True)
        ours["peak_mb"] = timed_python(["plugins.build", "--settings", "pelicanconf.py", "--content", str(content),
                                        "--output", str(output)], sample_memory=True)["peak_mb"]
        bare = {**bare, "peak_mb": bare_build(content, work, sample_memory=True)["peak_mb"]}
        floors = one_process_floors(content, output)
        stages = re.search(r"^Zeiten: (.*)$", ours["stderr"], re.M)
        index = {p.name: {"raw_kb": round(p.stat().st_size / 1024), "gzip_kb": round(gz(p.read_bytes()) / 1024)}
                 for p in sorted((output / "suche").glob("*.json"))}
        entry = {
            "records": sum(1 for folder in ("measures", "programmes", "regions") for _ in (content / folder).rglob("*.md")),
            "load_average": load,
            "build": {"seconds": ours["seconds"], "cpu_seconds": ours["cpu_seconds"], "peak_mb": ours["peak_mb"],
                      "parent_peak_mb": ours["parent_peak_mb"],
                      "output_kb": folder_kb(output),
                      "pages": sum(1 for _ in output.rglob("*.html")), "summary": ours["stdout"].strip()},
            "bare_pelican": bare,
            "plugins_overhead": round(ours["seconds"] / bare["seconds"] - 1, 2),
            "ratio": round(ours["seconds"] / bare["seconds"], 2),
            "ratios_all_pairs": [round(o["seconds"] / b["seconds"], 2) for o, b in pairs],
            "cpu_ratio": round(ours["cpu_seconds"] / bare["cpu_seconds"], 2),
            "memory_ratio": round(ours["peak_mb"] / bare["peak_mb"], 2),
            "stages": stages.group(1) if stages else "",
            "search_index": index,
            "one_process": floors,
        }
        if size == "1000":
            entry["profile"] = profile(content, work)
        _, index_seconds, _ = search_bench.build_parts(content)  # the index alone, in-process
        entry["search_index_build_s"] = round(index_seconds, 2)
        if size == "real":
            entry["page_weight"] = page_weights(output)
        if browser:
            entry["search_browser"] = search_bench.measure_browser(output)
            if size == "real":
                entry["pagefind"] = pagefind_index(output, work, search_bench.FIRST_QUERY)
        report["sizes"][size] = entry
        print(json.dumps({size: entry}, ensure_ascii=False, indent=1), flush=True)
    return report


def _row(*cells):
    return "| " + " | ".join(str(c) for c in cells) + " |"


def search_goals(sizes: dict) -> list[str]:
    """The search targets (issue 5), each with the figure measured in this run."""
    def verdict(ok):
        return "erreicht" if ok else "nicht erreicht"
    lines = ["Ziele der Suche:", ""]
    real = sizes.get("real")
    if real:
        kb = sum(figures["gzip_kb"] for figures in real["search_index"].values())
        lines.append(f"- echter Katalog: Suchindex höchstens 100 KB gzip – gemessen {kb} KB: {verdict(kb <= 100)}.")
    big = sizes.get("5000", {}).get("search_browser")
    if big:
        first = big["unthrottled"]
        transferred = first["bytes_before_first_result"]
        lines.append(f"- 5.000 Datensätze: höchstens 1,5 MB übertragen bis zu den ersten Treffern – gemessen "
                     f"{transferred / 1e6:.2f} MB: {verdict(transferred <= 1.5e6)}.")
        ms = first["first_results_after_interactive_ms"]
        lines.append(f"- 5.000 Datensätze: erste Treffer höchstens 500 ms nach „interaktiv“ – gemessen {ms} ms ohne "
                     f"Drosselung: {verdict(ms <= 500)} (gedrosselt auf 10 Mbit/s und 40 ms: "
                     f"{big['10 Mbit/s, 40 ms']['first_results_after_interactive_ms']} ms).")
        medians = [f["median_ms"] for f in big["queries"]["queries"].values()]
        medians += [f["median_ms"] for f in big["queries"]["sweep"]["slowest"].values()]
        lines.append(f"- 5.000 Datensätze: eine Abfrage höchstens 20 ms – langsamster Median {max(medians):.1f} ms, "
                     f"langsamster Einzellauf aller Wortanfänge {big['queries']['sweep']['max_ms_once']:.1f} ms: "
                     f"{verdict(max(medians) <= 20)}.")
    return lines


def one_process_section(sizes: dict) -> list[str]:
    """The floors (one_process_floors) beside bare Pelican, and what is left of the memory target after reading."""
    rows = {size: entry for size, entry in sizes.items() if entry.get("one_process")}
    if not rows:
        return []
    lines = ["", "## Ein Prozess: Untergrenzen", "",
             "Derselbe Inhalt in einem einzigen Prozess (`tests/bench/read_only.py`; der ganze Build mit "
             "`PRAXISKATALOG_EIN_KERN=1`, nichts abgespalten), Spitzenspeicher als PSS wie oben. „Gelesen“: Pelican und die "
             "Lese-Stufe geladen, alle Datensätze gelesen, geprüft und als Katalog gehalten – noch nichts abgeleitet, "
             "keine Seite gerendert. Was der Build danach tut, kommt hinzu; ein zweiter Prozess kopiert, was er berührt.",
             "", _row("Umfang", "Module geladen (MB)", "gelesen (MB)", "gelesen / reiner Pelican ganz",
                      "Rest bis 2× (MB)", "ein Kern: Zeit / CPU (s)", "ein Kern: Speicher (MB)",
                      "ein Kern / rein: Zeit, Speicher", "zwei Kerne: Zeit / ein Kern"),
             _row(*["---"] * 9)]
    for size, entry in rows.items():
        floor, bare, one = entry["one_process"], entry["bare_pelican"], entry["one_process"]["one_core"]
        lines.append(_row(size, floor["modules_mb"], floor["read_mb"], f"{floor['read_mb'] / bare['peak_mb']:.2f}×",
                          round(GOALS["peak_memory_ratio"] * bare["peak_mb"] - floor["read_mb"]),
                          f"{one['seconds']} / {one['cpu_seconds']}", one["peak_mb"],
                          f"{one['seconds'] / bare['seconds']:.2f}×, {one['peak_mb'] / bare['peak_mb']:.2f}×",
                          f"{entry['build']['seconds'] / one['seconds']:.2f}"))
    return lines


def markdown(report: dict) -> str:
    sizes = report["sizes"]
    lines = ["# Benchmark", "",
             "Erzeugt von `make bench` (`tests/bench/bench.py`); alle Zahlen stammen aus einem Lauf auf derselben Maschine,",
             f"{report['machine']['cores']} Kerne. Zeiten schwanken mit der Last (Lastmittel in der Tabelle); Größen nicht.",
             "Die Vergleichswerte (reiner Pelican-Build, Pagefind) wurden im selben Lauf gemessen.", "",
             "## Build", "",
             _row("Umfang", "Datensätze", "unser Build (s)", "reiner Pelican (s)", "Verhältnis (Median)",
                  "alle Paare", "CPU unser / rein (s)", "Spitzenspeicher unser / rein (MB)",
                  "größter Einzelprozess unser / rein (MB)", "Ausgabe (KB)", "Seiten", "Lastmittel"),
             _row(*["---"] * 12)]
    for size, entry in sizes.items():
        lines.append(_row(size, entry["records"], entry["build"]["seconds"], entry["bare_pelican"]["seconds"],
                          f"{entry['ratio']:.2f}×", " / ".join(f"{r:.2f}" for r in entry["ratios_all_pairs"]),
                          f"{entry['build']['cpu_seconds']} / {entry['bare_pelican']['cpu_seconds']}",
                          f"{entry['build']['peak_mb']} / {entry['bare_pelican']['peak_mb']}",
                          f"{entry['build'].get('parent_peak_mb', '–')} / {entry['bare_pelican'].get('parent_peak_mb', '–')}",
                          entry["build"]["output_kb"], entry["build"]["pages"], entry["load_average"]))
    lines += ["", "Spitzenspeicher: die größte Summe der PSS (proportionaler Speicher: eigene Seiten plus der Anteil an "
                  "geteilten) über alle Prozesse des Builds, alle 20 ms aus /proc gelesen – die Kindprozesse, die unser "
                  "Build für den zweiten Kern abspaltet, zählen mit. Gemessen in je einem eigenen Lauf nach den Zeitpaaren: "
                  "Das Abtasten kostet Rechenzeit (bei einem großen Prozess Millisekunden je Lesen), die unserem Build auf "
                  "zwei Kernen fehlt, dem reinen Pelican auf einem Kern kaum – die Zeiten stammen deshalb aus Läufen ohne "
                  "Abtasten. „Größter Einzelprozess“ ist ru_maxrss (der Hauptprozess des Builds); so etwas stand bis "
                  "Dezember 2026 hier und ließ die Kindprozesse aus."]
    for size in ("1000", "5000"):
        entry = sizes.get(size)
        if entry:
            met = entry["ratio"] <= GOALS["build_ratio"]
            memory = entry["memory_ratio"] <= GOALS["peak_memory_ratio"]
            lines += ["", f"Ziel bei {size} Datensätzen: höchstens das 1,5-Fache des reinen Pelican-Builds – gemessen "
                          f"{entry['ratio']:.2f}× (Median aus {len(entry['ratios_all_pairs'])} abwechselnden Paaren): "
                          f"{'erreicht' if met else 'nicht erreicht'}; Spitzenspeicher höchstens das Doppelte – "
                          f"{entry['memory_ratio']:.2f}×: {'erreicht' if memory else 'nicht erreicht'}."]
    lines += one_process_section(sizes)
    lines += ["", "## Wohin die Zeit geht", "",
              "Dauer der Stufen im gemessenen Build (`python -m plugins.build --zeiten`; „übrige“: Start, Pelicans eigene",
              "Generatoren, Aufräumen des Ausgabeordners, Schlusszeile). Lesen, Ableiten und Veröffentlichen nutzen",
              "beide Kerne (plugins/concurrency.py).", "", _row("Umfang", "Stufen"), _row("---", "---")]
    for size, entry in sizes.items():
        lines.append(_row(size, entry.get("stages", "")))
    for size, entry in sizes.items():
        if entry.get("profile"):
            lines += ["", f"Profil bei {size} Datensätzen: ein Build auf einem Kern unter cProfile "
                          "(`PRAXISKATALOG_EIN_KERN=1 python -m cProfile -m plugins.build …`; der Profiler verlangsamt, "
                          "die Anteile zählen).", "", _row("Teil", "Sekunden", "Anteil"), _row("---", "---", "---")]
            lines += [_row(label, seconds, f"{share} %") for label, seconds, share in entry["profile"]]
    lines += ["", "## Suchindex", "", _row("Umfang", "Datei", "roh (KB)", "gzip (KB)"), _row(*["---"] * 4)]
    for size, entry in sizes.items():
        for name, figures in entry["search_index"].items():
            lines.append(_row(size, name, figures["raw_kb"], figures["gzip_kb"]))
    lines += ["", "Bauzeit des Suchindex allein (lunr.py, beide Teile, im selben Prozess gemessen): " + ", ".join(
        f"{size} {entry['search_index_build_s']} s" for size, entry in sizes.items() if "search_index_build_s" in entry) + "."]
    real = sizes.get("real", {})
    if real.get("page_weight"):
        lines += ["", "## Seitengewicht (HTML + CSS + JS, gzip, ohne Suchindex)", "",
                  _row("Seitentyp", "HTML (KB)", "gesamt (KB)", "Dateien"), _row(*["---"] * 4)]
        for name, weight in real["page_weight"].items():
            lines.append(_row(name, weight["html_gzip_kb"], weight["total_gzip_kb"], weight["files"]))
        measure = real["page_weight"].get("Maßnahme", {}).get("total_gzip_kb")
        if measure is not None:
            lines += ["", f"Ziel: eine Maßnahmenseite wiegt höchstens 30 KB gzip – gemessen {measure} KB: "
                          f"{'erreicht' if measure <= GOALS['measure_page_gzip_kb'] else 'nicht erreicht'}."]
    if any("search_browser" in entry for entry in sizes.values()):
        lines += ["", "## Suche im Browser (headless Chromium, gzip von localhost)", "",
                  _row("Umfang", "Profil", "erste Treffer nach interaktiv (ms)", "Volltext fertig (ms)",
                       "übertragen bis erste Treffer (Bytes)"), _row(*["---"] * 5)]
        for size, entry in sizes.items():
            for profile, figures in entry.get("search_browser", {}).items():
                if profile == "queries":
                    continue
                lines.append(_row(size, profile, figures["first_results_after_interactive_ms"],
                                  figures["full_text_after_interactive_ms"], figures["bytes_before_first_result"]))
        lines += ["", _row("Umfang", "Abfrage", "Median (ms)", "Treffer"), _row(*["---"] * 4)]
        for size, entry in sizes.items():
            for query, figures in entry.get("search_browser", {}).get("queries", {}).get("queries", {}).items():
                lines.append(_row(size, query, round(figures["median_ms"], 1), figures["results"]))
        lines += ["", "Alle dreibuchstabigen Wortanfänge des Kernindex, je einmal gesucht (die breitesten Abfragen, die es gibt):", "",
                  _row("Umfang", "Wortanfänge", "langsamster einmal (ms)", "95. Perzentil (ms)", "langsamste fünf: Median (ms), Treffer"),
                  _row(*["---"] * 5)]
        for size, entry in sizes.items():
            sweep = entry.get("search_browser", {}).get("queries", {}).get("sweep")
            if sweep:
                slowest = ", ".join(f"{q} {round(f['median_ms'], 1)} ({f['results']})" for q, f in sweep["slowest"].items())
                lines.append(_row(size, sweep["prefixes"], round(sweep["max_ms_once"], 1), round(sweep["p95_ms_once"], 1), slowest))
        lines += ["", *search_goals(sizes)]
    pagefind = real.get("pagefind")
    if pagefind:
        lines += ["", "## Vergleich mit Pagefind (echter Katalog, gleiche Abfrage)", "",
                  f"- Pagefind-Index: {pagefind['index_kb']} KB in {pagefind['index_seconds']} s",
                  f"- Suchcode und -daten bis zum ersten Treffer: unsere Suche {pagefind['ours_bytes']} Bytes, "
                  f"Pagefind {pagefind['pagefind_bytes']} Bytes (Verhältnis {pagefind['ratio_ours_to_pagefind']})",
                  f"- Ziel: höchstens die Hälfte von Pagefinds Bytes – {'erreicht' if (pagefind['ratio_ours_to_pagefind'] or 9) <= 0.5 else 'nicht erreicht'}."]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Misst Build, Größen und Suche; schreibt docs/benchmark.*")
    parser.add_argument("--sizes", default="real,1000,5000")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--work", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-"))
    work.mkdir(parents=True, exist_ok=True)
    report = bench(args.sizes.split(","), work, not args.skip_browser)
    (args.out / "benchmark.json").write_text(json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                             encoding="utf-8")
    (args.out / "benchmark.md").write_text(markdown(report), encoding="utf-8")
    print(f"geschrieben: {args.out / 'benchmark.md'}, {args.out / 'benchmark.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
