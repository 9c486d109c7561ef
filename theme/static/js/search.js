/* /suche/: results while typing, the query kept in the URL. Everything from the index is set as text. */
(function () {
  "use strict";
  var PAGE = 50;
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  var help = document.getElementById("search-help");
  var suggestion = document.getElementById("search-suggestion");
  var suggestionLink = document.getElementById("search-suggestion-link");
  if (!form || !window.PraxisSuche) return;
  var core = window.PraxisSuche;
  var state = { records: null, summaries: null, indexes: [], complete: false, shown: PAGE, timer: null };

  function queryFromUrl() {
    return new URLSearchParams(window.location.search).get("q") || "";
  }

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function say(text) {
    status.textContent = text;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderResult(result) {
    var record = state.records[Number(result.ref)];
    var item = element("li", "search-result");
    var heading = element("h2", "search-result-title");
    var link = element("a", null, record.title);
    link.href = form.dataset.site + "/" + record.url;
    heading.appendChild(link);
    item.appendChild(heading);
    var meta = [record.kind, record.provider, record.land].filter(Boolean).join(" · ");
    item.appendChild(element("p", "search-result-meta", meta));
    if (state.summaries) {
      var snippet = element("p", "search-snippet");
      core.snippet(state.summaries[Number(result.ref)], result.terms).forEach(function (piece) {
        snippet.appendChild(piece.mark ? element("mark", null, piece.text) : document.createTextNode(piece.text));
      });
      item.appendChild(snippet);
    }
    return item;
  }

  // "Sprachkurs" finds nothing where the records say "Sprachförderung": every long word cut to
  // its first 60 % (at least 4 letters) is offered when that query finds something.
  function shorterQuery(text) {
    var words = text.split(/\s+/);
    var cut = words.map(function (word) {
      return word.length >= 6 ? word.slice(0, Math.max(4, Math.ceil(word.length * 0.6))) : word;
    }).join(" ");
    if (cut === words.join(" ")) return null;
    var count = core.search(state.indexes, cut).results.length;
    return count ? { text: cut, count: count } : null;
  }

  function showHelp(text) {
    help.hidden = false;
    var shorter = state.complete ? shorterQuery(text) : null;
    suggestion.hidden = !shorter;
    if (!shorter) return;
    suggestionLink.textContent = "„" + shorter.text + "“ (" + (shorter.count === 1 ? "1 Treffer" : shorter.count + " Treffer") + ")";
    suggestionLink.href = form.action.split("?")[0] + "?q=" + encodeURIComponent(shorter.text);
  }

  function run(resetPaging) {
    var text = input.value.trim();
    if (resetPaging) state.shown = PAGE;
    if (!state.indexes.length) return;
    list.replaceChildren();
    more.hidden = true;
    help.hidden = true;
    if (!text) {
      say("Bitte einen Suchbegriff eingeben.");
      list.dataset.complete = String(state.complete);
      return;
    }
    var found = core.search(state.indexes, text);
    var count = found.results.length;
    var fragment = document.createDocumentFragment();
    found.results.slice(0, state.shown).forEach(function (result) { fragment.appendChild(renderResult(result)); });
    list.appendChild(fragment);
    more.hidden = count <= state.shown;
    var quoted = "„" + text + "“";
    if (!count) {
      say("Keine Treffer für " + quoted + ".");
      showHelp(text);
    } else if (found.mode === "any") {
      say("Kein Eintrag enthält alle Wörter von " + quoted + "; " + count +
          (count === 1 ? " Eintrag enthält" : " Einträge enthalten") + " einzelne davon.");
    } else {
      say((count === 1 ? "1 Treffer" : count + " Treffer") + " für " + quoted + ".");
    }
    if (!state.complete) status.textContent += " Volltext wird noch geladen …";
    list.dataset.complete = String(state.complete);
  }

  function keepInUrl(push) {
    var text = input.value.trim();
    if (text === queryFromUrl()) return;
    var url = window.location.pathname + (text ? "?q=" + encodeURIComponent(text) : "");
    window.history[push ? "pushState" : "replaceState"]({ q: text }, "", url);
  }

  input.value = queryFromUrl();
  say("Suchindex wird geladen …");

  input.addEventListener("input", function () {
    window.clearTimeout(state.timer);
    state.timer = window.setTimeout(function () { keepInUrl(false); run(true); }, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(state.timer);
    keepInUrl(true);
    run(true);
  });
  more.addEventListener("click", function () {
    var next = list.children.length;
    state.shown += PAGE;
    run(false);
    var target = list.children[next] && list.children[next].querySelector("a");
    if (target) target.focus();
  });
  window.addEventListener("popstate", function () {
    input.value = queryFromUrl();
    run(true);
  });

  // The core part answers first; the full text (summary, body) follows and refines the same list.
  // search-fetch.js has usually started loading the core part already (search.html preloads it, too).
  var kern = window.PraxisSucheKern || (window.PraxisSucheKern = fetchJson(form.dataset.kern));
  kern.then(function (part) {
    state.records = part.records;
    state.indexes = [core.load(part.index)];
    run(true);
    return fetchJson(form.dataset.volltext);
  }).then(function (part) {
    state.summaries = part.summaries;
    state.indexes.push(core.load(part.index));
    state.complete = true;
    run(false);
  }).catch(function (error) {
    say("Der Suchindex konnte nicht geladen werden. Bitte die Seite neu laden.");
    if (window.console) window.console.warn(error);
  });
}());
