"""Read and check content/glossary.yaml: the records' YAML reader and message format, a schema of its own."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from plugins.read.alphabet import initial, sort_key
from plugins.read.problems import Problem
from plugins.read.reader import RawRecord, parse_mapping, read_text, shown_path
from plugins.read.slugs import slugify
from plugins.read.validate import field_name, schema_problem

FILE_NAME = "glossary.yaml"
SCHEMA_FILE = Path(__file__).parent / "schema" / "glossary.schema.json"
# Ids the glossary page uses itself; an entry must not take one of them as its anchor.
RESERVED_ANCHORS = {"inhalt", "eigennamen", "glossar-buchstaben"}


@cache
def glossary_schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def anchor_of(term: str) -> str:
    """'SGB II' -> 'sgb-ii', 'Ü50' -> 'ue50', 'i. V. m.' -> 'i-v-m': the entry's id on /glossar/."""
    return slugify(term)


@dataclass(frozen=True)
class Entry:
    term: str
    explanation: str
    long: str = ""
    variants: tuple = ()
    see: tuple = ()

    @property
    def anchor(self) -> str:
        return anchor_of(self.term)

    @property
    def is_abbreviation(self) -> bool:
        """Entries with a long form are abbreviations and get marked up on every page."""
        return bool(self.long)

    @property
    def forms(self) -> tuple:
        return (self.term,) + self.variants


@dataclass(frozen=True)
class Name:
    name: str
    what: str
    record: str = ""
    variants: tuple = ()

    @property
    def forms(self) -> tuple:
        return (self.name,) + self.variants


@dataclass
class Glossary:
    entries: list = field(default_factory=list)  # sorted A–Z
    names: list = field(default_factory=list)  # sorted A–Z

    @property
    def abbreviations(self) -> list:
        return [entry for entry in self.entries if entry.is_abbreviation]

    @property
    def name_forms(self) -> list:
        return [form for name in self.names for form in name.forms]

    def entry(self, term: str):
        return next((entry for entry in self.entries if term in entry.forms), None)

    def sections(self) -> list[dict]:
        """[{letter, entries}] in German alphabetical order, as on the keyword index."""
        sections = {}
        for entry in self.entries:
            sections.setdefault(initial(entry.term), []).append(entry)
        return [{"letter": letter, "entries": sections[letter]}
                for letter in sorted(sections, key=lambda letter: (letter == "#", letter))]


def _read(path: Path, shown: str) -> tuple[RawRecord | None, list[Problem]]:
    """The YAML of the whole file, with a line per key, read as record front matter is read."""
    empty = "die Datei ist leer; erwartet wird „entries:“ mit einer Liste von Einträgen"
    text, problems = read_text(path, shown, empty=empty)
    if problems:
        return None, problems
    return parse_mapping(text, shown, "glossary", 1, empty=empty,
                         not_mapping="erwartet werden Felder der Form name: wert, zuerst „entries:“")


def _schema_problems(raw: RawRecord) -> list[Problem]:
    problems = []
    for error in Draft202012Validator(glossary_schema()).iter_errors(raw.data):
        path = tuple(error.absolute_path)
        if error.validator == "required":
            missing = error.message.split("'")[1]
            title = error.schema.get("properties", {}).get(missing, {}).get("title", missing)
            problems.append(Problem(raw.path, raw.line_of(path), field_name(path + (missing,)), f"Pflichtfeld „{title}“ fehlt"))
        elif error.validator == "minLength" and error.instance.strip():
            problems.append(Problem(raw.path, raw.line_of(path), field_name(path),
                                    f"zu kurz ({len(error.instance)} Zeichen, mindestens {error.validator_value}); "
                                    "bitte in ganzen Sätzen erklären"))
        elif error.validator == "pattern":
            problems.append(Problem(raw.path, raw.line_of(path), field_name(path),
                                    f"erwartet die Kennung eines Datensatzes (Dateiname ohne .md, z. B. bahn-frei), gefunden: „{error.instance}“"))
        else:
            problems.append(schema_problem("glossary", raw, error))  # same wording as for records
    return problems


