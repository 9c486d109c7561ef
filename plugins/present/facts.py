"""The fact box of a record page: rows of (label, items), labels taken from the schema."""

from __future__ import annotations

from plugins.derive.facets import FACETS
from plugins.present import fmt
from plugins.present.costs import recipient_label
from plugins.read import schema
from plugins.read.legal import paragraph_key

FACET_BY_FIELD = {facet.field: facet for facet in FACETS}
BOUND_LABELS = {entry["const"]: entry["title"] for entry in schema.vocabulary("bound")}
UNIT_OF_KIND = schema.labels_at("measure", ("participants", 0, "kind"))
# The Steckbrief's „Auf einen Blick“, in this order; the other rows but the source follow under „Weitere Angaben“.
KEY_FACTS = ("target_groups", "state", "region", "legal_basis", "cost_base_year", "evidence", "period", "provider", "as_of")


def _item(text, url=None, note=None):
    return {"text": text, "url": url, "note": note}


def _qualified(item, text):
    """Prefix 'mehr als', 'bis zu' … or 'rund' as the source qualifies the figure."""
    bound = BOUND_LABELS.get(item.get("bound"))
    if bound:
        return f"{bound} {text.removeprefix('rund ')}"
    if item.get("approximate") and not text.startswith("rund "):
        return f"rund {text}"
    return text


def _linked(record, field_name):
    facet = FACET_BY_FIELD[field_name]
    return [_item(label, facet.url(value)) for value, label in facet.values_of(record)]


def _legal(record):
    facet = FACET_BY_FIELD["legal_basis"]
    slug_of = {label: value for value, label in facet.values_of(record)}
    items = [_item(citation, facet.url(slug_of[paragraph_key(citation)])) for citation in record.get("legal_basis", [])]
    if record.get("legal_basis_note"):
        items.append(_item(record.get("legal_basis_note")))
    return items


def _labels(record, field_name):
    return [_item(record.label_of(field_name, value)) for value in record.get(field_name, [])]


def _period(period):
    if not period:
        return []
    start, end = fmt.partial_date(period.get("start")), fmt.partial_date(period.get("end"))
    if start and end:
        text = f"{start} bis {end}"
    elif start:
        text = f"seit {start}" + (", laufend" if period.get("ongoing") else "")
    else:
        text = "laufend" if period.get("ongoing") else ""
    if not text:
        return [_item(period.get("note"))]
    return [_item(text, note=period.get("note"))]


def _budget(record):
    rows = []
    for item in record.get("budget", []):
        notes = [item["covers"]]
        if item.get("status"):
            notes.append(record.label_of(("budget", 0, "status"), item["status"]))
        rows.append(_item(_qualified(item, fmt.money(item["amount"], item["currency"], item.get("approximate"))),
                          note="; ".join(notes)))
    return rows


def _costs(record):
    rows = []
    for item in record.get("cost_per_participant", []):
        per = record.label_of(("cost_per_participant", 0, "per"), item["per"])
        year = item.get("year") or str(record.get("as_of"))[:4]
        if item["basis"] == "derived":
            note = f"abgeleitet, Preisstand {year}: {item['derivation']}"
        else:
            note = f"angegeben, Preisstand {year}"
        if item.get("note"):
            note += f"; {item['note']}"
        money = _qualified(item, fmt.money(item["amount"], item["currency"], item.get("approximate")))
        rows.append(_item(f"{money} {per}", note=note))
    return rows


def _grants(record):
    """Grants per case: amount, recipient, per what, and why they are not costs per participant."""
    rows = []
    for grant in record.get("grant_per_case") or []:
        bound = BOUND_LABELS.get(grant.get("bound"))
        money = fmt.money(grant["amount"], grant["currency"], grant.get("approximate") and not bound)
        text = f"{bound + ' ' if bound else ''}{money} an {recipient_label(grant.get('recipient'))} {grant['per']}"
        year = grant.get("year") or str(record.get("as_of"))[:4]
        notes = ["einmalig"] if grant.get("one_off") else []
        if grant["basis"] == "derived":
            notes.append(f"abgeleitet, Preisstand {year}: {grant['derivation']}")
        else:
            notes.append(f"angegeben, Preisstand {year}")
        if grant.get("note"):
            notes.append(grant["note"])
        notes.append("keine Kosten je Teilnehmer/-in, nicht im Kostenvergleich")
        rows.append(_item(text, note="; ".join(notes)))
    return rows


