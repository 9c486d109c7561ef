"""One URL per page type, for the quality gates (privacy, accessibility, page weight)."""

PAGE_TYPES = {
    "Startseite": "/",
    "Maßnahmenliste": "/massnahmen/",
    "Maßnahme": "/massnahmen/bahn-frei/",
    "Programmliste": "/programme/",
    "Programm": "/programme/modellvorhaben-arbeitsamt-sozialamt/",
    "Region": "/regionen/mansfeld-suedharz/",
    "Facettenübersicht": "/zielgruppen/",
    "Facette": "/zielgruppen/alleinerziehende/",
    "Handlungsfeld": "/handlungsfelder/gesundheitsfoerderung/",
    "Stichwortverzeichnis": "/stichwortverzeichnis/",
    "Statische Seite": "/barrierefreiheit/",
}
