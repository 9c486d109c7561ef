// The submission form /mitmachen/: read the fields back into a record, check it against the
// published JSON Schema (the very files the build validates with), show German messages next to
// each field, and turn the record into the file an editor would otherwise write by hand.
import { Validator } from "../vendor/cfworker-json-schema/index.js";

const UMLAUTS = { "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue" };
const LINK_LIMIT = 8000; // longer prefilled links are cut off by browsers or the host

/** The file name rule of plugins/records/template.py: "Teilzeit für Mütter" -> "teilzeit-fuer-muetter". */
export function slugify(title) {
  let text = title.replace(/[äöüßÄÖÜ]/g, (c) => UMLAUTS[c]).normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
  text = text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return text.slice(0, 60).replace(/^-+|-+$/g, "") || "neuer-eintrag";
}

// ---------------------------------------------------------------- reading the form

function fieldsOf(container) {
  const list = container.querySelector(":scope > .form-fields");
  return list ? [...list.children].filter((el) => el.dataset.key) : [];
}

function control(wrapper) {
  return wrapper.querySelector(":scope > input, :scope > select, :scope > textarea");
}

function number(text) {
  const t = text.trim();
  if (!t) return undefined;
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return t; // "5.250" is a thousands point: let the schema refuse it
  if (/^\d+([.,]\d+)?$/.test(t)) return Number(t.replace(",", "."));
  return t;
}

function readField(wrapper, pointer, places) {
  const input = control(wrapper);
  switch (wrapper.dataset.control) {
    case "group": {
      const value = readObject(wrapper, pointer, places);
      // A required group is always sent, so a missing part is reported at that part.
      return Object.keys(value).length || wrapper.dataset.required ? value : undefined;
    }
    case "repeat": {
      const values = [];
      for (const item of wrapper.querySelector(":scope > .form-repeat-items").children) {
        const here = `${pointer}/${values.length}`;
        const value = readObject(item, here, places);
        if (Object.keys(value).length) {
          places.set(here, item);
          values.push(value);
        }
      }
      return values.length ? values : undefined;
    }
    case "checkboxes": {
      const values = [...wrapper.querySelectorAll("input:checked")].map((box) => box.value);
      return values.length ? values : undefined;
    }
    case "checkbox":
      return input.checked ? true : undefined;
    case "lines": {
      const values = input.value.split("\n").map((line) => line.trim()).filter(Boolean);
      return values.length ? values : undefined;
    }
    case "integers": {
      const parts = input.value.split(/[,;\s]+/).filter(Boolean);
      return parts.length ? parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : undefined;
    }
    case "number":
      return number(input.value);
    case "integer": {
      const t = input.value.trim();
      return t ? (/^\d+$/.test(t) ? Number(t) : t) : undefined;
    }
    case "textarea": {
      const t = input.value.trim().replace(/\s*\n\s*/g, " "); // one paragraph, as the schema asks
      return t || undefined;
    }
    default: {
      const t = input.value.trim();
      return t || undefined;
    }
  }
}

function readObject(container, pointer, places) {
  const out = {};
  for (const wrapper of fieldsOf(container)) {
    const here = `${pointer}/${wrapper.dataset.key}`;
    places.set(here, wrapper);
    const value = readField(wrapper, here, places);
    if (value !== undefined) out[wrapper.dataset.key] = value;
  }
  return out;
}

// ---------------------------------------------------------------- checking

function typeMessage(wrapper) {
  switch (wrapper.dataset.control) {
    case "number":
      return "Bitte nur eine Zahl eingeben: ohne „ca.“, Einheit oder Tausenderpunkte, z. B. 5250 („ca.“ gehört in das Feld „circa“).";
    case "integer":
    case "integers":
      return "Bitte eine ganze Zahl eingeben, z. B. 2013.";
    default:
      return "Dieser Wert hat nicht die erwartete Form.";
  }
}

function message(error, wrapper) {
  const check = wrapper.dataset.check;
  switch (error.keyword) {
    case "required":
      return "Pflichtfeld: bitte ausfüllen.";
    case "type":
      return typeMessage(wrapper);
    case "pattern":
      if (check === "partial-date") return "Bitte ein Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT eingeben, z. B. 2013 oder 2013-04-08.";
      return "Bitte nur Kleinbuchstaben, Ziffern und Bindestriche verwenden, z. B. bahn-frei.";
    case "minLength":
      return "Darf nicht leer sein.";
    case "maxLength":
      return "Der Text ist zu lang.";
    case "minItems":
      return wrapper.dataset.control === "checkboxes" ? "Bitte mindestens einen Wert auswählen." : "Bitte mindestens einen Eintrag angeben.";
    case "uniqueItems":
      return "Ein Eintrag kommt doppelt vor.";
    case "minimum":
    case "exclusiveMinimum":
      return "Der Wert ist zu klein.";
    case "maximum":
    case "exclusiveMaximum":
      return "Der Wert ist zu groß.";
    case "oneOf":
    case "enum":
      return "Bitte einen Wert aus der Liste wählen.";
    default:
      return null; // wrappers such as "properties", "items", "$ref": the inner error says it better
  }
}

