// Builds a small index part in the compact format (plugins/search/compact.py) for the tests: the
// words of each field go through search-core.js's own termOf, postings are encoded as compact.py's
// encode writes them.
import { termOf } from "../../theme/static/js/lib/search-core.js";

const DIGITS = [...Array(0x7f - 0x21).keys()].map((i) => String.fromCharCode(0x21 + i)).filter((c) => c !== '"' && c !== "\\").join("");
const BASE = DIGITS.length / 2;

function written(number) {
  const digits = [];
  do {
    digits.push(number % BASE);
    number = Math.floor(number / BASE);
  } while (number);
  return digits.slice(1).reverse().map((d) => DIGITS[d]).join("") + DIGITS[BASE + digits[0]];
}

/* [[ref, count], …], refs ascending, as compact.py's encode writes them. */
export function encode(pairs) {
  let out = "", previous = 0;
  for (const [ref, count] of pairs) {
    out += written((ref - previous) * 2 + (count !== 1 ? 1 : 0));
    if (count !== 1) out += written(count);
    previous = ref;
  }
  return out;
}

/* `documents`: [{field: text, …}, …]; `fields`: [[name, boost], …]. */
export function packIndex(documents, fields) {
  const counts = new Map();  // term -> per field: Map(ref -> count)
  const lengths = fields.map(() => new Array(documents.length).fill(0));
  documents.forEach((document, ref) => {
    fields.forEach(([name], f) => {
      for (const raw of (document[name] || "").toLowerCase().split(/[\s-]+/)) {
        const term = termOf(raw);
        if (!term) continue;
        if (!counts.has(term)) counts.set(term, fields.map(() => new Map()));
        const perRef = counts.get(term)[f];
        perRef.set(ref, (perRef.get(ref) || 0) + 1);
        lengths[f][ref] += 1;
      }
    });
  });
  const terms = [...counts.keys()].sort();
  return {
    format: 3, version: "2.3.9", documents: documents.length,
    fields: fields.map(([name]) => name), boosts: fields.map(([, boost]) => boost),
    terms, lengths,
    postings: terms.map((term) => counts.get(term).map((perRef) => encode([...perRef].sort((a, b) => a[0] - b[0])))),
  };
}
