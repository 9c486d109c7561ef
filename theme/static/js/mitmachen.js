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

const LINK_LIMIT = 8000; // longer prefilled links are cut off by browsers or the host

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
    const patterns = { email: new RegExp(form.dataset.emailPattern, "u"), phone: new RegExp(form.dataset.phonePattern, "u") };
    const checkOf = (pointer) => placeOf(pointer, places)?.dataset.check;
    for (const [pointer, text] of extraProblems(record, body, patterns, checkOf)) {
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
    const name = `${fileSlug(record.title)}.md`;
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
