// Comparing measures: the selection on lists, the /vergleich/ address, and the table's content.
import test from "node:test";
import assert from "node:assert/strict";
import {
  MAX, compareTable, compareUrl, parseStoredSelection, requestedSlugs, resolveRequest, selectionText, toggleSelection,
} from "../../theme/static/js/lib/compare-model.js";

const DATA = {
  rows: [["zielgruppe", "Zielgruppen"], ["kosten", "Kosten"], ["land", "Bundesland"]],
  measures: {
    "bahn-frei": { short_name: "BAHN FREI", title: "BAHN FREI – Arbeit im Verkehr", url: "massnahmen/bahn-frei/",
                   values: { zielgruppe: ["Jugendliche", "Ältere"], land: ["Hessen"] } },
    jobschmiede: { short_name: "Jobschmiede", title: "Jobschmiede", url: "massnahmen/jobschmiede/",
                   values: { zielgruppe: ["Jugendliche"] } },
    neustart: { short_name: "Neustart", title: "Neustart 50plus", url: "massnahmen/neustart/", values: {} },
  },
};

test("the address lists the slugs comma-separated, escaped", () => {
  assert.equal(compareUrl("https://example.org/katalog", ["a", "b c"]), "https://example.org/katalog/vergleich/?m=a,b%20c");
});

test("?m=a,b and repeated m= are read alike: trimmed, lower-cased, each once", () => {
  assert.deepEqual(requestedSlugs("?m=bahn-frei,%20Jobschmiede"), { slugs: ["bahn-frei", "jobschmiede"], repeated: false });
  assert.deepEqual(requestedSlugs("?m=a,b&m=B,c,,"), { slugs: ["a", "b", "c"], repeated: true });
  assert.deepEqual(requestedSlugs(""), { slugs: [], repeated: false });
});

test("unknown slugs are reported, and more than four are cut to four", () => {
  assert.deepEqual(resolveRequest(DATA.measures, ["jobschmiede", "gibt-es-nicht", "constructor"]),
                   { known: ["jobschmiede"], unknown: ["gibt-es-nicht", "constructor"], tooMany: false });
  const many = { a: {}, b: {}, c: {}, d: {}, e: {} };
  assert.deepEqual(resolveRequest(many, ["e", "d", "c", "b", "a"]), { known: ["e", "d", "c", "b"], unknown: [], tooMany: true });
});

test("the table has a column per measure and only rows some measure fills", () => {
  const table = compareTable(DATA, ["bahn-frei", "jobschmiede", "neustart"]);
  assert.equal(table.caption, "Vergleich: BAHN FREI, Jobschmiede, Neustart");
  assert.deepEqual(table.columns.map((c) => [c.slug, c.name, c.subtitle, c.url]), [
    ["bahn-frei", "BAHN FREI", "BAHN FREI – Arbeit im Verkehr", "massnahmen/bahn-frei/"],
    ["jobschmiede", "Jobschmiede", null, "massnahmen/jobschmiede/"],
    ["neustart", "Neustart", "Neustart 50plus", "massnahmen/neustart/"],
  ]);
  assert.deepEqual(table.rows, [
    { field: "zielgruppe", label: "Zielgruppen", cells: [["Jugendliche", "Ältere"], ["Jugendliche"], null] },
    { field: "land", label: "Bundesland", cells: [["Hessen"], null, null] },
  ]);
});

test("ticking adds to the selection up to four; a fifth is refused", () => {
  let selection = { selected: [] };
  for (const slug of ["a", "b", "c", "d"]) selection = toggleSelection(selection.selected, slug, true);
  assert.deepEqual(selection, { selected: ["a", "b", "c", "d"], refused: false });
  const fifth = toggleSelection(selection.selected, "e", true);
  assert.equal(fifth.refused, true);
  assert.equal(fifth.selected.length, MAX);
  assert.deepEqual(toggleSelection(["a", "b"], "a", false), { selected: ["b"], refused: false });
  assert.deepEqual(toggleSelection(["a"], "a", true), { selected: ["a"], refused: false });
});

test("a stored selection is a list of strings, or nothing", () => {
  assert.deepEqual(parseStoredSelection('["a", 3, "b", null]'), ["a", "b"]);
  assert.deepEqual(parseStoredSelection("{\"a\": 1}"), []);
  assert.deepEqual(parseStoredSelection("kaputt"), []);
  assert.deepEqual(parseStoredSelection(null), []);
});

test("the compare bar says what is chosen and what is missing", () => {
  assert.equal(selectionText([], {}), "Wählen Sie 2 bis 4 Maßnahmen zum Vergleichen.");
  assert.equal(selectionText(["a"], { a: "Alpha" }), "1 von höchstens 4 ausgewählt: Alpha. Wählen Sie mindestens eine weitere.");
  assert.equal(selectionText(["a", "b"], { a: "Alpha" }), "2 von höchstens 4 ausgewählt: Alpha, b.");
});