def _participants(record):
    rows = []
    for item in record.get("participants", []):
        text = _qualified(item, f"{fmt.number_de(item['count'])} {UNIT_OF_KIND[item['kind']]}") + (" (geplant)" if item.get("planned") else "")
        note = item["description"] + (f"; Stand {fmt.partial_date(item['as_of'])}" if item.get("as_of") else "")
        rows.append(_item(text, note=note))
    return rows


def _results(record):
    rows = []
    for item in record.get("results", []):
        if item.get("value") is not None:
            unit = f" {item['unit']}" if item.get("unit") else ""
            text = _qualified(item, f"{fmt.number_de(item['value'])}{unit}") + f": {item['description']}"
        else:
            text = item["description"]
        rows.append(_item(text, note=f"Stand {fmt.partial_date(item['as_of'])}" if item.get("as_of") else None))
    return rows


def _source(record):
    source = record.get("source", {})
    where = ", ".join(part for part in (fmt.pages(source.get("pages")), source.get("section")) if part)
    return [_item(record.label_of(("source", "document"), source.get("document")), note=where)]


def fact_rows(record) -> list[dict]:
    """The Steckbrief rows in display order; empty rows are left out."""
    kind, provider = record.kind, record.get("provider", {})
    rows = []

    def add(field_name, items):
        items = [item for item in items if item and item["text"]]
        if items:
            rows.append({"field": field_name, "label": schema.label(kind, field_name), "items": items})

    if kind == "region":
        agreement = record.get("agreement")
        add("state", _linked(record, "state"))
        add("agreement", [_item(agreement["title"], note=f"unterzeichnet {fmt.partial_date(agreement['signed'])}"
                                if agreement.get("signed") else None)]
            + [_item(party, note="Beteiligte") for party in agreement["parties"]]
            + [_item(citation) for citation in agreement.get("legal_basis", [])])
        add("as_of", [_item(fmt.partial_date(record.get("as_of")))])
        add("source", _source(record))
        return rows

    add("provider", [_item(provider.get("institution"), note=record.label_of(("provider", "kind"), provider.get("kind")))]
        + [_item(partner, note="Partner") for partner in provider.get("partners", [])])
    add("state", _linked(record, "state"))
    add("region", [_item(record.get("region"))])
    if kind == "programme":
        add("level", [_item(record.label_of("level", record.get("level")))])
        add("parent", [_item(record.parent.title, record.parent.url)] if record.parent else [])
    add("target_groups", _linked(record, "target_groups"))
    add("principles", _linked(record, "principles"))
    add("legal_basis", _legal(record))
    if kind == "measure":
        add("measure_type", [_item(record.label_of("measure_type", record.get("measure_type")))] if record.get("measure_type") else [])
        add("implementation_type", _labels(record, "implementation_type")
            + ([_item(record.get("implementation_note"))] if record.get("implementation_note") else []))
        add("programme", [_item(record.programme.title, record.programme.url)] if record.programme else [])
    add("funding_sources", _labels(record, "funding_sources")
        + ([_item(record.get("funding_note"))] if record.get("funding_note") else []))
    add("period", _period(record.get("period")))
    if kind == "measure" and record.get("duration"):
        add("duration", [_item(record.get("duration")["text"])])
    add("participants", _participants(record))
    add("budget", _budget(record))
    if kind == "measure":
        add("cost_per_participant", _costs(record))
        add("grant_per_case", _grants(record))
    add("results", _results(record))
    if record.get("evaluation"):
        evaluation = record.get("evaluation")
        add("evaluation", [_item(record.label_of(("evaluation", "kind"), evaluation["kind"]), note=evaluation.get("text"))])
    add("as_of", [_item(fmt.partial_date(record.get("as_of")))])
    add("source", _source(record))
    return rows


def key_facts(rows) -> list[dict]:
    """Template filter: the rows of „Auf einen Blick“, in the order of KEY_FACTS (a Jinja loop over every
    row for every key fact cost more than the rest of the fact box)."""
    return [row for field_name in KEY_FACTS for row in rows if row["field"] == field_name]


def further_facts(rows) -> list[dict]:
    """Template filter: the rows of „Weitere Angaben“, in their order: neither key facts nor the source."""
    return [row for row in rows if row["field"] not in KEY_FACTS and row["field"] != "source"]


FACT_FILTERS = {"key_facts": key_facts, "further_facts": further_facts}
