"""Chromium screenshots of every page type (tests/page_types.py) at 1280 and 390 px into docs/screenshots/."""

from __future__ import annotations

import functools
import http.server
import io
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.page_types import PAGE_TYPES  # noqa: E402

TARGET = ROOT / "docs" / "screenshots"
WIDTHS = {"1280": (1280, 800), "390": (390, 844)}
COLOURS = 16  # palette size: KERN's few colours plus a few anti-aliasing shades; keeps each file small
SCALE = 0.75  # device pixels per CSS pixel: the layout is that of the full width, the image three quarters as large


def small_png(data: bytes, target: Path) -> None:
    """The screenshot as a palette PNG (Pillow, pinned in requirements-test.txt), without dithering, maximum compression."""
    from PIL import Image

    image = Image.open(io.BytesIO(data)).convert("RGB")
    image.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        target, optimize=True, compress_level=9)


def slug(name: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "-"})
    return name.lower().translate(table)


def main(site: str = "output", full_page: bool = False) -> None:
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(ROOT / site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    TARGET.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        for label, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=SCALE)
            for name, path in sorted(PAGE_TYPES.items()):
                page.goto(base + path, wait_until="networkidle")
                page.evaluate("document.fonts.ready")
                small_png(page.screenshot(full_page=full_page), TARGET / f"{slug(name)}-{label}.png")
            page.close()
        browser.close()
    server.shutdown()
    total = sum(path.stat().st_size for path in TARGET.glob("*.png"))
    print(f"{len(PAGE_TYPES) * len(WIDTHS)} Bildschirmfotos in {TARGET.relative_to(ROOT)}/, zusammen {total / 1024:.0f} KB")


if __name__ == "__main__":
    main(full_page="--full" in sys.argv)
