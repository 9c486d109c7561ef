/* Search rules shared by /suche/, /massnahmen/ and the parity test in node.
   The same steps, in the same order of arithmetic, as plugins/derive/search/query.py, compact.py,
   compounds.py and fuzzy.py: keep them in step (tests/test_search_parity.py compares both with each
   other, and the exact-word core `searchExact` with lunr). `search` is the rule of issue 15: thesaurus
   words are in the index already; here a word that finds little is also split as a compound and
   matched with typos, and a question lists records with most of its words after those with all.
   German word handling comes from the vendored lunr + lunr.de, which are classic scripts and define
   the global `lunr`; it is looked up when a word is read, so this module may load before them. */
var FORMAT = 3, K1 = 1.2, B = 0.75, EXACT_BOOST = 10;
var SEPARATOR = /[\s\-]+/;
var SPACES = /\s+/;  // german.py's OTHER_SPACE: JavaScript's \s
var OPERATORS = /[*~^:+="'`<>„“”‚‘’«»]/g;  // query.py's OPERATORS: separate words, are not searched
// query.py's rules for words that find little (see there).
var QUESTION_WORDS = 3, FEW = 5, LITTLE = 3, SPLIT_FACTOR = 0.5, FUZZY_FACTOR = 0.2;
// compounds.py
var MIN_WORD = 8, MIN_PART = 4, LINKS = ["", "s", "es", "n", "en", "e", "er"];
var LETTERS = /^\p{L}+$/u;  // Python's str.isalpha()
// compact.py's DIGITS: printable ASCII without '"' and backslash; the first BASE digits are
// inner digits, the others end a number.
var BASE = 46, DIGIT_VALUE = new Int8Array(128).fill(-1);
(function () {
  for (var code = 0x21, value = 0; code < 0x7f; code++) {
    if (code !== 0x22 && code !== 0x5c) DIGIT_VALUE[code] = value++;
  }
}());

/* A compact index part (see compact.py), ready to search: nothing is unpacked up front, a query
   reads only the postings of the terms it reaches. */
function Part(packed) {
  if (packed.format !== FORMAT) throw new Error("Suchindex im Format " + packed.format + ", erwartet " + FORMAT);
  this.fields = packed.fields;
  this.boosts = packed.boosts;
  this.documents = packed.documents;
  this.terms = packed.terms;
  this.postings = packed.postings;
  this.lengths = packed.lengths;
  this.averages = packed.lengths.map(function (lengths) {
    var total = 0;
    for (var ref = 0; ref < lengths.length; ref++) total += lengths[ref];
    return packed.documents ? total / packed.documents : 0;
  });
  var averages = this.averages;
  this.norms = packed.lengths.map(function (lengths, f) {  // per field and record, worked out once
    var norms = new Float64Array(lengths.length);
    for (var ref = 0; ref < lengths.length; ref++) norms[ref] = lengthNorm(lengths[ref], averages[f]);
    return norms;
  });
}

export function load(packed) {
  return new Part(packed);
}

/* lunr.idf; `withTerm` counts a record once per field that has the term. */
function idf(withTerm, documents) {
  return Math.log(1 + Math.abs((documents - withTerm + 0.5) / (withTerm + 0.5)));
}

/* BM25's length normalisation of a record's field; compact.py's length_norm. */
function lengthNorm(length, average) {
  if (!average) return K1 * (1 - B);  // a field no record uses: no postings, never read (as compact.py)
  return K1 * (1 - B + B * (length / average));
}

/* One entry of a lunr field vector (BM25, boosted, rounded like lunr); compact.py's term_score. */
function termScore(termIdf, count, norm, boost) {
  var score = termIdf * ((K1 + 1) * count) / (norm + count);
  score *= boost;
  return Math.floor(score * 1000 + 0.5) / 1000;
}

/* One typed word to its index term, or "" for nothing searchable (a stop word, only punctuation). */
export function termOf(raw) {
  var lunr = globalThis.lunr;
  var token = lunr.de.trimmer(new lunr.Token(raw.toLowerCase(), {}));
  if (!token.toString() || !lunr.de.stopWordFilter(token)) return "";
  return lunr.de.wildcardNormalizer(lunr.de.stemmer(token).toString());
}

export function queryWords(text) {
  var words = [], seen = {};
  text.toLowerCase().split(SEPARATOR).forEach(function (raw) {
    var term = termOf(raw);
    var key = raw + "\u0000" + term;
    if (term && !seen[key]) {
      seen[key] = true;
      words.push([raw, term]);
    }
  });
  return words;
}

function prefixAllowed(term) {
  return Array.from(term).length >= 3 && !/^[0-9]/.test(term);
}

/* [term number, weight, …] for each index term the word reaches, in term order (query.py's expanded_terms). */
function expandedTerms(part, term) {
  var terms = part.terms, low = 0, high = terms.length, result = [];
  while (low < high) {
    var middle = (low + high) >>> 1;
    if (terms[middle] < term) low = middle + 1; else high = middle;
  }
  if (!prefixAllowed(term)) {
    if (low < terms.length && terms[low] === term) result.push(low, EXACT_BOOST);
    return result;
  }
  for (var number = low; number < terms.length && terms[number].lastIndexOf(term, 0) === 0; number++) {
    result.push(number, terms[number] === term ? 1 + EXACT_BOOST : 1);
  }
  return result;
}

/* Hits of one word: per record its score and matched index terms, and the records in order of first match.
   The terms are kept in flat typed lists (a chain per record), not in an array per record: a broad
   word hits thousands of records, and small arrays by the thousand keep the garbage collector busy. */
function Hits(documents) {
  this.score = new Float64Array(documents);
  this.found = new Uint8Array(documents);
  this.last = new Int32Array(documents);  // per record: its latest entry in `term`/`previous`
  this.latest = new Int32Array(documents);  // per record: the term added last, so a term is added once
  this.names = [];  // term names by number - 1
  this.term = new Int32Array(1024);
  this.previous = new Int32Array(1024);
  this.size = 0;
  this.refs = [];
}

/* A number for the next index term whose postings are added (numbers start at 1). */
Hits.prototype.nextTerm = function (name) {
  this.names.push(name);
  return this.names.length;
};

Hits.prototype.add = function (ref, term) {
  if (this.latest[ref] === term) return;
  this.latest[ref] = term;
  if (this.size === this.term.length) {
    var grownTerm = new Int32Array(this.size * 2), grownPrevious = new Int32Array(this.size * 2);
    grownTerm.set(this.term);
    grownPrevious.set(this.previous);
    this.term = grownTerm;
    this.previous = grownPrevious;
  }
  if (!this.found[ref]) {
    this.found[ref] = 1;
    this.refs.push(ref);
    this.previous[this.size] = -1;
  } else {
    this.previous[this.size] = this.last[ref];
  }
  this.term[this.size] = term;
  this.last[ref] = this.size;
  this.size += 1;
};

Hits.prototype.termsOf = function (ref, into) {
  if (!this.found[ref]) return;
  for (var entry = this.last[ref]; entry >= 0; entry = this.previous[entry]) {
    var name = this.names[this.term[entry] - 1];
    if (into.indexOf(name) < 0) into.push(name);
  }
};

/* The (ref, count) pairs of a posting string (compact.py's encode), flat: [ref, count, ref, count, …]. */
export function decode(text) {
  var pairs = new Int32Array(text.length * 2), length = 0, number = 0, ref = 0, countFollows = false;
  for (var i = 0; i < text.length; i++) {
    var value = DIGIT_VALUE[text.charCodeAt(i)];
    if (value < BASE) {
      number = number * BASE + value;
      continue;
    }
    number = number * BASE + value - BASE;
    if (countFollows) {
      pairs[length - 1] = number;
      countFollows = false;
    } else {
      ref += number >> 1;
      pairs[length] = ref;
      pairs[length + 1] = 1;
      length += 2;
      countFollows = (number & 1) === 1;
    }
    number = 0;
  }
  return pairs.subarray(0, length);
}

/* One part's score for one word, as lunr's Index.query would give it; query.py's _add_part_hits. */
function addPartHits(part, term, hits, expanded, factor) {
  if (!expanded) expanded = expandedTerms(part, term);
  if (factor === undefined) factor = 1;
  if (!expanded.length) return;
  var squares = 0, e, f;
  for (e = 0; e < expanded.length; e += 2) squares += expanded[e + 1] * expanded[e + 1];
  var magnitude = Math.sqrt(squares);
  var fieldCount = part.fields.length, dots = [], touched = [], order = [];
  for (f = 0; f < fieldCount; f++) {  // per field: ref -> dot product, summed in term order
    dots.push(new Float64Array(part.documents));
    touched.push(new Uint8Array(part.documents));
    order.push([]);
  }
  for (e = 0; e < expanded.length; e += 2) {
    var postings = part.postings[expanded[e]].map(decode), withTerm = 0;
    for (f = 0; f < fieldCount; f++) withTerm += postings[f].length / 2;
    var termIdf = idf(withTerm, part.documents), weight = expanded[e + 1];
    var number = hits.nextTerm(part.terms[expanded[e]]);
    for (f = 0; f < fieldCount; f++) {
      var pairs = postings[f], norms = part.norms[f], boost = part.boosts[f];
      var fieldDots = dots[f], fieldTouched = touched[f];
      for (var p = 0; p < pairs.length; p += 2) {
        var ref = pairs[p];
        if (!fieldTouched[ref]) {
          fieldTouched[ref] = 1;
          order[f].push(ref);
        }
        fieldDots[ref] += weight * termScore(termIdf, pairs[p + 1], norms[ref], boost);
        hits.add(ref, number);
      }
    }
  }
  for (f = 0; f < fieldCount; f++) {
    for (var o = 0; o < order[f].length; o++) hits.score[order[f][o]] += dots[f][order[f][o]] / magnitude * factor;
  }
}

function wordHits(parts, term, documents) {
  var hits = new Hits(documents);
  parts.forEach(function (part) { addPartHits(part, term, hits); });
  return hits;
}

/* The exact-word rules, as lunr's Index.query gives them (query.py's search_exact; held against lunr.js):
   {mode: "all"|"any"|"none", results: [{ref, score, terms}]}, best first, refs are record numbers. */
export function searchExact(parts, text) {
  var words = queryWords(text);
  if (!words.length || !parts.length) return { mode: "none", results: [] };
  var documents = parts[0].documents;
  var perWord = words.map(function (word) { return wordHits(parts, word[1], documents); });
  var refs = perWord[0].refs, w, i;
  if (perWord.length > 1) {
    refs = refs.filter(function (ref) {
      return perWord.every(function (hits) { return hits.found[ref] === 1; });
    });
  }
  var mode = "all";
  if (!refs.length && perWord.length > 1) {
    var seen = new Uint8Array(documents);
    perWord.forEach(function (hits) {
      hits.refs.forEach(function (ref) {
        if (!seen[ref]) {
          seen[ref] = 1;
          refs.push(ref);
        }
      });
    });
    mode = "any";
  }
  var totals = new Float64Array(documents), order = new Int32Array(refs.length);
  for (i = 0; i < refs.length; i++) {
    var ref = refs[i], score = 0;
    for (w = 0; w < perWord.length; w++) {
      if (perWord[w].found[ref]) score += perWord[w].score[ref];
    }
    totals[ref] = score;
    order[i] = ref;
  }
  order.sort(function (a, b) { return totals[b] - totals[a] || a - b; });
  var results = new Array(order.length);
  for (i = 0; i < order.length; i++) results[i] = new Result(order[i], totals[order[i]], perWord);
  return { mode: results.length ? mode : "none", results: results };
}

/* --- Words that find little: compounds, typos, questions (query.py's search) ------------------- */

function reaches(parts, term) {
  for (var i = 0; i < parts.length; i++) if (expandedTerms(parts[i], term).length) return true;
  return false;
}

function hasExact(part, term) {
  var terms = part.terms, low = 0, high = terms.length;
  while (low < high) {
    var middle = (low + high) >>> 1;
    if (terms[middle] < term) low = middle + 1; else high = middle;
  }
  return low < terms.length && terms[low] === term;
}

/* [typed word, index term] per query word; a hyphenated word whose letters written together reach an
   index term ("Burn-out", "Ein-Euro-Job") is one word (query.py's plan). */
export function plan(parts, text) {
  var words = [], seen = {};
  text.replace(OPERATORS, " ").toLowerCase().split(SPACES).forEach(function (chunk) {
    var pieces = chunk.split("-").filter(Boolean);
    var joined = pieces.length > 1 ? termOf(pieces.join("")) : "";
    var candidates = joined && reaches(parts, joined) ? [[pieces.join(""), joined]] : queryWords(chunk);
    candidates.forEach(function (word) {
      var key = word[0] + "\u0000" + word[1];
      if (word[1] && !seen[key]) {
        seen[key] = true;
        words.push(word);
      }
    });
  });
  return words;
}

/* [first part's term, rest's term] of a typed compound, or null (query.py's query_split). */
function querySplit(parts, raw) {
  var letters = Array.from(raw);
  if (letters.length < MIN_WORD || !LETTERS.test(raw)) return null;
  for (var end = letters.length - MIN_PART; end >= MIN_PART; end--) {
    var head = termOf(letters.slice(0, end).join(""));
    if (!head || !parts.some(function (part) { return hasExact(part, head); })) continue;
    var rest = letters.slice(end).join("");
    for (var l = 0; l < LINKS.length; l++) {
      var link = LINKS[l];
      if (rest.lastIndexOf(link, 0) !== 0 || letters.length - end - link.length < MIN_PART) continue;
      var tail = termOf(rest.slice(link.length));
      if (tail && reaches(parts, tail)) return [head, tail];
    }
  }
  return null;
}

/* fuzzy.py's max_distance: short words stay exact. */
export function maxDistance(term) {
  return term.length < 5 ? 0 : term.length < 9 ? 1 : 2;
}

var rowA = new Int32Array(64), rowB = new Int32Array(64), rowC = new Int32Array(64);

/* [distance to the whole term, smallest distance to a start of it], each limit + 1 if above limit
   (optimal string alignment; fuzzy.py's distances, same early stop). */
export function distances(query, term, limit) {
  var m = query.length, above = limit + 1, j;
  if (rowA.length < m + 1) {
    rowA = new Int32Array(m + 1); rowB = new Int32Array(m + 1); rowC = new Int32Array(m + 1);
  }
  var previous2 = null, previous = rowA, row = rowB, spare = rowC;
  for (j = 0; j <= m; j++) previous[j] = j;
  var bestStart = previous[m] <= limit ? previous[m] : above;
  var rows = Math.min(term.length, m + limit);
  for (var i = 1; i <= rows; i++) {
    var character = term.charCodeAt(i - 1), before = i > 1 ? term.charCodeAt(i - 2) : -1;
    row[0] = i;
    var smallest = i;
    for (j = 1; j <= m; j++) {
      var q = query.charCodeAt(j - 1);
      var value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (q === character ? 0 : 1));
      if (previous2 !== null && j > 1 && q === before && query.charCodeAt(j - 2) === character) {
        value = Math.min(value, previous2[j - 2] + 1);
      }
      row[j] = value;
      if (value < smallest) smallest = value;
    }
    if (row[m] < bestStart) bestStart = row[m];
    if (smallest > limit) return [above, bestStart <= limit ? bestStart : above];
    var recycled = previous2 === null ? spare : previous2;
    previous2 = previous;
    previous = row;
    row = recycled;
  }
  var whole = rows === term.length && previous[m] <= limit ? previous[m] : above;
  return [whole, bestStart <= limit ? bestStart : above];
}

