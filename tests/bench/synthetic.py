"""Synthetic but valid record files for benchmarks: `python -m tests.bench.synthetic 5000 /tmp/content`.

Field values come from the schema's vocabularies; the prose is drawn from the words of the real
catalogue (so German stems, word lengths and word frequencies look like the real thing) plus
made-up place and project names, so the vocabulary keeps growing with the number of records as
it does in real text. The same count and seed always give the same files.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
REAL_CONTENT = ROOT / "content"
RECORD_LINK = re.compile(r"^ +record: .*\n", re.MULTILINE)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from plugins.read import schema  # noqa: E402

WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}")
SYLLABLES = ["al", "ber", "burg", "dorf", "en", "feld", "gen", "hau", "heim", "kir", "lan", "markt",
             "mer", "neu", "ra", "sen", "stadt", "tal", "wal", "wer", "zell", "bach", "ro", "lin"]
LEGAL = ["§ 16 SGB II", "§ 16a SGB II", "§ 16c SGB II", "§ 16d SGB II", "§ 16e SGB II", "§ 16f SGB II",
         "§ 16h SGB II", "§ 16i SGB II", "§ 45 SGB III", "§ 81 SGB III", "§ 44 SGB III", "§ 11 SGB XII"]
WORDS_PER_RECORD = 310  # the probe figure for a full-text record


def _vocabulary(name):
    return [entry["const"] for entry in schema.vocabulary(name)]


def corpus_words(content: Path = ROOT / "content") -> list[str]:
    """Every word of the real records, in file order (repeats kept: they carry the frequencies)."""
    words = []
    for file in sorted(content.rglob("*.md")):
        words += WORD.findall(file.read_text(encoding="utf-8"))
    return words or ["Maßnahme", "Beratung", "Jobcenter", "Teilnehmende", "Arbeit"]


class Generator:
    def __init__(self, seed: int = 2013):
        self.random = random.Random(seed)
        self.words = corpus_words()
        self.states = [s for s in _vocabulary("state") if s != "bundesweit"]
        self.target_groups = _vocabulary("target_group")
        self.principles = _vocabulary("principle")
        self.measure_types = _vocabulary("measure_type")
        self.implementation_types = _vocabulary("implementation_type")
        self.funding_sources = _vocabulary("funding_source")

    def place(self) -> str:
        count = self.random.randint(2, 3)
        return "".join(self.random.choice(SYLLABLES) for _ in range(count)).capitalize()

    def coined(self) -> str:
        """A made-up project word, as real catalogues are full of them (AQTIV, JuMiTa, …)."""
        return self.random.choice(self.words)[:4].capitalize() + self.random.choice(SYLLABLES)

    def sentence(self, length: int) -> str:
        words = [self.random.choice(self.words) for _ in range(length)]
        if self.random.random() < 0.3:
            words[self.random.randrange(length)] = self.place()
        return " ".join(words).capitalize() + "."

    def prose(self, words: int) -> str:
        sentences, left = [], words
        while left > 0:
            length = min(left, self.random.randint(8, 18))
            sentences.append(self.sentence(length))
            left -= length
        return " ".join(sentences)

    def sample(self, values, low, high):
        return self.random.sample(values, self.random.randint(low, high))

    def programme(self, number: int) -> tuple[str, dict, str]:
        slug = f"synthetisches-programm-{number}"
        data = {
            "title": f"Programm {self.coined()} {number}",
            "summary": self.prose(40),
            "level": "land",
            "provider": {"institution": f"Ministerium für Arbeit {self.place()}", "kind": "land"},
            "state": self.random.choice(self.states),
            "as_of": str(self.random.randint(2001, 2020)),
            "source": {"document": "st-kooperationsvereinbarung-2014", "section": f"Abschnitt {number}"},
        }
        return slug, data, self.prose(80)

    def measure(self, number: int, programmes: list[str]) -> tuple[str, dict, str]:
        place = self.place()
        coined = self.coined()
        slug = f"synthetische-massnahme-{number}"
        start = self.random.randint(2001, 2020)
        data = {
            "title": f"{coined}: {self.sentence(self.random.randint(3, 7))[:-1]}",
            "short_name": coined,
            "summary": self.prose(60),
            "provider": {"institution": f"Jobcenter {place}",
                         "kind": self.random.choice(["gemeinsame-einrichtung", "zugelassener-kommunaler-traeger"])},
            "state": self.random.choice(self.states),
            "region": f"Landkreis {place}",
            "target_groups": self.sample(self.target_groups, 1, 3),
            "principles": self.sample(self.principles, 1, 3),
            "measure_type": self.random.choice(self.measure_types),
            "legal_basis": self.sample(LEGAL, 1, 2),
            "implementation_type": self.sample(self.implementation_types, 1, 2),
            "funding_sources": self.sample(self.funding_sources, 1, 2),
            "period": {"start": str(start), "end": str(start + self.random.randint(1, 4))},
            "as_of": str(start + 1),
            "cost_per_participant": [{"amount": self.random.randrange(300, 25000, 50), "currency": "EUR",
                                      "per": "participation", "basis": "stated", "year": start}],
            "evaluation": {"kind": self.random.choice(["none", "pending", "monitoring", "comparison", "external"])},
            "keywords": sorted({coined, *(self.random.choice(self.words) for _ in range(4))}),
            "source": {"document": "bla-sgb2-2013", "pages": [self.random.randint(1, 200)],
                       "section": f"Teil 2: {coined}"},
        }
        if programmes and self.random.random() < 0.3:
            data["programme"] = self.random.choice(programmes)
        used = len(data["title"].split()) + 60 + len(data["keywords"])
        body_words = max(WORDS_PER_RECORD - used, 60)
        third = body_words // 3
        body = (f"## Ziel\n\n{self.prose(third)}\n\n## Vorgehen\n\n{self.prose(third)}\n\n"
                f"## Ergebnisse\n\n{self.prose(body_words - 2 * third)}\n")
        return slug, data, body


def _write(path: Path, data: dict, body: str):
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def generate(count: int, target: Path, seed: int = 2013) -> Path:
    """Write `count` measures (and one programme per 50 measures) into target/measures, target/programmes.

    The glossary and the static pages are copied from content/: the real site always has them, and
    marking abbreviations on every page is part of what a build costs.
    """
    generator = Generator(seed)
    if target.exists():
        shutil.rmtree(target)
    (target / "measures").mkdir(parents=True)
    (target / "programmes").mkdir()
    # Without the links from names to real records, which the synthetic catalogue does not have.
    glossary = (REAL_CONTENT / "glossary.yaml").read_text(encoding="utf-8")
    (target / "glossary.yaml").write_text(RECORD_LINK.sub("", glossary), encoding="utf-8")
    shutil.copytree(REAL_CONTENT / "pages", target / "pages")
    programmes = []
    for number in range(1, count // 50 + 2):
        slug, data, body = generator.programme(number)
        _write(target / "programmes" / f"{slug}.md", data, body)
        programmes.append(slug)
    for number in range(1, count + 1):
        slug, data, body = generator.measure(number, programmes)
        _write(target / "measures" / f"{slug}.md", data, body)
    return target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Erzeugt gültige synthetische Einträge für Messungen.")
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=2013)
    args = parser.parse_args(argv)
    generate(args.count, args.target, args.seed)
    print(f"{args.count} Maßnahmen in {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
