/* The rules of the /kosten/ table, apart from the page: sorting a column, filtering like with like,
   and the median of what is shown. */

/* A cell's sort key: a number for number columns, lower-cased text otherwise, null when empty. */
export function sortKey(raw, type) {
  const text = raw.trim();
  if (text === "") return null;
  return type === "number" ? parseFloat(text) : text.toLocaleLowerCase("de-DE");
}

/* Compares two sort keys; unknown values (null) come last in either direction. */
export function compareKeys(x, y, type, direction) {
  if (x === null || y === null) return x === y ? 0 : (x === null ? 1 : -1);
  const order = type === "number" ? x - y : x.localeCompare(y, "de-DE");
  return direction === "ascending" ? order : -order;
}

/* Whether a row ({zielgruppe: "a b", art, evidenz}, as in its data- attributes) fits the chosen
   values ({zielgruppe, art, evidenz}; "" or missing means any). */
export function rowMatches(row, wanted) {
  const groups = (row.zielgruppe || "").split(" ");
  return (!wanted.zielgruppe || groups.includes(wanted.zielgruppe)) &&
    (!wanted.art || row.art === wanted.art) &&
    (!wanted.evidenz || row.evidenz === wanted.evidenz);
}

export function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const euro = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });

/* The status line after filtering: how many rows are shown and the median cost per participant of
   those that state one. */
export function filterStatus(shown, total, costs) {
  let text = `${shown} von ${total} Maßnahmen angezeigt.`;
  if (costs.length) text += ` Median je Teilnehmer/-in der angezeigten: rund ${euro.format(Math.round(median(costs)))} €.`;
  return text;
}
