"""The fields of the submission form /mitmachen/, generated from the measure schema.

Each field says which control it needs; the template renders them and theme/static/js/mitmachen.js
reads them back into a record with the same keys, then checks it against the same JSON Schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plugins.read import schema

INDEX = "__N__"  # stands for the position inside a repeated group; the script fills it in


@dataclass
class FormField:
    key: str
    id: str
    label: str
    hint: str
    control: str  # text | textarea | number | integer | checkbox | select | checkboxes | lines | integers | group | repeat
    required: bool = False
    options: list = field(default_factory=list)  # (value, label)
    children: list = field(default_factory=list)
    check: str = ""  # extra browser-side rule: partial-date | slug | legal-basis


def _hint(node: dict, control: str) -> str:
    hint = node.get("description", "")
    if control == "lines":
        hint += " Ein Eintrag je Zeile."
    elif control == "integers":
        hint += " Mehrere Zahlen durch Komma trennen, z. B. 31, 32."
    elif control == "number":
        hint += " Nur die Zahl: ohne „ca.“, Einheit oder Tausenderpunkte; Dezimalkomma ist erlaubt."
    return hint.strip()


def _field(name: str, node: dict, id_prefix: str, required: bool, choices: dict, path: tuple) -> FormField:
    node = schema.resolve(node)
    field_id = f"{id_prefix}-{name.replace('_', '-')}"
    labels = schema.vocabulary_labels(node)
    kind = node.get("type")
    made = FormField(name, field_id, node.get("title", name), "", "text", required)
    if kind == "object":
        made.control = "group"
        inner = set(node.get("required", []))
        made.children = [_field(child_name, child, field_id, child_name in inner, choices, path + (child_name,))
                         for child_name, child in node.get("properties", {}).items()]
    elif kind == "array":
        items = schema.resolve(node["items"])
        if labels:
            made.control, made.options = "checkboxes", list(labels.items())
        elif items.get("type") == "object":
            made.control = "repeat"
            inner = set(items.get("required", []))
            made.children = [_field(child_name, child, f"{field_id}-{INDEX}", child_name in inner, choices,
                                    path + (child_name,))
                             for child_name, child in items.get("properties", {}).items()]
        elif items.get("type") == "integer":
            made.control = "integers"
        else:
            made.control, made.check = "lines", schema.text_kind(items)
    elif labels:
        made.control, made.options = "select", list(labels.items())
    elif path in choices:
        made.control, made.options = "select", list(choices[path])
    elif kind == "boolean":
        made.control = "checkbox"
    elif kind in ("number", "integer"):
        made.control = kind
    else:
        made.control = "textarea" if node.get("maxLength", 0) > 2000 else "text"
        made.check = schema.text_kind(node)
    made.hint = _hint(node, made.control)
    return made


def form_fields(kind: str = "measure", choices: dict | None = None) -> list[FormField]:
    """Top-level fields in schema order; `choices` offers fixed options for free fields such as programme."""
    record_schema = schema.schemas()[kind]
    required = set(record_schema.get("required", []))
    return [_field(name, node, "f", name in required, choices or {}, (name,))
            for name, node in record_schema["properties"].items()]
