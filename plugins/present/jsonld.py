"""schema.org GovernmentService for each measure page, as JSON-LD that is safe inside <script>."""

from __future__ import annotations

import json

from markupsafe import Markup

# Provider kinds that are public bodies; the others (Bildungsträger, Sonstige) are plain organisations.
PUBLIC_PROVIDERS = {"gemeinsame-einrichtung", "zugelassener-kommunaler-traeger", "agentur", "land", "kommune"}


def government_service(record, url: str, changed_date: str | None) -> dict:
    provider = record.get("provider") or {}
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "@id": f"{url}#massnahme",
        "identifier": record.slug,
        "name": record.title,
        "description": record.get("summary"),
        "url": url,
        "provider": {
            "@type": "GovernmentOrganization" if provider.get("kind") in PUBLIC_PROVIDERS else "Organization",
            "name": provider.get("institution"),
        },
        "areaServed": [{"@type": "AdministrativeArea", "name": record.label_of("state", record.get("state"))}],
        "audience": [{"@type": "Audience", "audienceType": record.label_of("target_groups", value)}
                     for value in record.get("target_groups", [])],
        "category": [record.label_of("principles", value) for value in record.get("principles", [])],
    }
    if record.short_name != record.title:
        data["alternateName"] = record.short_name
    if record.get("region"):
        data["areaServed"].append({"@type": "AdministrativeArea", "name": record.get("region")})
    if record.get("measure_type"):
        data["serviceType"] = record.label_of("measure_type", record.get("measure_type"))
    if record.programme:
        base = url.rsplit("/massnahmen/", 1)[0]
        data["isRelatedTo"] = {"@type": "GovernmentService", "name": record.programme.title,
                               "url": f"{base}/{record.programme.url}"}
    page = {"@type": "WebPage", "@id": url, "inLanguage": "de"}
    if changed_date:
        page["dateModified"] = changed_date
    data["mainEntityOfPage"] = page
    return data


def script_safe(data: dict) -> Markup:
    """JSON whose text can never close the <script> element or open a comment, whatever the records say."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)
