"""Evidence level 0–3 of a record, derived from its `evaluation` and `results` fields."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Level:
    level: int
    name: str  # "keine Ergebnisse"
    explanation: str  # one sentence for readers

    @property
    def label(self) -> str:
        """'Stufe 0: keine Ergebnisse', for badges, filters and tables."""
        return f"Stufe {self.level}: {self.name}"


LEVELS = (
    Level(0, "keine Ergebnisse",
          "Die Quelle berichtet keine Ergebnisse, oder sie standen zum Stand der Angaben noch aus."),
    Level(1, "eigene Zahlen",
          "Das Jobcenter oder der Träger berichtet eigene Zahlen aus dem laufenden Monitoring, ohne Vergleich."),
    Level(2, "Ergebnisse mit Vergleich",
          "Ergebniszahlen werden einem Vergleich gegenübergestellt, etwa einer Vergleichsgruppe oder dem "
          "Durchschnitt anderer Angebote."),
    Level(3, "externe Evaluation",
          "Eine unabhängige Stelle, etwa ein Forschungsinstitut, hat die Maßnahme ausgewertet."),
)

# evaluation.kind -> level; "none" and "pending" fall through to the results check below.
LEVEL_OF_KIND = {"external": 3, "comparison": 2, "monitoring": 1}


def evidence_level(record) -> int:
    """0 no results, 1 own monitoring figures, 2 outcomes with a comparison, 3 external evaluation."""
    kind = (record.get("evaluation") or {}).get("kind")
    if kind in LEVEL_OF_KIND:
        return LEVEL_OF_KIND[kind]
    if kind is None and any("value" in result for result in record.get("results") or []):
        return 1  # figures without a stated evaluation are the provider's own
    return 0


def level_info(level: int) -> Level:
    return LEVELS[level]


def evidence(record) -> Level:
    """The record's level with its German label and explanation."""
    return LEVELS[evidence_level(record)]
