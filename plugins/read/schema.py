"""Load the JSON Schemas and answer questions about them: labels, vocabularies, field lists."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from types import MappingProxyType

import fastjsonschema
from jsonschema import Draft202012Validator

SCHEMA_DIR = Path(__file__).parent / "schema"
RECORD_TYPES = {"measure": "measures", "programme": "programmes", "region": "regions"}  # type -> content folder
COMMON_ID = "common.schema.json"


class SchemaError(Exception):
    """A schema file the build cannot use; `str()` is one German line with file, line and what is wrong."""


def _shown(path: Path) -> str:
    root = Path.cwd()
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def _load(name):
    path = SCHEMA_DIR / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SchemaError(f"{_shown(path)}:1: Schema nicht lesbar ({error.strerror})") from None
    except json.JSONDecodeError as error:
        raise SchemaError(f"{_shown(path)}:{error.lineno}: kein gültiges JSON ({error.msg})") from None


def _refs(node):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _check_refs(name: str, document: dict, definitions: dict) -> None:
    """Every $ref points into common.schema.json's (or the file's own) $defs; else one German line."""
    for ref in _refs(document):
        target = ref.split("#/$defs/")[-1] if "#/$defs/" in ref else None
        if target not in definitions and target not in document.get("$defs", {}):
            text = (SCHEMA_DIR / name).read_text(encoding="utf-8").splitlines()
            line = next((number for number, row in enumerate(text, 1) if f'"{ref}"' in row), 1)
            raise SchemaError(f"{_shown(SCHEMA_DIR / name)}:{line}: $ref: „{ref}“ verweist auf keine Definition; "
                              f"erwartet wird „#/$defs/NAME“ mit einem Namen aus den $defs von {COMMON_ID}")


@cache
def common() -> dict:
    document = _load(COMMON_ID)
    _check_refs(COMMON_ID, document, document.get("$defs", {}))
    return document


@cache
def schemas() -> dict:
    loaded = {kind: _load(f"{kind}.schema.json") for kind in RECORD_TYPES}
    for kind, document in loaded.items():
        _check_refs(f"{kind}.schema.json", document, common().get("$defs", {}))
    return loaded


def _as_enums(node):
    """A copy for validation where each labelled vocabulary (oneOf of consts) is a plain enum.

    Same accepted values; jsonschema checks an enum in one step instead of building a failed
    branch for every other value, which made vocabularies the bulk of validation time.
    """
    if isinstance(node, list):
        return [_as_enums(item) for item in node]
    if not isinstance(node, dict):
        return node
    copy = {key: _as_enums(value) for key, value in node.items()}
    branches = node.get("oneOf")
    if branches and all(isinstance(b, dict) and "const" in b for b in branches):
        del copy["oneOf"]
        copy["enum"] = [branch["const"] for branch in branches]
    return copy


def _inline(node):
    """Replace every $ref into the common definitions by the definition itself (the schemas do not recurse)."""
    if isinstance(node, list):
        return [_inline(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        merged = dict(common()["$defs"][node["$ref"].split("#/$defs/")[-1]])
        merged.update({key: value for key, value in node.items() if key != "$ref"})
        return _inline(merged)
    return {key: _inline(value) for key, value in node.items() if key != "$defs"}


@cache
def validator(kind: str) -> Draft202012Validator:
    # Validation runs on a self-contained copy: resolving $refs through the registry for every
    # value cost more than the checks themselves. The files on disk keep their $refs.
    return Draft202012Validator(_as_enums(_inline(schemas()[kind])))


@cache
def fast_check(kind: str):
    """A compiled yes/no check of the same self-contained schema (draft-07 keywords only): most records
    are valid, and jsonschema's walk, which names every error, is then needed only for the others."""
    document = {key: value for key, value in _as_enums(_inline(schemas()[kind])).items() if key not in ("$schema", "$id")}
    check = fastjsonschema.compile({"$schema": "http://json-schema.org/draft-07/schema#", **document})

    def is_valid(data) -> bool:
        try:
            check(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return is_valid


def resolve(node: dict) -> dict:
    """Follow a $ref into the common definitions, keeping the local title and description."""
    while "$ref" in node:
        target = node["$ref"].split("#/$defs/")[-1]
        merged = dict(common()["$defs"][target])
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        node = merged
    return node


def field_schema(kind: str, field: str) -> dict:
    return resolve(schemas()[kind]["properties"][field])


def vocabulary(definition: str) -> list[dict]:
    """The const/title/description entries of a controlled vocabulary in the common schema."""
    return [dict(entry) for entry in common()["$defs"][definition]["oneOf"]]


def vocabulary_labels(node: dict) -> dict | None:
    """value -> German label when `node` (resolved, or the items of an array) is a vocabulary."""
    node = resolve(node)
    if node.get("type") == "array":
        node = resolve(node["items"])
    if "oneOf" in node and all("const" in entry for entry in node["oneOf"]):
        return {entry["const"]: entry.get("title", entry["const"]) for entry in node["oneOf"]}
    return None


def text_kind(node: dict) -> str:
    """Which checked kind of text a string field holds: "partial-date", "legal-basis", "slug" or ""."""
    if node.get("x-partial-date"):
        return "partial-date"
    if node.get("x-legal-basis"):
        return "legal-basis"
    if node.get("pattern"):
        return "slug"
    return ""


@cache
def labels_at(kind: str, path: tuple) -> MappingProxyType:
    """value -> German label of the vocabulary at a field path, or an empty mapping; read-only,
    because every page asks for the same few dozen of them thousands of times."""
    return MappingProxyType(vocabulary_labels(subschema_at(kind, path) or {}) or {})


def vocabulary_entries(path, kind="measure") -> list[dict]:
    """The const entries (with any x- annotations) of the vocabulary at a field path."""
    node = subschema_at(kind, path) or {}
    return list(node.get("oneOf", []))


def label(kind: str, field: str) -> str:
    return schemas()[kind]["properties"][field]["title"]


def iter_fields(node: dict, prefix=()):
    """Every (path, schema) in a schema, nested objects and array items included."""
    node = resolve(node)
    for name, child in node.get("properties", {}).items():
        path = prefix + (name,)
        yield path, resolve(child)
        yield from iter_fields(child, path)
    items = node.get("items")
    if isinstance(items, dict):
        yield from iter_fields(items, prefix)


def subschema_at(kind: str, path) -> dict | None:
    """The schema node that describes the value at a data path (array indices skipped; the schema is the
    same for every item of a list)."""
    return _subschema_at(kind, tuple(0 if isinstance(part, int) else part for part in path))


@cache
def _subschema_at(kind: str, shape: tuple) -> dict | None:
    """Remembered per path shape: the date check and every Excel cell ask for the same few paths again and again."""
    node = resolve(schemas()[kind])
    for part in shape:
        if isinstance(part, int):
            items = node.get("items")
            if not isinstance(items, dict):
                return None
            node = resolve(items)
            continue
        props = node.get("properties", {})
        if part not in props:
            return None
        node = resolve(props[part])
    return node
