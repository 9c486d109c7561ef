"""What a reader sees of the layout, measured in Chromium: horizontal scrolling and words cut without a hyphen."""

from __future__ import annotations

# Every word (a run of letters, at least 4) that the browser set on more than one line. A break inside
# a word is allowed only as hyphenation: under `hyphens: auto` (with lang="de"), in a browser that can
# hyphenate German, or — Debian's Chromium ships no hyphenation dictionaries — where the word is longer
# than the whole line, so that a hyphenating browser would hyphenate it there. A word cut although it
# would fit on a line of its own (`overflow-wrap: anywhere`, squeezed table cells) is always reported.
BROKEN_WORDS = """(canHyphenate) => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const word = /[A-Za-zÄÖÜäöüß0-9]{4,}/g;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !parent.getClientRects().length) continue;
    let clipped = false;  // visually hidden text (1 px wide boxes for screen readers) is not read on screen
    for (let el = parent; el && !clipped; el = el.parentElement) clipped = el.getBoundingClientRect().width <= 2;
    if (clipped) continue;
    const style = getComputedStyle(parent);
    if (style.visibility === "hidden") continue;
    const hyphenates = style.hyphens === "auto" && parent.closest("[lang]")?.lang === "de";
    let block = parent;
    while (block.parentElement && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    const blockStyle = getComputedStyle(block);
    const line = block.clientWidth - parseFloat(blockStyle.paddingLeft) - parseFloat(blockStyle.paddingRight);
    for (const match of node.data.matchAll(word)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const tops = new Set(rects.map((r) => Math.round(r.top)));
      if (tops.size < 2) continue;
      const width = rects.reduce((sum, r) => sum + r.width, 0);
      if (hyphenates && (canHyphenate || width > line - 1)) continue;
      broken.push(match[0]);
    }
  }
  return broken;
}"""

CAN_HYPHENATE = """() => {
  const probe = document.createElement("p");
  probe.lang = "de";
  probe.style.cssText = "width:6rem;hyphens:auto;position:absolute;visibility:hidden";
  probe.textContent = "Langzeitleistungsbeziehende";
  document.body.appendChild(probe);
  const fits = probe.scrollWidth <= probe.clientWidth;
  probe.remove();
  return fits;
}"""

OVERFLOW = """() => {
  const root = document.documentElement;
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right > root.clientWidth + 1 && !el.closest(".table-scroll, [hidden], details:not([open]) > :not(summary)")) {
      wide.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} bis ${Math.round(box.right)} px`);
    }
  }
  return {scroll: root.scrollWidth, client: root.clientWidth, wide: wide.slice(0, 5)};
}"""


def layout_problems(page) -> list[str]:
    """German lines naming horizontal scrolling and cut words on the page as it is shown."""
    problems = []
    overflow = page.evaluate(OVERFLOW)
    if overflow["scroll"] > overflow["client"]:
        problems.append(f"waagerechtes Scrollen: {overflow['scroll']} px Inhalt bei {overflow['client']} px Breite "
                        f"({'; '.join(overflow['wide'])})")
    broken = page.evaluate(BROKEN_WORDS, page.evaluate(CAN_HYPHENATE))
    if broken:
        problems.append(f"Wörter ohne Trennstrich umbrochen: {', '.join(sorted(set(broken))[:8])}")
    return problems
