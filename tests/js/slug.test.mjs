// The form's file names follow the site's addresses (plugins/read/slugs.py, python-slugify);
// tests/test_slug_parity.py compares the two on the whole catalogue, these are the rules by example.
import test from "node:test";
import assert from "node:assert/strict";
import { fileSlug, slugify } from "../../theme/static/js/lib/slug.js";

test("umlauts and ß are spelt out, as in the site's addresses", () => {
  assert.equal(slugify("Baden-Württemberg"), "baden-wuerttemberg");
  assert.equal(slugify("Teilzeit für Mütter"), "teilzeit-fuer-muetter");
  assert.equal(slugify("Öffentliche Straße"), "oeffentliche-strasse");
  assert.equal(slugify("ÄRZTE"), "aerzte");
});

test("other accents lose their mark, other signs become one hyphen", () => {
  assert.equal(slugify("Café Crème"), "cafe-creme");
  assert.equal(slugify("§ 16e SGB II"), "16e-sgb-ii");
  assert.equal(slugify("BAHN FREI!"), "bahn-frei");
  assert.equal(slugify("  Jobcenter -- Main/Kinzig  "), "jobcenter-main-kinzig");
  assert.equal(slugify("Ausbildung 🚀 jetzt"), "ausbildung-jetzt");
});

test("a file name is never empty: nothing usable left gives the placeholder name", () => {
  assert.equal(slugify(""), "");
  assert.equal(fileSlug(""), "neuer-eintrag");
  assert.equal(fileSlug("§ — !?"), "neuer-eintrag");
  assert.equal(fileSlug("🚀"), "neuer-eintrag");
});

test("file names are cut to 60 characters without a trailing hyphen; facet values and anchors are not", () => {
  const title = "Qualifizierung und Beschäftigung für Langzeitarbeitslose im ländlichen Raum Nordhessens";
  assert.equal(fileSlug(title), "qualifizierung-und-beschaeftigung-fuer-langzeitarbeitslose-i");
  assert.ok(slugify(title).endsWith("nordhessens"));
  assert.equal(fileSlug(`${"a".repeat(59)} b`), "a".repeat(59));
});

test("dashes, entities and numbers are read as python-slugify reads them", () => {
  assert.equal(slugify("Übergang Schule–Beruf"), "uebergang-schule-beruf");
  assert.equal(slugify("Mädchen &amp; Jungen"), "maedchen-jungen");
  assert.equal(slugify("1,5 Stellen"), "15-stellen");
});
