/* /kosten/: sort the cost table by any column and filter like with like (target group, kind, evidence);
   the rules: lib/cost-table-logic.js. The table is complete without this script; it only reorders and
   hides rows. */
import { compareKeys, filterStatus, rowMatches, sortKey } from "./lib/cost-table-logic.js";

const table = document.getElementById("kosten-tabelle-daten");
const form = document.getElementById("kosten-filter");
const status = document.getElementById("kosten-status");
if (table && form && status) setup(table, form, status);

function setup(table, form, status) {
  const body = table.tBodies[0];
  const headers = [...table.tHead.rows[0].cells];
  const caption = table.caption;
  const captionBase = caption.textContent.replace(/, nach .*$/, "");
  const selects = [...form.querySelectorAll("select[data-filter]")];

  function keyOf(row, index, type) {
    const cell = row.cells[index];
    const raw = cell.getAttribute("data-sort");
    return sortKey(raw === null ? cell.textContent : raw, type);
  }

  function sortBy(index, direction) {
    const type = headers[index].getAttribute("data-sort-type");
    const rows = [...body.rows];
    rows.sort((a, b) => compareKeys(keyOf(a, index, type), keyOf(b, index, type), type, direction));
    for (const row of rows) body.appendChild(row);
    headers.forEach((th, i) => {
      if (i === index) th.setAttribute("aria-sort", direction);
      else th.removeAttribute("aria-sort");
    });
    const name = headers[index].querySelector("button").firstChild.textContent;
    const words = direction === "ascending" ? "aufsteigend" : "absteigend";
    caption.textContent = `${captionBase}, nach „${name}“ ${words} sortiert`;
    status.textContent = `Sortiert nach „${name}“, ${words}.`;
  }

  headers.forEach((th, index) => {
    if (!th.getAttribute("data-sort-type")) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.appendChild(document.createTextNode(th.textContent.trim()));
    const mark = document.createElement("span");
    mark.className = "sort-mark";
    mark.setAttribute("aria-hidden", "true");
    button.appendChild(mark);
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", () => {
      sortBy(index, th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending");
    });
  });
  headers[0].setAttribute("aria-sort", "ascending");

  function applyFilter(announce) {
    const wanted = {};
    for (const select of selects) wanted[select.getAttribute("data-filter")] = select.value;
    let shown = 0;
    const costs = [];
    for (const row of body.rows) {
      const match = rowMatches({
        zielgruppe: row.getAttribute("data-zielgruppe"),
        art: row.getAttribute("data-art"),
        evidenz: row.getAttribute("data-evidenz"),
      }, wanted);
      row.hidden = !match;
      if (!match) continue;
      shown += 1;
      const cost = row.querySelector("td[data-col=teilnahme]").getAttribute("data-sort");
      if (cost) costs.push(parseFloat(cost));
    }
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(wanted)) {
      if (value) params.set(key, value);
    }
    const query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? `?${query}` : "") + window.location.hash);
    if (announce) status.textContent = filterStatus(shown, body.rows.length, costs);
  }

  const initial = new URLSearchParams(window.location.search);
  let filtered = false;
  for (const select of selects) {
    const value = initial.get(select.getAttribute("data-filter"));
    if (value && select.querySelector(`option[value='${CSS.escape(value)}']`)) {
      select.value = value;
      filtered = true;
    }
    select.addEventListener("change", () => applyFilter(true));
  }
  form.addEventListener("reset", () => {
    window.setTimeout(() => applyFilter(true), 0);  // after the browser has reset the fields
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  if (filtered) applyFilter(true);
}
