"""The submission form /mitmachen/ in real Chromium: its fields come from the schema, bad entries get
messages next to the field, and the file it produces is accepted by the project's validator."""

from __future__ import annotations

import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

import pelicanconf
from plugins.read import schema
from plugins.read.slugs import file_slug
from plugins.read.validate import check_tree

from .conftest import DATA, ROOT

# Checked here on the built /mitmachen/ page (tests/test_meta.py): the form fields generated from the schema.
BUILD_COVERS = ("plugins.present.form",)
TITLE = "Teilzeitausbildung für Mütter: „Zweite Chance“ in Groß-Gerau"


def _vocabulary_count(path):
    return len(schema.vocabulary_labels(schema.subschema_at("measure", path)))


def test_form_fields_are_generated_from_the_schema(page, site_url):
    page.goto(site_url + "/mitmachen/")
    keys = page.locator("#mitmachen > .form-fields > [data-key]").evaluate_all("els => els.map(e => e.dataset.key)")
    assert keys == list(schema.schemas()["measure"]["properties"])
    assert page.locator("#f-target-groups input[type=checkbox]").count() == _vocabulary_count(("target_groups",))
    assert page.locator("#f-state option").count() == _vocabulary_count(("state",)) + 1
    programmes = sorted(p.stem for p in (ROOT / "content" / "programmes").glob("*.md"))
    assert page.locator("#f-programme option").evaluate_all("os => os.map(o => o.value)")[1:] == programmes
    assert page.get_by_label("Institution").count() == 1
    label = page.locator("label[for=f-as-of]").inner_text()
    assert label.startswith("Stand") and "(Pflichtfeld)" in label


def _fill_valid(page):
    page.get_by_label("Titel", exact=False).first.fill(TITLE)
    page.locator("#f-summary").fill("Das Jobcenter bietet Müttern eine Ausbildung in Teilzeit mit Kinderbetreuung an; "
                                    "zwei Drittel schließen ab.")
    page.locator("#f-provider-institution").fill("Jobcenter Kreis Groß-Gerau")
    page.locator("#f-provider-kind").select_option("gemeinsame-einrichtung")
    page.locator("#f-state").select_option("hessen")
    page.get_by_label("Alleinerziehende", exact=True).check()
    page.get_by_label("Frauen und Berufsrückkehrerinnen").check()
    page.get_by_label("Passgenaue Angebote").check()
    page.locator("#f-legal-basis").fill("§16a SGBII\n§ 45 SGB III")
    page.locator("#f-programme").select_option("familien-staerken")
    page.locator("#f-as-of").fill("2024-03")
    page.get_by_role("button", name="Kosten je Teilnehmer/-in: Eintrag hinzufügen").click()
    page.locator("#f-cost-per-participant-0-amount").fill("5250,50")
    page.locator("#f-cost-per-participant-0-currency").select_option("EUR")
    page.locator("#f-cost-per-participant-0-per").select_option("participation")
    page.locator("#f-cost-per-participant-0-basis").select_option("derived")
    page.locator("#f-cost-per-participant-0-derivation").fill("105.010 € ÷ 20 Teilnehmerinnen")
    page.locator("#f-cost-per-participant-0-approximate").check()
    page.locator("#f-source-document").select_option("bla-sgb2-2013")
    page.locator("#f-source-pages").fill("31, 32")
    page.locator("#f-source-section").fill("Teil 2: Zweite Chance (Jobcenter Kreis Groß-Gerau)")
    page.locator("#f-keywords").fill("Teilzeitausbildung\nKinderbetreuung")


@pytest.fixture
def clipboard_page(browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], accept_downloads=True)
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    context.close()
    assert problems == []


def test_filled_form_produces_a_file_the_validator_accepts(clipboard_page, site_url, tmp_path):
    page = clipboard_page
    page.goto(site_url + "/mitmachen/")
    _fill_valid(page)
    assert page.locator("#f-body").input_value() == ""  # starts empty; the headings are a hint
    page.get_by_role("button", name="Gliederung in das Feld einfügen").click()
    page.get_by_role("button", name="Prüfen und Datei erzeugen").click()
    status = page.locator("#mitmachen-status")
    name = f"{file_slug(TITLE)}.md"
    expect(status).to_have_text(f"Alle Angaben sind gültig. Die Datei {name} ist fertig.")
    assert page.locator("#mitmachen-fehler").is_hidden()
    assert page.locator("#mitmachen-dateiname").inner_text() == f"content/measures/{name}"
    text = page.locator("#mitmachen-datei").input_value()

    content = tmp_path / "content"
    shutil.copytree(DATA / "good_minimal" / "content", content)
    shutil.copytree(ROOT / "content" / "programmes", content / "programmes", dirs_exist_ok=True)
    (content / "measures" / name).write_text(text, encoding="utf-8")
    raws, errors, warnings = check_tree(content, display_root=tmp_path)
    assert [str(e) for e in errors] == []
    record = next(raw for raw in raws["measure"] if raw.slug == file_slug(TITLE))
    assert record.data["title"] == TITLE
    assert record.data["legal_basis"] == ["§ 16a SGB II", "§ 45 SGB III"]
    assert record.data["cost_per_participant"] == [{"amount": 5250.5, "currency": "EUR", "per": "participation",
                                                   "basis": "derived", "derivation": "105.010 € ÷ 20 Teilnehmerinnen",
                                                   "approximate": True}]
    assert record.data["source"]["pages"] == [31, 32]
    assert record.data["target_groups"] == ["alleinerziehende", "frauen"]
    assert record.body.startswith("## Ziel")

    with page.expect_download() as download:
        page.get_by_role("link", name="Datei herunterladen").click()
    assert download.value.suggested_filename == name
    assert open(download.value.path(), encoding="utf-8").read() == text

    page.get_by_role("button", name="In die Zwischenablage kopieren").click()
    expect(status).to_have_text("Der Inhalt der Datei ist in der Zwischenablage.")
    assert page.evaluate("navigator.clipboard.readText()") == text

    link = urlsplit(page.get_by_role("link", name="Auf GitHub als Vorschlag einreichen").get_attribute("href"))
    assert f"{link.scheme}://{link.netloc}{link.path}" == f"{pelicanconf.REPOSITORY_URL}/new/main"
    assert parse_qs(link.query) == {"filename": [f"content/measures/{name}"], "value": [text]}


