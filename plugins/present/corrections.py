"""„Fehler melden“ without a GitHub account: a mailto: link to the editors with the record filled in.

The address is the setting EDITORS_EMAIL; while it is empty, the link opens the mail program without a
recipient and the page says „auszufüllen“ (the same rule as the form /mitmachen/, lib/submission.js).
"""

from __future__ import annotations

from urllib.parse import quote

UNSET_ADDRESS = "auszufüllen"


def mailto(address: str, subject: str, body: str) -> str:
    """RFC 6068: %20 for spaces, CRLF line ends; the address keeps its @."""
    to = quote(address or "", safe="@")
    return f"mailto:{to}?subject={quote(subject, safe='')}&body={quote(body.replace(chr(10), chr(13) + chr(10)), safe='')}"


def report_mail_url(settings, record, source_file: str, page_url: str) -> str:
    body = (f"Guten Tag,\n\nim Eintrag „{record.title}“ ist mir ein Fehler aufgefallen.\n\n"
            f"Eintrag: {page_url}\nQuelldatei: {source_file}\n\n"
            "Was ist falsch?\n\n\n"
            "Woher stammt die richtige Angabe (Dokument, Seite oder Link)?\n\n\n"
            "Bitte keine Personennamen, E-Mail-Adressen oder Telefonnummern in den Katalog.\n")
    return mailto(settings.get("EDITORS_EMAIL") or "", f"Fehler: {record.short_name}", body)
