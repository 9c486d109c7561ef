"""Search benchmark: index size, build time, and in headless Chromium time to first results and query time.

    .venv/bin/python -m tests.bench.search_bench [--sizes real,1000,5000] [--json out.json] [--no-pagefind]

For the real catalogue Pagefind 1.5 indexes the same site and answers the same query; the bytes of
both before their first result are counted from the browser's network log (tests/bench/bench.py's
search_bytes: context-level request events, Web Worker fetches included).

For each size the index parts are built in-process (timed), put into a copy of the real built
site, and served from localhost with gzip, as a static host would serve them. Chromium opens
/suche/?q=… three times unthrottled and three times throttled to 10 Mbit/s with 40 ms latency;
"first results" is the time from DOM interactive to the first result in the list (median), and the
longest main-thread task (PerformanceObserver "longtask") until the full text is in is reported too.
Query time is the median of 7 runs of lib/search-core.js's `search` over both loaded parts, for fixed
queries and for the slowest of a sweep over every three-letter start of a core term (each timed
once, the slowest five again 7 times). The load average is noted before and after each size, since
other work on the machine skews the timings. Figures go to stdout (and JSON).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from plugins.derive.search.aliases import Aliases  # noqa: E402
from plugins.derive.search.index import SearchIndex, dumps, gzip_size  # noqa: E402
from plugins.derive.search.synonyms import Synonyms  # noqa: E402
from plugins.read.glossary import load_glossary  # noqa: E402
from plugins.read.model import build_catalogue  # noqa: E402
from plugins.read.thesaurus import load_thesaurus  # noqa: E402
from plugins.read.validate import check_tree  # noqa: E402
from tests.bench.synthetic import generate  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, run_build  # noqa: E402

QUERIES = ["Teilzeit", "Alleinerziehende Teilzeit", "Projekt", "Förd", "45", "§ 16i", "Jobcenter",
           "Quartiersmanagement", "Gesundheit Hessen", "Jugendliche ohne Abschluss", "Arb", "Ber",
           # issue 15: typos (fuzzy), compounds split at query time, questions, unknown words
           "Langzeitarbeitlose", "Alleinerziehnde", "Quartiersmanagment", "Schuldnerbertung", "Lohnzuschuss",
           "Beratung bei Sucht", "Was hilft Alleinerziehenden bei der Arbeitssuche?", "Zzzzzzzzzz",
           "Qualifizierng Frauen Berlin"]
FIRST_QUERY = "Alleinerziehende Teilzeit"
THROTTLE = {"offline": False, "latency": 40, "downloadThroughput": 10_000_000 / 8, "uploadThroughput": 5_000_000 / 8}
FIRST_RESULT_SCRIPT = """
window.__bench = {tasks: []};
try {
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (task) { window.__bench.tasks.push([task.startTime, task.duration]); });
  }).observe({type: 'longtask', buffered: true});
} catch (error) {}
new MutationObserver(function (_, observer) {
  var list = document.getElementById('search-results');
  if (!list) return;
  if (!window.__bench.first && list.querySelector('li')) window.__bench.first = performance.now();
  if (!window.__bench.complete && list.dataset.complete === 'true') window.__bench.complete = performance.now();
}).observe(document, {subtree: true, childList: true, attributes: true});
"""
QUERY_SCRIPT = """
async ([queries, repeats]) => {
  const PraxisSuche = await import('/theme/js/lib/search-core.js');  // the page's own module instance
  const texts = await Promise.all(['kern', 'volltext'].map(n => fetch('/suche/' + n + '.json').then(r => r.text())));
  let t0 = performance.now();
  const parts = texts.map(t => JSON.parse(t));
  const parseMs = performance.now() - t0;
  t0 = performance.now();
  const indexes = parts.map(p => PraxisSuche.load(p.index));
  const loadMs = performance.now() - t0;
  const median = (q) => {
    const times = [];
    let count = 0;
    for (let i = 0; i < repeats; i++) {
      const s = performance.now();
      count = PraxisSuche.search(indexes, q).results.length;
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    return {median_ms: times[Math.floor(times.length / 2)], results: count};
  };
  const out = {};
  for (const q of queries) out[q] = median(q);
  // Every three-letter start of a core term (letters only), each timed once: the broadest prefixes there are.
  const starts = [...new Set(parts[0].index.terms.filter(t => /^[a-zäöüß]{3}/.test(t)).map(t => t.slice(0, 3)))];
  const sweep = starts.map(q => {
    const s = performance.now();
    const count = PraxisSuche.search(indexes, q).results.length;
    return [performance.now() - s, q, count];
  }).sort((a, b) => b[0] - a[0]);
  const slowest = {};
  for (const [, q] of sweep.slice(0, 5)) slowest[q] = median(q);
  // Typos of every 7th core term of 6+ letters (two letters swapped, last letter wrong): each a word
  // that finds little and goes through the split and fuzzy rules, timed once; the slowest five again.
  const typos = parts[0].index.terms.filter(t => /^[a-z]{6,}$/.test(t)).filter((_, i) => i % 7 === 0)
    .flatMap(t => [t.slice(0, 2) + t[3] + t[2] + t.slice(4), t.slice(0, -1) + 'q']);
  const typoSweep = typos.map(q => {
    const s = performance.now();
    const count = PraxisSuche.search(indexes, q).results.length;
    return [performance.now() - s, q, count];
  }).sort((a, b) => b[0] - a[0]);
  const slowestTypos = {};
  for (const [, q] of typoSweep.slice(0, 5)) slowestTypos[q] = median(q);
  const kernOnly = [indexes[0]];
  const s = performance.now();
  PraxisSuche.search(kernOnly, 'Alleinerziehende Teilzeit');
  return {parse_ms: parseMs, load_ms: loadMs, queries: out, kern_query_ms: performance.now() - s,
          sweep: {prefixes: sweep.length, max_ms_once: sweep.length ? sweep[0][0] : 0,
                  p95_ms_once: sweep.length ? sweep[Math.floor(sweep.length * 0.05)][0] : 0, slowest: slowest},
          typo_sweep: {typos: typoSweep.length, max_ms_once: typoSweep.length ? typoSweep[0][0] : 0,
                       slowest: slowestTypos},
          slowest_median_ms: Math.max(...Object.values(out).concat(Object.values(slowest), Object.values(slowestTypos))
                                          .map(r => r.median_ms))};
}
"""


@functools.lru_cache(maxsize=256)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the browser accepts it, as GitHub Pages and most hosts do.

    Each file is compressed once and then served from memory, as a host or CDN serves a cached
    compressed copy; compressing per request in Python took 70 ms for a 1.5 MB core part and
    300 ms for the full text on the 2-core machine, time no visitor of a static host waits for.
    """

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = _gzipped(str(path), path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)


def build_parts(content: Path) -> tuple[dict, float, int]:
    raws, errors, _ = check_tree(content)
    if errors:
        raise SystemExit(f"{len(errors)} Fehler in {content}")
    catalogue = build_catalogue(raws)
    glossary, _ = load_glossary(content, {record.slug for record in catalogue.records})
    thesaurus, problems = load_thesaurus(content)  # the synthetic catalogues have none
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    started = time.perf_counter()
    parts = SearchIndex(catalogue.records, Aliases(glossary.abbreviations, glossary.name_forms), Synonyms(thesaurus)).build()
    files = {name: dumps(data) for name, data in parts.items()}
    return files, time.perf_counter() - started, len(catalogue.records)


def measure_browser(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    result = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for profile in ("unthrottled", "10 Mbit/s, 40 ms"):
                runs = []
                for _ in range(3):
                    context = browser.new_context()
                    page = context.new_page()
                    if profile != "unthrottled":
                        cdp = context.new_cdp_session(page)
                        cdp.send("Network.enable")
                        cdp.send("Network.emulateNetworkConditions", THROTTLE)
                    page.add_init_script(FIRST_RESULT_SCRIPT)
                    page.goto(f"{url}/suche/?q={FIRST_QUERY.replace(' ', '+')}")
                    page.wait_for_function("() => window.__bench && window.__bench.complete", timeout=120_000)
                    timing = page.evaluate("""() => {
                        const nav = performance.getEntriesByType('navigation')[0];
                        const res = performance.getEntriesByType('resource');
                        const first = window.__bench.first;
                        const size = r => r.encodedBodySize || r.transferSize || 0;
                        return {interactive: nav.domInteractive, first: first, complete: window.__bench.complete,
                                longest: Math.max(0, ...window.__bench.tasks.map(t => t[1])),
                                longest_before_first: Math.max(0, ...window.__bench.tasks.filter(t => t[0] < first).map(t => t[1])),
                                before_first: size(nav) + res.filter(r => r.responseEnd <= first).reduce((s, r) => s + size(r), 0),
                                total: size(nav) + res.reduce((s, r) => s + size(r), 0)};
                    }""")
                    runs.append(timing)
                    context.close()
                result[profile] = {
                    "first_results_after_interactive_ms": round(statistics.median(r["first"] - r["interactive"] for r in runs)),
                    "full_text_after_interactive_ms": round(statistics.median(r["complete"] - r["interactive"] for r in runs)),
                    "longest_main_thread_task_ms": round(max(r["longest"] for r in runs)),
                    "longest_task_before_first_result_ms": round(max(r["longest_before_first"] for r in runs)),
                    "bytes_before_first_result": runs[-1]["before_first"],
                    "bytes_total": runs[-1]["total"],
                }
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{url}/suche/")
            page.wait_for_selector("#search-form")
            result["queries"] = page.evaluate(QUERY_SCRIPT, [QUERIES, 7])
            context.close()
            browser.close()
    finally:
        server.shutdown()
    return result


def bench(sizes, work: Path, pagefind: bool = True) -> dict:
    base = work / "site"
    built = run_build(ROOT / "content", base)
    if built.returncode:
        raise SystemExit(built.stderr)
    report = {}
    for size in sizes:
        content = ROOT / "content" if size == "real" else generate(int(size), work / f"content-{size}")
        files, seconds, records = build_parts(content)
        site = work / f"site-{size}"
        if site.exists():
            shutil.rmtree(site)
        shutil.copytree(base, site)
        for name, data in files.items():
            (site / "suche" / f"{name}.json").write_bytes(data)
        entry = {"records": records, "index_build_s": round(seconds, 2),
                 "files": {f"suche/{name}.json": {"raw_kb": round(len(data) / 1024), "gzip_kb": round(gzip_size(data) / 1024)}
                           for name, data in files.items()}}
        entry["gzip_kb_before_first_result"] = entry["files"]["suche/kern.json"]["gzip_kb"]
        entry["gzip_kb_total"] = sum(f["gzip_kb"] for f in entry["files"].values())
        entry["load_average_before"] = round(os.getloadavg()[0], 1)  # other work on the machine skews timings
        entry["browser"] = measure_browser(site)
        if size == "real" and pagefind:
            from tests.bench.bench import (
                pagefind_index,  # Pagefind on the same site and query, bytes from the network log
            )

            entry["pagefind"] = pagefind_index(site, work, FIRST_QUERY)
        entry["load_average_after"] = round(os.getloadavg()[0], 1)
        report[size] = entry
        print(json.dumps({size: entry}, ensure_ascii=False, indent=1), flush=True)
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Misst Größe und Geschwindigkeit der Suche.")
    parser.add_argument("--sizes", default="real,1000,5000")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--no-pagefind", action="store_true", help="ohne den Vergleich mit Pagefind (echter Katalog)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="search-bench-"))
    report = bench(args.sizes.split(","), work, not args.no_pagefind)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
