/* The key facts of a result card, from the display store (plugins/derive/search/index.py's
   display_entry): the same rows, labels and words as the Jinja card (card_facts in _macros.html).
   DOM-free; search.js turns the rows into markup, always as text. */
const MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
  "Oktober", "November", "Dezember"];
const MAX_GROUPS = 3;

/* fmt.py's partial_date: "2013" -> "2013", "2013-04" -> "April 2013", "2013-04-08" -> "08.04.2013". */
export function partialDate(text) {
  if (!text) return "";
  const parts = String(text).split("-");
  if (parts.length === 1) return parts[0];
  if (parts.length === 2) return `${MONTHS[Number(parts[1]) - 1]} ${parts[0]}`;
  return `${parts[2]}.${parts[1]}.${parts[0]}`;
}

/* 6581 -> "6.581" (German thousands, whole euros). */
export function thousands(value) {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/* [{label, text, note}] for one record; `baseYear` is the build's cost base year (kern.json). */
export function cardFacts(record, baseYear) {
  const rows = [];
  const groups = record.groups || [];
  if (groups.length) {
    const more = groups.length - MAX_GROUPS;
    rows.push({ key: "zielgruppen", label: "Zielgruppen", text: groups.slice(0, MAX_GROUPS).join(", ") + (more > 0 ? ` und ${more} weitere` : ""), note: "" });
  }
  if (record.land) rows.push({ key: "land", label: "Land", text: record.land, note: "" });
  if (record.type === "measure") {
    rows.push(record.cost === null || record.cost === undefined
      ? { key: "kosten", label: "Kosten je Teilnehmer/-in", text: "", note: "ohne vergleichbare Angabe" }
      : { key: "kosten", label: "Kosten je Teilnehmer/-in", text: `rund ${thousands(record.cost)}\u00a0€`, note: `(Preise ${baseYear})` });
    if (record.evidence) rows.push({ key: "evidenz", label: "Evidenz", text: record.evidence, note: "" });
  }
  if (record.as_of) rows.push({ key: "stand", label: "Stand", text: partialDate(record.as_of), note: "" });
  return rows;
}
