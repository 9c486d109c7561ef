/* Compare 2–4 measures: the "Vergleichen" checkboxes on lists, and the side-by-side table at /vergleich/.
   No inline scripts, no eval, no innerHTML: everything is built with DOM methods and textContent. */
(function () {
  "use strict";
  if (window.praxisCompareLoaded) {
    return; // the script may be linked by more than one list on a page
  }
  window.praxisCompareLoaded = true;

  var MIN = 2;
  var MAX = 4;
  var STORE = "praxiskatalog-vergleich";
  var script = document.currentScript;
  var siteUrl = script ? script.src.replace(/\/theme\/js\/compare\.js(\?.*)?$/, "") : "";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function compareUrl(slugs) {
    return siteUrl + "/vergleich/?m=" + slugs.map(encodeURIComponent).join(",");
  }

  function stored() {
    try {
      var value = JSON.parse(window.sessionStorage.getItem(STORE) || "[]");
      return Array.isArray(value) ? value.filter(function (s) { return typeof s === "string"; }) : [];
    } catch (error) {
      return [];
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
    var selected = stored();
    var titles = {};
    var list = boxes[0].closest(".record-list") || boxes[0].closest("main");
    var bar = el("div", { "class": "compare-bar", role: "region", "aria-label": "Auswahl zum Vergleichen" });
    var status = el("p", { "class": "compare-bar-status", "aria-live": "polite" });
    var go = el("button", { type: "button", "class": "compare-go" }, "Vergleichen");
    var clear = el("button", { type: "button", "class": "secondary compare-clear" }, "Auswahl leeren");
    bar.appendChild(status);
    bar.appendChild(go);
    bar.appendChild(clear);
    list.parentNode.insertBefore(bar, list.nextSibling);

    function update(message) {
      var names = selected.map(function (slug) { return titles[slug] || slug; });
      var text;
      if (!selected.length) {
        text = "Wählen Sie 2 bis 4 Maßnahmen zum Vergleichen.";
      } else {
        text = selected.length + " von höchstens " + MAX + " ausgewählt: " + names.join(", ") + ".";
        if (selected.length < MIN) {
          text += " Wählen Sie mindestens eine weitere.";
        }
      }
      status.textContent = message ? message + " " + text : text;
      go.disabled = selected.length < MIN;
      clear.hidden = !selected.length;
      store(selected);
    }

    boxes.forEach(function (box) {
      titles[box.value] = box.getAttribute("data-title");
      box.checked = selected.indexOf(box.value) !== -1;
      box.closest(".compare-pick").hidden = false;
      box.addEventListener("change", function () {
        var at = selected.indexOf(box.value);
        if (box.checked && at === -1) {
          if (selected.length >= MAX) {
            box.checked = false;
            update("Höchstens " + MAX + " Maßnahmen lassen sich vergleichen.");
            return;
          }
          selected.push(box.value);
        } else if (!box.checked && at !== -1) {
          selected.splice(at, 1);
        }
        update();
      });
    });
    go.addEventListener("click", function () {
      if (selected.length >= MIN) {
        window.location.href = compareUrl(selected);
      }
    });
    clear.addEventListener("click", function () {
      selected = [];
      boxes.forEach(function (box) { box.checked = false; });
      update("Auswahl geleert.");
    });
    update();
  }

  /* ---- /vergleich/: read ?m=a,b and show the table ---- */

  function requestedSlugs() {
    var params = new URLSearchParams(window.location.search);
    var seen = [];
    params.getAll("m").forEach(function (value) {
      value.split(",").forEach(function (part) {
        var slug = part.trim().toLowerCase();
        if (slug && seen.indexOf(slug) === -1) {
          seen.push(slug);
        }
      });
    });
    return { slugs: seen, repeated: params.getAll("m").length > 1 };
  }

  function message(box, text, isError) {
    var p = el("p", { "class": isError ? "compare-error" : "compare-info" }, text);
    if (isError) {
      p.setAttribute("role", "alert");
    }
    box.appendChild(p);
  }

  function valueCell(values) {
    var cell = el("td");
    if (!values || !values.length) {
      cell.appendChild(el("span", { "class": "compare-missing" }, "keine Angabe"));
    } else if (values.length === 1) {
      cell.textContent = values[0];
    } else {
      var ul = el("ul");
      values.forEach(function (text) { ul.appendChild(el("li", {}, text)); });
      cell.appendChild(ul);
    }
    return cell;
  }

  function renderTable(target, data, slugs) {
    var measures = slugs.map(function (slug) { return data.measures[slug]; });
    var names = measures.map(function (m) { return m.short_name; });
    var wrap = el("div", { "class": "table-scroll", tabindex: "0", role: "region", "aria-label": "Vergleichstabelle" });
    var table = el("table", { "class": "compare-table", id: "vergleich-tabelle" });
    table.appendChild(el("caption", {}, "Vergleich: " + names.join(", ")));
    var head = el("thead");
    var headRow = el("tr");
    headRow.appendChild(el("th", { scope: "col" }, "Merkmal"));
    measures.forEach(function (m, index) {
      var th = el("th", { scope: "col", "data-slug": slugs[index] });
      th.appendChild(el("a", { href: siteUrl + "/" + m.url }, m.short_name));
      if (m.title !== m.short_name) {
        th.appendChild(el("span", { "class": "compare-subtitle" }, m.title));
      }
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    table.appendChild(head);
    var body = el("tbody");
    data.rows.forEach(function (row) {
      var key = row[0];
      if (!measures.some(function (m) { return m.values[key]; })) {
        return;
      }
      var tr = el("tr", { "data-field": key });
      tr.appendChild(el("th", { scope: "row" }, row[1]));
      measures.forEach(function (m) { tr.appendChild(valueCell(m.values[key])); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    target.appendChild(wrap);
    var share = el("p", { "class": "compare-share" }, "Adresse dieses Vergleichs: ");
    var address = new URL(compareUrl(slugs), window.location.href).href;
    var link = el("a", { href: address }, address);
    share.appendChild(link);
    target.appendChild(share);
    var print = el("button", { type: "button", "class": "secondary no-print" }, "Vergleich drucken");
    print.addEventListener("click", function () { window.print(); });
    target.appendChild(print);
    document.title = "Vergleich: " + names.join(", ") + " – " + document.title.split(" – ").pop();
  }

  function initComparePage(target) {
    var messages = document.getElementById("vergleich-meldungen");
    var form = document.getElementById("vergleich-auswahl");
    var details = document.getElementById("vergleich-auswahl-liste");
    var request = requestedSlugs();
    if (request.repeated) {
      window.history.replaceState(null, "", compareUrl(request.slugs));
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = Array.prototype.map.call(form.querySelectorAll("input[name=m]:checked"), function (box) {
        return box.value;
      });
      messages.textContent = "";
      if (chosen.length < MIN || chosen.length > MAX) {
        message(messages, "Bitte wählen Sie 2 bis 4 Maßnahmen; gewählt sind " + chosen.length + ".", true);
        return;
      }
      window.location.href = compareUrl(chosen);
    });
    Array.prototype.forEach.call(form.querySelectorAll("input[name=m]"), function (box) {
      box.checked = request.slugs.indexOf(box.value) !== -1;
    });
    fetch(target.getAttribute("data-source"))
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (data) {
        var known = request.slugs.filter(function (slug) { return Object.prototype.hasOwnProperty.call(data.measures, slug); });
        var unknown = request.slugs.filter(function (slug) { return !Object.prototype.hasOwnProperty.call(data.measures, slug); });
        unknown.forEach(function (slug) {
          message(messages, "Die Kennung „" + slug + "“ gehört zu keiner Maßnahme im Katalog. Prüfen Sie die " +
            "Adresse oder wählen Sie die Maßnahmen unten aus.", true);
        });
        if (!request.slugs.length) {
          message(messages, "Noch keine Maßnahmen gewählt. Wählen Sie unten 2 bis 4 Maßnahmen aus oder " +
            "markieren Sie „Vergleichen“ in einer Liste von Maßnahmen.", false);
        }
        if (known.length > MAX) {
          message(messages, "Es lassen sich höchstens vier Maßnahmen nebeneinander zeigen; gezeigt werden die " +
            "ersten vier.", true);
          known = known.slice(0, MAX);
        }
        if (known.length >= MIN) {
          renderTable(target, data, known);
        } else {
          if (known.length === 1) {
            message(messages, "Für einen Vergleich fehlt noch mindestens eine Maßnahme; gewählt ist nur „" +
              data.measures[known[0]].short_name + "“.", true);
          }
          details.open = true;
        }
      })
      .catch(function () {
        message(messages, "Die Vergleichsdaten konnten nicht geladen werden. Bitte laden Sie die Seite neu.", true);
      });
  }

  function init() {
    var target = document.getElementById("vergleich");
    if (target) {
      initComparePage(target);
      return;
    }
    var boxes = Array.prototype.slice.call(document.querySelectorAll("input.compare-checkbox"));
    if (boxes.length) {
      initPicker(boxes);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
