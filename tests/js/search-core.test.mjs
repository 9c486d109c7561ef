// The browser's search rules on small hand-made indexes; tests/test_search_parity.py holds the same
// code against query.py and lunr on the real catalogue.
import test from "node:test";
import assert from "node:assert/strict";
import "./german-lunr.mjs";
import { decode, distances, load, maxDistance, nearest, queryWords, search, searchExact, snippet, termOf } from "../../theme/static/js/lib/search-core.js";
import { encode, packIndex } from "./pack-index.mjs";

const FIELDS = [["title", 10], ["body", 1]];
const RECORDS = [
  { title: "Teilzeitausbildung für Alleinerziehende", body: "Ausbildung in Teilzeit, begleitet vom Jobcenter." },
  { title: "Quartiersmanagement", body: "Beratung im Quartier für Alleinerziehende und Familien." },
  { title: "Bahn frei", body: "Arbeitsgelegenheiten nach § 16i SGB II seit 2013." },
  { title: "Gesundheit im Jobcenter", body: "Gesundheitsförderung für Langzeitarbeitslose in Hessen." },
];
const index = () => [load(packIndex(RECORDS, FIELDS))];
const refs = (found) => found.results.map((result) => result.ref);
const rounded = (x) => Math.floor(x * 1000 + 0.5) / 1000;

test("decode reads what compact.py's encode writes, one- and two-digit numbers alike", () => {
  const pairs = [[0, 1], [3, 2], [40, 1], [1000, 77], [5000, 1]];
  assert.deepEqual([...decode(encode(pairs))], pairs.flat());
  assert.deepEqual([...decode("")], []);
});

test("German words are trimmed, stemmed and stop words dropped, as lunr.de does", () => {
  assert.equal(termOf("Quartier"), "quarti");
  assert.equal(termOf("Projekt"), "projekt");
  assert.equal(termOf("der"), "");
  assert.equal(termOf("!!"), "");
  assert.deepEqual(queryWords("die Alleinerziehende-Teilzeit die"), [["alleinerziehende", "alleinerzieh"], ["teilzeit", "teilzeit"]]);
});

test("a record's score is lunr's BM25 with lunr's rounding", () => {
  // Two records, one field: idf = ln(1 + 1.5/1.5), the field as long as the average (norm = k1).
  const parts = [load(packIndex([{ title: "Teilzeit" }, { title: "Arbeit" }], [["title", 1]]))];
  const found = search(parts, "Teilzeit");
  assert.equal(found.mode, "all");
  assert.deepEqual(refs(found), [0]);
  assert.equal(found.results[0].score, rounded(Math.log(2) * 2.2 / (1.2 + 1)));
  assert.deepEqual(found.results[0].terms, ["teilzeit"]);
});

test("a word in the title weighs more than in the body", () => {
  const found = search(index(), "Jobcenter");
  assert.deepEqual(refs(found), [3, 0]);
  assert.ok(found.results[0].score > found.results[1].score);
});

test("every word must occur; if no record has all, records with some are listed", () => {
  const all = search(index(), "Alleinerziehende Quartier");
  assert.equal(all.mode, "all");
  assert.deepEqual(refs(all), [1]);
  const any = search(index(), "Quartier Hessen");
  assert.equal(any.mode, "any");
  assert.deepEqual(refs(any).sort(), [1, 3]);
});

test("a word start of three letters finds longer words; the whole word scores higher", () => {
  const parts = [load(packIndex([{ title: "Teil" }, { title: "Teilzeit" }], [["title", 1]]))];
  const found = search(parts, "Teil");
  assert.deepEqual(refs(found), [0, 1]);
  assert.deepEqual(found.results[1].terms, ["teilzeit"]);
  assert.deepEqual(refs(search(index(), "Gesund")), [3]);
});

test("numbers and words under three letters are only found whole", () => {
  assert.deepEqual(refs(search(index(), "16i")), [2]);
  assert.deepEqual(refs(search(index(), "16")), []);
  assert.deepEqual(refs(search(index(), "201")), []);
  assert.deepEqual(refs(search(index(), "2013")), [2]);
});

test("nothing searchable gives mode none", () => {
  assert.deepEqual(search(index(), "der die das"), { mode: "none", results: [], words: [], complete: 0 });
  assert.deepEqual(search(index(), "xyzzy"),
                   { mode: "none", results: [], words: [{ raw: "xyzzy", term: "xyzzy", how: "none", nearest: "" }], complete: 0 });
  assert.deepEqual(search([], "Teilzeit"), { mode: "none", results: [], words: [], complete: 0 });
  assert.deepEqual(searchExact(index(), "der die das"), { mode: "none", results: [] });
});

test("an index part in another format is refused", () => {
  assert.throws(() => load({ ...packIndex(RECORDS, FIELDS), format: 2 }), /Format 2, erwartet 3/);
});

test("the snippet marks matched words and cuts around the first one", () => {
  const text = Array.from({ length: 40 }, (_, i) => `wort${i}`).join(" ").replace("wort20", "Quartiers-Beratung");
  const pieces = snippet(text, [termOf("Beratung")], 10);  // terms as the index holds them
  const marked = pieces.filter((piece) => piece.mark).map((piece) => piece.text);
  assert.deepEqual(marked, ["Quartiers-Beratung"]);
  assert.equal(pieces[0].text, "… ");
  assert.equal(pieces.at(-1).text, " …");
  assert.equal(pieces.filter((piece) => piece.text.trim() && piece.text !== "… " && piece.text !== " …").length, 10);
  assert.deepEqual(snippet("kurz und gut", ["nichts"]), [
    { text: "kurz", mark: false }, { text: " ", mark: false }, { text: "und", mark: false },
    { text: " ", mark: false }, { text: "gut", mark: false }]);
});

test("a mistyped word finds the records of the nearest term, below a correct word, and names that term", () => {
  const found = search(index(), "Gesundhiet");
  assert.deepEqual(refs(found), [3]);
  assert.deepEqual(found.words, [{ raw: "gesundhiet", term: "gesundhiet", how: "fuzzy", nearest: "gesundheitsforder" }]);  // "Gesundheit" stems to "gesund"
  assert.equal(nearest(index(), "quartiersmanagment"), "quartiersmanagement");
  assert.equal(refs(search(index(), "Jobcenter Gesundhiet"))[0], 3);  // both words: the record with both first
});

test("short words stay exact; the edit distance grows with the word", () => {
  assert.equal(maxDistance("amt"), 0);
  assert.equal(maxDistance("sucht"), 1);
  assert.equal(maxDistance("langzeitarbeitslos"), 2);
  assert.deepEqual(refs(search(index(), "Bahm")), []);  // four letters: no typo tolerance
  assert.deepEqual(distances("gesundhiet", "gesundheit", 1), [1, 1]);  // one swap
  assert.deepEqual(distances("gesund", "gesundheitsforder", 1), [2, 0]);  // a start of the term
});

test("a compound that finds nothing is split into index terms; a question lists records with most words", () => {
  const found = search(index(), "Quartiersberatung");
  assert.deepEqual(refs(found), [1]);
  assert.equal(found.words[0].how, "split");
  const question = search(index(), "Ausbildung Teilzeit Hessen");
  assert.equal(question.complete, 0);
  assert.deepEqual(refs(question).slice(0, 1), [0]);  // two of three words before one of three
});