function placeOf(pointer, places) {
  for (let here = pointer; here; here = here.slice(0, here.lastIndexOf("/"))) {
    if (places.has(here)) return places.get(here);
    if (!here.includes("/")) break;
  }
  return null;
}

function extraChecks(record, places, body, form) {
  const found = [];
  const email = new RegExp(form.dataset.emailPattern, "u");
  const phone = new RegExp(form.dataset.phonePattern, "u");
  const walk = (value, pointer) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${pointer}/${index}`));
    else if (value && typeof value === "object") Object.entries(value).forEach(([key, item]) => walk(item, `${pointer}/${key}`));
    else if (typeof value === "string") {
      const wrapper = placeOf(pointer, places);
      if (email.test(value) || phone.test(value)) {
        found.push([pointer, "Enthält eine E-Mail-Adresse oder Telefonnummer; bitte nur die Institution nennen."]);
      } else if (wrapper && wrapper.dataset.check === "legal-basis" && !/^§\s*\d{1,3}\s*[a-zA-Z]?\s+\S/.test(value)) {
        found.push([pointer, `„${value}“ ist keine erkennbare Paragrafenangabe; erwartet z. B. „§ 16a SGB II“ oder „§ 45 SGB III“.`]);
      }
    }
  };
  walk(record, "#");
  if (email.test(body) || phone.test(body)) {
    found.push(["#/(Text)", "Enthält eine E-Mail-Adresse oder Telefonnummer; persönliche Kontaktdaten werden nicht veröffentlicht."]);
  }
  return found;
}

function clearMessages(form) {
  for (const error of form.querySelectorAll(".form-error")) {
    error.textContent = "";
    error.hidden = true;
  }
  for (const invalid of form.querySelectorAll("[aria-invalid]")) invalid.removeAttribute("aria-invalid");
}

/** "Träger › Institution", "Kosten je Teilnehmer/-in: Eintrag 1 › Betrag": where a message belongs. */
function labelPath(wrapper) {
  const parts = [];
  for (let el = wrapper; el && el.id !== "mitmachen"; el = el.parentElement) {
    if ((el.dataset.key && el.dataset.control !== "repeat") || el.dataset.control === "item") {
      const own = el.querySelector(":scope > label, :scope > legend");
      if (own) parts.unshift(own.textContent.replace("(Pflichtfeld)", "").trim());
    }
  }
  return parts.join(" › ") || wrapper.dataset.key;
}

function showMessages(form, problems) {
  const summary = form.querySelector("#mitmachen-fehler");
  const list = summary.querySelector("ul");
  list.replaceChildren();
  const shown = new Map();
  for (const [wrapper, text] of problems) {
    const texts = shown.get(wrapper) || [];
    if (!texts.includes(text)) texts.push(text);
    shown.set(wrapper, texts);
  }
  const inFormOrder = [...shown].sort(([a], [b]) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  for (const [wrapper, texts] of inFormOrder) {
    const error = wrapper.querySelector(":scope > .form-error");
    error.textContent = texts.join(" ");
    error.hidden = false;
    const target = control(wrapper) || wrapper.querySelector("input, select, textarea");
    for (const input of wrapper.querySelectorAll(":scope > input, :scope > select, :scope > textarea, :scope > .form-choice-list input")) {
      input.setAttribute("aria-invalid", "true");
    }
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `#${target ? target.id : wrapper.id}`;
    link.textContent = `${labelPath(wrapper)}: ${texts.join(" ")}`;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      (target || wrapper).focus();
    });
    item.append(link);
    list.append(item);
  }
  summary.hidden = shown.size === 0;
  return shown.size;
}

// ---------------------------------------------------------------- writing the file

