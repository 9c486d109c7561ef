"""`python -m plugins.publish.record_template KIND "Titel"`: a new record file written from the schema.

Required fields appear as YAML to fill in; optional ones are commented out. Each field carries
its German title, description and, for vocabularies, the allowed values.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from plugins.read import schema
from plugins.read.reader import read_record
from plugins.read.slugs import file_slug

PLACEHOLDER = {"string": '""', "number": "", "integer": "", "boolean": "false"}
EXAMPLE_FIRST = "bahn-frei"  # the complete example CONTRIBUTING.md points to; its values are shown first
KIND_WORD = {"measure": "Neue Maßnahme", "programme": "Neues Programm", "region": "Neue Region"}


def collect_examples(kind: str, content_root: Path) -> dict:
    """Field path (list positions left out) -> a value some existing record has there, for "Beispiel:" lines."""
    folder = content_root / schema.RECORD_TYPES[kind]
    files = sorted(folder.glob("*.md"), key=lambda f: (f.stem != EXAMPLE_FIRST, f.name)) if folder.is_dir() else []
    examples = {}

    def walk(value, path):
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, path + (key,))
        elif isinstance(value, list):
            for child in value:
                walk(child, path)
        elif value is not None and value != "":
            examples.setdefault(path, value)

    for file in files:
        raw, problems = read_record(file, str(file))
        if raw and not problems:
            walk(raw.data, ())
    return examples


def _example_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = " ".join(str(value).split())
    return json.dumps(text if len(text) <= 90 else text[:88].rstrip() + " …", ensure_ascii=False)


def _comment_lines(node: dict, indent: str, required: bool, example=None) -> list[str]:
    lines = [f"{indent}# {node.get('title', '')}{' (Pflichtfeld)' if required else ''}: {node.get('description', '')}"]
    labels = schema.vocabulary_labels(node)
    if labels:
        lines.append(f"{indent}#   erlaubt: " + ", ".join(f"{value} ({label})" for value, label in labels.items()))
    if example is not None:
        lines.append(f"{indent}#   Beispiel: {_example_text(example)}")
    return lines


def _field_lines(name: str, node: dict, indent: str, required: bool, title: str, examples: dict, path: tuple) -> list[str]:
    node = schema.resolve(node)
    out = _comment_lines(node, indent, required, None if name == "title" and not path[:-1] else examples.get(path))
    prefix = "" if required else "# "
    if name == "title" and len(path) == 1:
        return out + [f"{indent}title: {json.dumps(title, ensure_ascii=False)}"]
    if node.get("type") == "object":
        out.append(f"{indent}{prefix}{name}:")
        for child_name, child in node.get("properties", {}).items():
            child_required = required and child_name in node.get("required", [])
            for line in _field_lines(child_name, child, indent + "  ", child_required, title, examples, path + (child_name,)):
                out.append(line if child_required or line.lstrip().startswith("#") else f"{indent}  # {line.strip()}")
        return out
    if node.get("type") == "array":
        items = schema.resolve(node["items"])
        if items.get("type") == "object":
            out.append(f"{indent}{prefix}{name}:")
            first = True
            for child_name, child in items.get("properties", {}).items():
                child = schema.resolve(child)
                comments = _comment_lines(child, "", child_name in items.get("required", []), examples.get(path + (child_name,)))
                out += [f"{indent}  # {line.strip().lstrip('# ')}" for line in comments]
                dash = "- " if first else "  "
                out.append(f"{indent}  # {dash}{child_name}: {PLACEHOLDER.get(child.get('type'), '')}".rstrip())
                first = False
            return out
        return out + [f"{indent}{prefix}{name}:", f"{indent}{prefix}  - "]
    value = PLACEHOLDER.get(node.get("type"), "")
    return out + [f"{indent}{prefix}{name}: {value}".rstrip()]


def render(kind: str, title: str, content_root: Path = Path("content")) -> str:
    """The new file: every field with its German title, description, allowed values and an example."""
    record_schema = schema.schemas()[kind]
    required = set(record_schema["required"])
    examples = collect_examples(kind, content_root)
    lines = ["---", f"# {KIND_WORD[kind]} – Pflichtfelder ausfüllen, "
             "optionale Felder durch Entfernen von „# “ aktivieren.", "# Prüfen mit: make validate"]
    for name, node in record_schema["properties"].items():
        lines += _field_lines(name, node, "", name in required, title, examples, (name,))
    lines += ["---", "## Ziel", "", "## Vorgehen", "", "## Warum der Ansatz erfolgreich ist", "",
              "## Hinweise für die Übertragung", "", "## Kontakt", ""]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    if len(argv) != 2 or argv[0] not in schema.RECORD_TYPES:
        print('Aufruf: python -m plugins.publish.record_template measure|programme|region "Titel"', file=sys.stderr)
        return 2
    kind, title = argv
    target = Path("content") / schema.RECORD_TYPES[kind] / f"{file_slug(title)}.md"
    if target.exists():
        print(f"{target}: gibt es schon; bitte einen anderen Titel wählen oder die Datei bearbeiten", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(kind, title), encoding="utf-8")
    print(f"{target} angelegt. Pflichtfelder ausfüllen, dann: make validate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
