// /mitmachen/: typed text to record values, the checks beyond the schema, and the record file.
import test from "node:test";
import assert from "node:assert/strict";
import {
  extraProblems, integerList, integerValue, lineList, looksLikeLegalBasis, numberValue, paragraph, plainText, recordFile, yamlLines,
} from "../../theme/static/js/lib/record-form.js";

test("numbers: decimal comma or point become numbers; thousands points and words stay text for the schema", () => {
  assert.equal(numberValue(" 5250 "), 5250);
  assert.equal(numberValue("18,9"), 18.9);
  assert.equal(numberValue("18.9"), 18.9);
  assert.equal(numberValue("5.250"), "5.250");
  assert.equal(numberValue("1.250.000"), "1.250.000");
  assert.equal(numberValue("ca. 5000"), "ca. 5000");
  assert.equal(numberValue("  "), undefined);
});

test("integers, lists of integers, lines, paragraphs", () => {
  assert.equal(integerValue("2013"), 2013);
  assert.equal(integerValue("2013a"), "2013a");
  assert.equal(integerValue(""), undefined);
  assert.deepEqual(integerList("2013, 2015;2017  x"), [2013, 2015, 2017, "x"]);
  assert.equal(integerList(" ,; "), undefined);
  assert.deepEqual(lineList("  erste Zeile\n\n zweite \n"), ["erste Zeile", "zweite"]);
  assert.equal(lineList("\n \n"), undefined);
  assert.equal(paragraph("  Ein Absatz\n  über zwei Zeilen.\n"), "Ein Absatz über zwei Zeilen.");
  assert.equal(paragraph("\n"), undefined);
  assert.equal(plainText("  Jobcenter  "), "Jobcenter");
  assert.equal(plainText(" "), undefined);
});

test("legal bases look like § number [letter] law", () => {
  for (const good of ["§ 16a SGB II", "§45 SGB III", "§ 16 e SGB II"]) assert.ok(looksLikeLegalBasis(good), good);
  for (const bad of ["SGB II", "§ SGB II", "16a SGB II", "§ 1234 SGB"]) assert.ok(!looksLikeLegalBasis(bad), bad);
});

test("contact details and unrecognisable legal bases are found at their place", () => {
  const patterns = { email: /\S+@\S+\.\S+/u, phone: /\b0\d{3,}[ /-]?\d{3,}\b/u };
  const record = {
    title: "Projekt",
    provider: { name: "Jobcenter", contact: "info@example.org" },
    legal_basis: ["§ 16a SGB II", "irgendwas"],
    costs: [{ note: "Tel. 0611 123456" }],
  };
  const checkOf = (pointer) => (pointer.startsWith("#/legal_basis/") ? "legal-basis" : undefined);
  assert.deepEqual(extraProblems(record, "Schreiben Sie an a@b.de", patterns, checkOf), [
    ["#/provider/contact", "Enthält eine E-Mail-Adresse oder Telefonnummer; bitte nur die Institution nennen."],
    ["#/legal_basis/1", "„irgendwas“ ist keine erkennbare Paragrafenangabe; erwartet z. B. „§ 16a SGB II“ oder „§ 45 SGB III“."],
    ["#/costs/0/note", "Enthält eine E-Mail-Adresse oder Telefonnummer; bitte nur die Institution nennen."],
    ["#/(Text)", "Enthält eine E-Mail-Adresse oder Telefonnummer; persönliche Kontaktdaten werden nicht veröffentlicht."],
  ]);
  assert.deepEqual(extraProblems({ title: "Sauber" }, "Kein Kontakt.", patterns, checkOf), []);
});

test("the YAML keeps key order, quotes every string and nests lists of objects", () => {
  const record = {
    title: "Teilzeit: „Mütter“ \"im\" Beruf",
    active: true,
    start: 2013,
    share: 18.9,
    target_groups: ["alleinerziehende", "frauen"],
    provider: { name: "Jobcenter", land: "hessen" },
    costs: [{ amount: 5250, per: "teilnehmer" }, { amount: 100, note: "Zeile 1\\2" }],
  };
  assert.deepEqual(yamlLines(record), [
    'title: "Teilzeit: „Mütter“ \\"im\\" Beruf"',
    "active: true",
    "start: 2013",
    "share: 18.9",
    "target_groups:",
    '  - "alleinerziehende"',
    '  - "frauen"',
    "provider:",
    '  name: "Jobcenter"',
    '  land: "hessen"',
    "costs:",
    "  - amount: 5250",
    '    per: "teilnehmer"',
    "  - amount: 100",
    '    note: "Zeile 1\\\\2"',
  ]);
});

test("the record file is front matter between --- lines, then the body", () => {
  assert.equal(recordFile({ title: "A", tags: [1, 2] }, "\n  Text der Maßnahme.  \n"),
               '---\ntitle: "A"\ntags:\n  - 1\n  - 2\n---\nText der Maßnahme.\n');
});