function scalar(value) {
  if (typeof value === "string") return JSON.stringify(value); // a JSON string is a valid YAML double-quoted scalar
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

/** YAML lines for an object, keys in form (= schema) order. */
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

export function recordFile(record, body) {
  return `---\n${yamlLines(record).join("\n")}\n---\n${body.trim()}\n`;
}

// ---------------------------------------------------------------- wiring

function setupRepeats(form) {
  for (const repeat of form.querySelectorAll(".form-repeat")) {
    const items = repeat.querySelector(":scope > .form-repeat-items");
    const template = repeat.querySelector(":scope > template");
    let next = 0;
    const renumber = () => {
      [...items.children].forEach((item, index) => {
        item.querySelector(":scope > legend .form-repeat-number").textContent = String(index + 1);
        item.querySelector(":scope > .form-repeat-remove").textContent = `Eintrag ${index + 1} entfernen`;
      });
    };
    repeat.querySelector(":scope > .form-repeat-add").addEventListener("click", () => {
      const item = template.content.firstElementChild.cloneNode(true);
      const id = String(next++);
      for (const el of [item, ...item.querySelectorAll("*")]) {
        for (const attribute of ["id", "for", "aria-describedby"]) {
          if (el.hasAttribute(attribute)) el.setAttribute(attribute, el.getAttribute(attribute).replaceAll("__N__", id));
        }
      }
      item.querySelector(":scope > .form-repeat-remove").addEventListener("click", () => {
        item.remove();
        renumber();
        repeat.querySelector(":scope > .form-repeat-add").focus();
      });
      items.append(item);
      renumber();
      const first = item.querySelector("input, select, textarea");
      if (first) first.focus();
    });
  }
}

async function loadValidator(form) {
  const [record, common] = await Promise.all([form.dataset.schema, form.dataset.common].map(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }));
  const validator = new Validator(record, "2020-12", false);
  validator.addSchema(common);
  return validator;
}

function setup(form) {
  const status = document.getElementById("mitmachen-status");
  const result = document.getElementById("mitmachen-ergebnis");
  const output = document.getElementById("mitmachen-datei");
  const download = document.getElementById("mitmachen-download");
  const submitLink = document.getElementById("mitmachen-einreichen");
  const submitHint = document.getElementById("mitmachen-einreichen-hinweis");
  const validatorReady = loadValidator(form);
  let objectUrl = null;
  setupRepeats(form);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let validator;
    try {
      validator = await validatorReady;
    } catch (error) {
      status.textContent = "Die Prüfregeln konnten nicht geladen werden; bitte die Seite neu laden.";
      return;
    }
    clearMessages(form);
    const places = new Map();
    const record = readObject(form, "#", places);
    const body = document.getElementById("f-body").value;
    places.set("#/(Text)", form.querySelector('[data-key="(Text)"]'));
    const problems = [];
    for (const error of validator.validate(record).errors) {
      let pointer = error.instanceLocation;
      if (error.keyword === "required") {
        const missing = /"([^"]+)"/.exec(error.error);
        if (missing) pointer += `/${missing[1]}`;
      }
      const wrapper = placeOf(pointer, places);
      const text = wrapper && message(error, wrapper);
      if (text) problems.push([wrapper, text]);
    }
    for (const [pointer, text] of extraChecks(record, places, body, form)) {
      const wrapper = placeOf(pointer, places);
      if (wrapper) problems.push([wrapper, text]);
    }
    const count = showMessages(form, problems);
    if (count) {
      result.hidden = true;
      status.textContent = count === 1 ? "Eine Angabe muss noch korrigiert werden." : `${count} Angaben müssen noch korrigiert werden.`;
      form.querySelector("#mitmachen-fehler").focus();
      return;
    }
    const name = `${slugify(record.title)}.md`;
    const text = recordFile(record, body);
    output.value = text;
    document.getElementById("mitmachen-dateiname").textContent = `${form.dataset.folder}/${name}`;
    if (objectUrl) URL.revokeObjectURL(objectUrl);
    objectUrl = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
    download.href = objectUrl;
    download.download = name;
    const base = `${form.dataset.repository}/new/${form.dataset.branch}/${form.dataset.folder}`;
    const prefilled = `${base}?filename=${encodeURIComponent(name)}&value=${encodeURIComponent(text)}`;
    if (prefilled.length <= LINK_LIMIT) {
      submitLink.href = prefilled;
      submitHint.textContent = "(öffnet die Seite für eine neue Datei, schon ausgefüllt; Anmeldung im Repository nötig)";
    } else {
      submitLink.href = `${base}?filename=${encodeURIComponent(name)}`;
      submitHint.textContent = "(die Datei ist zu lang für einen ausgefüllten Link: bitte den kopierten Inhalt dort einfügen)";
    }
    result.hidden = false;
    status.textContent = `Alle Angaben sind gültig. Die Datei ${name} ist fertig.`;
  });

  document.getElementById("mitmachen-kopieren").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(output.value);
      status.textContent = "Der Inhalt der Datei ist in der Zwischenablage.";
    } catch (error) {
      output.focus();
      output.select();
      status.textContent = "Kopieren war nicht möglich; der Inhalt ist markiert und kann mit Strg+C kopiert werden.";
    }
  });
}

const form = document.getElementById("mitmachen");
if (form) setup(form);
