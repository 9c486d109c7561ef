"""`python -m plugins.serve` (make serve): build, then serve the site and rebuild on every change.

The order an editor needs: the build runs first and ends with our one summary line (the same as
`make build`), and only then the address is printed, so a first request never meets a half-built
site. Each request is one short line ("GET /massnahmen/ 200"); each change of content, theme,
plugins or settings rebuilds in a fresh process (changed plugin code counts too) and prints the
summary line again. A build with errors prints them and keeps serving the last good site.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WATCHED = ("content", "theme", "plugins")


def build(settings: str, output: Path, content: Path | None) -> bool:
    """One build in a subprocess (so edited plugin code is loaded anew); its output goes straight through."""
    command = [sys.executable, "-m", "plugins.build", "--settings", settings, "--output", str(output)]
    if content:
        command += ["--content", str(content)]
    return subprocess.run(command, cwd=ROOT).returncode == 0


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """One short line per request instead of the standard library's address, date and protocol."""

    def log_request(self, code="-", size="-"):
        path = self.path.split("?", 1)[0]
        print(f"{self.command} {path} {code}", flush=True)

    def log_message(self, format, *args):  # errors are already in the request line's status
        pass


def serve(output: Path, host: str, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def watched_paths(content: Path | None, settings: str) -> list[Path]:
    paths = [ROOT / name for name in WATCHED if (ROOT / name).exists()]
    if content:
        paths.append(content.resolve())
    paths += [ROOT / "pelicanconf.py", ROOT / "publishconf.py", Path(settings).resolve()]
    unique = []
    for path in paths:
        if path.exists() and path not in unique and not any(path.is_relative_to(p) for p in unique if p.is_dir()):
            unique.append(path)
    return unique


def _relevant(output: Path):
    output = output.resolve()

    def keep(change, path: str) -> bool:
        name = Path(path)
        if name.is_relative_to(output) or "__pycache__" in name.parts or name.name.startswith("."):
            return False
        return not name.name.endswith(("~", ".swp", ".tmp"))

    return keep


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="serve", description="Baut die Website, zeigt sie an und baut bei Änderungen neu.")
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output")
    parser.add_argument("--content")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    output = Path(args.output).resolve()
    content = Path(args.content).resolve() if args.content else None

    if not build(args.settings, output, content) and not (output / "index.html").exists():
        print("Die Website konnte nicht gebaut werden; bitte die Meldungen oben beheben.", file=sys.stderr)
    output.mkdir(parents=True, exist_ok=True)
    try:
        server = serve(output, args.host, args.port)
    except OSError as error:
        print(f"Port {args.port} ist belegt oder nicht verfügbar ({error.strerror}); "
              f"anderer Port: invoke serve --port 8001", file=sys.stderr)
        return 1
    print(f"Die Website ist unter http://{args.host}:{server.server_address[1]}/ zu sehen "
          "(Strg+C beendet; Änderungen werden neu gebaut).", flush=True)

    from watchfiles import watch

    try:
        for _changes in watch(*watched_paths(content, args.settings), watch_filter=_relevant(output),
                              force_polling=bool(os.environ.get("SERVE_POLLING")), raise_interrupt=False):
            print("Änderung erkannt, baue neu …", flush=True)
            build(args.settings, output, content)
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
