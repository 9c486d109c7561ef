/* What /suche/ says about a query's results, apart from the page: the status line and the shorter
   query offered when nothing is found. */
import { search } from "./search-core.js";

export function hitCount(count) {
  return count === 1 ? "1 Treffer" : `${count} Treffer`;
}

/* The status line for `found` (search()'s answer to `text`). */
export function statusText(text, found) {
  const count = found.results.length;
  const quoted = `„${text}“`;
  if (!count) return `Keine Treffer für ${quoted}.`;
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
