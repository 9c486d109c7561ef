/* What /suche/ says about a query's results, apart from the page: the status line and the shorter
   query offered when nothing is found. */
import { search, termOf } from "./search-core.js";

export function hitCount(count) {
  return count === 1 ? "1 Treffer" : `${count} Treffer`;
}

/* The status line for `found` (search()'s answer to `text`). */
export function statusText(text, found) {
  const count = found.results.length;
  const quoted = `„${text}“`;
  if (!count) return `Keine Treffer für ${quoted}.`;
  if (found.mode === "all" && found.complete !== undefined && found.complete < count) {
    const rest = count - found.complete;
    return `${hitCount(found.complete)} für ${quoted} mit allen Wörtern; danach ${rest}` +
      `${rest === 1 ? " Eintrag" : " Einträge"} mit einzelnen davon.`;
  }
  if (found.mode === "any") {
    return `Kein Eintrag enthält alle Wörter von ${quoted}; ${count}` +
      `${count === 1 ? " Eintrag enthält" : " Einträge enthalten"} einzelne davon.`;
  }
  return `${hitCount(count)} für ${quoted}.`;
}

/* Every word of six letters or more cut to its first 60 % (at least 4 letters), or null if no word is
   that long. */
export function cutLongWords(text) {
  const words = text.split(/\s+/);
  const cut = words.map((word) => (word.length >= 6 ? word.slice(0, Math.max(4, Math.ceil(word.length * 0.6))) : word));
  return cut.join(" ") === words.join(" ") ? null : cut.join(" ");
}

/* "Sprachkurs" finds nothing where the records say "Sprachförderung": the cut query is offered, as
   {text, count}, when it finds something. */
export function shorterQuery(indexes, text) {
  const cut = cutLongWords(text);
  if (cut === null) return null;
  const count = search(indexes, cut).results.length;
  return count ? { text: cut, count } : null;
}

export const MAX_QUERY = 200;  // characters searched; a longer text is cut (and the page says so)

/* The query as searched: trimmed, at most MAX_QUERY characters; {text, cut}. */
export function searchable(text) {
  const trimmed = text.trim();
  return trimmed.length > MAX_QUERY ? { text: trimmed.slice(0, MAX_QUERY), cut: true } : { text: trimmed, cut: false };
}

/* What the status line adds about single words: those found nowhere (left out). */
export function wordNotes(found) {
  const missing = (found.words || []).filter((word) => word.how === "none").map((word) => `„${word.raw}“`);
  if (!missing.length || !found.results.length) return "";
  return missing.length === 1 ? ` ${missing[0]} kommt nicht vor und wurde übergangen.`
    : ` ${missing.join(", ")} kommen nicht vor und wurden übergangen.`;
}

/* When a text has no searchable word at all (only stop words, punctuation or operators). */
export function nothingSearchable(text) {
  return `„${text}“ enthält kein Wort, nach dem gesucht werden kann (nur kurze Füllwörter oder Zeichen). ` +
    "Bitte ein Stichwort eingeben, z. B. „Alleinerziehende“ oder „Coaching“.";
}

/* „Meinten Sie …?“: the query with each word found only through a typo replaced by a real word of the
   catalogue (`wordFor(term)` gives one), or null. */
export function didYouMean(text, found, wordFor) {
  const typos = (found.words || []).filter((word) => word.how === "fuzzy" && word.nearest);
  if (!typos.length) return null;
  let changed = false;
  const pieces = text.split(/(\s+)/).map((piece) => {
    const lower = piece.toLowerCase();
    const typo = typos.find((word) => lower.includes(word.raw));
    if (!typo) return piece;
    const word = wordFor(typo.nearest);
    if (!word) return piece;
    changed = true;
    const upper = piece[0] !== piece[0].toLowerCase();  // the typed word's capital, not the found one's
    return (upper ? word[0].toUpperCase() : word[0].toLowerCase()) + word.slice(1);
  });
  return changed ? pieces.join("") : null;
}

/* A word as the catalogue writes it whose index term is `term` ("langzeitarbeitslos" ->
   "Langzeitarbeitslose"), from `texts` (titles and summaries of the results), or "". Only words that
   start with the term's first letter are stemmed. */
export function realWord(texts, term) {
  const first = term[0];
  for (const text of texts) {
    for (const raw of String(text || "").split(/[\s\-–—\/,.;:()„“”"!?]+/)) {
      if (!raw || raw[0].toLowerCase() !== first && !(first === "a" || first === "o" || first === "u")) continue;
      if (termOf(raw) === term) return raw;
    }
  }
  return "";
}
