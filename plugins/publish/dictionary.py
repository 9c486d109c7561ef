"""The data dictionary (/daten/woerterbuch/): every field of every record type, read from the schemas."""

from __future__ import annotations

from dataclasses import dataclass

from plugins.publish.columns import measure_columns
from plugins.read import schema

TYPE_TEXT = {"string": "Text", "number": "Zahl", "integer": "ganze Zahl", "boolean": "true oder false",
             "object": "Feldgruppe"}
KIND_TITLE = {"measure": "Maßnahme", "programme": "Programm", "region": "Region"}


@dataclass(frozen=True)
class Row:
    name: str  # e.g. "budget[].amount"
    depth: int
    title: str
    description: str
    type: str
    required: str
    values: tuple  # (value, German label) of a vocabulary


TEXT_KIND = {"partial-date": "Datum als Text: JJJJ, JJJJ-MM oder JJJJ-MM-TT",
             "legal-basis": "Paragrafenangabe, z. B. „§ 16a SGB II“",
             "slug": "Kennung: Kleinbuchstaben, Ziffern, Bindestriche"}


def _type_text(node: dict) -> str:
    if schema.text_kind(node):
        return TEXT_KIND[schema.text_kind(node)]
    if schema.vocabulary_labels(node) and node.get("type") != "array":
        return "ein Wert aus der Liste"
    if node.get("type") == "array":
        items = schema.resolve(node["items"])
        if schema.vocabulary_labels(items):
            return "Liste von Werten aus der Liste"
        return f"Liste: {_type_text(items)}" if items.get("type") != "object" else "Liste von Feldgruppen"
    text = TYPE_TEXT.get(node.get("type"), "")
    bounds = []
    if "minimum" in node:
        bounds.append(f"mindestens {node['minimum']}")
    if "maximum" in node:
        bounds.append(f"höchstens {node['maximum']}")
    if "maxLength" in node:
        bounds.append(f"höchstens {node['maxLength']} Zeichen")
    return text + (f" ({', '.join(bounds)})" if bounds else "")


def rows(kind: str) -> list[Row]:
    out = []

    def walk(node, prefix, depth, parent_required):
        node = schema.resolve(node)
        required = set(node.get("required", []))
        for name, child in node.get("properties", {}).items():
            child = schema.resolve(child)
            if name in required:
                need = "Pflicht" if parent_required else "Pflicht, wenn die Gruppe angegeben ist"
            else:
                need = "freiwillig"
            labels = schema.vocabulary_labels(child) or {}
            out.append(Row(prefix + name, depth, child.get("title", name), child.get("description", ""),
                           _type_text(child), need, tuple(labels.items())))
            if child.get("type") == "object":
                walk(child, f"{prefix}{name}.", depth + 1, parent_required and name in required)
            elif child.get("type") == "array" and schema.resolve(child["items"]).get("type") == "object":
                walk(child["items"], f"{prefix}{name}[].", depth + 1, False)

    walk(schema.schemas()[kind], "", 0, True)
    return out


def sections() -> list[dict]:
    """One section per record type, in the schema's field order."""
    return [{"kind": kind, "title": KIND_TITLE[kind], "description": schema.schemas()[kind].get("description", ""),
             "schema_file": f"{kind}.schema.json", "rows": rows(kind)} for kind in schema.RECORD_TYPES]


def csv_columns() -> list:
    return measure_columns()
