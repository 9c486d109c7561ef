"""plugins.costs in real Chromium: /vergleich/ with good and bad URLs, the list checkboxes, sorting and filtering /kosten/."""

from __future__ import annotations

import re


def compare_table(page):
    return page.locator("#vergleich-tabelle")


def test_compare_page_shows_two_measures_side_by_side(page, site_url):
    page.goto(site_url + "/vergleich/?m=bahn-frei,jobschmiede")
    table = compare_table(page)
    table.wait_for()
    assert table.locator("caption").inner_text() == "Vergleich: BAHN FREI!, Jobschmiede"
    headers = table.locator("thead th")
    assert [headers.nth(i).inner_text().split("\n")[0] for i in range(headers.count())] == ["Merkmal", "BAHN FREI!", "Jobschmiede"]
    row = table.locator("tr[data-field=normalised_participation]")
    assert row.locator("th").inner_text() == "Kosten je Teilnehmer/-in in Preisen von 2023"
    assert row.locator("td").nth(0).inner_text().startswith("rund 6.581\u00a0€")
    assert row.locator("td").nth(1).inner_text().startswith("nicht vergleichbar: 10.044\u00a0€ je Teilnehmer/-in und Jahr")
    assert "Stufe 1: eigene Zahlen" in table.locator("tr[data-field=evidence] td").nth(1).inner_text()
    assert page.locator(".compare-error").count() == 0
    assert page.title().startswith("Vergleich: BAHN FREI!, Jobschmiede – ")
    share = page.locator(".compare-share a")
    assert share.get_attribute("href") == site_url + "/vergleich/?m=bahn-frei,jobschmiede"


def test_unknown_slug_gets_a_clear_message_and_no_empty_table(page, site_url):
    page.goto(site_url + "/vergleich/?m=gibt-es-nicht,auch-nicht")
    alerts = page.get_by_role("alert")
    alerts.first.wait_for()
    texts = [alerts.nth(i).inner_text() for i in range(alerts.count())]
    assert texts == [
        "Die Kennung „gibt-es-nicht“ gehört zu keiner Maßnahme im Katalog. Prüfen Sie die Adresse oder wählen Sie "
        "die Maßnahmen unten aus.",
        "Die Kennung „auch-nicht“ gehört zu keiner Maßnahme im Katalog. Prüfen Sie die Adresse oder wählen Sie "
        "die Maßnahmen unten aus.",
    ]
    assert compare_table(page).count() == 0
    assert page.locator("#vergleich-auswahl-liste").get_attribute("open") is not None


def test_one_unknown_among_known_slugs_is_named_and_the_rest_compared(page, site_url):
    page.goto(site_url + "/vergleich/?m=bahn-frei,tippfehler,jobschmiede")
    compare_table(page).wait_for()
    assert page.get_by_role("alert").inner_text().startswith("Die Kennung „tippfehler“ gehört zu keiner Maßnahme")
    assert compare_table(page).locator("thead th").count() == 3


def test_a_single_known_slug_asks_for_another(page, site_url):
    page.goto(site_url + "/vergleich/?m=bahn-frei")
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert alert.inner_text() == "Für einen Vergleich fehlt noch mindestens eine Maßnahme; gewählt ist nur „BAHN FREI!“."
    assert compare_table(page).count() == 0


def test_more_than_four_are_cut_to_four_with_a_message(page, site_url):
    page.goto(site_url + "/vergleich/?m=bahn-frei,jobschmiede,jumita,bg-coaching,imbus")
    compare_table(page).wait_for()
    assert "höchstens vier Maßnahmen" in page.get_by_role("alert").inner_text()
    assert compare_table(page).locator("thead th").count() == 5


def test_picker_on_the_compare_page_makes_a_shareable_address(page, site_url):
    page.goto(site_url + "/vergleich/?m=bahn-frei&m=jumita")
    compare_table(page).wait_for()
    assert page.url == site_url + "/vergleich/?m=bahn-frei,jumita"  # repeated m= from a form, made canonical
    page.locator("#vergleich-auswahl-liste summary").click()
    page.get_by_label("Jobschmiede", exact=True).check()
    page.get_by_role("button", name="Vergleichen").click()
    page.wait_for_url(re.compile(r".*/vergleich/\?m=.*"))
    compare_table(page).wait_for()
    assert page.url == site_url + "/vergleich/?m=bahn-frei,jobschmiede,jumita"


def test_compare_page_prints_the_table_without_the_picker(page, site_url):
    page.goto(site_url + "/vergleich/?m=bahn-frei,jobschmiede")
    compare_table(page).wait_for()
    page.emulate_media(media="print")
    assert compare_table(page).is_visible()
    assert not page.locator("#vergleich-auswahl").is_visible()
    assert not page.locator(".site-nav").is_visible()
    assert page.pdf(format="A4")[:4] == b"%PDF"


