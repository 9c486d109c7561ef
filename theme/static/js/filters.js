/* /massnahmen/: facet filters, a text query, sorting, state in the URL (the rules: lib/filter-logic.js).
   Works on the cards already in the page: it hides, shows and reorders them, so without JavaScript
   the page still lists every measure. */
import { load, search } from "./lib/search-core.js";
import { fetchJson } from "./lib/fetch-json.js";
import { applyState, defaultSort, queryOfState, stateFromParams, statusText } from "./lib/filter-logic.js";

const form = document.getElementById("filter-form");
const listRoot = document.getElementById("record-list");
if (form && listRoot) setup(form, listRoot);

function setup(form, listRoot) {
  const summary = document.querySelector(".filter-summary");
  const chips = document.getElementById("filter-chips");
  const status = document.getElementById("filter-status");
  const queryInput = document.getElementById("filter-q");
  const sortSelect = document.getElementById("filter-sort");
  const list = listRoot.querySelector(".record-list");
  const cards = {};  // url -> card element
  const titleOrder = [];  // the urls in the page's (title) order
  const indexes = [];
  let data = null, loadingIndex = null, timer = null;

  for (const card of list.children) {
    const link = card.querySelector(".record-card-title a[href]") || card.querySelector("a[href]");  // the title, not a glossary link
    if (!link) continue;
    const path = new URL(link.href, window.location.href).pathname;
    const url = path.replace(/^.*?((?:massnahmen|programme)\/[^/]+\/)$/, "$1");
    cards[url] = card;
    titleOrder.push(url);
  }

  function facetLabel(param) {
    const legend = form.querySelector(`fieldset[data-param="${param}"] legend`);
    return legend ? legend.textContent : param;
  }

  function readState() {
    return stateFromParams(new URLSearchParams(window.location.search), data.filters);
  }

  function formState() {
    const selected = {};
    for (const box of form.querySelectorAll("input[type=checkbox]:checked")) {
      (selected[box.name] = selected[box.name] || []).push(box.value);
    }
    return { q: queryInput.value.trim(), sort: sortSelect.value, selected };
  }

  function toForm(state) {
    queryInput.value = state.q;
    sortSelect.value = state.sort || defaultSort(state);
    for (const box of form.querySelectorAll("input[type=checkbox]")) {
      box.checked = (state.selected[box.name] || []).includes(box.value);
    }
  }

  function toUrl(state) {
    const query = queryOfState(state, data.filters);
    return window.location.pathname + (query ? `?${query}` : "");
  }

  function ensureIndex() {
    if (!loadingIndex) {
      loadingIndex = fetchJson(form.dataset.kern).then((part) => {
        indexes.push(load(part.index));
        return fetchJson(form.dataset.volltext);
      }).then((part) => {
        indexes.push(load(part.index));
      });
    }
    return loadingIndex;
  }

  function apply(state) {
    let scores = null;
    if (state.q) {
      scores = {};
      for (const result of search(indexes, state.q).results) scores[result.ref] = result.score;
    }
    const { shown, counts } = applyState(state, data, titleOrder, scores);
    for (const filter of data.filters) {
      for (const box of form.querySelectorAll(`fieldset[data-param="${filter.param}"] input`)) {
        const count = counts[filter.param][box.value] || 0;
        box.parentNode.querySelector("[data-count]").textContent = `(${count})`;
        box.parentNode.classList.toggle("filter-empty", count === 0);
      }
    }
    const visible = new Set();
    for (const measure of shown) {
      const card = cards[measure.url];
      if (!card) continue;
      visible.add(measure.url);
      card.hidden = false;
      list.appendChild(card);  // moves it: the shown cards end up in the chosen order
    }
    for (const url of titleOrder) {
      if (!visible.has(url)) cards[url].hidden = true;
    }
    renderChips(state);
    status.textContent = statusText(shown.length, data.measures.length, state.q);
    listRoot.dataset.shown = String(shown.length);
  }

  function renderChips(state) {
    chips.replaceChildren();
    function chip(text, onRemove) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "filter-chip";
      button.textContent = `${text} ×`;
      button.setAttribute("aria-label", `Filter entfernen: ${text}`);
      button.addEventListener("click", onRemove);
      item.appendChild(button);
      chips.appendChild(item);
    }
    if (state.q) {
      chip(`Suchbegriff: ${state.q}`, () => { queryInput.value = ""; changed(true); queryInput.focus(); });
    }
    for (const filter of data.filters) {
      for (const value of state.selected[filter.param] || []) {
        const box = document.getElementById(`filter-${filter.param}-${value}`);
        const label = box ? form.querySelector(`label[for="${box.id}"]`).firstChild.textContent.trim() : value;
        chip(`${facetLabel(filter.param)}: ${label}`, () => {
          if (box) box.checked = false;
          changed(true);
          const next = chips.querySelector("button") || (box || queryInput);
          next.focus();
        });
      }
    }
    if (chips.children.length > 1) {
      chip("Alle Filter", () => {
        toForm({ q: "", sort: "", selected: {} });
        changed(true);
        queryInput.focus();
      });
    }
  }

  function show(state) {
    if (state.q && !indexes.length) {
      status.textContent = "Suchindex wird geladen …";
      ensureIndex().then(() => show(state));
      return;
    }
    apply(state);
  }

  function changed(push) {
    const state = formState();
    const url = toUrl(state);
    if (url !== window.location.pathname + window.location.search) {
      window.history[push ? "pushState" : "replaceState"](null, "", url);
    }
    show(state);
  }

  form.addEventListener("change", (event) => {
    if (event.target === queryInput) return;
    changed(true);
  });
  queryInput.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => changed(false), 200);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    changed(true);
  });
  window.addEventListener("popstate", () => {
    const state = readState();
    toForm(state);
    show(state);
  });

  fetchJson(form.dataset.filter).then((loaded) => {
    data = loaded;
    form.hidden = false;
    summary.hidden = false;
    const state = readState();
    toForm(state);
    show(state);
  }).catch((error) => {
    if (window.console) window.console.warn(error);
  });
}
