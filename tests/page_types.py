"""One URL per page type, for the quality gates (privacy, accessibility, page weight)."""

PAGE_TYPES = {
    "Startseite": "/",
    "Maßnahmenliste mit Filtern": "/massnahmen/?zielgruppe=alleinerziehende",  # with results (5)
    "Maßnahme": "/massnahmen/bahn-frei/",
    "Programmliste": "/programme/",
    "Programm": "/programme/modellvorhaben-arbeitsamt-sozialamt/",
    "Regionen": "/regionen/",
    "Region": "/regionen/mansfeld-suedharz/",
    "Facettenübersicht": "/zielgruppen/",
    "Facette": "/zielgruppen/alleinerziehende/",
    "Handlungsfeld": "/handlungsfelder/gesundheitsfoerderung/",
    "Stichwortverzeichnis": "/stichwortverzeichnis/",
    "Suche mit Ergebnissen": "/suche/?q=Alleinerziehende+Teilzeit",
    "Kosten": "/kosten/",
    "Vergleich": "/vergleich/?m=bahn-frei,jumita",
    "Mitmachen": "/mitmachen/",
    "Offene Daten": "/daten/",
    "Datenwörterbuch": "/daten/woerterbuch/",
    "Glossar": "/glossar/",
    "Leichte Sprache": "/leichte-sprache/",
    "Statische Seite": "/barrierefreiheit/",
}
