// The /kosten/ table: sort keys, order with unknown values last, filters and the median.
import test from "node:test";
import assert from "node:assert/strict";
import { compareKeys, filterStatus, median, rowMatches, sortKey } from "../../theme/static/js/lib/cost-table-logic.js";

const sorted = (raws, type, direction) =>
  raws.map((raw) => sortKey(raw, type)).sort((x, y) => compareKeys(x, y, type, direction));

test("numbers sort as numbers, unknown ones last in both directions", () => {
  assert.deepEqual(sorted(["1200", "", "950.5", "15000"], "number", "ascending"), [950.5, 1200, 15000, null]);
  assert.deepEqual(sorted(["1200", "", "950.5", "15000"], "number", "descending"), [15000, 1200, 950.5, null]);
});

test("text sorts in German order, ignoring case", () => {
  assert.deepEqual(sorted(["Zukunft", "Ärzte", "bahn", "  "], "text", "ascending"), ["ärzte", "bahn", "zukunft", null]);
  assert.deepEqual(sorted(["Zukunft", "Ärzte", "bahn"], "text", "descending"), ["zukunft", "bahn", "ärzte"]);
});

test("a row fits when it has the chosen target group among its own and the same kind and evidence", () => {
  const row = { zielgruppe: "jugendliche alleinerziehende", art: "projekt", evidenz: "evaluiert" };
  assert.ok(rowMatches(row, {}));
  assert.ok(rowMatches(row, { zielgruppe: "alleinerziehende", art: "", evidenz: "evaluiert" }));
  assert.ok(!rowMatches(row, { zielgruppe: "jugend" }), "whole words only");
  assert.ok(!rowMatches(row, { art: "programm" }));
  assert.ok(!rowMatches({ zielgruppe: null }, { zielgruppe: "jugendliche" }));
});

test("median of odd and even counts", () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 10]), 3.5);
  assert.equal(median([7]), 7);
});

test("the status line rounds the median to whole euros in German notation", () => {
  assert.equal(filterStatus(3, 10, [1000, 12345.6, 2500]), "3 von 10 Maßnahmen angezeigt. Median je Teilnehmer/-in der angezeigten: rund 2.500 €.");
  assert.equal(filterStatus(2, 10, [10000, 14691]), "2 von 10 Maßnahmen angezeigt. Median je Teilnehmer/-in der angezeigten: rund 12.346 €.");
  assert.equal(filterStatus(0, 10, []), "0 von 10 Maßnahmen angezeigt.");
});
