// node tests/js/search_parity.js SITE_DIR < queries.json : the browser's search code on the built index parts.
// Prints {"query": {"mode", "results": [[ref, score], ...]}} for tests/test_search_parity.py.
"use strict";
const fs = require("fs");
const path = require("path");
const vendor = path.join(__dirname, "..", "..", "theme", "static", "vendor");
const lunr = require(path.join(vendor, "lunr", "lunr.min.js"));
require(path.join(vendor, "lunr-languages", "lunr.stemmer.support.min.js"))(lunr);
require(path.join(vendor, "lunr-languages", "lunr.de.min.js"))(lunr);
const core = require(path.join(__dirname, "..", "..", "theme", "static", "js", "search-core.js"))(lunr);

const site = process.argv[2];
const parts = ["kern", "volltext"].map((name) =>
  JSON.parse(fs.readFileSync(path.join(site, "suche", name + ".json"), "utf8")));
const indexes = parts.map((part) => core.load(part.index));
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const out = {};
if (input.words) {
  out.words = input.words.map((word) => core.termOf(word));
}
if (input.expand) {
  out.expanded = parts.map((part) => core.expand(part.index));
}
for (const query of input.queries || []) {
  const found = core.search(indexes, query);
  out[query] = { mode: found.mode, results: found.results.map((r) => [r.ref, r.score]) };
}
process.stdout.write(JSON.stringify(out));
