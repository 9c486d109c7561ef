import pytest

from plugins.read.legal import LegalBasisError, normalise, paragraph_key

from .conftest import ROOT


@pytest.mark.parametrize("written, expected", [
    ("§16a SGBII", "§ 16a SGB II"),
    ("§ 16 a SGB II", "§ 16a SGB II"),
    ("§ 45 SGB III", "§ 45 SGB III"),
    ("§45 sgb 3", "§ 45 SGB III"),
    ("§ 16 Abs. 1 SGB II", "§ 16 Abs. 1 SGB II"),
    ("§ 48b Abs. 1 S. 1 Nr. 2 SGB II", "§ 48b Abs. 1 S. 1 Nr. 2 SGB II"),
    ("§ 18 Abs. 2a BSHG", "§ 18 Abs. 2a BSHG"),
    ("§ 16i SGB II", "§ 16i SGB II"),
])
def test_normalise(written, expected):
    assert normalise(written) == expected


@pytest.mark.parametrize("written, message", [
    ("Paragraf 16", "keine erkennbare Paragrafenangabe"),
    ("§§ 61, 61a SGB III", "nur einen Paragrafen je Eintrag"),
    ("§ 16 SGB XIV", "keine erkennbare Paragrafenangabe"),
    ("§ 16 SGB 13", "gibt es nicht"),
    ("§ 16 StGB", "ist unbekannt"),
])
def test_rejected(written, message):
    with pytest.raises(LegalBasisError, match=message):
        normalise(written)


def test_paragraph_key_drops_absatz():
    assert paragraph_key("§ 16 Abs. 1 SGB II") == "§ 16 SGB II"


def test_legal_bases_file_is_read_with_its_source_and_absent_is_empty(tmp_path):
    from plugins.read.legal_bases import read_legal_bases

    real = read_legal_bases(ROOT / "content")
    assert "gesetze-im-internet.de" in real["source"]
    paragraph = real["paragraphs"]["§ 16e SGB II"]
    assert paragraph["url"].startswith("https://www.gesetze-im-internet.de/sgb_2/")
    assert paragraph["explanation"].count(".") >= 2  # two sentences on what the paragraph is for
    assert dict(read_legal_bases(tmp_path)) == {}
