// node tests/js/search_parity.mjs SITE_DIR < request.json : the browser's search code on the built index parts.
// Prints {"queries": {query: {"mode", "results": [[ref, score, terms], ...], "words", "complete"}}} (core.search,
// the site's search) and {"exact": {…}} (core.searchExact) for tests/test_search_parity.py; with
// "reference": true the same queries also go through lunr.js's own Index.query (tests/js/lunr_reference.cjs).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import lunr from "./german-lunr.mjs";
import * as core from "../../theme/static/js/lib/search-core.js";

const require = createRequire(import.meta.url);
const reference = require("./lunr_reference.cjs")(lunr, core.decode);

const site = process.argv[2];
const parts = ["kern", "volltext"].map((name) =>
  JSON.parse(fs.readFileSync(path.join(site, "suche", name + ".json"), "utf8")));
const loaded = parts.map((part) => core.load(part.index));
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const out = {};
const plain = (found) => ({ mode: found.mode, results: found.results.map((r) => [r.ref, r.score, r.terms]),
  ...(found.words ? { words: found.words, complete: found.complete } : {}) });
if (input.words) {
  out.words = input.words.map((word) => core.termOf(word));
}
if (input.expand) {
  out.expanded = parts.map((part) => reference.expand(part.index));
}
const lunrIndexes = input.reference ? parts.map((part) => reference.load(part.index)) : null;
out.queries = {};
out.reference = {};
out.exact = {};
for (const query of input.queries || []) {
  out.queries[query] = plain(core.search(loaded, query));
  if (input.exact) out.exact[query] = plain(core.searchExact(loaded, query));
  if (lunrIndexes) out.reference[query] = plain(reference.search(lunrIndexes, core.queryWords(query)));
}
process.stdout.write(JSON.stringify(out));