def _cross_problems(raw: RawRecord, record_slugs) -> list[Problem]:
    """What the schema cannot see: duplicates, anchors, references to entries and records."""
    problems = []

    def report(path, message):
        problems.append(Problem(raw.path, raw.line_of(path), field_name(path), message))

    seen_forms, seen_anchors = {}, {}
    entries = raw.data["entries"]
    for index, entry in enumerate(entries):
        duplicate = False
        for form_index, form in enumerate([entry["term"]] + entry.get("variants", [])):
            path = ("entries", index, "term") if form_index == 0 else ("entries", index, "variants", form_index - 1)
            if form in seen_forms:
                duplicate = True
                report(path, f"„{form}“ steht schon in Eintrag {seen_forms[form] + 1}; jede Schreibweise darf nur einmal vorkommen")
            seen_forms.setdefault(form, index)
        anchor = anchor_of(entry["term"])
        if duplicate:
            pass  # one message per mistake
        elif not anchor or anchor in RESERVED_ANCHORS or anchor.startswith("buchstabe-"):
            report(("entries", index, "term"), f"„{entry['term']}“ ergibt keine brauchbare Sprungmarke; bitte den Begriff anders schreiben")
        elif anchor in seen_anchors and seen_anchors[anchor] != index:
            report(("entries", index, "term"), f"ergibt dieselbe Sprungmarke „#{anchor}“ wie Eintrag {seen_anchors[anchor] + 1}; "
                                               "bitte beide Einträge zusammenfassen")
        seen_anchors.setdefault(anchor, index)
        if entry["term"] != entry["term"].strip() or "  " in entry["term"]:
            report(("entries", index, "term"), "Leerzeichen am Anfang oder Ende oder doppelte Leerzeichen")
    terms = {entry["term"] for entry in entries}
    for index, entry in enumerate(entries):
        for see_index, target in enumerate(entry.get("see", [])):
            if target not in terms:
                report(("entries", index, "see", see_index), f"Eintrag „{target}“ gibt es im Glossar nicht")
    for index, name in enumerate(raw.data.get("names", [])):
        for form_index, form in enumerate([name["name"]] + name.get("variants", [])):
            path = ("names", index, "name") if form_index == 0 else ("names", index, "variants", form_index - 1)
            if form in seen_forms:
                report(path, f"„{form}“ steht schon im Glossar; ein Name steht nur einmal, entweder als Eintrag oder als Eigenname")
            seen_forms.setdefault(form, index)
        if name.get("record") and record_slugs is not None and name["record"] not in record_slugs:
            report(("names", index, "record"), f"Datensatz „{name['record']}“ gibt es nicht; erwartet wird der Dateiname "
                                               "einer Maßnahme oder eines Programms ohne .md")
    return problems


def load_glossary(content_root: Path, record_slugs=None, display_root: Path | None = None):
    """Read and check `<content>/glossary.yaml`; return (Glossary, problems). No file: an empty glossary."""
    path = Path(content_root) / FILE_NAME
    if not path.is_file():
        return Glossary(), []
    shown = shown_path(path, content_root, display_root)
    raw, problems = _read(path, shown)
    if raw is None:
        return Glossary(), problems
    problems = _schema_problems(raw)
    if problems:
        return Glossary(), sorted(set(problems))
    problems = _cross_problems(raw, record_slugs)
    if problems:
        return Glossary(), sorted(set(problems))
    entries = [Entry(e["term"], " ".join(e["explanation"].split()), " ".join(e.get("long", "").split()),
                     tuple(e.get("variants", [])), tuple(e.get("see", []))) for e in raw.data["entries"]]
    names = [Name(n["name"], " ".join(n["what"].split()), n.get("record", ""), tuple(n.get("variants", [])))
             for n in raw.data.get("names", [])]
    return Glossary(sorted(entries, key=lambda e: sort_key(e.term)), sorted(names, key=lambda n: sort_key(n.name))), []
