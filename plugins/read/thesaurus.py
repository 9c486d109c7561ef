"""Read and check content/thesaurus.yaml: the records' YAML reader and message format, a schema of its own.

The thesaurus maps words staff type (Bürgergeld, Azubi, Ein-Euro-Job) to the catalogue's terms
(SGB II, Auszubildende, Arbeitsgelegenheit); plugins/derive/search/synonyms.py puts the words into
the records at index time. Checked here, besides the schema: a word or spelling used twice, a
catalogue term that no record contains (and that is no other entry's word), and entries that
lead back to themselves through other entries.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from plugins.read.problems import Problem, field_name
from plugins.read.reader import RawRecord, parse_mapping, read_text, shown_path
from plugins.read.validate import schema_problem

FILE_NAME = "thesaurus.yaml"
SCHEMA_FILE = Path(__file__).parent / "schema" / "thesaurus.schema.json"


@cache
def thesaurus_schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Entry:
    term: str
    finds: tuple
    variants: tuple = ()

    @property
    def forms(self) -> tuple:
        return (self.term,) + self.variants


@dataclass
class Thesaurus:
    entries: list = field(default_factory=list)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _schema_problem(raw: RawRecord, error) -> Problem:
    path = tuple(error.absolute_path)
    if error.validator == "required":  # the records' wording, with this schema's titles
        missing = error.message.split("'")[1]
        title = error.schema.get("properties", {}).get(missing, {}).get("title", missing)
        return Problem(raw.path, raw.line_of(path), field_name(path + (missing,)), f"Pflichtfeld „{title}“ fehlt")
    return schema_problem("glossary", raw, error)  # same wording as for records and the glossary


def _cross_problems(raw: RawRecord, known) -> list[Problem]:
    problems = []

    def report(path, message):
        problems.append(Problem(raw.path, raw.line_of(path), field_name(path), message))

    entries = raw.data["entries"]
    seen, terms = {}, {}
    for index, entry in enumerate(entries):
        for form_index, form in enumerate([entry["term"]] + entry.get("variants", [])):
            path = ("entries", index, "term") if form_index == 0 else ("entries", index, "variants", form_index - 1)
            if _key(form) in seen:
                report(path, f"„{form}“ steht schon in Eintrag {seen[_key(form)] + 1}; jedes Suchwort darf nur einmal vorkommen")
            seen.setdefault(_key(form), index)
        terms.setdefault(entry["term"], index)
    for index, entry in enumerate(entries):
        for find_index, target in enumerate(entry["finds"]):
            # An entry's own word among its finds is a catalogue term like any other (it groups spellings).
            if (target not in terms or target == entry["term"]) and known is not None and not known(target):
                report(("entries", index, "finds", find_index),
                       f"„{target}“ kommt in keinem Datensatz vor und ist kein Suchwort des Thesaurus")
    # Cycles: entry -> entries named in its finds -> … -> entry. Reported once, at the entry that closes it.
    reported = set()
    for entry in entries:
        stack, path = [(entry["term"], [entry["term"]])], None
        while stack and path is None:
            term, trail = stack.pop()
            for target in entries[terms[term]]["finds"]:
                if target == entry["term"] and len(trail) > 1:
                    path = trail + [target]
                    break
                if target in terms and target not in trail and target != term:
                    stack.append((target, trail + [target]))
        if path and frozenset(path) not in reported:
            reported.add(frozenset(path))
            last = entries[terms[path[-2]]]
            report(("entries", terms[path[-2]], "finds", last["finds"].index(path[-1])),
                   f"Kreis: {' → '.join(f'„{term}“' for term in path)}; ein Eintrag darf nicht über andere auf sich selbst verweisen")
    return problems


def load_thesaurus(content_root: Path, known=None, display_root: Path | None = None):
    """Read and check `<content>/thesaurus.yaml`; return (Thesaurus, problems). No file: an empty one.
    `known(term)` says whether a record contains a catalogue term; None skips that check."""
    path = Path(content_root) / FILE_NAME
    if not path.is_file():
        return Thesaurus(), []
    shown = shown_path(path, content_root, display_root)
    empty = "die Datei ist leer; erwartet wird „entries:“ mit einer Liste von Einträgen"
    text, problems = read_text(path, shown, empty=empty)
    if problems:
        return Thesaurus(), problems
    raw, problems = parse_mapping(text, shown, "thesaurus", 1, empty=empty,
                                  not_mapping="erwartet werden Felder der Form name: wert, zuerst „entries:“")
    if raw is None:
        return Thesaurus(), problems
    problems = [_schema_problem(raw, error) for error in Draft202012Validator(thesaurus_schema()).iter_errors(raw.data)]
    if not problems:
        problems = _cross_problems(raw, known)
    if problems:
        return Thesaurus(), sorted(set(problems))
    return Thesaurus([Entry(e["term"], tuple(e["finds"]), tuple(e.get("variants", []))) for e in raw.data["entries"]]), []
