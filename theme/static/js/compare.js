/* Compare 2–4 measures: the "Vergleichen" checkboxes on lists, and the side-by-side table at /vergleich/
   (the rules: lib/compare-model.js). No inline scripts, no eval, no innerHTML: everything is built with
   DOM methods and textContent. A list may link this file more than once; a module runs once per page. */
import {
  MAX, MIN, compareTable, compareUrl, parseStoredSelection, requestedSlugs, resolveRequest, selectionText, toggleSelection,
} from "./lib/compare-model.js";
import { fetchJson } from "./lib/fetch-json.js";

const STORE = "praxiskatalog-vergleich";
// The site's address, from this file's own (…/theme/js/compare.js): pages sit at different depths.
const siteUrl = import.meta.url.replace(/\/theme\/js\/compare\.js(\?.*)?$/, "");

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function stored() {
  try {
    return parseStoredSelection(window.sessionStorage.getItem(STORE));
  } catch (error) {
    return [];  // storage blocked
  }
}

function store(slugs) {
  try {
    window.sessionStorage.setItem(STORE, JSON.stringify(slugs));
  } catch (error) {
    /* private mode: the selection just does not survive a page change */
  }
}

/* ---- lists: checkboxes and the compare bar ---- */

function initPicker(boxes) {
  let selected = stored();
  const titles = {};
  const list = boxes[0].closest(".record-list") || boxes[0].closest("main");
  const bar = el("div", { "class": "compare-bar", role: "region", "aria-label": "Auswahl zum Vergleichen" });
  const status = el("p", { "class": "compare-bar-status", "aria-live": "polite" });
  const go = el("button", { type: "button", "class": "compare-go" }, "Vergleichen");
  const clear = el("button", { type: "button", "class": "secondary compare-clear" }, "Auswahl leeren");
  bar.append(status, go, clear);
  list.parentNode.insertBefore(bar, list.nextSibling);

  function update(message) {
    const text = selectionText(selected, titles);
    status.textContent = message ? `${message} ${text}` : text;
    go.disabled = selected.length < MIN;
    clear.hidden = !selected.length;
    store(selected);
  }

  for (const box of boxes) {
    titles[box.value] = box.getAttribute("data-title");
    box.checked = selected.includes(box.value);
    box.closest(".compare-pick").hidden = false;
    box.addEventListener("change", () => {
      const next = toggleSelection(selected, box.value, box.checked);
      selected = next.selected;
      if (next.refused) {
        box.checked = false;
        update(`Höchstens ${MAX} Maßnahmen lassen sich vergleichen.`);
        return;
      }
      update();
    });
  }
  go.addEventListener("click", () => {
    if (selected.length >= MIN) window.location.href = compareUrl(siteUrl, selected);
  });
  clear.addEventListener("click", () => {
    selected = [];
    for (const box of boxes) box.checked = false;
    update("Auswahl geleert.");
  });
  update();
}

/* ---- /vergleich/: read ?m=a,b and show the table ---- */

function message(box, text, isError) {
  const p = el("p", { "class": isError ? "compare-error" : "compare-info" }, text);
  if (isError) p.setAttribute("role", "alert");
  box.appendChild(p);
}

function valueCell(values) {
  const cell = el("td");
  if (!values) {
    cell.appendChild(el("span", { "class": "compare-missing" }, "keine Angabe"));
  } else if (values.length === 1) {
    cell.textContent = values[0];
  } else {
    const ul = el("ul");
    for (const text of values) ul.appendChild(el("li", {}, text));
    cell.appendChild(ul);
  }
  return cell;
}

