"""Check raw records against their JSON Schema and against each other.

Every problem in every file is collected; nothing is skipped silently. Messages are German
because editors read them; they name the file, the line of the key, the field and what is
expected.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from functools import cache, partial
from pathlib import Path

from plugins.concurrency import EARLY_READING, join_early, on_both_cores
from plugins.read import legal, schema
from plugins.read.builddate import BuildDateError, build_date
from plugins.read.dates import check_dates
from plugins.read.problems import Problem, field_name
from plugins.read.reader import RawRecord, YamlDate, leaves, read_record

YAML_BOOLEAN_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false"}
TYPE_NAMES = {
    "string": "Text",
    "number": "eine Zahl",
    "integer": "eine ganze Zahl",
    "boolean": "true oder false",
    "array": "eine Liste (Zeilen mit „- “)",
    "object": "eine Feldgruppe (eingerückte Zeilen name: wert)",
}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"(?<![\d.,])(?:\+49|0)\d{2,5}\s?[/-]\s?\d{2,}(?:[-\s]\d+)*")
CONTACT_HINT = re.compile(r"@|[+0]\d")  # every e-mail address has an @, every phone number starts with +49 or 0
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def describe(value) -> str:
    if isinstance(value, YamlDate):
        return f"das Datum {value}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nichts (leerer Wert)"
    if isinstance(value, str):
        return f"„{value}“"
    if isinstance(value, list):
        return "eine Liste"
    if isinstance(value, dict):
        return "eine Feldgruppe"
    return str(value)


def _suggest(word, candidates, aliases=None):
    """' (meinten Sie „x“?)' for the closest candidate; aliases map other spellings (German labels) to it."""
    pool = {str(c): str(c) for c in candidates}
    pool.update({alias.casefold(): target for alias, target in (aliases or {}).items()})
    close = difflib.get_close_matches(str(word).casefold(), list(pool), n=1, cutoff=0.6)
    return f" (meinten Sie „{pool[close[0]]}“?)" if close else ""




def _expected_of(node) -> str:
    types = node.get("type")
    if isinstance(types, list):
        return " oder ".join(TYPE_NAMES.get(t, t) for t in types)
    return TYPE_NAMES.get(types, str(types))


def schema_problem(kind: str, raw: RawRecord, error) -> Problem:
    path = tuple(error.absolute_path)
    node = error.schema if isinstance(error.schema, dict) else {}
    value = error.instance
    line = raw.line_of(path)
    name = field_name(path)
    rule = error.validator

    if rule == "required":
        missing = error.message.split("'")[1]
        sub = schema.subschema_at(kind, path) or {}
        title = schema.resolve(sub.get("properties", {}).get(missing, {})).get("title", missing)
        return Problem(raw.path, line, field_name(path + (missing,)), f"Pflichtfeld „{title}“ fehlt")
    if rule == "additionalProperties":
        properties = node.get("properties", {})
        unknown = sorted(set(value) - set(properties))
        key = unknown[0] if unknown else "?"
        titles = {schema.resolve(child).get("title", name): name for name, child in properties.items()}
        hint = _suggest(key, properties, titles) or "; erlaubt sind: " + ", ".join(sorted(properties))
        return Problem(raw.path, raw.line_of(path + (key,)), field_name(path + (key,)), f"unbekanntes Feld{hint}")
    if rule == "type":
        expected = _expected_of(node)
        hint = ""
        raw_text = raw.raw.get(path)
        if isinstance(value, bool) and raw_text is not None and raw_text.lower() in YAML_BOOLEAN_WORDS:
            hint = f" (YAML liest {raw_text} als Wahrheitswert; als Text bitte in Anführungszeichen setzen: \"{raw_text}\")"
        elif node.get("type") in ("number", "integer") and isinstance(value, str):
            hint = " (ohne „ca.“, Einheit oder Tausenderpunkte, z. B. 5250; „ca.“ gehört in approximate: true)"
        elif isinstance(value, (int, float)) and node.get("type") == "string":
            hint = f" (als Text bitte in Anführungszeichen setzen: \"{raw_text or value}\")"
        elif value is None:
            hint = " (das Feld steht da, aber ohne Wert; Wert eintragen oder Zeile löschen)"
        got = "eine Zahl" if isinstance(value, (int, float)) and not isinstance(value, bool) and node.get("type") == "string" else describe(value)
        return Problem(raw.path, line, name, f"erwartet {expected}, gefunden: {got}{hint}")
    if rule == "enum":
        labelled = schema.subschema_at(kind, path) or {}
        entries = labelled.get("oneOf") or [{"const": value} for value in node["enum"]]
        allowed = [entry["const"] for entry in entries]
        labels = {entry.get("title", entry["const"]): entry["const"] for entry in entries}
        hint = _suggest(value, allowed, labels) if isinstance(value, str) else ""
        return Problem(raw.path, line, name, f"{describe(value)} ist kein zulässiger Wert{hint}; erlaubt: {', '.join(allowed)}")
    if rule == "pattern":
        if node.get("x-partial-date"):
            return Problem(raw.path, line, name, f"erwartet ein Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT, gefunden: {describe(value)}")
        return Problem(raw.path, line, name, f"erwartet Kleinbuchstaben, Ziffern und Bindestriche (z. B. bahn-frei), gefunden: {describe(value)}")
    if rule == "minItems":
        return Problem(raw.path, line, name, f"mindestens {error.validator_value} Eintrag/Einträge erwartet")
    if rule == "uniqueItems":
        return Problem(raw.path, line, name, "ein Eintrag kommt doppelt vor")
    if rule == "minLength":
        return Problem(raw.path, line, name, "darf nicht leer sein")
    if rule == "maxLength":
        return Problem(raw.path, line, name, f"zu lang ({len(value)} Zeichen, höchstens {error.validator_value})")
    if rule in ("minimum", "maximum"):
        word = "mindestens" if rule == "minimum" else "höchstens"
        return Problem(raw.path, line, name, f"erwartet {word} {error.validator_value}, gefunden: {describe(value)}")
    return Problem(raw.path, line, name, error.message)


@cache
def _leaf_rule(kind: str, shape: tuple) -> tuple[bool, bool, bool]:
    """(partial date, plain text, legal basis) for the field at a path shape (list positions as 0): the same
    few dozen shapes recur in every record."""
    node = schema.subschema_at(kind, shape) or {}
    return bool(node.get("x-partial-date")), node.get("type") == "string", bool(node.get("x-legal-basis"))


def _normalise(kind: str, raw: RawRecord) -> list[Problem]:
    """Schema-driven clean-up before validation: dates as text, legal bases in canonical form."""
    problems = []

    for path, shape, container, key in leaves(raw.data):  # listed first: only leaves are replaced below
        value = container[key]
        partial, text, legal_basis = _leaf_rule(kind, shape)
        if partial:
            if (isinstance(value, int) and not isinstance(value, bool)) or isinstance(value, YamlDate):
                container[key] = str(value)
        elif isinstance(value, YamlDate) and text:
            problems.append(Problem(raw.path, raw.line_of(path), field_name(path),
                                    f"erwartet Text, gefunden: das Datum {value} (YAML liest es als Datum; "
                                    f"als Text bitte in Anführungszeichen setzen: \"{value}\")"))
        elif legal_basis and isinstance(value, str):
            try:
                container[key] = legal.normalise(value)
            except legal.LegalBasisError as error:
                problems.append(Problem(raw.path, raw.line_of(path), field_name(path), str(error)))
        if isinstance(value, str) and CONTACT_HINT.search(value):
            for pattern, what in ((EMAIL, "E-Mail-Adresse"), (PHONE, "Telefonnummer")):
                if pattern.search(value):
                    problems.append(Problem(raw.path, raw.line_of(path), field_name(path),
                                            f"enthält eine {what}; persönliche Kontaktdaten werden nicht veröffentlicht, "
                                            "bitte nur die Institution nennen"))
    for pattern, what in ((EMAIL, "E-Mail-Adresse"), (PHONE, "Telefonnummer")):
        match = pattern.search(raw.body)
        if match:
            line = raw.body_line + raw.body[: match.start()].count("\n")
            problems.append(Problem(raw.path, line, "(Text)",
                                    f"enthält eine {what}; persönliche Kontaktdaten werden nicht veröffentlicht"))
    return problems


def thin_record_warnings(kind: str, raw: RawRecord) -> list[Problem]:
    """Valid but thin: worth a warning, an error only with --strict. Missing results, costs, legal basis,
    period and an old Stand are the editorial gaps of plugins/derive/editorial_gaps.py (the validator's
    command line adds them; the page /mitmachen/luecken/ lists the same)."""
    data, warnings = raw.data, []
    if kind == "region":
        return warnings
    source = data.get("source") or {}
    paged = {e["const"] for e in schema.vocabulary_entries(("source", "document"), kind) if e.get("x-has-pages")}
    if source.get("document") in paged and not source.get("pages"):
        warnings.append(Problem(raw.path, raw.line_of(("source",)), "source.pages", "keine Seitenangabe zur Quelle", warning=True))
    if not raw.body.strip():
        warnings.append(Problem(raw.path, raw.body_line, "(Text)", "kein Beschreibungstext unter dem Kopfbereich", warning=True))
    return warnings


def check_raw(kind: str, raw: RawRecord, today=None, today_origin: str = "") -> list[Problem]:
    problems = []
    if not SLUG.match(raw.slug):
        problems.append(Problem(raw.path, 1, "(Dateiname)",
                                f"„{raw.slug}“ ist als Dateiname ungeeignet; erwartet Kleinbuchstaben, Ziffern und Bindestriche, z. B. bahn-frei.md"))
    problems += _normalise(kind, raw)
    if not schema.fast_check(kind)(raw.data):
        for error in schema.validator(kind).iter_errors(raw.data):
            problems.append(schema_problem(kind, raw, error))
    problems += check_dates(kind, raw, today, today_origin)
    return problems


def _cross_check(raws: dict) -> list[Problem]:
    problems = []
    seen = {}
    for items in raws.values():
        for raw in items:
            if raw.slug in seen:
                problems.append(Problem(raw.path, 1, "(Dateiname)",
                                        f"Kennung „{raw.slug}“ ist doppelt vergeben, auch in {seen[raw.slug]}; bitte die Datei umbenennen"))
            else:
                seen[raw.slug] = raw.path
    programmes = {raw.slug: raw for raw in raws.get("programme", [])}
    for kind, key in (("measure", "programme"), ("programme", "parent")):
        for raw in raws.get(kind, []):
            target = raw.data.get(key)
            if isinstance(target, str) and target not in programmes:
                problems.append(Problem(raw.path, raw.line_of((key,)), key,
                                        f"Programm „{target}“ gibt es nicht{_suggest(target, programmes)}; "
                                        f"erwartet wird der Dateiname eines Programms in content/programmes/ ohne .md"))
    for raw in raws.get("region", []):
        for index, implementation in enumerate(raw.data.get("implementations") or []):
            target = implementation.get("programme") if isinstance(implementation, dict) else None
            if isinstance(target, str) and target not in programmes:
                path = ("implementations", index, "programme")
                problems.append(Problem(raw.path, raw.line_of(path), field_name(path),
                                        f"Programm „{target}“ gibt es nicht{_suggest(target, programmes)}; "
                                        f"erwartet wird der Dateiname eines Programms in content/programmes/ ohne .md"))
    for raw in raws.get("programme", []):
        chain, current = [raw.slug], programmes.get(raw.data.get("parent"))
        while current is not None:
            if current.slug in chain:
                problems.append(Problem(raw.path, raw.line_of(("parent",)), "parent",
                                        "übergeordnete Programme bilden einen Kreis: " + " → ".join(chain + [current.slug])))
                break
            chain.append(current.slug)
            current = programmes.get(current.data.get("parent"))
    return problems


def record_files(content_root: Path):
    """(kind, file) for every record file, in a stable order."""
    for kind, folder in schema.RECORD_TYPES.items():
        directory = content_root / folder
        if directory.is_dir():
            for file in sorted(directory.rglob("*")):
                if (file.is_symlink() or file.is_file()) and not file.name.startswith("."):
                    yield kind, file


def _check_files(files, display_root: Path, today, today_origin: str, render=None):
    """([(kind, RawRecord)], errors, warnings) for some record files, in their order.

    `render`: also turn each checked body into HTML (raw.body_html), in the same pass.
    """
    checked, errors, warnings = [], [], []
    for kind, file in files:
        try:  # the folder resolved, not the file: a symbolic link is named where it lies
            shown = str((file.parent.resolve() / file.name).relative_to(display_root.resolve()))
        except ValueError:
            shown = str(file)
        if file.is_symlink():
            errors.append(Problem(shown, 1, "(Datei)", "Datei ist eine symbolische Verknüpfung und wird nicht gelesen; "
                                                       "bitte die Datei selbst in den Inhaltsordner legen"))
            continue
        if file.suffix != ".md":
            errors.append(Problem(shown, 1, "(Datei)", "nur Dateien mit der Endung .md gehören in diesen Ordner"))
            continue
        raw, read_problems = read_record(file, shown)
        if read_problems:
            errors += read_problems
            continue
        record_problems = check_raw(kind, raw, today, today_origin)
        errors += record_problems
        if not record_problems:
            warnings += thin_record_warnings(kind, raw)
        raw.file = file
        if not record_problems:
            raw.keep_top_lines()
            if render is not None:
                raw.body_html = render(raw.body)
        checked.append((kind, raw))
    return checked, errors, warnings


PARALLEL_FROM = 200  # below this many files a second process costs more than it saves


def default_display_root(content_root: Path) -> Path:
    """Where messages name files from: the working folder if the content lies inside it, else the content's parent."""
    cwd = Path.cwd()
    return cwd if content_root.resolve().is_relative_to(cwd) else content_root.parent


