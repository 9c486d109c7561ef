// What /suche/ says about results, and the shorter query it offers when nothing is found.
import test from "node:test";
import assert from "node:assert/strict";
import "./german-lunr.mjs";
import { load } from "../../theme/static/js/lib/search-core.js";
import { cutLongWords, shorterQuery, statusText } from "../../theme/static/js/lib/search-status.js";
import { packIndex } from "./pack-index.mjs";

const result = (ref) => ({ ref, score: 1, terms: [] });

test("the status line counts hits and says when only some words were found", () => {
  assert.equal(statusText("Sucht", { mode: "all", results: [result(0)] }), "1 Treffer für „Sucht“.");
  assert.equal(statusText("Sucht", { mode: "all", results: [result(0), result(1)] }), "2 Treffer für „Sucht“.");
  assert.equal(statusText("xyz", { mode: "none", results: [] }), "Keine Treffer für „xyz“.");
  assert.equal(statusText("a b", { mode: "any", results: [result(0)] }),
               "Kein Eintrag enthält alle Wörter von „a b“; 1 Eintrag enthält einzelne davon.");
  assert.equal(statusText("a b", { mode: "any", results: [result(0), result(1), result(2)] }),
               "Kein Eintrag enthält alle Wörter von „a b“; 3 Einträge enthalten einzelne davon.");
});

test("long words are cut to their first 60 %, at least four letters", () => {
  assert.equal(cutLongWords("Sprachkurs"), "Sprach");
  assert.equal(cutLongWords("Sprachkurs in Teilzeitarbeit"), "Sprach in Teilzeita");  // 15 letters: the first 9
  assert.equal(cutLongWords("Hessen"), "Hess");
  assert.equal(cutLongWords("Bahn frei"), null);
});

test("the shorter query is offered only when it finds something", () => {
  const parts = [load(packIndex([{ title: "Sprachförderung für Eltern" }, { title: "Sprachcafé" }], [["title", 1]]))];
  assert.deepEqual(shorterQuery(parts, "Sprachkurs"), { text: "Sprach", count: 2 });
  assert.equal(shorterQuery(parts, "Zauberei"), null);
  assert.equal(shorterQuery(parts, "Bahn"), null);
});

test("„Meinten Sie …?“ replaces each word found through a typo by a real word, in the typed case", async () => {
  const { didYouMean, realWord, searchable, nothingSearchable, wordNotes } = await import("../../theme/static/js/lib/search-status.js");
  const texts = ["Hilfen für langzeitarbeitslose Menschen", "Schuldnerberatung im Jobcenter"];
  const found = { results: [result(0)], words: [
    { raw: "langzeitarbeitlose", term: "langzeitarbeitlos", how: "fuzzy", nearest: "langzeitarbeitslos" },
    { raw: "sachsen", term: "sachs", how: "exact", nearest: "" }] };
  assert.equal(didYouMean("Langzeitarbeitlose  Sachsen", found, (term) => realWord(texts, term)), "Langzeitarbeitslose  Sachsen");
  assert.equal(didYouMean("Sachsen", { results: [], words: [found.words[1]] }, () => "x"), null);
  assert.equal(realWord(texts, "schuldnerberat"), "Schuldnerberatung");
  assert.equal(realWord(texts, "xyz"), "");
  assert.deepEqual(searchable("  a  "), { text: "a", cut: false });
  assert.equal(searchable("x".repeat(500)).text.length, 200);
  assert.match(nothingSearchable("der die"), /kein Wort/);
  assert.equal(wordNotes({ results: [result(0)], words: [{ raw: "zzz", how: "none" }] }), " „zzz“ kommt nicht vor und wurde übergangen.");
});
