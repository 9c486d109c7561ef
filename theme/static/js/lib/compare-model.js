/* The rules of comparing 2–4 measures, apart from the page: the selection on lists, the addresses,
   the request read from /vergleich/?m=…, and what the side-by-side table holds. */

export const MIN = 2;
export const MAX = 4;

/* `siteUrl` has no trailing slash. */
export function compareUrl(siteUrl, slugs) {
  return `${siteUrl}/vergleich/?m=${slugs.map(encodeURIComponent).join(",")}`;
}

/* A stored selection (JSON text from sessionStorage, or null) as a list of slugs; anything else is none. */
export function parseStoredSelection(text) {
  try {
    const value = JSON.parse(text || "[]");
    return Array.isArray(value) ? value.filter((slug) => typeof slug === "string") : [];
  } catch (error) {
    return [];
  }
}

/* A box ticked or cleared on a list: {selected, refused}; refused when a fifth one is ticked. */
export function toggleSelection(selected, slug, checked) {
  const at = selected.indexOf(slug);
  if (checked && at === -1) {
    if (selected.length >= MAX) return { selected, refused: true };
    return { selected: [...selected, slug], refused: false };
  }
  if (!checked && at !== -1) return { selected: selected.filter((s) => s !== slug), refused: false };
  return { selected, refused: false };
}

/* The compare bar's sentence; `titles` maps slugs to the names shown. */
export function selectionText(selected, titles) {
  if (!selected.length) return `Wählen Sie ${MIN} bis ${MAX} Maßnahmen zum Vergleichen.`;
  const names = selected.map((slug) => titles[slug] || slug);
  let text = `${selected.length} von höchstens ${MAX} ausgewählt: ${names.join(", ")}.`;
  if (selected.length < MIN) text += " Wählen Sie mindestens eine weitere.";
  return text;
}

/* The slugs asked for in a query string: ?m=a,b and ?m=a&m=b alike, trimmed, lower-cased, each once.
   `repeated` says the address used several m= and is better rewritten to the one-parameter form. */
export function requestedSlugs(search) {
  const params = new URLSearchParams(search);
  const slugs = [];
  for (const value of params.getAll("m")) {
    for (const part of value.split(",")) {
      const slug = part.trim().toLowerCase();
      if (slug && !slugs.includes(slug)) slugs.push(slug);
    }
  }
  return { slugs, repeated: params.getAll("m").length > 1 };
}

/* The requested slugs sorted into those the compare data knows (at most MAX) and the others. */
export function resolveRequest(measures, slugs) {
  const has = (slug) => Object.prototype.hasOwnProperty.call(measures, slug);
  const known = slugs.filter(has);
  return { known: known.slice(0, MAX), unknown: slugs.filter((slug) => !has(slug)), tooMany: known.length > MAX };
}

/* The table for `slugs` (all known): a column per measure and a row per field that any of them fills,
   in the order of data.rows; a cell is the list of values, or null for "keine Angabe". */
export function compareTable(data, slugs) {
  const measures = slugs.map((slug) => data.measures[slug]);
  const columns = measures.map((measure, index) => ({
    slug: slugs[index],
    name: measure.short_name,
    subtitle: measure.title !== measure.short_name ? measure.title : null,
    url: measure.url,
  }));
  const rows = data.rows
    .filter(([field]) => measures.some((measure) => measure.values[field]))
    .map(([field, label]) => ({
      field,
      label,
      cells: measures.map((measure) => {
        const values = measure.values[field];
        return values && values.length ? values : null;
      }),
    }));
  return { caption: `Vergleich: ${columns.map((column) => column.name).join(", ")}`, columns, rows };
}
