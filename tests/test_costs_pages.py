"""plugins.costs on the built site: the figures on /kosten/, measure and programme pages, the SVG and its table."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from .conftest import DATA, ROOT, run_build

# Checked here in the built pages (tests/test_meta.py): /kosten/ with its charts, /vergleich/ and its data.
BUILD_COVERS = ("plugins.present.cost_report", "plugins.present.chart", "plugins.present.compare", "plugins.present.costs")
SCENARIO = DATA / "costs" / "content"
NBSP = "\u00a0"


class _Page(HTMLParser):
    """Visible text (scripts and the SVG left out) and the elements asked for by id."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def text_of(path) -> str:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).replace(NBSP, " ").split())


def section(html: str, start: str, end: str) -> str:
    return html[html.index(start):html.index(end, html.index(start))]


@pytest.fixture(scope="module")
def scenario_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("costs")
    result = run_build(SCENARIO.relative_to(ROOT), output)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "Kosten: 2 vergleichbare Maßnahmen in Preisen von 2023" in result.stdout
    return output


def test_costs_page_ranks_only_comparable_figures_and_states_the_base_year(scenario_site):
    html = (scenario_site / "kosten" / "index.html").read_text(encoding="utf-8")
    text = text_of(scenario_site / "kosten" / "index.html")
    assert "in Preisen von 2023" in text and "1 € = 1,95583 DM" in text
    assert "Verbraucherpreisindex für Deutschland (Statistisches Bundesamt, 2020 = 100, Jahre 1991 bis 2023)" in text
    rows = re.findall(r'<tr data-slug="([^"]+)"', section(html, 'id="kosten-tabelle-daten"', "</table>"))
    assert rows == ["measure-dm-budget-divided-by-participants", "measure-monthly-rate-with-duration"]
    assert ("DM-Budget geteilt durch Teilnehmende Aktivierung und Stabilisierung Alleinerziehende "
            "10.955,26 DM je Teilnehmer/-in (abgeleitet, 2001)") in text
    assert "rund 8.489 € – nicht bekannt – nicht bekannt Stufe 3: externe Evaluation" in text  # no duration
    assert "rund 6.581 € 6 rund 1.097 € Stufe 1: eigene Zahlen" in text


def test_costs_page_lists_what_is_left_out_and_why(scenario_site):
    text = text_of(scenario_site / "kosten" / "index.html")
    excluded = text[text.index("Beträge ohne Vergleich (3)"):text.index("Evidenzstufen Die Stufe")]
    assert ("Betrag je Jahr ohne Umrechnung 10.044 € je Teilnehmer/-in und Jahr (abgeleitet, 2013): Betrag je "
            "Teilnehmer/-in und Jahr: ob die zugrunde liegende Zahl gleichzeitig besetzte Plätze oder Teilnehmende "
            "im Jahr meint, ist offen") in excluded
    assert "Nur eine Obergrenze bis zu 3.000 € je Teilnehmer/-in (angegeben, 2013): nur eine Grenze („bis zu“)" in excluded
    assert ("Mittelvolumen 222.000 DM gesamt: keine Zahl der Teilnehmenden angegeben, durch die sich das "
            "Mittelvolumen teilen ließe") in excluded
    assert "Ohne Kostenangaben" not in excluded  # nothing to compare, nothing to explain


def test_costs_page_counts_agree_and_say_why_a_row_is_not_in_a_chart(scenario_site):
    text = text_of(scenario_site / "kosten" / "index.html")
    measures = len(list((scenario_site / "massnahmen").glob("*/index.html")))
    assert f"Maßnahmen mit vergleichbaren Kosten: 2 von {measures}" in text
    assert "nennen keine Kosten" in text and "3 nennen nur Beträge, die sich nicht vergleichen lassen" in text
    assert "2 der 2 Maßnahmen aus der Tabelle." in text  # per participation: both
    assert ("1 der 2 Maßnahmen aus der Tabelle. Nicht im Diagramm: DM-Budget geteilt durch Teilnehmende : die Dauer der "
            "Teilnahme ist nicht bekannt") in text


def test_group_statistics_give_minimum_median_and_maximum(scenario_site):
    text = text_of(scenario_site / "kosten" / "index.html")
    assert "Nach Zielgruppe Zielgruppe Maßnahmen Minimum Median Maximum Alleinerziehende 2 6.581 € 7.535 € 8.489 €" in text
    assert "Nach Art des Ansatzes Art des Ansatzes Maßnahmen Minimum Median Maximum Aktivierung und Stabilisierung 2" in text


