"""Fact box items for grants per case (`grant_per_case`): amount, recipient, per what, and why they are
not costs per participant."""

from __future__ import annotations

from plugins.derive.grants import BOUND_LABEL, recipient_label
from plugins.present import fmt


def grant_items(record) -> list[dict]:
    items = []
    for grant in record.get("grant_per_case") or []:
        bound = BOUND_LABEL.get(grant.get("bound"))
        money = fmt.money(grant["amount"], grant["currency"], grant.get("approximate") and not bound)
        text = f"{bound + ' ' if bound else ''}{money} an {recipient_label(grant)} {grant['per']}"
        year = grant.get("year") or str(record.get("as_of"))[:4]
        notes = ["einmalig"] if grant.get("one_off") else []
        if grant["basis"] == "derived":
            notes.append(f"abgeleitet, Preisstand {year}: {grant['derivation']}")
        else:
            notes.append(f"angegeben, Preisstand {year}")
        if grant.get("note"):
            notes.append(grant["note"])
        notes.append("keine Kosten je Teilnehmer/-in, nicht im Kostenvergleich")
        items.append({"text": text, "url": None, "note": "; ".join(notes)})
    return items
