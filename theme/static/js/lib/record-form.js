/* From what is typed into /mitmachen/ to the record file: each kind of field's text as a record value,
   the checks the schema cannot make, and the YAML front matter an editor would otherwise write by hand.
   Values are left as typed where they do not fit, so the schema reports them at their field. */

/** A number field: "5250" and "18,9" become numbers; "5.250" (a thousands point) and "ca. 5000" stay text. */
export function numberValue(text) {
  const t = text.trim();
  if (!t) return undefined;
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return t;
  if (/^\d+([.,]\d+)?$/.test(t)) return Number(t.replace(",", "."));
  return t;
}

export function integerValue(text) {
  const t = text.trim();
  return t ? (/^\d+$/.test(t) ? Number(t) : t) : undefined;
}

/** "2013, 2015; 2017" -> [2013, 2015, 2017]. */
export function integerList(text) {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  return parts.length ? parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : undefined;
}

/** One entry per non-empty line. */
export function lineList(text) {
  const values = text.split("\n").map((line) => line.trim()).filter(Boolean);
  return values.length ? values : undefined;
}

/** A text area as one paragraph, as the schema asks. */
export function paragraph(text) {
  return text.trim().replace(/\s*\n\s*/g, " ") || undefined;
}

export function plainText(text) {
  return text.trim() || undefined;
}

/** "§ 16a SGB II", "§45 SGB III": a paragraph number, an optional letter, then the law. */
export function looksLikeLegalBasis(value) {
  return /^§\s*\d{1,3}\s*[a-zA-Z]?\s+\S/.test(value);
}

/** [pointer, German message] for each string of `record` (and the body text) the schema would let
    through but the catalogue does not publish: contact details, unrecognisable legal bases.
    `checkOf(pointer)` says which check a field asks for ("legal-basis" or anything else). */
export function extraProblems(record, body, { email, phone }, checkOf) {
  const found = [];
  const personal = (text) => email.test(text) || phone.test(text);
  const walk = (value, pointer) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${pointer}/${index}`));
    else if (value && typeof value === "object") Object.entries(value).forEach(([key, item]) => walk(item, `${pointer}/${key}`));
    else if (typeof value === "string") {
      if (personal(value)) {
        found.push([pointer, "Enthält eine E-Mail-Adresse oder Telefonnummer; bitte nur die Institution nennen."]);
      } else if (checkOf(pointer) === "legal-basis" && !looksLikeLegalBasis(value)) {
        found.push([pointer, `„${value}“ ist keine erkennbare Paragrafenangabe; erwartet z. B. „§ 16a SGB II“ oder „§ 45 SGB III“.`]);
      }
    }
  };
  walk(record, "#");
  if (personal(body)) {
    found.push(["#/(Text)", "Enthält eine E-Mail-Adresse oder Telefonnummer; persönliche Kontaktdaten werden nicht veröffentlicht."]);
  }
  return found;
}

function scalar(value) {
  if (typeof value === "string") return JSON.stringify(value);  // a JSON string is a valid YAML double-quoted scalar
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

/** YAML lines for an object, keys in insertion (= form = schema) order. */
export function yamlLines(value, indent = "") {
  const lines = [];
  for (const [key, item] of Object.entries(value)) {
    if (Array.isArray(item)) {
      lines.push(`${indent}${key}:`);
      for (const entry of item) {
        if (entry && typeof entry === "object") {
          const inner = yamlLines(entry, `${indent}    `);
          inner[0] = `${indent}  - ${inner[0].slice(indent.length + 4)}`;
          lines.push(...inner);
        } else {
          lines.push(`${indent}  - ${scalar(entry)}`);
        }
      }
    } else if (item && typeof item === "object") {
      lines.push(`${indent}${key}:`);
      lines.push(...yamlLines(item, `${indent}  `));
    } else {
      lines.push(`${indent}${key}: ${scalar(item)}`);
    }
  }
  return lines;
}

/** The record file: front matter between --- lines, then the body text. */
export function recordFile(record, body) {
  return `---\n${yamlLines(record).join("\n")}\n---\n${body.trim()}\n`;
}
