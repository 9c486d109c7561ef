// The reference the fast scoring in theme/static/js/lib/search-core.js is held against: the compact
// index expanded back into lunr's serialised form, loaded by lunr.js 2.3.9 and queried with
// lunr's own Index.query (the browser did this until the index grew to thousands of records).
// Same steps as expand() in plugins/search/compact.py.
"use strict";

module.exports = function (lunr, decode) {
  var K1 = 1.2, B = 0.75, EXACT_BOOST = 10;
  var NO_METADATA = Object.freeze({});

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
        var refs = {}, pairs = decode(perField[f]);
        for (var e = 0; e < pairs.length; e += 2) {
          ref = pairs[e];
          refs[ref] = NO_METADATA;
          lengths[f][ref] += pairs[e + 1];
          entries[f][ref].push(number, pairs[e + 1]);
        }
        posting[fields[f]] = refs;
        countDocuments += pairs.length / 2;
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

  function prefixAllowed(term) {
    return Array.from(term).length >= 3 && !/^[0-9]/.test(term);
  }

  // Per word: the wildcard clause and the exact clause, scores added over the index parts.
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

  function search(indexes, words) {
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
      return { ref: Number(ref), score: score, terms: Object.keys(terms).sort() };
    });
    results.sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
    return { mode: results.length ? mode : "none", results: results };
  }

  return {
    expand: expand,
    load: function (packed) { return lunr.Index.load(expand(packed)); },
    search: search,
  };
};
