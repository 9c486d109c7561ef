// node tests/js/search_parity.js SITE_DIR < request.json : the browser's search code on the built index parts.
// Prints {"query": {"mode", "results": [[ref, score, terms], ...]}} for tests/test_search_parity.py;
// with "reference": true the same queries also go through lunr.js's own Index.query (tests/js/lunr_reference.js).
"use strict";
const fs = require("fs");
const path = require("path");
const vendor = path.join(__dirname, "..", "..", "theme", "static", "vendor");
const lunr = require(path.join(vendor, "lunr", "lunr.min.js"));
require(path.join(vendor, "lunr-languages", "lunr.stemmer.support.min.js"))(lunr);
require(path.join(vendor, "lunr-languages", "lunr.de.min.js"))(lunr);
const core = require(path.join(__dirname, "..", "..", "theme", "static", "js", "search-core.js"))(lunr);
const reference = require(path.join(__dirname, "lunr_reference.js"))(lunr, core.decode);

const site = process.argv[2];
const parts = ["kern", "volltext"].map((name) =>
  JSON.parse(fs.readFileSync(path.join(site, "suche", name + ".json"), "utf8")));
const loaded = parts.map((part) => core.load(part.index));
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const out = {};
const plain = (found) => ({ mode: found.mode, results: found.results.map((r) => [r.ref, r.score, r.terms]) });
if (input.words) {
  out.words = input.words.map((word) => core.termOf(word));
}
if (input.expand) {
  out.expanded = parts.map((part) => reference.expand(part.index));
}
const lunrIndexes = input.reference ? parts.map((part) => reference.load(part.index)) : null;
out.queries = {};
out.reference = {};
for (const query of input.queries || []) {
  out.queries[query] = plain(core.search(loaded, query));
  if (lunrIndexes) out.reference[query] = plain(reference.search(lunrIndexes, core.queryWords(query)));
}
process.stdout.write(JSON.stringify(out));
