/* /massnahmen/: facet filters (OR within a filter, AND across), a text query, sorting, state in the URL.
   Works on the cards already in the page: it hides, shows and reorders them, so without JavaScript
   the page still lists every measure. */
(function () {
  "use strict";
  var form = document.getElementById("filter-form");
  var listRoot = document.getElementById("record-list");
  if (!form || !listRoot || !window.PraxisSuche || !window.URLSearchParams) return;
  var core = window.PraxisSuche;
  var summary = document.querySelector(".filter-summary");
  var chips = document.getElementById("filter-chips");
  var status = document.getElementById("filter-status");
  var queryInput = document.getElementById("filter-q");
  var sortSelect = document.getElementById("filter-sort");
  var list = listRoot.querySelector(".record-list");
  var data = null, indexes = [], loadingIndex = null, timer = null;
  var cards = {};  // url -> card element, in the page's (title) order
  var titleOrder = [];

  Array.prototype.forEach.call(list.children, function (card, position) {
    var link = card.querySelector("a[href]");
    if (!link) return;
    var path = new URL(link.href, window.location.href).pathname;
    var url = path.replace(/^.*?(massnahmen\/[^/]+\/)$/, "$1");
    cards[url] = card;
    titleOrder.push(url);
  });

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function facetLabel(param) {
    var legend = form.querySelector('fieldset[data-param="' + param + '"] legend');
    return legend ? legend.textContent : param;
  }

  function readState() {
    var params = new URLSearchParams(window.location.search);
    var selected = {};
    data.filters.forEach(function (filter) {
      var values = params.getAll(filter.param);
      if (values.length) selected[filter.param] = values;
    });
    return { q: params.get("q") || "", sort: params.get("sortierung") || "", selected: selected };
  }

  function formState() {
    var selected = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]:checked"), function (box) {
      (selected[box.name] = selected[box.name] || []).push(box.value);
    });
    return { q: queryInput.value.trim(), sort: sortSelect.value, selected: selected };
  }

  function defaultSort(state) {
    return state.q ? "relevanz" : "titel";
  }

  function toForm(state) {
    queryInput.value = state.q;
    sortSelect.value = state.sort || defaultSort(state);
    Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (box) {
      box.checked = (state.selected[box.name] || []).indexOf(box.value) >= 0;
    });
  }

  function toUrl(state) {
    var params = new URLSearchParams();
    if (state.q) params.append("q", state.q);
    data.filters.forEach(function (filter) {
      (state.selected[filter.param] || []).forEach(function (value) { params.append(filter.param, value); });
    });
    if (state.sort && state.sort !== defaultSort(state)) params.append("sortierung", state.sort);
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  function ensureIndex() {
    if (!loadingIndex) {
      loadingIndex = fetchJson(form.dataset.kern).then(function (part) {
        indexes.push(core.load(part.index));
        return fetchJson(form.dataset.volltext);
      }).then(function (part) {
        indexes.push(core.load(part.index));
      });
    }
    return loadingIndex;
  }

  function passes(measure, selected, except) {
    return Object.keys(selected).every(function (param) {
      if (param === except) return true;
      var wanted = selected[param];
      return (measure.values[param] || []).some(function (value) { return wanted.indexOf(value) >= 0; });
    });
  }

  function apply(state) {
    var scores = null;
    if (state.q) {
      scores = {};
      core.search(indexes, state.q).results.forEach(function (result) { scores[result.ref] = result.score; });
    }
    var candidates = data.measures.filter(function (m) { return !scores || m.ref in scores; });
    // Counts: for each value, the measures it would show together with the other filters' choices.
    data.filters.forEach(function (filter) {
      var counts = {};
      candidates.forEach(function (measure) {
        if (!passes(measure, state.selected, filter.param)) return;
        (measure.values[filter.param] || []).forEach(function (value) { counts[value] = (counts[value] || 0) + 1; });
      });
      Array.prototype.forEach.call(form.querySelectorAll('fieldset[data-param="' + filter.param + '"] input'), function (box) {
        var count = counts[box.value] || 0;
        box.parentNode.querySelector("[data-count]").textContent = "(" + count + ")";
        box.parentNode.classList.toggle("filter-empty", count === 0);
      });
    });
    var shown = candidates.filter(function (measure) { return passes(measure, state.selected, null); });
    var sort = state.sort || defaultSort(state);
    var position = {};
    titleOrder.forEach(function (url, i) { position[url] = i; });
    shown.sort(function (a, b) {
      if (sort === "relevanz" && scores) return scores[b.ref] - scores[a.ref] || position[a.url] - position[b.url];
      if (sort === "kosten") {
        if (a.cost === null || b.cost === null) return (a.cost === null) - (b.cost === null) || position[a.url] - position[b.url];
        return a.cost - b.cost || position[a.url] - position[b.url];
      }
      if (sort === "neueste") return (a.newest < b.newest) - (a.newest > b.newest) || position[a.url] - position[b.url];
      return position[a.url] - position[b.url];
    });
    var visible = {};
    shown.forEach(function (measure) {
      var card = cards[measure.url];
      if (!card) return;
      visible[measure.url] = true;
      card.hidden = false;
      list.appendChild(card);  // moves it: the shown cards end up in the chosen order
    });
    titleOrder.forEach(function (url) {
      if (!visible[url]) cards[url].hidden = true;
    });
    renderChips(state);
    var total = data.measures.length;
    status.textContent = shown.length === total && !state.q
      ? "Alle " + total + " Maßnahmen werden gezeigt."
      : shown.length + " von " + total + " Maßnahmen passen zur Auswahl.";
    listRoot.dataset.shown = String(shown.length);
  }

  function renderChips(state) {
    chips.replaceChildren();
    function chip(text, onRemove) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "filter-chip";
      button.textContent = text + " ×";
      button.setAttribute("aria-label", "Filter entfernen: " + text);
      button.addEventListener("click", onRemove);
      item.appendChild(button);
      chips.appendChild(item);
    }
    if (state.q) {
      chip("Suchbegriff: " + state.q, function () { queryInput.value = ""; changed(true); queryInput.focus(); });
    }
    data.filters.forEach(function (filter) {
      (state.selected[filter.param] || []).forEach(function (value) {
        var box = document.getElementById("filter-" + filter.param + "-" + value);
        var label = box ? form.querySelector('label[for="' + box.id + '"]').firstChild.textContent.trim() : value;
        chip(facetLabel(filter.param) + ": " + label, function () {
          if (box) box.checked = false;
          changed(true);
          var next = chips.querySelector("button") || (box || queryInput);
          next.focus();
        });
      });
    });
    if (chips.children.length > 1) {
      chip("Alle Filter", function () {
        toForm({ q: "", sort: "", selected: {} });
        changed(true);
        queryInput.focus();
      });
    }
  }

  function show(state) {
    if (state.q && !indexes.length) {
      status.textContent = "Suchindex wird geladen …";
      ensureIndex().then(function () { show(state); });
      return;
    }
    apply(state);
  }

  function changed(push) {
    var state = formState();
    var url = toUrl(state);
    if (url !== window.location.pathname + window.location.search) {
      window.history[push ? "pushState" : "replaceState"](null, "", url);
    }
    show(state);
  }

  form.addEventListener("change", function (event) {
    if (event.target === queryInput) return;
    changed(true);
  });
  queryInput.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { changed(false); }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    changed(true);
  });
  window.addEventListener("popstate", function () {
    var state = readState();
    toForm(state);
    show(state);
  });

  fetchJson(form.dataset.filter).then(function (loaded) {
    data = loaded;
    form.hidden = false;
    summary.hidden = false;
    var state = readState();
    toForm(state);
    show(state);
  }).catch(function (error) {
    if (window.console) window.console.warn(error);
  });
}());