def test_bad_entries_get_messages_next_to_the_field(page, site_url):
    page.goto(site_url + "/mitmachen/")
    _fill_valid(page)
    page.locator("#f-summary").fill("")
    page.locator("#f-as-of").fill("März 2024")
    page.locator("#f-cost-per-participant-0-amount").fill("ca. 5.250 €")
    page.locator("#f-cost-per-participant-0-derivation").fill("")
    page.locator("#f-provider-institution").fill("Frau Muster, muster@jobcenter.example, 06142 / 123456")
    page.get_by_role("button", name="Prüfen und Datei erzeugen").click()
    expect(page.locator("#mitmachen-status")).to_have_text("5 Angaben müssen noch korrigiert werden.")

    def message(field_id):
        error = page.locator(f"#{field_id}-error")
        assert error.is_visible(), field_id
        assert page.locator(f"#{field_id}").get_attribute("aria-invalid") == "true"
        assert f"{field_id}-error" in page.locator(f"#{field_id}").get_attribute("aria-describedby")
        return error.inner_text()

    assert message("f-summary") == "Pflichtfeld: bitte ausfüllen."
    assert "JJJJ, JJJJ-MM oder JJJJ-MM-TT" in message("f-as-of")
    assert "ohne „ca.“, Einheit oder Tausenderpunkte" in message("f-cost-per-participant-0-amount")
    assert "Pflichtfeld" in message("f-cost-per-participant-0-derivation")
    assert "E-Mail-Adresse oder Telefonnummer" in message("f-provider-institution")
    assert page.locator("#f-title-error").is_hidden()
    summary = page.locator("#mitmachen-fehler")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "mitmachen-fehler"
    items = summary.locator("li").all_inner_texts()
    assert items[0].startswith("Zusammenfassung: ")
    assert any(item.startswith("Kosten je Teilnehmer/-in: Eintrag 1 › Betrag: ") for item in items)
    summary.get_by_role("link", name="Stand: ", exact=False).click()
    assert page.evaluate("document.activeElement.id") == "f-as-of"
    assert page.locator("#mitmachen-ergebnis").is_hidden()

    page.locator("#f-summary").fill("Ein Absatz.")
    page.locator("#f-as-of").fill("2024")
    page.locator("#f-cost-per-participant-0-amount").fill("5250")
    page.locator("#f-cost-per-participant-0-basis").select_option("stated")
    page.locator("#f-provider-institution").fill("Jobcenter Kreis Groß-Gerau")
    page.get_by_role("button", name="Prüfen und Datei erzeugen").click()
    expect(page.locator("#mitmachen-ergebnis")).to_be_visible()
    assert page.locator("#f-summary-error").is_hidden()


def test_repeated_groups_can_be_added_and_removed_by_keyboard(page, site_url):
    page.goto(site_url + "/mitmachen/")
    add = page.get_by_role("button", name="Ergebnisse: Eintrag hinzufügen")
    add.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    add.focus()
    page.keyboard.press("Enter")
    assert page.locator("#f-results .form-repeat-item").count() == 2
    assert page.evaluate("document.activeElement.id") == "f-results-1-description"
    page.get_by_role("button", name="Eintrag 1 entfernen").last.click()
    items = page.locator("#f-results .form-repeat-item")
    assert items.count() == 1
    assert items.locator("legend").first.inner_text() == "Ergebnisse: Eintrag 1"


@pytest.mark.parametrize("path", ["/mitmachen/", "/daten/", "/daten/woerterbuch/", "/daten/lizenz/", "/lizenzen/", "/mitmachen/luecken/"])
def test_editor_and_data_pages_have_no_wcag_violations(browser, site_url, path):
    from .test_accessibility import axe_violations

    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + path)
    if path == "/mitmachen/":  # with its messages showing, as a visitor who made mistakes sees it
        page.get_by_role("button", name="Kosten je Teilnehmer/-in: Eintrag hinzufügen").click()
        page.get_by_role("button", name="Prüfen und Datei erzeugen").click()
        expect(page.locator("#mitmachen-fehler")).to_be_visible()
    violations = axe_violations(page)
    context.close()
    assert violations == []
