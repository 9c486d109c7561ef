// The key facts of a search result card, as the Jinja card shows them.
import test from "node:test";
import assert from "node:assert/strict";
import { cardFacts, partialDate, thousands } from "../../theme/static/js/lib/result-card.js";

test("dates and amounts in German", () => {
  assert.equal(partialDate("2013"), "2013");
  assert.equal(partialDate("2013-04"), "April 2013");
  assert.equal(partialDate("2013-04-08"), "08.04.2013");
  assert.equal(partialDate(""), "");
  assert.equal(thousands(6581), "6.581");
  assert.equal(thousands(1234567), "1.234.567");
  assert.equal(thousands(950), "950");
});

test("a measure shows cost in prices of the base year or says there is none; others show no cost", () => {
  const measure = { type: "measure", groups: ["Jugendliche", "Frauen", "Ältere", "Familien"], land: "Hessen",
    cost: 6581, evidence: "Stufe 1: eigene Zahlen", as_of: "2013-04" };
  assert.deepEqual(cardFacts(measure, 2023).map((row) => [row.label, row.text, row.note]), [
    ["Zielgruppen", "Jugendliche, Frauen, Ältere und 1 weitere", ""],
    ["Land", "Hessen", ""],
    ["Kosten je Teilnehmer/-in", "rund 6.581\u00a0€", "(Preise 2023)"],
    ["Evidenz", "Stufe 1: eigene Zahlen", ""],
    ["Stand", "April 2013", ""],
  ]);
  const none = cardFacts({ ...measure, cost: null }, 2023).find((row) => row.key === "kosten");
  assert.equal(none.note, "ohne vergleichbare Angabe");
  const programme = cardFacts({ type: "programme", groups: [], land: "Sachsen-Anhalt", as_of: "2016" }, 2023);
  assert.deepEqual(programme.map((row) => row.label), ["Land", "Stand"]);
});
