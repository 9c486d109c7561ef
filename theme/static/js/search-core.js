/* Search rules shared by /suche/, /massnahmen/ and the parity test in node.
   The same steps as plugins/search/query.py and plugins/search/compact.py: keep them in step. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.PraxisSuche = factory(root.lunr);
  }
}(this, function (lunr) {
  "use strict";

  var K1 = 1.2, B = 0.75, EXACT_BOOST = 10;
  var NO_METADATA = Object.freeze({});  // lunr only reads a posting's metadata; one shared object spares the GC
  var SEPARATOR = /[\s\-]+/;

  /* The compact index part (see compact.py) back to lunr's serialised form. */
  function expand(packed) {
    var fields = packed.fields, boosts = packed.boosts, documents = packed.documents;
    var lengths = [], entries = [], f, ref;
    for (f = 0; f < fields.length; f++) {
      lengths.push(new Array(documents).fill(0));
      var perRef = [];
      for (ref = 0; ref < documents; ref++) perRef.push([]);
      entries.push(perRef);
    }
    var inverted = [], withTerm = [];
    for (var number = 0; number < packed.terms.length; number++) {
      var perField = packed.postings[number], posting = { _index: number }, countDocuments = 0;
      for (f = 0; f < fields.length; f++) {
        var refs = {}, list = perField[f], found = 0;
        ref = 0;
        for (var e = 0; e < list.length; e++) {
          var entry = list[e];
          var gap = typeof entry === "number" ? entry : entry[0];
          var count = typeof entry === "number" ? 1 : entry[1];
          ref += gap;
          refs[ref] = NO_METADATA;
          found += 1;
          lengths[f][ref] += count;
          entries[f][ref].push(number, count);  // flat pairs, already in term order
        }
        posting[fields[f]] = refs;
        countDocuments += found;
      }
      inverted.push([packed.terms[number], posting]);
      withTerm.push(countDocuments);
    }
    var idf = withTerm.map(function (n) {
      return Math.log(1 + Math.abs((documents - n + 0.5) / (n + 0.5)));
    });
    var averages = [];
    for (f = 0; f < fields.length; f++) {
      var total = 0;
      for (ref = 0; ref < documents; ref++) total += lengths[f][ref];
      averages.push(documents ? total / documents : 0);
    }
    var fieldVectors = [];
    for (ref = 0; ref < documents; ref++) {
      for (f = 0; f < fields.length; f++) {
        var elements = [], length = lengths[f][ref], average = averages[f], pairs = entries[f][ref];
        for (var p = 0; p < pairs.length; p += 2) {
          var tf = pairs[p + 1];
          var score = idf[pairs[p]] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / average)) + tf);
          score *= boosts[f];
          elements.push(pairs[p], Math.floor(score * 1000 + 0.5) / 1000);
        }
        fieldVectors.push([fields[f] + "/" + ref, elements]);
      }
    }
    return { version: packed.version, fields: fields, fieldVectors: fieldVectors,
             invertedIndex: inverted, pipeline: packed.pipeline };
  }

  function load(packed) {
    return lunr.Index.load(expand(packed));
  }

  /* One typed word to its index term, or "" for nothing searchable (a stop word, only punctuation). */
  function termOf(raw) {
    var token = lunr.de.trimmer(new lunr.Token(raw.toLowerCase(), {}));
    if (!token.toString() || !lunr.de.stopWordFilter(token)) return "";
    return lunr.de.wildcardNormalizer(lunr.de.stemmer(token).toString());
  }

  function queryWords(text) {
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

  function wordHits(indexes, term) {
    var hits = {};
    indexes.forEach(function (index) {
      index.query(function (query) {
        if (prefixAllowed(term)) query.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
        query.term(term, { usePipeline: false, boost: EXACT_BOOST });
      }).forEach(function (match) {
        var hit = hits[match.ref] || (hits[match.ref] = { score: 0, terms: {} });
        hit.score += match.score;
        Object.keys(match.matchData.metadata).forEach(function (t) { hit.terms[t] = true; });
      });
    });
    return hits;
  }

  /* {mode: "all"|"any"|"none", results: [{ref, score, terms}]}, best first; see query.py. */
  function search(indexes, text) {
    var words = queryWords(text);
    if (!words.length) return { mode: "none", results: [] };
    var perWord = words.map(function (word) { return wordHits(indexes, word[1]); });
    var refs = Object.keys(perWord[0]).filter(function (ref) {
      return perWord.every(function (hits) { return ref in hits; });
    });
    var mode = "all";
    if (!refs.length && perWord.length > 1) {
      var union = {};
      perWord.forEach(function (hits) { Object.keys(hits).forEach(function (ref) { union[ref] = true; }); });
      refs = Object.keys(union);
      mode = "any";
    }
    var results = refs.map(function (ref) {
      var score = 0, terms = {};
      perWord.forEach(function (hits) {
        if (ref in hits) {
          score += hits[ref].score;
          Object.keys(hits[ref].terms).forEach(function (t) { terms[t] = true; });
        }
      });
      return { ref: ref, score: score, terms: Object.keys(terms).sort() };
    });
    results.sort(function (a, b) { return b.score - a.score || Number(a.ref) - Number(b.ref); });
    return { mode: results.length ? mode : "none", results: results };
  }

  /* A stretch of `text` around the first matched word, as [{text, mark}] pieces (rendered as text, never HTML). */
  function snippet(text, terms, maxWords) {
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

  return { expand: expand, load: load, queryWords: queryWords, search: search, snippet: snippet, termOf: termOf };
}));
