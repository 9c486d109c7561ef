"""Grants per case (`grant_per_case`): paid to someone per case, e.g. to an employer per converted
mini-job. They are not what a measure costs per participant, so the cost comparison leaves them
out and says why (plugins/derive/costs.py adds these reasons to a record's exclusions)."""

from __future__ import annotations

from plugins.present import fmt

BOUND_LABEL = {"at_least": "mindestens", "more_than": "mehr als", "less_than": "weniger als", "up_to": "bis zu"}
RECIPIENT_LABEL = {"employer": "Arbeitgeber", "participant": "Teilnehmende", "provider": "Träger der Maßnahme"}


def recipient_label(item) -> str:
    return RECIPIENT_LABEL.get(item.get("recipient"), str(item.get("recipient", "")))


def grant_text(item) -> str:
    """'1.000 € Zuschuss je Fall an Arbeitgeber je umgewandeltem Minijob'."""
    bound = BOUND_LABEL.get(item.get("bound"), "")
    money = fmt.money(item["amount"], item["currency"], item.get("approximate"))
    return f"{bound + ' ' if bound else ''}{money} Zuschuss je Fall an {recipient_label(item)} {item['per']}"


def grant_exclusions(record) -> list[tuple[str, str]]:
    """(subject, reason) for every grant per case of the record."""
    return [(grant_text(item), f"Zuschuss an {recipient_label(item)} je Fall, keine Kosten der Maßnahme je "
                               "Teilnehmer/-in; deshalb nicht im Kostenvergleich")
            for item in record.get("grant_per_case") or []]
