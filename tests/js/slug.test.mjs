// The form's file names follow the site's addresses (plugins/records/template.py's slugify);
// tests/test_slug_parity.py compares the two on the whole catalogue, these are the rules by example.
import test from "node:test";
import assert from "node:assert/strict";
import { slugify } from "../../theme/static/js/lib/slug.js";

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

test("nothing usable left gives the placeholder name", () => {
  assert.equal(slugify(""), "neuer-eintrag");
  assert.equal(slugify("§ — !?"), "neuer-eintrag");
  assert.equal(slugify("🚀"), "neuer-eintrag");
});

test("long titles are cut to 60 characters without a trailing hyphen", () => {
  const slug = slugify("Qualifizierung und Beschäftigung für Langzeitarbeitslose im ländlichen Raum Nordhessens");
  assert.ok(slug.length <= 60, slug);
  assert.equal(slug, "qualifizierung-und-beschaeftigung-fuer-langzeitarbeitslose-i");
  assert.equal(slugify(`${"a".repeat(59)} b`), "a".repeat(59));
});
