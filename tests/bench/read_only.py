"""`python -m tests.bench.read_only --content DIR`: the read stage alone, in one process — a floor for memory.

It loads Pelican and the read stage, reads and checks every record into the catalogue exactly as the build
does (plugins.read.read_sources), then prints its own PSS with the catalogue still held and exits. Whatever
the build derives, presents and writes, and every page a second process copies, comes on top of this; so
`make bench` sets this figure beside bare Pelican's whole build to show how much of the memory target is
left once the catalogue is read.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def own_pss_kb() -> int:
    with open("/proc/self/smaps_rollup") as rollup:
        return next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="read_only", description=__doc__.splitlines()[0])
    parser.add_argument("--content", required=True, help="Inhaltsordner")
    args = parser.parse_args(argv)
    os.environ["PRAXISKATALOG_EIN_KERN"] = "1"  # one process: the floor, without what a second one copies

    import pelican.generators  # noqa: F401 - the build has Pelican loaded while it reads; its modules count
    from pelican.settings import read_settings

    from plugins.derive.search.synonyms import catalogue_vocabulary
    from plugins.read import read_sources
    from plugins.settings import checked_settings

    content = Path(args.content).resolve()
    loaded = own_pss_kb()

    def stop(problems):
        for problem in problems:
            print(problem, file=sys.stderr)
        raise SystemExit(1)

    settings = checked_settings(read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)}), stop)
    sources = read_sources(content, settings, stop, known_terms=catalogue_vocabulary)
    print(f"{len(sources.catalogue.records)} Datensätze gelesen und geprüft; PSS {own_pss_kb()} kB, "
          f"mit den geladenen Modulen allein {loaded} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
