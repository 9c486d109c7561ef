"""`python -m tests.bench.related_bench DIR [DIR ...]`: cost and quality of the related-measures step.

Synthetic folders of any size come from `python -m tests.bench.synthetic 5000 /tmp/syn-5000`.
Reading and checking the records is not timed; the figures are the related step alone, as CPU
time of this process (steadier than wall-clock time on a busy machine), and per measure, which
stays flat when the cost grows linearly. With --exact-up-to N, folders of at most N measures are
also compared pair by pair, to report how much of the exact similarity the bounded search keeps.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from plugins.derive.related import related_measures  # noqa: E402
from plugins.read.model import build_catalogue  # noqa: E402
from plugins.read.validate import check_tree  # noqa: E402


def _top3(result) -> float:
    return sum(sum(item.score for item in items[:3]) for items in result.values())


def measure(content: Path, repeat: int, exact_up_to: int) -> dict:
    raws, errors, _ = check_tree(content)
    if errors:
        raise SystemExit(f"{content}: {len(errors)} Fehler in den Datensätzen; erst `python -m plugins.validate` ausführen")
    measures = build_catalogue(raws).measures
    cpu, wall = [], []
    for _ in range(repeat):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        result = related_measures(measures)
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    shown = [len(items) for items in result.values()]
    mutual = sum(1 for slug, items in result.items() for item in items
                 if any(back.record.slug == slug for back in result[item.record.slug]))
    row = {"measures": len(measures), "cpu_s": min(cpu), "wall_s": min(wall),
           "per_measure_ms": 1000 * min(cpu) / max(len(measures), 1),
           "shown_avg": sum(shown) / max(len(shown), 1), "mutual_share": mutual / max(sum(shown), 1), "kept": None}
    if len(measures) <= exact_up_to:
        exact = related_measures(measures, exact=True)
        row["kept"] = _top3(result) / _top3(exact) if _top3(exact) else 1.0
    return row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="related-bench", description="Misst die Berechnung ähnlicher Maßnahmen.")
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--exact-up-to", type=int, default=0, help="bis zu dieser Größe auch exakt vergleichen")
    args = parser.parse_args(argv)
    print("| Maßnahmen | CPU-Zeit (s) | Wanduhr (s) | je Maßnahme (ms CPU) | gezeigt je Seite | gegenseitig | Ähnlichkeit der ersten 3 ggü. exakt |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for folder in args.folders:
        row = measure(folder, args.repeat, args.exact_up_to)
        kept = f"{row['kept']:.1%}" if row["kept"] is not None else "–"
        print(f"| {row['measures']} | {row['cpu_s']:.2f} | {row['wall_s']:.2f} | {row['per_measure_ms']:.2f} "
              f"| {row['shown_avg']:.1f} | {row['mutual_share']:.0%} | {kept} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
