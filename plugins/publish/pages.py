"""Every HTML page of the catalogue: which template, which address, which data; and the context templates share."""

from __future__ import annotations

from plugins.derive import SEARCH_DIR, editorial_gaps, listed
from plugins.derive.keywords import URL as KEYWORDS_URL
from plugins.present.cost_report import COMPARE_URL, COSTS_URL
from plugins.present.form import form_fields
from plugins.publish import dictionary, notices, xlsx
from plugins.read import schema
from plugins.read.validate import EMAIL, PHONE

GLOSSARY_URL = "glossar/"
LISTS = (("measures", "massnahmen/"), ("programmes", "programme/"), ("regions", "regionen/"))


def template_context(sources, derived, presented) -> dict:
    """What every template may use; set once into Pelican's context by the generator."""
    return {
        "catalogue": sources.catalogue,
        "glossary": sources.glossary,
        "facets": derived.facets,
        "related": presented.related,
        "search_filters": derived.filters,
        "costs": presented.costs,
        "open_data": presented.open_data,
        "abbreviation_marker": presented.abbreviation_marker,
        "legal_bases": sources.legal_bases,
        "rendered_once": rendered_once({}),
    }


# What the macro files (_macros.html, _editors.html) read besides their arguments: site-wide values only.
# As Jinja globals they let every template import the macros without context, and Jinja then runs each
# macro file once per build instead of once per page and import. SITEURL is one address for the whole site
# (no RELATIVE_URLS; the cards of rendered_once already rely on that).
MACRO_GLOBALS = ("SITEURL", "costs", "open_data", "rendered_once")


def macro_globals(context) -> dict:
    return {name: context[name] for name in MACRO_GLOBALS}


def rendered_once(cache: dict):
    """A template function: a component rendered once per build and key, then reused (a record's card looks
    the same on every list it is on; abbreviations are marked per page afterwards)."""

    def render(key, component, *args):
        if key not in cache:
            cache[key] = component(*args)
        return cache[key]

    return render


def page_list(sources, derived, presented, package, counts, theme="theme") -> list[tuple[str, str, dict]]:
    """(address, template, data) for every page, in the order they are written."""
    catalogue = sources.catalogue
    pages = []
    for template, url in LISTS:
        records = listed(catalogue) if template == "measures" else getattr(catalogue, template)  # with „Art“ filter
        pages.append((url, template, {"records": records}))
    for record in catalogue.records:
        pages.append((record.url, record.kind, {"record": record, "facts": presented.facts[record.slug]}))
    for facet, values in derived.facets.values():
        pages.append((f"{facet.key}/", "facet_index", {"facet": facet, "values": values}))
        for value in values:
            pages.append((value.url, "facet", {"facet": facet, "value": value, "records": list(value.records)}))
    pages.append((KEYWORDS_URL, "keywords", {"sections": derived.keywords}))
    pages.append(("daten/", "daten", {"package": package, "counts": counts, "shapes": xlsx.shapes(presented.open_data),
                                      "csv_columns": len(dictionary.csv_columns())}))
    pages.append(("daten/woerterbuch/", "daten_woerterbuch",
                  {"sections": dictionary.sections(), "columns": dictionary.csv_columns()}))
    pages.append(("daten/lizenz/", "daten_lizenz", {"sources": schema.vocabulary_entries(("source", "document"))}))
    pages.append((notices.PAGE, "lizenzen", {"components": notices.components(notices.vendor_folder(theme))}))
    programmes = [(p.slug, p.title) for p in sorted(catalogue.programmes, key=lambda p: p.slug)]
    pages.append(("mitmachen/", "mitmachen", {"fields": form_fields("measure", {("programme",): programmes}),
                                              "contact_patterns": [EMAIL.pattern, PHONE.pattern]}))
    pages.append(("mitmachen/luecken/", "mitmachen_luecken",
                  {"gaps": editorial_gaps.overview(catalogue, derived.reference_year, derived.costs)}))
    pages.append((COSTS_URL, "costs", {}))
    pages.append((COMPARE_URL, "compare", {"measures": catalogue.measures}))
    records = {record.slug: record for record in catalogue.records}
    glossary = sources.glossary
    pages.append((GLOSSARY_URL, "glossary", {"sections": glossary.sections(), "names": glossary.names,
                                             "name_records": records}))
    pages.append((f"{SEARCH_DIR}/", "search", {}))
    return pages


RECORD_PAGES = ("measure", "programme", "region")


def single_record(page) -> bool:
    return page[1] in RECORD_PAGES


def heaviest_first(pages: list) -> list:
    """The pages in an order for sharing them out: lists and overviews (one of them may list every record)
    before the many small and alike pages of single records, so that no big page is left for the end."""
    return sorted(pages, key=single_record)


def write_page(writer, get_template, context, page) -> str:
    """Render and write one page; returns its address for the sitemap."""
    url, template, data = page
    writer.write_file(f"{url}index.html", get_template(template), context, page_url=url, **data)
    return url


def pelican_pages(context) -> list[str]:
    """Addresses of the pages Pelican writes itself: the home page and the static pages in content/pages."""
    pages = [page.save_as for page in context.get("pages", []) + context.get("hidden_pages", [])]
    pages += [f"{name}.html" for name in context.get("DIRECT_TEMPLATES", [])]
    return [page.removesuffix("index.html") for page in pages if page]