def test_measure_page_shows_the_derivation_step_by_step(scenario_site):
    text = text_of(scenario_site / "massnahmen" / "measure-dm-budget-divided-by-participants" / "index.html")
    assert ("Kosten im Vergleich 10.955,26 DM je Teilnehmer/-in (abgeleitet, 2001), in Preisen von 2023 rund 8.489 €. "
            "Rechenweg laut Quelle: 547.763,17 DM (Fördermittel für das Vorhaben) ÷ 50 (Teilnehmende im Vorhaben) "
            "547.763,17 DM ÷ 1,95583 DM/€ = 280.066,86 € "
            "280.066,86 € ÷ 50 Teilnehmende = 5.601,34 € je Teilnahme "
            "5.601,34 € × 116,7 ÷ 77,0 (VPI 2023 ÷ VPI 2001) = 8.489,30 € in Preisen von 2023") in text
    assert "Evidenzstufe 3: externe Evaluation" in text
    assert "Stand 06.01.2001" in text and "Angaben älter als 5 Jahre" in text


def test_measure_page_compares_with_like_measures(scenario_site):
    text = text_of(scenario_site / "massnahmen" / "measure-monthly-rate-with-duration" / "index.html")
    assert ("Kosten im Vergleich 5.250 € je Teilnehmer/-in (abgeleitet, 2013), in Preisen von 2023 rund 6.581 €. "
            "Rechenweg 875,00 € × 116,7 ÷ 93,1 (VPI 2023 ÷ VPI 2013) = 1.096,80 € in Preisen von 2023 "
            "1.096,80 € je Teilnahmemonat × 6 Monate Dauer = 6.580,80 € je Teilnahme "
            "875 € je Teilnahmemonat (angegeben, 2013), in Preisen von 2023 rund 1.097 €.") in text
    assert ("Einzige vergleichbare Maßnahme der Art „Aktivierung und Stabilisierung“: DM-Budget geteilt durch "
            "Teilnehmende mit rund 8.489 € je Teilnehmer/-in.") in text
    html = (scenario_site / "massnahmen" / "measure-monthly-rate-with-duration" / "index.html").read_text(encoding="utf-8")
    assert 'href="/kosten/?art=aktivierung"' in html


def test_fresh_data_is_not_marked_as_old(scenario_site):
    text = text_of(scenario_site / "massnahmen" / "measure-without-cost-data" / "index.html")
    assert "Stand 2020" in text and "älter als 5 Jahre" not in text
    assert "Kosten im Vergleich" not in text


def test_programme_page_gives_dm_budgets_with_euro_and_the_total(scenario_site):
    text = text_of(scenario_site / "programme" / "programm-mit-dm-vorhaben" / "index.html")
    assert ("1.000.000 DM gesamt : Fördermittel des Programms insgesamt (entspricht 511.291,88 €; "
            "in Preisen von 2023 rund 774.906 € (Preisstand 2001, Jahr des Stands))") in text
    assert ("1.000.000,00 DM ÷ 400 Plätze = 2.500,00 DM je Platz (entspricht 1.278,23 €); in Preisen von 2023 "
            "rund 1.937 €. Bezug: geplante Plätze im Programm.") in text
    assert "DM-Budget geteilt durch Teilnehmende 547.763,17 DM 280.066,86 € bewilligt" in text
    assert "Zweites DM-Vorhaben, nur beantragt 222.000,00 DM 113.506,80 € beantragt" in text
    assert "Summe (2 Maßnahmen, nachgerechnet) 769.763,17 DM 393.573,66 €" in text
    assert "davon bewilligt (ohne Zweites DM-Vorhaben, nur beantragt: beantragt) 547.763,17 DM 280.066,86 €" in text
    assert "In Preisen von 2023 entspricht die Summe rund 596.494 € (Preisstand 2001)." in text


def test_the_28_model_projects_in_dm_with_euro_and_total(built_site):
    text = text_of(built_site / "programme" / "modellvorhaben-arbeitsamt-sozialamt" / "index.html")
    assert "Mittel der 28 Maßnahmen in diesem Programm" in text
    assert "Sozialhilfe aus dem Arbeitsamt: gemeinsame Betreuung der Doppelbezieher im Landkreis Rottweil 547.763,17 DM 280.066,86 € bewilligt" in text
    assert "Summe (28 Maßnahmen, nachgerechnet) 46.493.619,18 DM 23.771.810,01 €" in text
    assert "46.271.619,18 DM" in text  # without the 222.000 DM only applied for


def test_bahn_frei_shows_its_cost_in_context(built_site):
    text = text_of(built_site / "massnahmen" / "bahn-frei" / "index.html")
    assert "rund 5.250 € je Teilnehmer/-in (angegeben, 2013), in Preisen von 2023 rund 6.581 €." in text
    assert "5.250,00 € × 116,7 ÷ 93,1 (VPI 2023 ÷ VPI 2013) = 6.580,83 € in Preisen von 2023" in text
    assert re.search(r"Median vergleichbarer Maßnahmen für „Aktivierung und Stabilisierung“ \(\d+ weitere Maßnahmen\): "
                     r"rund [\d.]+ € je Teilnehmer/-in\.", text)
    assert "Evidenzstufe 0: keine Ergebnisse" in text and "Angaben älter als 5 Jahre" in text


