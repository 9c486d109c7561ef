"""The real site's golden manifest: every output file and its sha256.

    .venv/bin/python -m tests.golden.check              # build, compare, list what differs
    .venv/bin/python -m tests.golden.check --regenerate # build and write the manifest anew

A restructure that must not change the site compares against the manifest; a change that alters
the site on purpose regenerates it and names the changed files in its commit.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = Path(__file__).with_name("site.sha256")


def manifest_of(output: Path) -> dict[str, str]:
    return {path.relative_to(output).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(output.rglob("*")) if path.is_file()}


def read_manifest(path: Path = MANIFEST) -> dict[str, str]:
    entries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        entries[name] = digest
    return entries


def write_manifest(entries: dict[str, str], path: Path = MANIFEST) -> None:
    path.write_text("".join(f"{digest}  {name}\n" for name, digest in sorted(entries.items())), encoding="utf-8")


def differences(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    lines = [f"fehlt:    {name}" for name in sorted(expected.keys() - actual.keys())]
    lines += [f"neu:      {name}" for name in sorted(actual.keys() - expected.keys())]
    lines += [f"geändert: {name}" for name in sorted(expected.keys() & actual.keys()) if expected[name] != actual[name]]
    return lines


def build(output: Path) -> None:
    subprocess.run([sys.executable, "-m", "plugins.build", "--settings", "publishconf.py", "--output", str(output)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env={**__import__("os").environ, "SITEURL": ""})


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="golden", description="Vergleicht die gebaute Website mit dem Manifest.")
    parser.add_argument("--regenerate", action="store_true", help="Manifest neu schreiben")
    parser.add_argument("--output", help="schon gebaute Website prüfen statt neu zu bauen")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(args.output) if args.output else Path(tmp) / "site"
        if not args.output:
            build(output)
        actual = manifest_of(output)
    if args.regenerate:
        write_manifest(actual)
        print(f"{MANIFEST.relative_to(ROOT)}: {len(actual)} Dateien geschrieben")
        return 0
    lines = differences(read_manifest(), actual)
    for line in lines:
        print(line)
    print(f"{len(lines)} Abweichungen von {MANIFEST.relative_to(ROOT)} ({len(actual)} Dateien)")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