def test_checkboxes_on_the_list_lead_to_the_comparison(page, site_url):
    page.goto(site_url + "/massnahmen/")
    page.wait_for_selector(".compare-pick:not([hidden])")
    assert not page.locator(".compare-bar").is_visible()  # nothing chosen: no bar
    bar = page.get_by_role("region", name="Auswahl zum Vergleichen")
    go = bar.get_by_role("button", name="Vergleichen")
    page.get_by_role("checkbox", name="Vergleichen: BAHN FREI!").check()
    assert go.is_disabled()
    page.get_by_role("checkbox", name="Vergleichen: Jobschmiede").check()
    assert bar.locator(".compare-bar-status").inner_text() == "2 von höchstens 4 ausgewählt: BAHN FREI!, Jobschmiede."
    for name in ("JUMITA", "IMBUS"):
        page.get_by_role("checkbox", name=f"Vergleichen: {name}").check()
    fifth = page.get_by_role("checkbox", name="Vergleichen: BG-Coaching")
    fifth.click()
    assert not fifth.is_checked()
    assert bar.locator(".compare-bar-status").inner_text().startswith("Höchstens 4 Maßnahmen lassen sich vergleichen.")
    page.get_by_role("checkbox", name="Vergleichen: IMBUS").uncheck()
    page.get_by_role("checkbox", name="Vergleichen: JUMITA").uncheck()
    go.click()
    page.wait_for_url(site_url + "/vergleich/?m=bahn-frei,jobschmiede")
    compare_table(page).wait_for()


def test_compare_checkboxes_stay_hidden_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/massnahmen/")
    assert page.locator(".compare-pick").count() > 0
    assert page.locator(".compare-pick").first.is_hidden()
    page.goto(site_url + "/kosten/")
    assert page.locator("#kosten-tabelle-daten tbody tr").count() >= 5  # the whole table, unsorted by script
    assert page.locator("svg#kosten-je-teilnahme").is_visible()
    context.close()


def _column(page, index):
    cells = page.locator(f"#kosten-tabelle-daten tbody tr:not([hidden]) > :nth-child({index})")
    return [cells.nth(i).get_attribute("data-sort") for i in range(cells.count())]


def test_costs_table_sorts_by_cost_with_unknown_values_last(page, site_url):
    page.goto(site_url + "/kosten/")
    header = page.locator("#kosten-tabelle-daten thead th").nth(4)
    assert page.locator("#kosten-tabelle-daten thead th").nth(0).get_attribute("aria-sort") == "ascending"
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    values = _column(page, 5)
    known = [float(v) for v in values if v]
    assert known == sorted(known) and values[:len(known)] == [v for v in values if v]
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    known = [float(v) for v in _column(page, 5) if v]
    assert known == sorted(known, reverse=True)
    assert "absteigend sortiert" in page.locator("#kosten-tabelle-daten caption").inner_text()
    assert page.locator("#kosten-status").inner_text() == "Sortiert nach „je Teilnehmer/-in (2023)“, absteigend."


def test_costs_table_filters_like_with_like_and_keeps_it_in_the_address(page, site_url):
    page.goto(site_url + "/kosten/")
    total = page.locator("#kosten-tabelle-daten tbody tr").count()
    page.get_by_label("Art des Ansatzes", exact=True).select_option("aktivierung")
    rows = page.locator("#kosten-tabelle-daten tbody tr:not([hidden])")
    shown = rows.count()
    assert 0 < shown < total
    assert all(rows.nth(i).get_attribute("data-art") == "aktivierung" for i in range(shown))
    status = page.locator("#kosten-status").inner_text()
    assert re.match(rf"{shown} von {total} Maßnahmen angezeigt\. Median je Teilnehmer/-in der (\d+ )?angezeigten( mit Betrag je Teilnahme)?: rund ", status)
    assert page.url.endswith("/kosten/?art=aktivierung")
    page.get_by_label("Evidenzstufe", exact=True).select_option("3")
    assert all(page.locator("#kosten-tabelle-daten tbody tr:not([hidden])").nth(i).get_attribute("data-evidenz") == "3"
               for i in range(page.locator("#kosten-tabelle-daten tbody tr:not([hidden])").count()))
    page.get_by_role("button", name="Filter zurücksetzen").click()
    page.wait_for_function("document.querySelectorAll('#kosten-tabelle-daten tbody tr[hidden]').length === 0")
    assert page.url.endswith("/kosten/")


def test_link_from_a_measure_opens_the_costs_page_filtered(page, site_url):
    page.goto(site_url + "/massnahmen/bahn-frei/")
    page.get_by_role("link", name="Alle Maßnahmen dieser Art in der Kostenübersicht").click()
    page.wait_for_url(site_url + "/kosten/?art=aktivierung")
    assert page.get_by_label("Art des Ansatzes", exact=True).input_value() == "aktivierung"
    assert page.locator("#kosten-tabelle-daten tbody tr:not([hidden])").count() >= 2
    assert page.locator("#kosten-tabelle-daten tbody tr[hidden]").count() >= 1
