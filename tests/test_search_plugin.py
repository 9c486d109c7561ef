"""The search at build time (plugins/derive/search, plugins/derive/filters.py): the files it writes, their determinism, the German pipeline and the filters."""

from __future__ import annotations

import json

import pytest

from plugins.derive import filters
from plugins.derive.facets import facet
from plugins.derive.search import german
from plugins.derive.search.compact import compact
from plugins.derive.search.documents import CORE_FIELDS, FULL_TEXT_FIELDS, core_fields, full_text_fields
from plugins.derive.search.index import SearchIndex, _builder, compact_index, dumps
from plugins.derive.search.query import search
from plugins.read.model import build_catalogue
from plugins.read.validate import check_tree

from .conftest import DATA, ROOT, run_build

SCENARIO = DATA / "search" / "content"


@pytest.fixture(scope="module")
def scenario_build(tmp_path_factory):
    first, second = tmp_path_factory.mktemp("search-a"), tmp_path_factory.mktemp("search-b")
    results = [run_build(SCENARIO.relative_to(ROOT), output) for output in (first, second)]
    for result in results:
        assert result.returncode == 0, result.stderr + result.stdout
    return first, second, results[0].stdout


@pytest.fixture(scope="module")
def scenario_catalogue():
    raws, errors, _ = check_tree(SCENARIO)
    assert errors == []
    return build_catalogue(raws)


def test_build_writes_the_search_files_and_says_their_size(scenario_build):
    output, _, stdout = scenario_build
    names = sorted(path.name for path in (output / "suche").iterdir())
    assert names == ["filter.json", "index.html", "kern.json", "volltext.json"]
    raw = sum(len((output / "suche" / name).read_bytes()) for name in names if name.endswith(".json"))
    assert f"Suchindex {round(raw / 1024)} KB (gzip " in stdout


def test_search_files_are_identical_in_two_builds(scenario_build):
    first, second, _ = scenario_build
    for name in ("filter.json", "kern.json", "volltext.json", "index.html"):
        assert (first / "suche" / name).read_bytes() == (second / "suche" / name).read_bytes(), name


def test_search_files_are_sorted_compact_json(scenario_build):
    output, _, _ = scenario_build
    for name in ("filter.json", "kern.json", "volltext.json"):
        data = (output / "suche" / name).read_bytes()
        assert dumps(json.loads(data)) == data, name


def test_german_pipeline_keeps_every_letter_and_number():
    assert [german.term_of(word) for word in ("Projekt", "Quartier", "Xylophon", "yes", "§", "16i", "U25", "50plus")] == \
        ["projekt", "quarti", "xylophon", "yes", "", "16i", "u25", "50plus"]
    assert german.term_of("über") == ""  # a lunr.de stop word
    assert german.term_of("Förderung") == "forder"
    assert german.query_words("Jugendliche ohne Abschluss") == [("jugendliche", "jugend"), ("abschluss", "abschluss")]


def test_the_fast_path_builds_the_index_lunr_py_builds_from_plain_text():
    """The build counts terms itself (index.compact_index); the builder gets word lists and one cached
    pipeline step (plugins/derive/search/german.py); lunr.py
    left to itself tokenizes the text and runs trimmer, stop-word filter and stemmer one by one.
    Both must give the same index for the whole real catalogue, text with hyphens, no-break spaces and § included."""
    raws, errors, _ = check_tree(ROOT / "content")
    assert errors == []
    records = build_catalogue(raws).records
    extra = {"ref": str(len(records)), "title": "Eingliederungs-Zuschuss\u00a0nach § 16e –- über  50-Jährige",
             "short_name": "", "keywords": "-Projekt- (Quartier)", "target_groups": "", "legal_basis": "§§", "place": "", "aliases": "AGH SGB II",
             "synonyms": "Ein-Euro-Job EinEuroJob", "parts": "zuschuss beratung"}
    for fields, extract in ((CORE_FIELDS, core_fields), (FULL_TEXT_FIELDS, full_text_fields)):
        documents = [{"ref": str(ref), **extract(record)} for ref, record in enumerate(records)]
        if fields is CORE_FIELDS:
            documents.append(extra)
        reference = german.lunr_py()()
        reference.pipeline.reset()
        reference.pipeline.add(german.trimmer_de, german.stop_word_filter_de, german.stemmer_de)
        reference.search_pipeline.reset()
        reference.search_pipeline.add(german.trimmer_de, german.stemmer_de)
        reference.ref("ref")
        for name, boost in fields:
            reference.field(name, boost=boost)
        for document in documents:
            reference.add(document)
        fast = _builder(fields, documents)
        assert compact(fast) == compact(reference)
        assert compact_index(fields, documents) == compact(reference)  # what the build writes, without a Builder
        assert len(compact(fast)["terms"]) > 100


