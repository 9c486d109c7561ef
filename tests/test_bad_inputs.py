"""Every bad input makes the build fail with one exact line naming file, line and field."""

from __future__ import annotations

import shutil

import pytest

from plugins.read.schema import vocabulary
from plugins.read.validate import check_tree

from .conftest import DATA, ROOT, run_build

SCENARIO = DATA / "bad_inputs" / "content"
PREFIX = "tests/data/bad_inputs/content/measures/"

EXPECTED = {
    "measure-amount-as-text.md": "16: cost_per_participant[1].amount: erwartet eine Zahl, gefunden: „ca. 5.250 €“ (ohne „ca.“, Einheit oder Tausenderpunkte, z. B. 5250; „ca.“ gehört in approximate: true)",
    "measure-broken-yaml.md": "8: (YAML): YAML-Syntaxfehler: an dieser Stelle darf kein weiteres „name: wert“ stehen; häufige Ursachen sind falsche Einrückung, ein fehlendes Leerzeichen nach dem Doppelpunkt oder ein Doppelpunkt im Text ohne Anführungszeichen",
    "measure-currency-not-eur-or-dm.md": "17: budget[1].currency: „USD“ ist kein zulässiger Wert; erlaubt: EUR, DM",
    "measure-date-as-text.md": "15: region: erwartet Text, gefunden: das Datum 2013-04-08 (YAML liest es als Datum; als Text bitte in Anführungszeichen setzen: \"2013-04-08\")",
    "measure-empty.md": "1: (Datei): Datei ist leer; erwartet wird ein Kopfbereich zwischen zwei Zeilen mit ---",
    "measure-legal-basis-unparseable.md": "13: legal_basis[1]: „Paragraf sechzehn“ ist keine erkennbare Paragrafenangabe; erwartet z. B. „§ 16a SGB II“ oder „§ 45 SGB III“",
    "measure-missing-summary.md": "1: summary: Pflichtfeld „Zusammenfassung“ fehlt",
    "measure-missing-title.md": "1: title: Pflichtfeld „Titel“ fehlt",
    "measure-no-front-matter.md": "1: (Kopfbereich): kein Kopfbereich gefunden; die Datei muss mit einer Zeile --- beginnen, dann die Felder, dann wieder ---",
    "measure-not-utf8.md": "2: (Datei): Datei ist nicht in UTF-8 kodiert (ungültiges Byte 0xdf); bitte als UTF-8 speichern",
    "measure-principle-outside-vocabulary.md": "11: principles[1]: „gute-laune“ ist kein zulässiger Wert; erlaubt: geschultes-personal, beratung-motivation, passgenaue-angebote, gesundheitsfoerderung, praktische-erprobung, nachgehende-betreuung, ansprache-unternehmen, kommunale-leistungen, kooperationen-netzwerke",
    "measure-programme-missing.md": "15: programme: Programm „testprogram“ gibt es nicht (meinten Sie „testprogramm“?); erwartet wird der Dateiname eines Programms in content/programmes/ ohne .md",
    "measure-state-outside-vocabulary.md": "7: state: „Hessen-Nassau“ ist kein zulässiger Wert (meinten Sie „hessen“?); erlaubt: baden-wuerttemberg, bayern, berlin, brandenburg, bremen, hamburg, hessen, mecklenburg-vorpommern, niedersachsen, nordrhein-westfalen, rheinland-pfalz, saarland, sachsen, sachsen-anhalt, schleswig-holstein, thueringen, bundesweit",
    "measure-target-group-outside-vocabulary.md": "9: target_groups[1]: „alleinerziehend“ ist kein zulässiger Wert (meinten Sie „alleinerziehende“?); erlaubt: " + ", ".join(e["const"] for e in vocabulary("target_group")),
    "measure-unknown-key.md": "15: zielgrupen: unbekanntes Feld (meinten Sie „target_groups“?)",
    "measure-yes-as-text.md": "15: short_name: erwartet Text, gefunden: true (YAML liest yes als Wahrheitswert; als Text bitte in Anführungszeichen setzen: \"yes\")",
    "measure-date-impossible.md": "14: as_of: „2013-02-30“ gibt es nicht im Kalender (der Februar 2013 hat 28 Tage); erwartet ein Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT",
    "measure-period-ends-before-start.md": "16: period.end: Ende „2011-08-31“ liegt vor dem Beginn „2012-10-01“; bitte Beginn und Ende prüfen",
    "measure-as-of-in-future.md": "14: as_of: „2031“ liegt nach dem Erstellungsdatum 01.01.2026 (aus SOURCE_DATE_EPOCH); ein Datum in der Zukunft ist hier nicht möglich, bitte prüfen",
    "measure-symlink.md": "1: (Datei): Datei ist eine symbolische Verknüpfung und wird nicht gelesen; bitte die Datei selbst in den Inhaltsordner legen",
}
# Fixed build date for the future-date check: 2026-01-01T00:00:00Z (see plugins/read/builddate.py).
BUILD_EPOCH = "1767225600"
DUPLICATE = ("tests/data/bad_inputs/content/programmes/doppelt.md:1: (Dateiname): Kennung „doppelt“ ist doppelt "
             "vergeben, auch in tests/data/bad_inputs/content/measures/doppelt.md; bitte die Datei umbenennen")
ALL_LINES = sorted([PREFIX + name + ":" + line for name, line in EXPECTED.items()] + [DUPLICATE])


def _problem_lines(text: str) -> list[str]:
    return sorted(line for line in text.splitlines() if line.startswith("tests/data/") and "Warnung" not in line)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_alone_gives_its_one_message(tmp_path, monkeypatch, name):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    scenario = tmp_path / "tests" / "data" / "bad_inputs" / "content"
    shutil.copytree(DATA / "good_minimal" / "content", scenario)
    shutil.copy(SCENARIO / "measures" / name, scenario / "measures" / name, follow_symlinks=False)
    monkeypatch.chdir(tmp_path)
    _, errors, _ = check_tree(scenario.relative_to(tmp_path))
    assert [str(error) for error in errors] == [PREFIX + name + ":" + EXPECTED[name]]


def test_build_reports_every_bad_file_together_and_fails(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    result = run_build(SCENARIO.relative_to(ROOT), tmp_path / "out")
    assert result.returncode == 1
    assert _problem_lines(result.stderr) == ALL_LINES
    assert result.stderr.strip().endswith("Abbruch: 21 Fehler in 21 Dateien – die Website wurde nicht gebaut")
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "out" / "index.html").exists()


def test_plain_pelican_also_fails_on_a_bad_tree_without_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    result = run_build(SCENARIO.relative_to(ROOT), tmp_path / "out", tool="pelican")
    assert result.returncode == 1
    assert _problem_lines(result.stderr) == ALL_LINES
    assert "21 Fehler in 21 Dateien" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_validate_command_prints_the_same_lines_and_a_count(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "plugins.validate", "--content", str(SCENARIO.relative_to(ROOT))],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert _problem_lines(result.stderr) == ALL_LINES
    assert result.stderr.strip().splitlines()[-1] == "23 Dateien geprüft: 21 Fehler in 21 Dateien, 0 Warnungen"  # gaps are listed once the errors are fixed


def test_good_tree_builds_and_ends_with_a_summary_line(tmp_path):
    result = run_build((DATA / "good_minimal" / "content").relative_to(ROOT), tmp_path / "out")
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("1 Maßnahme, 1 Programm, 0 Regionen, 4 Facetten, ")  # German plurals
    assert (tmp_path / "out" / "massnahmen" / "gute-massnahme" / "index.html").exists()