def _digest(content_root, display_root, today, today_origin, render, files) -> bytes:
    """What the checks of these files are made from, as 32 bytes: an early child's jobs are used only if it matches."""
    made_from = (str(Path(content_root).resolve()), str(Path(display_root).resolve()), str(today), today_origin,
                 f"{render.__module__}.{render.__qualname__}" if render else "", [(kind, str(file)) for kind, file in files])
    return hashlib.sha256(repr(made_from).encode("utf-8")).digest()


def early_reading(content_root: Path, render):
    """(digest, jobs) for the child that `make build` forks before Pelican loads: the same jobs, and the same
    digest, as check_tree(content_root, parallel=True, render=render) makes; None where it cannot tell them."""
    display_root = default_display_root(content_root)
    try:
        today, today_origin = build_date(content_root)
    except BuildDateError:
        return None
    files = list(record_files(content_root))
    return _digest(content_root, display_root, today, today_origin, render, files), \
        _file_jobs(files, display_root, today, today_origin, render)


def _file_jobs(files, display_root, today, today_origin, render) -> list:
    """One job per file: checking it (and rendering its body), as check_tree and an early child share them out."""
    return [partial(_check_files, [file], display_root, today, today_origin, render) for file in files]


def check_tree(content_root: Path, display_root: Path | None = None, strict: bool = False, parallel: bool = False,
               render=None):
    """Read and check every record; return ({kind: [RawRecord]}, errors, warnings).

    `parallel`: the files are shared out between this process and a forked child (plugins/concurrency.py),
    the one `make build` starts before Pelican loads (early_reading) if it is there for these files.
    `render`: a function body -> HTML, applied to every valid record in the same pass (raw.body_html).
    """
    if display_root is None:
        display_root = default_display_root(content_root)
    raws = {kind: [] for kind in schema.RECORD_TYPES}
    errors, warnings = [], []
    try:
        today, today_origin = build_date(content_root)
    except BuildDateError as error:
        today, today_origin = None, ""
        errors.append(Problem("SOURCE_DATE_EPOCH", 1, "(Umgebung)", str(error)))
    files = list(record_files(content_root))
    parts = None
    if parallel:
        jobs = _file_jobs(files, display_root, today, today_origin, render)
        parts = join_early(EARLY_READING, _digest(content_root, display_root, today, today_origin, render, files), jobs)
        if parts is None and len(files) >= PARALLEL_FROM:  # both cores, each taking the next file when free
            for kind in schema.RECORD_TYPES:  # compiled once, before the fork, instead of once in each process
                schema.fast_check(kind)
            parts = on_both_cores(jobs)
    if parts is None:
        parts = [_check_files(files, display_root, today, today_origin, render)]
    for checked, part_errors, part_warnings in parts:
        for kind, raw in checked:
            raws[kind].append(raw)
        errors += part_errors
        warnings += part_warnings
    errors += _cross_check(raws)
    if strict:
        errors += [Problem(w.path, w.line, w.field, w.message) for w in warnings]
        warnings = []
    return raws, sorted(set(errors)), warnings