class _Svg(HTMLParser):
    def __init__(self):
        super().__init__()
        self.svgs, self.current, self.inside = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.current = {"attrs": attrs, "ids": {}, "bars": []}
        elif self.current is not None:
            if tag in ("title", "desc") and attrs.get("id"):
                self.inside = attrs["id"]
                self.current["ids"][self.inside] = ""
            if tag == "g" and attrs.get("class") == "bar":
                self.current["bars"].append(attrs["data-slug"])

    def handle_endtag(self, tag):
        if tag in ("title", "desc"):
            self.inside = None
        if tag == "svg":
            self.svgs.append(self.current)
            self.current = None

    def handle_data(self, data):
        if self.inside:
            self.current["ids"][self.inside] += data


@pytest.mark.build  # by hand: the fixture comes from request.getfixturevalue, which conftest.py cannot see
@pytest.mark.parametrize("site", ["built_site", "scenario_site"])
def test_every_chart_has_an_accessible_name_and_matches_its_table(site, request):
    output = request.getfixturevalue(site)
    html = (output / "kosten" / "index.html").read_text(encoding="utf-8")
    parser = _Svg()
    parser.feed(html)
    assert len(parser.svgs) == 2
    for svg in parser.svgs:
        assert svg["attrs"]["role"] == "img"
        title_id, desc_id = svg["attrs"]["aria-labelledby"].split()
        assert svg["ids"][title_id].startswith("Kosten je") and "in Preisen von 2023" in svg["ids"][title_id]
        assert svg["ids"][desc_id].startswith("Balkendiagramm mit")
        table = section(html, f'id="{svg["attrs"]["id"]}-daten"', "</table>")
        assert re.findall(r'<tr data-slug="([^"]+)"', table) == svg["bars"]
        chart = section(html, f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" id="{svg["attrs"]["id"]}"', "</svg>")
        values = re.findall(r'<g class="bar" data-slug="[^"]+" data-value="([\d.]+)">', chart)
        labels = re.findall(r'fill="#1b1b1b">([\d.]+\u00a0€)</text></g>', chart)
        assert labels == re.findall(r'<td class="num">([\d.]+\u00a0€)</td>', table)
        assert values == sorted(values, key=float, reverse=True)
    assert parser.svgs[0]["bars"], "the chart per participation is never empty on these sites"


def test_compare_data_is_deterministic_json_for_every_measure(built_site):
    raw = (built_site / "vergleich" / "massnahmen.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert raw == json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    measures = sorted(p.name for p in (built_site / "massnahmen").iterdir() if p.is_dir())
    assert sorted(data["measures"]) == measures
    assert data["base_year"] == 2023
    bahn = data["measures"]["bahn-frei"]["values"]
    assert bahn["normalised_participation"] == [
        "rund 6.581\u00a0€ (rund 5.250\u00a0€ je Teilnehmer/-in (angegeben, 2013), in Preisen von 2023 rund 6.581\u00a0€)"]
    assert bahn["evidence"][0].startswith("Stufe 0: keine Ergebnisse")


def test_costs_pages_are_built_byte_for_byte_alike(scenario_site, tmp_path):
    result = run_build(SCENARIO.relative_to(ROOT), tmp_path)
    assert result.returncode == 0, result.stderr
    for path in ("kosten/index.html", "vergleich/index.html", "vergleich/massnahmen.json",
                 "massnahmen/measure-dm-budget-divided-by-participants/index.html",
                 "programme/programm-mit-dm-vorhaben/index.html"):
        assert (tmp_path / path).read_bytes() == (scenario_site / path).read_bytes(), path


def test_a_gap_in_the_price_index_stops_the_build_with_one_german_line(tmp_path):
    result = run_build(SCENARIO, tmp_path, settings="tests/data/costs/settings_vpi_gap.py")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "tests/data/costs/vpi-with-gap.csv:4: Preisindex: Jahr 2014 folgt nicht lückenlos auf 2012",
        "Abbruch: 1 Fehler in 1 Datei – die Website wurde nicht gebaut",
    ]


def test_navigation_links_to_the_costs_page(built_site):
    html = (built_site / "kosten" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="kern-link" href="/kosten/" aria-current="page">\s*Kosten\s*</a>', html)


def test_steckbrief_key_facts_give_the_base_year_cost_with_its_basis(scenario_site):
    text = text_of(scenario_site / "massnahmen" / "measure-monthly-rate-with-duration" / "index.html")
    facts = text[text.index("Auf einen Blick"):text.index("Kosten im Vergleich")]
    assert "Kosten je Teilnehmer/-in in Preisen von 2023 rund 6.581 € (Grundlage: " in facts
    assert "mit dem Verbraucherpreisindex umgerechnet)" in facts
    other = text_of(scenario_site / "massnahmen" / "measure-per-year-only" / "index.html")
    facts = other[other.index("Auf einen Blick"):]
    assert "Kosten je Teilnehmer/-in in Preisen von 2023 ohne vergleichbare Angabe (Betrag je Teilnehmer/-in und Jahr" in facts
