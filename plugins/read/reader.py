"""Split a record file into YAML front matter and Markdown body, keeping line numbers.

The YAML is composed into nodes and constructed by hand so that every key keeps the
line it was written on, and so that anchors, aliases, duplicate keys and absurd nesting
are refused instead of expanded.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from plugins.read.problems import Problem, field_name

# libyaml's parser where PyYAML was built with it: the same events and marks, many times faster.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 12
MAX_NODES = 20_000
STR_TAG = "tag:yaml.org,2002:str"


YAML_PROBLEMS = {
    "mapping values are not allowed here": "an dieser Stelle darf kein weiteres „name: wert“ stehen",
    "mapping values are not allowed in this context": "an dieser Stelle darf kein weiteres „name: wert“ stehen",
    "found character that cannot start any token": "ein Zeichen (oft ein Tabulator) darf hier nicht stehen; bitte mit Leerzeichen einrücken",
    "found unexpected end of stream": "ein Anführungszeichen wird nicht geschlossen",
    "found unknown escape character": "unbekannte Escape-Sequenz mit \\ in einem Text in doppelten Anführungszeichen",
    "did not find expected node content": "nach „-“ oder „:“ fehlt ein Wert",
    "could not find expected ':'": "der Doppelpunkt nach dem Feldnamen fehlt",
    "found character '\\t' that cannot start any token": "Tabulator gefunden; bitte mit Leerzeichen einrücken",
    "did not find expected key": "Einrückung passt nicht zu den Zeilen davor",
    "did not find expected '-' indicator": "Einrückung einer Liste passt nicht",
    "found undefined alias": "YAML-Verweise (*) sind nicht erlaubt",
}


def yaml_problem_text(problem: str) -> str:
    return YAML_PROBLEMS.get(problem, problem)


class YamlDate(str):
    """An ISO date string that YAML had resolved to a date; kept as text, remembered as a date."""


@dataclass
class RawRecord:
    path: str  # as shown in messages, relative to the project
    slug: str
    data: dict
    body: str
    lines: dict = field(default_factory=dict)  # field path tuple -> line number in the file
    raw: dict = field(default_factory=dict)  # field path tuple -> scalar text as written
    body_line: int = 1
    file: Path | None = None  # the file read
    body_html: str | None = None  # the body as sanitised HTML, where check_tree was asked to render it

    def keep_top_lines(self) -> None:
        """Once a record is checked, keep only what later messages use: the lines of top-level fields and
        of the cross-references between records; the rest was for error messages (at 5,000 records it was
        most of the reading stage's memory)."""
        self.lines = {path: line for path, line in self.lines.items()
                      if len(path) == 1 or (path[0] == "implementations" and path[-1] == "programme")}
        self.raw = {}

    def line_of(self, path) -> int:
        """Line of the deepest known key on `path`; the front matter start otherwise."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


class _Refused(Exception):
    def __init__(self, line, field_name, message):
        super().__init__(message)
        self.line, self.field_name, self.message = line, field_name, message


class _Builder:
    """Turns a composed YAML node tree into plain Python, recording lines per key path."""

    def __init__(self, loader, line_offset):
        self.loader = loader
        self.offset = line_offset
        self.lines = {}
        self.raw = {}
        self.seen = set()

    def build(self, node, path=(), depth=0):
        line = node.start_mark.line + self.offset
        if id(node) in self.seen:
            # An alias carries the anchor's position; the nearest key on the path is where it was used.
            keyed = next((path[:i] for i in range(len(path), 0, -1) if isinstance(path[i - 1], str)), ())
            raise _Refused(self.lines.get(keyed, line), field_name(path),
                           "YAML-Anker und -Verweise (& und *) sind nicht erlaubt; bitte den Wert ausschreiben")
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            raise _Refused(line, field_name(path), f"zu viele Werte (mehr als {MAX_NODES}); ein Datensatz ist zu groß")
        if depth > MAX_DEPTH:
            raise _Refused(line, field_name(path), f"zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)")
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _Refused(key_node.start_mark.line + self.offset, field_name(path), "ein Feldname muss ein einfacher Text sein")
                key = key_node.value
                if key == "<<":
                    raise _Refused(key_node.start_mark.line + self.offset, field_name(path), "YAML-Zusammenführung (<<) ist nicht erlaubt")
                child = path + (key,)
                if key in result:
                    raise _Refused(key_node.start_mark.line + self.offset, field_name(child),
                                   "Feld ist doppelt angegeben; jedes Feld darf nur einmal vorkommen")
                self.lines[child] = key_node.start_mark.line + self.offset
                result[key] = self.build(value_node, child, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item_node in enumerate(node.value):
                child = path + (index,)
                self.lines[child] = item_node.start_mark.line + self.offset
                items.append(self.build(item_node, child, depth + 1))
            return items
        self.raw[path] = node.value
        if node.tag == STR_TAG:  # most values: what PyYAML's constructor would return, without its bookkeeping
            return node.value
        try:
            value = self.loader.construct_object(node, deep=False)
        except ValueError:
            if node.tag != "tag:yaml.org,2002:timestamp":
                raise
            return YamlDate(node.value)  # looks like a date but is none (2013-02-30); the date check names it
        if isinstance(value, datetime.datetime):
            return YamlDate(value.date().isoformat())
        if isinstance(value, datetime.date):
            return YamlDate(value.isoformat())
        if isinstance(value, bytes):
            raise _Refused(line, field_name(path), "Binärdaten sind nicht erlaubt")
        return value


def _check_depth(front: str, line_offset: int = 2) -> None:
    """Refuse absurd nesting from the event stream, before the recursive composer could overflow."""
    depth = 0
    for event in yaml.parse(front, Loader=FAST_LOADER):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH + 1:
                raise _Refused(event.start_mark.line + line_offset, "(YAML)", f"zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _front_matter_bounds(lines):
    """Index of the closing '---' line, or None when the file has no front matter."""
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return index
    return -1


def leaves(data: dict) -> list[tuple]:
    """(path, shape, container, key) of every value in a record that is neither mapping nor list, depth first
    in the order written: ("budget", 0, "amount"). The shape is the path with list positions as 0, as the
    schema describes every item of a list alike; container[key] is the value, and may be replaced there."""
    found = []

    def visit(container, key, value, path, shape):
        if isinstance(value, dict):
            for child_key, child in value.items():
                visit(value, child_key, child, path + (child_key,), shape + (child_key,))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                visit(value, index, child, path + (index,), shape + (0,))
        else:
            found.append((path, shape, container, key))

    for key, value in data.items():
        visit(data, key, value, (key,), (key,))
    return found


def shown_path(path: Path, content_root: Path, display_root: Path | None = None) -> str:
    """A file as messages name it: relative to the working folder when the content lies inside it,
    else to the content folder's parent."""
    if display_root is None:
        cwd = Path.cwd()
        display_root = cwd if path.resolve().is_relative_to(cwd) else Path(content_root).parent
    try:
        return str(path.resolve().relative_to(Path(display_root).resolve()))
    except ValueError:
        return str(path)


def read_text(file_path: Path, display_path: str,
              empty: str = "Datei ist leer; erwartet wird ein Kopfbereich zwischen zwei Zeilen mit ---"
              ) -> tuple[str | None, list[Problem]]:
    """The file as text, or the problem that stops it being read (size, encoding, NUL bytes)."""
    def problem(line, message):
        return None, [Problem(display_path, line, "(Datei)", message)]

    try:
        size = file_path.stat().st_size
    except OSError as error:
        return problem(1, f"Datei kann nicht gelesen werden: {error.strerror}")
    if size == 0:
        return problem(1, empty)
    if size > MAX_FILE_BYTES:
        return problem(1, f"Datei ist zu groß ({size} Bytes, höchstens {MAX_FILE_BYTES})")
    raw_bytes = file_path.read_bytes()
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw_bytes[: error.start].count(b"\n") + 1
        return problem(line, f"Datei ist nicht in UTF-8 kodiert (ungültiges Byte 0x{raw_bytes[error.start]:02x}); bitte als UTF-8 speichern")
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        return problem(1, "Datei enthält Nullbytes; erwartet wird eine Textdatei")
    return text, []


SHALLOW = 5_000  # fewer YAML indicators than this: the composer cannot recurse deep enough to matter


def parse_mapping(text: str, display_path: str, slug: str, line_offset: int, empty: str, not_mapping: str,
                  body: str = "", body_line: int = 1) -> tuple[RawRecord | None, list[Problem]]:
    """YAML text that must be a mapping -> RawRecord with a line per key, or the problem; never raises.

    Every nesting level needs an indicator of its own ([ { - : ?), so a text with few of them cannot nest
    deeply enough to endanger libyaml's recursive composer: it is composed without the separate pass over
    its events that guards against that (a fifth of reading a record). Should it fail in any way, it is read
    again the careful way, so the problem reported is the same.
    """
    args = (text, display_path, slug, line_offset, empty, not_mapping, body, body_line)
    if sum(text.count(indicator) for indicator in "[{-:?") < SHALLOW:
        raw, problems = _parse_mapping(*args, depth_first=False)
        if raw is not None:
            return raw, problems
    return _parse_mapping(*args, depth_first=True)


def _parse_mapping(text: str, display_path: str, slug: str, line_offset: int, empty: str, not_mapping: str,
                   body: str, body_line: int, depth_first: bool) -> tuple[RawRecord | None, list[Problem]]:
    def problem(line, field_name_, message):
        return None, [Problem(display_path, line, field_name_, message)]

    where = "(Kopfbereich)" if line_offset > 1 else "(Datei)"
    try:
        loader = FAST_LOADER(text)
        if depth_first:
            _check_depth(text, line_offset)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        if node is None:
            return problem(1, where, empty)
        if not isinstance(node, yaml.MappingNode):
            return problem(node.start_mark.line + line_offset, where, not_mapping)
        builder = _Builder(loader, line_offset=line_offset)
        data = builder.build(node)
    except _Refused as refused:
        return problem(refused.line, refused.field_name, refused.message)
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + line_offset
        return problem(line, "(YAML)", f"unzulässiges Steuerzeichen (0x{error.character:02x}); bitte entfernen")
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + line_offset if mark else 1
        what = yaml_problem_text(error.problem or "ungültige Syntax")
        return problem(line, "(YAML)", f"YAML-Syntaxfehler: {what}; häufige Ursachen sind falsche Einrückung, "
                                       "ein fehlendes Leerzeichen nach dem Doppelpunkt oder ein Doppelpunkt im Text ohne Anführungszeichen")
    except yaml.YAMLError as error:
        return problem(1, "(YAML)", f"YAML-Fehler: {error}")
    except RecursionError:
        return problem(1, "(YAML)", "zu tief verschachtelt; ein Datensatz braucht nur wenige Ebenen")
    return RawRecord(display_path, slug, data, body, builder.lines, builder.raw, body_line), []


def read_record(file_path: Path, display_path: str) -> tuple[RawRecord | None, list[Problem]]:
    """Read one record file; return the raw record or the problems that stop it being read."""
    text, problems = read_text(file_path, display_path)
    if problems:
        return None, problems
    lines = text.split("\n")
    end = _front_matter_bounds(lines)
    if end is None:
        return None, [Problem(display_path, 1, "(Kopfbereich)", "kein Kopfbereich gefunden; die Datei muss mit einer Zeile --- beginnen, dann die Felder, dann wieder ---")]
    if end == -1:
        return None, [Problem(display_path, 1, "(Kopfbereich)", "der Kopfbereich wird nicht geschlossen; nach den Feldern fehlt eine Zeile ---")]
    return parse_mapping("\n".join(lines[1:end]), display_path, file_path.stem, 2,
                         empty="der Kopfbereich ist leer; erwartet werden Felder wie title: und summary:",
                         not_mapping="der Kopfbereich muss aus Feldern der Form name: wert bestehen",
                         body="\n".join(lines[end + 1:]), body_line=end + 2)