/* [term number, weight, distance, …] for each index term near `term`, in term order, leaving out the
   terms it reaches as a word start (fuzzy.py's fuzzy_terms). Only the terms with the same first letter
   are read: a binary search finds where they start in the sorted term list. */
function fuzzyTerms(part, term) {
  var limit = maxDistance(term), result = [];
  if (!limit) return result;
  var terms = part.terms, first = term[0], low = 0, high = terms.length;
  while (low < high) {
    var middle = (low + high) >>> 1;
    if (terms[middle] < first) low = middle + 1; else high = middle;
  }
  for (var number = low; number < terms.length && terms[number][0] === first; number++) {
    var candidate = terms[number];
    if (candidate.length >= term.length - limit && candidate.lastIndexOf(term, 0) !== 0) {
      var found = distances(term, candidate, limit);
      if (found[0] <= limit) result.push(number, 1 + EXACT_BOOST, found[0]);
      else if (found[1] <= limit) result.push(number, 1, found[1]);
    }
  }
  return result;
}

/* The index term closest to a mistyped word (query.py's nearest), for „Meinten Sie …?“. */
export function nearest(parts, term) {
  var best = "", bestKey = null;
  parts.forEach(function (part) {
    var found = fuzzyTerms(part, term);
    for (var i = 0; i < found.length; i += 3) {
      var candidate = part.terms[found[i]];
      var key = [found[i + 1] !== 1 + EXACT_BOOST ? 1 : 0, found[i + 2], Math.abs(candidate.length - term.length)];
      if (bestKey === null || key[0] < bestKey[0] || (key[0] === bestKey[0] &&
          (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
        best = candidate;
        bestKey = key;
      }
    }
  });
  return best;
}

/* One query word: its hits, how it was found ("exact", "split", "fuzzy", "none") and the nearest
   term when found by typo only (query.py's resolve). */
function resolve(parts, raw, term, documents) {
  var hits = wordHits(parts, term, documents);
  hits.direct = hits.found.slice();  // the records the word finds itself, before typos and parts
  var how = hits.refs.length ? "exact" : "none";
  if (hits.refs.length >= LITTLE) return { hits: hits, how: how, nearest: "" };
  var split = querySplit(parts, raw);
  if (split) {
    split.forEach(function (piece) {
      parts.forEach(function (part) { addPartHits(part, piece, hits, null, SPLIT_FACTOR); });
    });
    how = how === "exact" ? how : (hits.refs.length ? "split" : "none");
  }
  var near = "";
  if (hits.refs.length < LITTLE) {
    parts.forEach(function (part) {
      var found = fuzzyTerms(part, term);
      if (!found.length) return;
      var expanded = [];
      for (var i = 0; i < found.length; i += 3) expanded.push(found[i], found[i + 1]);
      addPartHits(part, term, hits, expanded, FUZZY_FACTOR);
    });
    if (how === "none" && hits.refs.length) {
      how = "fuzzy";
      near = nearest(parts, term);
    }
  }
  return { hits: hits, how: how, nearest: near };
}

/* The search of /suche/ and /massnahmen/ (query.py's search): {mode: "all"|"any"|"none",
   results: [{ref, score, terms}], words: [{raw, term, how, nearest}], complete}, best first.
   Words that find nothing, even split or with a typo, are left out of the "all words" rule. */
export function search(parts, text) {
  var words = parts.length ? plan(parts, text) : [];
  if (!words.length) return { mode: "none", results: [], words: [], complete: 0 };
  var documents = parts[0].documents;
  var resolved = words.map(function (word) { return resolve(parts, word[0], word[1], documents); });
  var described = words.map(function (word, i) {
    return { raw: word[0], term: word[1], how: resolved[i].how, nearest: resolved[i].nearest };
  });
  var perWord = resolved.map(function (r) { return r.hits; }).filter(function (hits) { return hits.refs.length; });
  if (!perWord.length) return { mode: "none", results: [], words: described, complete: 0 };
  var refs = perWord[0].refs.filter(function (ref) {
    return perWord.every(function (hits) { return hits.found[ref] === 1; });
  });
  var complete = refs.length, mode = refs.length ? "all" : "any", i, w;
  if (perWord.length > 1 && (!refs.length || (perWord.length >= QUESTION_WORDS && complete < FEW))) {
    var seen = new Uint8Array(documents);
    refs = [];
    perWord.forEach(function (hits) {
      hits.refs.forEach(function (ref) {
        if (!seen[ref]) {
          seen[ref] = 1;
          refs.push(ref);
        }
      });
    });
  }
  var totals = new Float64Array(documents), matched = new Int32Array(documents), direct = new Int32Array(documents);
  var order = new Int32Array(refs.length);
  for (i = 0; i < refs.length; i++) {
    var ref = refs[i], score = 0, count = 0, asTyped = 0;
    for (w = 0; w < perWord.length; w++) {
      if (perWord[w].found[ref]) {
        score += perWord[w].score[ref];
        count += 1;
        asTyped += perWord[w].direct[ref];
      }
    }
    totals[ref] = score;
    matched[ref] = count;
    direct[ref] = asTyped;
    order[i] = ref;
  }
  // More of the query's words first, then more of them found as typed (not only through a typo or a
  // compound's parts: those rank below), then the score, then catalogue order.
  order.sort(function (a, b) {
    return matched[b] - matched[a] || direct[b] - direct[a] || totals[b] - totals[a] || a - b;
  });
  var results = new Array(order.length);
  for (i = 0; i < order.length; i++) results[i] = new Result(order[i], totals[order[i]], perWord);
  return { mode: results.length ? mode : "none", results: results, words: described, complete: complete };
}

/* A found record; its matched index terms (for the snippet) are gathered only when asked for,
   since a broad query finds thousands of records and shows fifty. */
function Result(ref, score, perWord) {
  this.ref = ref;
  this.score = score;
  this._perWord = perWord;
  this._terms = null;
}

Object.defineProperty(Result.prototype, "terms", {
  get: function () {
    if (!this._terms) {
      var terms = [], ref = this.ref;
      this._perWord.forEach(function (hits) { hits.termsOf(ref, terms); });
      this._terms = terms.sort();
    }
    return this._terms;
  }
});

/* A stretch of `text` around the first matched word, as [{text, mark}] pieces (rendered as text, never HTML). */
export function snippet(text, terms, maxWords) {
  var wanted = {};
  terms.forEach(function (t) { wanted[t] = true; });
  var pieces = text.split(/(\s+)/);
  var words = [];
  for (var i = 0; i < pieces.length; i += 2) {
    words.push({ text: pieces[i], space: pieces[i + 1] || "", mark: false });
  }
  var first = -1;
  words.forEach(function (word, index) {
    word.text.split("-").forEach(function (part) {
      if (!word.mark && part && wanted[termOf(part)]) word.mark = true;
    });
    if (word.mark && first < 0) first = index;
  });
  maxWords = maxWords || 32;
  var start = Math.max(0, Math.min(first - 8, words.length - maxWords));
  if (first < 0) start = 0;
  var end = Math.min(words.length, start + maxWords);
  var out = [];
  if (start > 0) out.push({ text: "… ", mark: false });
  for (var w = start; w < end; w++) {
    out.push({ text: words[w].text, mark: words[w].mark });
    if (w < end - 1) out.push({ text: words[w].space, mark: false });
  }
  if (end < words.length) out.push({ text: " …", mark: false });
  return out;
}

