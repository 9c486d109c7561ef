"""`python -m plugins.records.template KIND "Titel"`: a new record file written from the schema.

Required fields appear as YAML to fill in; optional ones are commented out. Each field carries
its German title, description and, for vocabularies, the allowed values.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from . import schema

UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})
PLACEHOLDER = {"string": '""', "number": "", "integer": "", "boolean": "false"}


def slugify(title: str) -> str:
    text = unicodedata.normalize("NFKD", title.translate(UMLAUTS)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-") or "neuer-eintrag"


def _comment_lines(node: dict, indent: str, required: bool) -> list[str]:
    lines = [f"{indent}# {node.get('title', '')}{' (Pflichtfeld)' if required else ''}: {node.get('description', '')}"]
    labels = schema.vocabulary_labels(node)
    if labels:
        lines.append(f"{indent}#   erlaubt: " + ", ".join(f"{value} ({label})" for value, label in labels.items()))
    return lines


def _field_lines(name: str, node: dict, indent: str, required: bool, title: str) -> list[str]:
    node = schema.resolve(node)
    out = _comment_lines(node, indent, required)
    prefix = "" if required else "# "
    if name == "title":
        return out + [f'{indent}title: "{title}"']
    if node.get("type") == "object":
        out.append(f"{indent}{prefix}{name}:")
        for child_name, child in node.get("properties", {}).items():
            child_required = required and child_name in node.get("required", [])
            for line in _field_lines(child_name, child, indent + "  ", child_required, title):
                out.append(line if child_required or line.lstrip().startswith("#") else f"{indent}  # {line.strip()}")
        return out
    if node.get("type") == "array":
        items = schema.resolve(node["items"])
        if items.get("type") == "object":
            out.append(f"{indent}{prefix}{name}:")
            first = True
            for child_name, child in items.get("properties", {}).items():
                child = schema.resolve(child)
                out += [f"{indent}  # {line.strip().lstrip('# ')}" for line in _comment_lines(child, "", child_name in items.get("required", []))]
                dash = "- " if first else "  "
                out.append(f"{indent}  # {dash}{child_name}: {PLACEHOLDER.get(child.get('type'), '')}".rstrip())
                first = False
            return out
        return out + [f"{indent}{prefix}{name}:", f"{indent}{prefix}  - "]
    value = PLACEHOLDER.get(node.get("type"), "")
    return out + [f"{indent}{prefix}{name}: {value}".rstrip()]


def render(kind: str, title: str) -> str:
    record_schema = schema.schemas()[kind]
    required = set(record_schema["required"])
    lines = ["---", f"# Neue {'Maßnahme' if kind == 'measure' else 'Programm'} – Pflichtfelder ausfüllen, "
             "optionale Felder durch Entfernen von „# “ aktivieren.", "# Prüfen mit: make validate"]
    for name, node in record_schema["properties"].items():
        lines += _field_lines(name, node, "", name in required, title.replace('"', "'"))
    lines += ["---", "## Ziel", "", "## Vorgehen", "", "## Warum der Ansatz erfolgreich ist", "",
              "## Hinweise für die Übertragung", "", "## Kontakt", ""]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    if len(argv) != 2 or argv[0] not in schema.RECORD_TYPES:
        print('Aufruf: python -m plugins.records.template measure|programme "Titel"', file=sys.stderr)
        return 2
    kind, title = argv
    target = Path("content") / schema.RECORD_TYPES[kind] / f"{slugify(title)}.md"
    if target.exists():
        print(f"{target}: gibt es schon; bitte einen anderen Titel wählen oder die Datei bearbeiten", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(kind, title), encoding="utf-8")
    print(f"{target} angelegt. Pflichtfelder ausfüllen, dann: make validate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