function renderTable(target, data, slugs) {
  const model = compareTable(data, slugs);
  const wrap = el("div", { "class": "table-scroll", tabindex: "0", role: "region", "aria-label": "Vergleichstabelle" });
  const table = el("table", { "class": "compare-table", id: "vergleich-tabelle" });
  table.appendChild(el("caption", {}, model.caption));
  const head = el("thead");
  const headRow = el("tr");
  headRow.appendChild(el("th", { scope: "col" }, "Merkmal"));
  for (const column of model.columns) {
    const th = el("th", { scope: "col", "data-slug": column.slug });
    th.appendChild(el("a", { href: `${siteUrl}/${column.url}` }, column.name));
    if (column.subtitle) th.appendChild(el("span", { "class": "compare-subtitle" }, column.subtitle));
    headRow.appendChild(th);
  }
  head.appendChild(headRow);
  table.appendChild(head);
  const body = el("tbody");
  for (const row of model.rows) {
    const tr = el("tr", { "data-field": row.field });
    tr.appendChild(el("th", { scope: "row" }, row.label));
    for (const values of row.cells) tr.appendChild(valueCell(values));
    body.appendChild(tr);
  }
  table.appendChild(body);
  wrap.appendChild(table);
  target.appendChild(wrap);
  const share = el("p", { "class": "compare-share" }, "Adresse dieses Vergleichs: ");
  const address = new URL(compareUrl(siteUrl, slugs), window.location.href).href;
  share.appendChild(el("a", { href: address }, address));
  target.appendChild(share);
  const print = el("button", { type: "button", "class": "secondary no-print" }, "Vergleich drucken");
  print.addEventListener("click", () => window.print());
  target.appendChild(print);
  const names = model.columns.map((column) => column.name);
  document.title = `Vergleich: ${names.join(", ")} – ${document.title.split(" – ").pop()}`;
}

function initComparePage(target) {
  const messages = document.getElementById("vergleich-meldungen");
  const form = document.getElementById("vergleich-auswahl");
  const details = document.getElementById("vergleich-auswahl-liste");
  const request = requestedSlugs(window.location.search);
  if (request.repeated) window.history.replaceState(null, "", compareUrl(siteUrl, request.slugs));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = [...form.querySelectorAll("input[name=m]:checked")].map((box) => box.value);
    messages.textContent = "";
    if (chosen.length < MIN || chosen.length > MAX) {
      message(messages, `Bitte wählen Sie ${MIN} bis ${MAX} Maßnahmen; gewählt sind ${chosen.length}.`, true);
      return;
    }
    window.location.href = compareUrl(siteUrl, chosen);
  });
  for (const box of form.querySelectorAll("input[name=m]")) box.checked = request.slugs.includes(box.value);
  fetchJson(target.getAttribute("data-source"))
    .then((data) => {
      const { known, unknown, tooMany } = resolveRequest(data.measures, request.slugs);
      for (const slug of unknown) {
        message(messages, `Die Kennung „${slug}“ gehört zu keiner Maßnahme im Katalog. Prüfen Sie die ` +
          "Adresse oder wählen Sie die Maßnahmen unten aus.", true);
      }
      if (!request.slugs.length) {
        message(messages, "Noch keine Maßnahmen gewählt. Wählen Sie unten 2 bis 4 Maßnahmen aus oder " +
          "markieren Sie „Vergleichen“ in einer Liste von Maßnahmen.", false);
      }
      if (tooMany) {
        message(messages, "Es lassen sich höchstens vier Maßnahmen nebeneinander zeigen; gezeigt werden die " +
          "ersten vier.", true);
      }
      if (known.length >= MIN) {
        renderTable(target, data, known);
        return;
      }
      if (known.length === 1) {
        message(messages, "Für einen Vergleich fehlt noch mindestens eine Maßnahme; gewählt ist nur „" +
          `${data.measures[known[0]].short_name}“.`, true);
      }
      details.open = true;
    })
    .catch(() => {
      message(messages, "Die Vergleichsdaten konnten nicht geladen werden. Bitte laden Sie die Seite neu.", true);
    });
}

// A module runs after the page is parsed, so every element is there already.
const target = document.getElementById("vergleich");
if (target) {
  initComparePage(target);
} else {
  const boxes = [...document.querySelectorAll("input.compare-checkbox")];
  if (boxes.length) initPicker(boxes);
}