def test_aliases_add_the_abbreviation_where_a_record_only_spells_it_out():
    from plugins.derive.search.aliases import Aliases
    from plugins.read.glossary import Entry

    aliases = Aliases([Entry("AGH", "…", long="Arbeitsgelegenheiten"), Entry("BG", "…", long="Bedarfsgemeinschaft"),
                       Entry("AG", "…", long="Arbeitsgruppe"), Entry("SGB II", "…", long="Zweites Buch Sozialgesetzbuch")],
                      protected=["BASF AG"])
    assert aliases.of("Zwei Arbeitsgelegenheiten für jede BG und ihre Bedarfsgemeinschaft") == "AGH"
    assert aliases.of("ARBEITSGELEGENHEITEN, zweites  Buch\nSozialgesetzbuch") == "AGH SGB II"
    assert aliases.of("Arbeitsgelegenheitenkonzept der BASF AG und einer Arbeitsgruppe") == "AG"
    assert aliases.of("AGH: Arbeitsgelegenheiten") == ""
    assert aliases.of("Zweites Kapitel: Buch Sozialgesetzbuch") == ""  # its first word alone is not the long form
    assert Aliases().of("Arbeitsgelegenheiten") == ""


def test_the_stemmer_is_snowball_2s_german_not_snowball_3s():
    # Snowball 3 stems these differently ("aktull", "ander", "akadem"); lunr.de in the browser stems as Snowball 2
    assert [german.stem(word) for word in ("Alleinerziehende", "aktuellen", "Änderungen", "AKADEMIKERINNEN")] == [
        "alleinerzieh", "aktuell", "ander", "akademikerinn"]


def test_all_words_must_match_else_any_word(scenario_catalogue):
    parts = SearchIndex(scenario_catalogue.records).build()
    indexes = [SearchIndex.load(part) for part in parts.values()]
    slugs = [record.slug for record in scenario_catalogue.records]

    def found(query):
        result = search(indexes, query)
        return result["mode"], [slugs[int(r["ref"])] for r in result["results"]]

    assert found("Werkstatt Alleinerziehende") == ("all", ["measure-title-with-markup"])
    mode, hits = found("Werkstatt Quartier")
    assert mode == "any" and sorted(hits) == ["measure-legal-basis-16i", "measure-title-with-markup"]
    assert found("16i") == ("all", ["measure-legal-basis-16i"])
    assert found("2019")[1][0] == "measure-legal-basis-16i"
    assert found("der die das") == ("none", [])


def test_filter_values_of_a_measure(scenario_catalogue):
    measure = next(m for m in scenario_catalogue.measures if m.slug == "measure-legal-basis-16i")
    by_param = {f.param: [value for value, _ in f.values_of(measure)] for f in filters.filters(costs={})}
    assert by_param["zielgruppe"] == ["langzeitarbeitslose"]
    assert by_param["land"] == ["bayern"]
    assert by_param["rechtsgrundlage"] == ["16i-sgb-ii", "16e-sgb-ii"]
    assert by_param["handlungsfeld"] == ["nachgehende-betreuung"]
    assert by_param["programm"] == ["programm-fuer-die-suche"]
    assert by_param["zeitraum"] == ["2015-2019"]
    assert by_param["umsetzung"] == []
    assert by_param["kosten"] == ["keine-angabe"]
    assert by_param["evidenz"] == ["0"]


def test_period_bands_cover_every_year_a_measure_ran():
    class Record(dict):
        get = dict.get

    assert filters.years_of(Record(period={"start": "2008", "end": "2011"}, as_of="2013")) == [2008, 2009, 2010, 2011]
    assert filters.years_of(Record(period={"start": "2012-02", "ongoing": True}, as_of="2013")) == [2012, 2013]
    assert filters.years_of(Record(as_of="2001-01-06")) == [2001]
    assert filters._period(Record(period={"start": "2008", "end": "2011"})) == [("2005-2009", "2005–2009"),
                                                                                ("2010-2014", "2010–2014")]


def test_cost_bands():
    assert [filters.cost_band(amount)[0] for amount in (None, 0, 999.99, 1000, 4999, 5000, 9999, 10000, 250000)] == \
        ["keine-angabe", "unter-1000", "unter-1000", "1000-2500", "2500-5000", "5000-10000", "5000-10000",
         "ab-10000", "ab-10000"]


def test_filter_data_counts_match_the_facet_pages(built_site):
    """The four foundation facets count as their pages do (measures and programmes); every measure and
    programme is in the filter data once, with its type („Art“)."""
    data = json.loads((built_site / "suche" / "filter.json").read_text(encoding="utf-8"))
    raws, _, _ = check_tree(ROOT / "content")
    catalogue = build_catalogue(raws)
    listed = catalogue.measures + catalogue.programmes
    assert sorted(m["url"] for m in data["measures"]) == sorted(m.url for m in listed)
    params = [f["param"] for f in data["filters"]]
    assert params[:7] == ["art", "zielgruppe", "land", "rechtsgrundlage", "handlungsfeld", "umsetzung", "programm"]
    kinds = {m["url"]: m["values"]["art"] for m in data["measures"]}
    assert all(kinds[m.url] == [m.kind] for m in listed)
    assert params[-1] == "zeitraum"
    for key in ("zielgruppen", "bundeslaender", "rechtsgrundlagen", "handlungsfelder"):
        base = facet(key)
        counts = {value.value: value.count for value in base.compute(listed) if value.count}
        ours = {}
        for measure in data["measures"]:
            for value in measure["values"][base.param]:
                ours[value] = ours.get(value, 0) + 1
        assert ours == counts, key
