// The /massnahmen/ filter rules: OR within a filter, AND across, counts, sorting and the URL.
import test from "node:test";
import assert from "node:assert/strict";
import {
  applyState, defaultSort, facetCounts, passes, queryOfState, sortMeasures, stateFromParams, statusText,
} from "../../theme/static/js/lib/filter-logic.js";

const FILTERS = [{ param: "zielgruppe" }, { param: "land" }];
const measure = (url, ref, values, cost, newest) => ({ url, ref, values, cost, newest });
const MEASURES = [
  measure("massnahmen/a/", 0, { zielgruppe: ["jugendliche"], land: ["hessen"] }, 5000, "2019-01"),
  measure("massnahmen/b/", 1, { zielgruppe: ["alleinerziehende", "jugendliche"], land: ["berlin"] }, null, "2021-05"),
  measure("massnahmen/c/", 2, { zielgruppe: ["aeltere"], land: ["hessen"] }, 1200, "2021-05"),
  measure("massnahmen/d/", 3, { land: ["bayern"] }, 1200, "2015"),
];
const TITLE_ORDER = MEASURES.map((m) => m.url);
const DATA = { filters: FILTERS, measures: MEASURES };
const urls = (measures) => measures.map((m) => m.url.slice(11, -1));

test("a measure passes with any chosen value of a filter and must pass every filter", () => {
  assert.ok(passes(MEASURES[1], { zielgruppe: ["aeltere", "jugendliche"] }));
  assert.ok(!passes(MEASURES[1], { zielgruppe: ["jugendliche"], land: ["hessen"] }));
  assert.ok(passes(MEASURES[1], { zielgruppe: ["jugendliche"], land: ["hessen"] }, "land"));
  assert.ok(!passes(MEASURES[3], { zielgruppe: ["jugendliche"] }), "no value at all never matches");
  assert.ok(passes(MEASURES[3], {}));
});

test("a value's count leaves its own filter's choice out and keeps the others", () => {
  const counts = facetCounts(MEASURES, FILTERS, { zielgruppe: ["jugendliche"], land: ["hessen"] });
  // zielgruppe counted among the Hessen measures, land among the measures for young people
  assert.deepEqual(counts.zielgruppe, { jugendliche: 1, aeltere: 1 });
  assert.deepEqual(counts.land, { hessen: 1, berlin: 1 });
});

test("sorting by cost puts unknown costs last and breaks ties by title", () => {
  assert.deepEqual(urls(sortMeasures(MEASURES, "kosten", TITLE_ORDER)), ["c", "d", "a", "b"]);
});

test("sorting by newest, by relevance, and by title", () => {
  assert.deepEqual(urls(sortMeasures(MEASURES, "neueste", TITLE_ORDER)), ["b", "c", "a", "d"]);
  assert.deepEqual(urls(sortMeasures(MEASURES, "relevanz", TITLE_ORDER, { 0: 1.5, 1: 3, 2: 1.5, 3: 0.2 })), ["b", "a", "c", "d"]);
  assert.deepEqual(urls(sortMeasures(MEASURES, "relevanz", TITLE_ORDER)), ["a", "b", "c", "d"]);
  const reversed = [...TITLE_ORDER].reverse();
  assert.deepEqual(urls(sortMeasures(MEASURES, "titel", reversed)), ["d", "c", "b", "a"]);
  assert.deepEqual(urls(MEASURES), ["a", "b", "c", "d"], "the input is left as it was");
});

test("a query keeps only the measures it found, in order of relevance", () => {
  const state = { q: "Jugend", sort: "", selected: { land: ["hessen", "berlin"] } };
  const { shown, counts } = applyState(state, DATA, TITLE_ORDER, { 1: 2.5, 0: 4, 3: 9 });
  assert.deepEqual(urls(shown), ["a", "b"]);
  assert.deepEqual(counts.land, { hessen: 1, berlin: 1, bayern: 1 });
  assert.deepEqual(urls(applyState({ q: "", sort: "", selected: {} }, DATA, TITLE_ORDER).shown), ["a", "b", "c", "d"]);
});

test("the state goes into the URL and comes back the same", () => {
  const state = { q: "Teilzeit Hessen", sort: "kosten", selected: { zielgruppe: ["jugendliche", "aeltere"], land: ["hessen"] } };
  const query = queryOfState(state, FILTERS);
  assert.equal(query, "q=Teilzeit+Hessen&zielgruppe=jugendliche&zielgruppe=aeltere&land=hessen&sortierung=kosten");
  assert.deepEqual(stateFromParams(new URLSearchParams(query), FILTERS), state);
});

test("the default sort and unknown parameters stay out of the state and the URL", () => {
  assert.equal(defaultSort({ q: "" }), "titel");
  assert.equal(defaultSort({ q: "x" }), "relevanz");
  assert.equal(queryOfState({ q: "", sort: "titel", selected: {} }, FILTERS), "");
  assert.equal(queryOfState({ q: "x", sort: "relevanz", selected: {} }, FILTERS), "q=x");
  assert.equal(queryOfState({ q: "", sort: "relevanz", selected: { other: ["y"] } }, FILTERS), "sortierung=relevanz");
  assert.deepEqual(stateFromParams(new URLSearchParams("foo=1&land=bayern"), FILTERS), { q: "", sort: "", selected: { land: ["bayern"] } });
});

test("the status line", () => {
  assert.equal(statusText(4, 4, ""), "Alle 4 Maßnahmen und Programme werden gezeigt.");
  assert.equal(statusText(4, 4, "x"), "4 von 4 Maßnahmen und Programmen passen zur Auswahl.");
  assert.equal(statusText(0, 4, ""), "0 von 4 Maßnahmen und Programmen passen zur Auswahl.");
});
