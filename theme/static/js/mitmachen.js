// The submission form /mitmachen/: read the fields back into a record, check it against the
// published JSON Schema (the very files the build validates with), show German messages next to
// each field, and turn the record into the file an editor would otherwise write by hand
// (the page-free rules: lib/record-form.js, lib/slug.js).
import { Validator } from "../vendor/cfworker-json-schema/index.js";
import { fetchJson } from "./lib/fetch-json.js";
import {
  extraProblems, integerList, integerValue, lineList, numberValue, paragraph, plainText, recordFile,
} from "./lib/record-form.js";
import { fileSlug } from "./lib/slug.js";
import {
  githubEdit, githubNewFile, htmlProblem, mailBody, mailto, titleProblem, tooLongMessage,
} from "./lib/submission.js";

// ---------------------------------------------------------------- reading the form

function fieldsOf(container) {
  const list = container.querySelector(":scope > .form-fields");
  return list ? [...list.children].filter((el) => el.dataset.key) : [];
}

function control(wrapper) {
  return wrapper.querySelector(":scope > input, :scope > select, :scope > textarea");
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
      // A corrected record keeps its order (the first target group may be the main one); new ticks follow.
      const order = JSON.parse(wrapper.dataset.order || "[]");
      const rank = (value) => (order.includes(value) ? order.indexOf(value) : order.length);
      values.sort((a, b) => rank(a) - rank(b));
      return values.length ? values : undefined;
    }
    case "checkbox":
      return input.checked ? true : undefined;
    case "lines":
      return lineList(input.value);
    case "integers":
      return integerList(input.value);
    case "number":
      return numberValue(input.value);
    case "integer":
      return integerValue(input.value);
    case "textarea":
      return paragraph(input.value);
    default:
      return plainText(input.value);
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
    case "maxLength": {
      const numbers = /\((\d+) > (\d+)\)/.exec(error.error || "");
      return numbers ? tooLongMessage(Number(numbers[2]), Number(numbers[1])) : "Der Text ist zu lang.";
    }
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
    repeat.addItem = () => {
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
      return item;
    };
    repeat.querySelector(":scope > .form-repeat-add").addEventListener("click", () => {
      const first = repeat.addItem().querySelector("input, select, textarea");
      if (first) first.focus();
    });
  }
}

// ---------------------------------------------------------------- filling the form from a record

function fillField(wrapper, value) {
  const input = control(wrapper);
  switch (wrapper.dataset.control) {
    case "group":
      fillObject(wrapper, value || {});
      break;
    case "repeat":
      for (const entry of value || []) fillObject(wrapper.addItem(), entry);
      break;
    case "checkboxes":
      for (const box of wrapper.querySelectorAll("input[type=checkbox]")) box.checked = (value || []).includes(box.value);
      wrapper.dataset.order = JSON.stringify(value || []);
      break;
    case "checkbox":
      input.checked = value === true;
      break;
    case "lines":
      input.value = (value || []).join("\n");
      break;
    case "integers":
      input.value = (value || []).join(", ");
      break;
    default:
      input.value = value === undefined || value === null ? "" : String(value);
  }
}

/** The inverse of readObject: every field of `container` set from `data` (a record's published fields). */
function fillObject(container, data) {
  for (const wrapper of fieldsOf(container)) {
    if (Object.hasOwn(data, wrapper.dataset.key)) fillField(wrapper, data[wrapper.dataset.key]);
  }
}

/** /mitmachen/?korrektur=<Kennung>: the form filled with the published record, for a complete corrected file. */
async function loadCorrection(form, status) {
  const slug = new URLSearchParams(window.location.search).get("korrektur");
  if (!slug) return;
  let entry;
  try {
    entry = (await fetchJson(form.dataset.records)).records.find((record) => record.id === slug);
  } catch (error) {
    status.textContent = "Der Eintrag konnte nicht geladen werden; bitte die Seite neu laden.";
    return;
  }
  if (!entry) {
    status.textContent = `Einen Eintrag mit der Kennung „${slug}“ gibt es nicht; das Formular ist leer.`;
    return;
  }
  fillObject(form, entry.data);
  document.getElementById("f-body").value = entry.text;
  form.dataset.correction = entry.id;
  document.getElementById("mitmachen-titel").textContent = `Eintrag verbessern: ${entry.data.title}`;
  const note = document.getElementById("mitmachen-korrektur");
  note.textContent = "Das Formular enthält die veröffentlichten Angaben dieses Eintrags. Ändern Sie, was nicht stimmt "
    + "oder fehlt, und reichen Sie danach die ganze Datei ein; bitte nennen Sie dabei die Quelle der neuen Angaben.";
  note.hidden = false;
  form.dataset.prefilled = "true";
}

// ---------------------------------------------------------------- checks beyond the schema

