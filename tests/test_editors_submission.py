"""From the form to the editors without Git, in Chromium: the GitHub link and the mailto: link carry
exactly the validated file; „Eintrag verbessern“ fills the form with every real record and gives back
the same record; bad input gets a clear German message, never a broken link or an empty file."""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import expect

import pelicanconf
from plugins.read.validate import check_tree

from .conftest import DATA, ROOT, run_build
from .test_editors_form import _fill_valid

SUBMIT = "Prüfen und Datei erzeugen"
STATUS_OK = re.compile(r"^Alle Angaben sind gültig\. Die Datei .+\.md ist fertig\.$")


@pytest.fixture
def clip_page(browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    context.close()
    assert problems == []


def _validate_files(tmp_path, files: dict):
    """Our validator on the real catalogue with `files` ({name: text}) put into content/measures."""
    content = tmp_path / "content"
    if not content.exists():
        shutil.copytree(ROOT / "content", content)
    for name, text in files.items():
        (content / "measures" / name).write_text(text, encoding="utf-8")
    raws, errors, _ = check_tree(content, display_root=tmp_path)
    assert [str(e) for e in errors] == []
    return {raw.slug: raw for raw in raws["measure"]}


def _mail_file(href):
    parts = urlsplit(href)
    query = {key: unquote(value) for key, value in (item.split("=", 1) for item in parts.query.split("&"))}
    body = query["body"].replace("\r\n", "\n")
    match = re.search(r"----- (\S+\.md) -----\n(.*)----- Ende der Datei -----\n", body, re.DOTALL)
    return parts.path, query["subject"], match.group(1), match.group(2)


def test_github_and_mail_links_carry_exactly_the_validated_file(clip_page, site_url, tmp_path):
    page = clip_page
    page.goto(site_url + "/mitmachen/")
    _fill_valid(page)
    page.locator("#f-body").fill("## Ziel\n\nMütter schließen eine Ausbildung ab.\n")
    page.get_by_role("button", name=SUBMIT).click()
    expect(page.locator("#mitmachen-status")).to_have_text(STATUS_OK)
    text = page.locator("#mitmachen-datei").input_value()
    name = page.locator("#mitmachen-dateiname").inner_text().rsplit("/", 1)[1]

    github = urlsplit(page.get_by_role("link", name="Auf GitHub als Vorschlag einreichen").get_attribute("href"))
    assert f"{github.scheme}://{github.netloc}{github.path}" == f"{pelicanconf.REPOSITORY_URL}/new/main"
    query = parse_qs(github.query)
    assert query["filename"] == [f"content/measures/{name}"]
    [from_github] = query["value"]
    assert from_github == text
    mail_to, subject, mail_name, from_mail = _mail_file(page.get_by_role("link", name="Per E-Mail an die Redaktion").get_attribute("href"))
    assert from_mail == text and mail_name == name
    assert mail_to == "" and subject.startswith("Vorschlag: ")
    expect(page.locator("#mitmachen-email-an")).to_have_text("auszufüllen")

    records = _validate_files(tmp_path, {name: from_github})
    assert records[name.removesuffix(".md")].body.startswith("## Ziel")


def test_correction_form_round_trips_every_real_record(clip_page, site_url, built_site, tmp_path):
    page = clip_page
    export = json.loads((built_site / "daten" / "massnahmen.json").read_text(encoding="utf-8"))["records"]
    files, fitting = {}, 0
    for entry in export:
        page.goto(f"{site_url}/mitmachen/?korrektur={entry['id']}")
        expect(page.locator("#mitmachen[data-prefilled=true]")).to_have_count(1)
        assert page.locator("h1").inner_text() == f"Eintrag verbessern: {entry['data']['title']}"
        page.get_by_role("button", name=SUBMIT).click()
        expect(page.locator("#mitmachen-status")).to_have_text(f"Alle Angaben sind gültig. Die Datei {entry['id']}.md ist fertig.")
        files[f"{entry['id']}.md"] = page.locator("#mitmachen-datei").input_value()
        github = page.get_by_role("link", name="Auf GitHub als Vorschlag einreichen").get_attribute("href")
        assert github == f"{pelicanconf.REPOSITORY_URL}/edit/main/content/measures/{entry['id']}.md"
        mail = page.get_by_role("link", name="Per E-Mail an die Redaktion").get_attribute("href")
        if len(mail) <= 8000 and "Ende%20der%20Datei" in mail:
            assert _mail_file(mail)[3] == files[f"{entry['id']}.md"]
            fitting += 1
        else:  # a long record: the mail asks to paste the copied file, and the page says so
            assert "zu%20lang%20f%C3%BCr%20eine%20E-Mail" in mail
            expect(page.locator("#mitmachen-email-hinweis")).to_contain_text("zu lang für eine E-Mail")
    assert fitting > 0, "some records fit into a mailto: link"
    records = _validate_files(tmp_path, files)
    for entry in export:
        raw = records[entry["id"]]
        assert json.loads(json.dumps(raw.data)) == entry["data"], entry["id"]
        assert raw.body.strip() == entry["text"].strip(), entry["id"]


def test_unknown_record_leaves_the_form_empty_with_a_message(page, site_url):
    page.goto(site_url + "/mitmachen/?korrektur=gibt-es-nicht")
    expect(page.locator("#mitmachen-status")).to_have_text("Einen Eintrag mit der Kennung „gibt-es-nicht“ gibt es nicht; das Formular ist leer.")
    assert page.locator("#f-title").input_value() == ""


def _submit_expecting_message(page, text):
    page.get_by_role("button", name=SUBMIT).click()
    expect(page.locator("#mitmachen-fehler")).to_be_visible()
    assert page.locator("#mitmachen-ergebnis").is_hidden()  # never an empty file or a broken link
    expect(page.locator("#mitmachen-fehler ul")).to_contain_text(text)


@pytest.mark.parametrize("title, message", [
    ("x" * 10_000, "Der Text ist zu lang: höchstens"),
    ("!!! … ???", "Der Titel braucht Buchstaben oder Ziffern"),
    ("🚀🎉✨", "Der Titel braucht Buchstaben oder Ziffern"),
    ("<script>alert(1)</script> Maßnahme", "Bitte keine HTML-Tags"),
])
def test_bad_titles_get_a_clear_german_message(page, site_url, title, message):
    page.goto(site_url + "/mitmachen/")
    _fill_valid(page)
    page.locator("#f-title").fill(title)
    _submit_expecting_message(page, message)
    if len(title) == 10_000:
        expect(page.locator("#mitmachen-fehler ul")).to_contain_text("jetzt 10.000")


def test_html_in_the_description_and_emoji_in_text(page, site_url):
    page.goto(site_url + "/mitmachen/")
    _fill_valid(page)
    page.locator("#f-body").fill("## Ziel\n\n<b>fett</b>")
    _submit_expecting_message(page, "Markdown")
    page.locator("#f-body").fill("## Ziel\n\nGut gelaufen 🎉")
    page.locator("#f-summary").fill("Mütter 👩‍👧 lernen in Teilzeit; zwei Drittel schließen ab.")
    page.get_by_role("button", name=SUBMIT).click()
    expect(page.locator("#mitmachen-status")).to_have_text(STATUS_OK)
    text = page.locator("#mitmachen-datei").input_value()
    assert "👩‍👧" in text and "🎉" in text


def test_a_file_too_long_for_a_link_says_so_and_is_copied_on_click(clip_page, site_url, tmp_path):
    page = clip_page
    page.goto(site_url + "/mitmachen/")
    _fill_valid(page)
    page.locator("#f-body").fill("## Ziel\n\n" + "Ein langer Absatz über die Maßnahme. " * 300)
    page.get_by_role("button", name=SUBMIT).click()
    expect(page.locator("#mitmachen-status")).to_have_text(STATUS_OK)
    text = page.locator("#mitmachen-datei").input_value()
    link = page.get_by_role("link", name="Auf GitHub als Vorschlag einreichen")
    query = parse_qs(urlsplit(link.get_attribute("href")).query)
    assert "value" not in query and query["filename"][0].startswith("content/measures/")
    expect(page.locator("#mitmachen-github-hinweis")).to_contain_text("zu lang für einen Link")
    expect(page.locator("#mitmachen-email-hinweis")).to_contain_text("zu lang für eine E-Mail")
    with page.context.expect_page() as popup:
        link.click()
    popup.value.close()
    expect(page.locator("#mitmachen-status")).to_contain_text("Zwischenablage")
    assert page.evaluate("navigator.clipboard.readText()") == text


def test_record_pages_offer_improve_and_report_by_mail(built_site):
    page = (built_site / "massnahmen" / "jumita" / "index.html").read_text(encoding="utf-8")
    assert 'href="/mitmachen/?korrektur=jumita" rel="nofollow">Eintrag verbessern</a>' in page
    href = re.search(r'<a href="(mailto:[^"]+)" rel="nofollow">Fehler per E-Mail melden</a>', page).group(1)
    parts = urlsplit(href.replace("&amp;", "&"))
    query = {k: unquote(v) for k, v in (item.split("=", 1) for item in parts.query.split("&"))}
    assert parts.path == "" and query["subject"] == "Fehler: JUMITA"
    assert "„JUMITA (Junge Mütter in Teilzeit Ausbildung)“" in query["body"]
    assert f"{pelicanconf.PUBLIC_URL}/massnahmen/jumita/" in query["body"] and "content/measures/jumita.md" in query["body"]
    assert "Adresse auszufüllen" in page


def test_editors_address_is_one_setting(tmp_path):
    settings = tmp_path / "settings.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                        "EDITORS_EMAIL = 'redaktion@example.org'\n", encoding="utf-8")
    result = run_build(DATA / "good_minimal" / "content", tmp_path / "out", settings=str(settings))
    assert result.returncode == 0, result.stderr
    record = (tmp_path / "out" / "massnahmen" / "gute-massnahme" / "index.html").read_text(encoding="utf-8")
    assert 'href="mailto:redaktion@example.org?subject=Fehler%3A%20Gute%20Ma%C3%9Fnahme' in record
    form = (tmp_path / "out" / "mitmachen" / "index.html").read_text(encoding="utf-8")
    assert 'data-editors-email="redaktion@example.org"' in form and "auszufüllen" not in form
