/* /suche/: one result list for measures, programmes and regions, as cards with their key facts;
   results while typing, the query kept in the URL. Everything from the index is set as text. */
import { load, search, snippet } from "./lib/search-core.js";
import { fetchJson, fetchJsonOnce } from "./lib/fetch-json.js";
import { cardFacts } from "./lib/result-card.js";
import {
  didYouMean, hitCount, nothingSearchable, realWord, searchable, shorterQuery, statusText, wordNotes,
} from "./lib/search-status.js";

const PAGE = 50;
const form = document.getElementById("search-form");
if (form) setup(form);

function setup(form) {
  const input = document.getElementById("q");
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const more = document.getElementById("search-more");
  const help = document.getElementById("search-help");
  const suggestion = document.getElementById("search-suggestion");
  const suggestionLink = document.getElementById("search-suggestion-link");
  const meant = document.getElementById("search-didyoumean");
  const meantLink = document.getElementById("search-didyoumean-link");
  const state = { records: null, summaries: null, baseYear: null, indexes: [], complete: false, shown: PAGE, timer: null };

  function queryFromUrl() {
    return new URLSearchParams(window.location.search).get("q") || "";
  }

  function say(text) {
    status.textContent = text;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* The card of the KERN redesign (_macros.html record_card), built from the display store. */
  function renderResult(result) {
    const record = state.records[Number(result.ref)];
    const item = element("li", "kern-card kern-card--hug record-card search-result");
    item.dataset.kind = record.type;
    const container = element("div", "kern-card__container");
    const header = element("div", "kern-card__header");
    const preline = [record.kind, record.provider].filter(Boolean).join(" · ");
    header.appendChild(element("p", "kern-preline kern-preline--small search-result-meta", preline));
    const heading = element("h2", "kern-title kern-title--small record-card-title search-result-title");
    const link = element("a", "kern-link", record.short || record.title);
    link.href = `${form.dataset.site}/${record.url}`;
    heading.appendChild(link);
    header.appendChild(heading);
    if (record.short) header.appendChild(element("p", "kern-subline kern-subline--small record-card-subtitle", record.title));
    container.appendChild(header);
    const body = element("div", "kern-card__body");
    if (state.summaries) {
      const text = element("p", "kern-body kern-body--small search-snippet");
      for (const piece of snippet(state.summaries[Number(result.ref)], result.terms)) {
        text.appendChild(piece.mark ? element("mark", null, piece.text) : document.createTextNode(piece.text));
      }
      body.appendChild(text);
    }
    const facts = element("dl", "card-facts");
    for (const row of cardFacts(record, state.baseYear)) {
      const pair = element("div", `card-fact card-fact-${row.key}`);
      pair.appendChild(element("dt", null, row.label));
      const value = element("dd", null, row.text);
      if (row.note) value.appendChild(element("span", "fact-note", (row.text ? " " : "") + row.note));
      pair.appendChild(value);
      facts.appendChild(pair);
    }
    body.appendChild(facts);
    container.appendChild(body);
    item.appendChild(container);
    return item;
  }

  /* „Meinten Sie …?“ for words found only through a typo: a link to the query with real words. */
  function showDidYouMean(text, found) {
    const texts = found.results.slice(0, PAGE).flatMap((result) => {
      const record = state.records[Number(result.ref)];
      return [record.title, record.short, (record.groups || []).join(" "),
        state.summaries ? state.summaries[Number(result.ref)] : ""];
    });
    const better = didYouMean(text, found, (term) => realWord(texts, term));
    meant.hidden = !better;
    if (!better) return;
    meantLink.textContent = better;
    meantLink.href = `${form.action.split("?")[0]}?q=${encodeURIComponent(better)}`;
  }

  function showHelp(text) {
    help.hidden = false;
    const shorter = state.complete ? shorterQuery(state.indexes, text) : null;
    suggestion.hidden = !shorter;
    if (!shorter) return;
    suggestionLink.textContent = `„${shorter.text}“ (${hitCount(shorter.count)})`;
    suggestionLink.href = `${form.action.split("?")[0]}?q=${encodeURIComponent(shorter.text)}`;
  }

  function run(resetPaging) {
    const { text, cut } = searchable(input.value);
    if (resetPaging) state.shown = PAGE;
    if (!state.indexes.length) return;
    list.replaceChildren();
    more.hidden = true;
    help.hidden = true;
    meant.hidden = true;
    if (!text) {
      say("Bitte einen Suchbegriff eingeben.");
      list.dataset.complete = String(state.complete);
      return;
    }
    const found = search(state.indexes, text);
    const count = found.results.length;
    const fragment = document.createDocumentFragment();
    for (const result of found.results.slice(0, state.shown)) fragment.appendChild(renderResult(result));
    list.appendChild(fragment);
    more.hidden = count <= state.shown;
    say(found.words.length ? statusText(text, found) + wordNotes(found) : nothingSearchable(text));
    if (cut) status.textContent += " Gesucht wurde nur nach den ersten 200 Zeichen.";
    if (count) showDidYouMean(text, found);
    else if (found.words.length) showHelp(text);
    if (!state.complete) status.textContent += " Volltext wird noch geladen …";
    list.dataset.complete = String(state.complete);
  }

  function keepInUrl(push) {
    const text = input.value.trim();
    if (text === queryFromUrl()) return;
    const url = window.location.pathname + (text ? `?q=${encodeURIComponent(text)}` : "");
    window.history[push ? "pushState" : "replaceState"]({ q: text }, "", url);
  }

  input.value = queryFromUrl();
  say("Suchindex wird geladen …");

  input.addEventListener("input", () => {
    window.clearTimeout(state.timer);
    state.timer = window.setTimeout(() => { keepInUrl(false); run(true); }, 120);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(state.timer);
    keepInUrl(true);
    run(true);
  });
  more.addEventListener("click", () => {
    const next = list.children.length;
    state.shown += PAGE;
    run(false);
    const target = list.children[next] && list.children[next].querySelector("a");
    if (target) target.focus();
  });
  window.addEventListener("popstate", () => {
    input.value = queryFromUrl();
    run(true);
  });

  // The core part answers first; the full text (summary, body) follows and refines the same list.
  // search-fetch.js has usually started loading the core part already (search.html preloads it, too).
  fetchJsonOnce(form.dataset.kern).then((part) => {
    state.records = part.records;
    state.baseYear = part.base_year;
    state.indexes = [load(part.index)];
    run(true);
    return fetchJson(form.dataset.volltext);
  }).then((part) => {
    state.summaries = part.summaries;
    state.indexes.push(load(part.index));
    state.complete = true;
    run(false);
  }).catch((error) => {
    say("Der Suchindex konnte nicht geladen werden. Bitte die Seite neu laden.");
    if (window.console) window.console.warn(error);
  });
}
