"""Related measures in words: one line naming what a measure shares with another."""

from __future__ import annotations

from dataclasses import dataclass

from plugins.read import schema

NAMES = {"tg": ("gleiche Zielgruppe", "gleiche Zielgruppen"), "pr": ("gleiches Handlungsfeld", "gleiche Handlungsfelder"),
         "lb": ("gleiche Rechtsgrundlage", "gleiche Rechtsgrundlagen")}
FIELDS = {"tg": "target_groups", "pr": "principles"}


@dataclass(frozen=True)
class RelatedText:
    record: object
    score: float
    reason: str  # e.g. "gleiche Zielgruppe: Alleinerziehende; ähnliche Beschreibung: Coaching"


def reason_text(reason) -> str:
    pieces = []
    for part, values in reason:
        if part == "text":
            pieces.append("ähnliche Beschreibung: " + ", ".join(values))
            continue
        labels = schema.labels_at("measure", (FIELDS[part],)) if part in FIELDS else {}
        names = [labels.get(value, value) for value in values]
        singular, plural = NAMES[part]
        pieces.append(f"{plural if len(names) > 1 else singular}: {', '.join(names)}")
    return "; ".join(pieces)


def related_texts(related) -> dict:
    """slug -> [RelatedText] for every measure's "Ähnliche Maßnahmen"."""
    return {slug: [RelatedText(item.record, item.score, reason_text(item.reason)) for item in items]
            for slug, items in related.items()}