function formProblems(record, body) {
  const found = [];
  const titleText = titleProblem(record.title);
  if (titleText) found.push(["#/title", titleText]);
  const walk = (value, pointer) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${pointer}/${index}`));
    else if (value && typeof value === "object") Object.entries(value).forEach(([key, item]) => walk(item, `${pointer}/${key}`));
    else if (typeof value === "string" && htmlProblem(value)) found.push([pointer, htmlProblem(value)]);
  };
  walk(record, "#");
  if (htmlProblem(body, true)) found.push(["#/(Text)", htmlProblem(body, true)]);
  return found;
}

// ---------------------------------------------------------------- handing the file over

async function copyText(text, status, message) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = message;
    return true;
  } catch (error) {
    const output = document.getElementById("mitmachen-datei");
    output.focus();
    output.select();
    status.textContent = "Kopieren war nicht möglich; der Inhalt ist markiert und kann mit Strg+C kopiert werden.";
    return false;
  }
}

function offerSubmission(form, name, text, record) {
  const github = document.getElementById("mitmachen-github");
  const githubHint = document.getElementById("mitmachen-github-hinweis");
  const email = document.getElementById("mitmachen-email");
  const emailHint = document.getElementById("mitmachen-email-hinweis");
  const where = { repository: form.dataset.repository, branch: form.dataset.branch, folder: form.dataset.folder, name, text };
  const correction = form.dataset.correction;
  if (correction) {
    github.href = githubEdit(where);
    github.dataset.copy = "true";
    githubHint.textContent = "Der Eintrag besteht schon, GitHub öffnet seine Datei zum Bearbeiten. Beim Klick wird der neue "
      + "Inhalt kopiert: dort alles markieren (Strg+A) und einfügen (Strg+V). GitHub legt den Vorschlag an; ein Konto ist nötig.";
  } else {
    const link = githubNewFile(where);
    github.href = link.url;
    github.dataset.copy = link.fits ? "" : "true";
    githubHint.textContent = link.fits
      ? "GitHub öffnet die fertige Datei; „Propose new file“ (Datei vorschlagen) legt den Vorschlag an. Ein Konto ist nötig."
      : `Die Datei ist zu lang für einen Link (${text.length.toLocaleString("de-DE")} Zeichen). Beim Klick wird der Inhalt `
        + "kopiert und GitHub öffnet eine leere Datei mit dem richtigen Namen: dort einfügen (Strg+V).";
  }
  const subject = `${correction ? "Korrektur" : "Vorschlag"}: ${record.short_name || record.title}`;
  const shortBody = `Guten Tag,\n\nmein ${correction ? "korrigierter Eintrag" : "Vorschlag"} ${name} ist zu lang für eine E-Mail aus dem `
    + "Formular. Ich füge ihn hier ein (Strg+V) oder hänge die heruntergeladene Datei an.\n\n";
  const mail = mailto({ address: form.dataset.editorsEmail, subject, body: mailBody({ name, text, correction }), shortBody });
  email.href = mail.url;
  email.dataset.copy = mail.fits ? "" : "true";
  emailHint.textContent = mail.fits ? "Ihr E-Mail-Programm öffnet eine fertige Nachricht mit der Datei; ein GitHub-Konto ist nicht nötig."
    : "Die Datei ist zu lang für eine E-Mail aus dem Formular: Beim Klick wird sie kopiert; bitte in die Nachricht einfügen (Strg+V) oder die heruntergeladene Datei anhängen.";
}

async function loadValidator(form) {
  const [record, common] = await Promise.all([form.dataset.schema, form.dataset.common].map(fetchJson));
  const validator = new Validator(record, "2020-12", false);
  validator.addSchema(common);
  return validator;
}

function setup(form) {
  const status = document.getElementById("mitmachen-status");
  const result = document.getElementById("mitmachen-ergebnis");
  const output = document.getElementById("mitmachen-datei");
  const download = document.getElementById("mitmachen-download");
  const validatorReady = loadValidator(form);
  let objectUrl = null;
  setupRepeats(form);
  loadCorrection(form, status);
  document.getElementById("f-body-gliederung").addEventListener("click", () => {
    const body = document.getElementById("f-body");
    const headings = document.getElementById("f-body-headings").textContent.split("·").map((part) => part.trim());
    body.value = `${body.value.trimEnd()}${body.value.trim() ? "\n\n" : ""}${headings.join("\n\n")}\n`;
    body.focus();
  });
  for (const link of [document.getElementById("mitmachen-github"), document.getElementById("mitmachen-email")]) {
    link.addEventListener("click", () => {
      if (link.dataset.copy === "true") {
        copyText(output.value, status, "Der Inhalt der Datei ist in der Zwischenablage; bitte auf der geöffneten Seite einfügen (Strg+V).");
      }
    });
  }

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
    const patterns = { email: new RegExp(form.dataset.emailPattern, "u"), phone: new RegExp(form.dataset.phonePattern, "u") };
    const checkOf = (pointer) => placeOf(pointer, places)?.dataset.check;
    for (const [pointer, text] of [...extraProblems(record, body, patterns, checkOf), ...formProblems(record, body)]) {
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
    const name = `${form.dataset.correction || fileSlug(record.title)}.md`;
    const text = recordFile(record, body);
    output.value = text;
    document.getElementById("mitmachen-dateiname").textContent = `${form.dataset.folder}/${name}`;
    if (objectUrl) URL.revokeObjectURL(objectUrl);
    objectUrl = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
    download.href = objectUrl;
    download.download = name;
    offerSubmission(form, name, text, record);
    result.hidden = false;
    status.textContent = `Alle Angaben sind gültig. Die Datei ${name} ist fertig.`;
  });

  document.getElementById("mitmachen-kopieren").addEventListener("click", () => {
    copyText(output.value, status, "Der Inhalt der Datei ist in der Zwischenablage.");
  });
}

const form = document.getElementById("mitmachen");
if (form) setup(form);
