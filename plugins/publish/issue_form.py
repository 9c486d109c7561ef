"""`python -m plugins.publish.issue_form [--check]`: write the issue form "Maßnahme vorschlagen".

Its choice lists come from the schema's vocabularies, so the form never offers a value the
validator would refuse. `--check` only compares and fails if the file in .github/ is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from plugins.read import schema

TARGET = Path(".github/ISSUE_TEMPLATE/massnahme-vorschlagen.yml")
# (field path, multiple choice?, required?) of every vocabulary offered as a drop-down
CHOICES = [
    (("provider", "kind"), False, True),
    (("state",), False, True),
    (("target_groups",), True, True),
    (("principles",), True, True),
    (("measure_type",), False, False),
    (("implementation_type",), True, False),
    (("funding_sources",), True, False),
]
HEADER = "# Erzeugt von `python -m plugins.publish.issue_form` aus dem Schema; nicht von Hand ändern.\n"


def option(value: str, label: str) -> str:
    """Shown to the proposer and read back by the editors: the German label, then the stored value."""
    return f"{label} – {value}"


def field_id(path) -> str:
    return "-".join(path).replace("_", "-")


def _text(path, kind="input", required=False, placeholder=None) -> dict:
    node = schema.subschema_at("measure", path) or {}
    attributes = {"label": node.get("title", path[-1]), "description": node.get("description", "")}
    if placeholder:
        attributes["placeholder"] = placeholder
    return {"type": kind, "id": field_id(path), "attributes": attributes, "validations": {"required": required}}


def _dropdown(path, multiple, required) -> dict:
    node = schema.subschema_at("measure", path) or {}
    labels = schema.vocabulary_labels(node) or {}
    return {"type": "dropdown", "id": field_id(path),
            "attributes": {"label": node.get("title", path[-1]), "description": node.get("description", ""),
                           "multiple": multiple, "options": [option(value, label) for value, label in labels.items()]},
            "validations": {"required": required}}


def form() -> dict:
    choices = {path: (multiple, required) for path, multiple, required in CHOICES}
    body = [{"type": "markdown", "attributes": {"value": (
        "Danke für Ihren Vorschlag! Die Redaktion prüft ihn nach den Aufnahmekriterien in CONTRIBUTING.md und legt "
        "daraus einen Datensatz an. Schneller geht es mit dem Formular auf der Website unter /mitmachen/: Es prüft "
        "die Angaben sofort und erzeugt die fertige Datei.\n\n"
        "**Bitte keine Personennamen, E-Mail-Adressen oder Telefonnummern** – Kontakt ist immer die Institution.")}}]
    body.append(_text(("title",), required=True))
    body.append(_text(("summary",), kind="textarea", required=True))
    body.append(_text(("provider", "institution"), required=True, placeholder="z. B. Jobcenter Main-Kinzig-Kreis"))
    body.append(_dropdown(("provider", "kind"), *choices[("provider", "kind")]))
    body.append(_dropdown(("state",), *choices[("state",)]))
    body.append(_text(("region",)))
    for path in (("target_groups",), ("principles",), ("measure_type",), ("implementation_type",), ("funding_sources",)):
        body.append(_dropdown(path, *choices[path]))
    body.append(_text(("legal_basis",), kind="textarea", placeholder="§ 16a SGB II\n§ 45 SGB III"))
    body.append(_text(("as_of",), required=True, placeholder="z. B. 2024 oder 2024-03"))
    body.append({"type": "textarea", "id": "zahlen",
                 "attributes": {"label": "Kosten, Teilnehmende und Ergebnisse",
                                "description": "Zahlen genau wie in der Quelle, mit Stand und Bezug (z. B. „rund 5.250 € je Teilnahme, 2013“)."},
                 "validations": {"required": False}})
    body.append({"type": "textarea", "id": "quelle",
                 "attributes": {"label": "Quelle", "description": (
                     "Öffentlich zugängliches Dokument mit Titel, Herausgeber, Jahr und Seite oder Abschnitt; wenn möglich ein Link. "
                     "Ohne nachprüfbare Quelle kann die Redaktion nichts aufnehmen.")},
                 "validations": {"required": True}})
    body.append({"type": "checkboxes", "id": "bestaetigung",
                 "attributes": {"label": "Bestätigung", "options": [
                     {"label": "Der Vorschlag enthält keine personenbezogenen Daten.", "required": True},
                     {"label": "Die Texte sind in eigenen Worten geschrieben, nicht aus der Quelle kopiert.", "required": True}]}})
    return {"name": "Maßnahme vorschlagen",
            "description": "Eine Maßnahme aus der Praxis für den Katalog vorschlagen.",
            "title": "Vorschlag: ",
            "labels": ["vorschlag"],
            "body": body}


def render() -> str:
    return HEADER + yaml.safe_dump(form(), allow_unicode=True, sort_keys=False, width=120)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = render()
    if "--check" in argv:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} passt nicht mehr zum Schema; neu erzeugen mit: python -m plugins.publish.issue_form",
                  file=sys.stderr)
            return 1
        print(f"{TARGET} passt zum Schema")
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"{TARGET} geschrieben")
    return 0


if __name__ == "__main__":
    sys.exit(main())
