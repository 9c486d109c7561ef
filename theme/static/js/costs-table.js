/* /kosten/: sort the cost table by any column and filter like with like (target group, kind, evidence).
   The table is complete without this script; it only reorders and hides rows. */
(function () {
  "use strict";
  var table = document.getElementById("kosten-tabelle-daten");
  var form = document.getElementById("kosten-filter");
  var status = document.getElementById("kosten-status");
  if (!table || !form || !status) {
    return;
  }
  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var caption = table.caption;
  var captionBase = caption.textContent.replace(/, nach .*$/, "");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var euro = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 });

  function sortValue(row, index, type) {
    var cell = row.cells[index];
    var raw = cell.getAttribute("data-sort");
    if (raw === null) {
      raw = cell.textContent.trim();
    }
    if (type === "number") {
      return raw === "" ? null : parseFloat(raw);
    }
    return raw === "" ? null : raw.toLocaleLowerCase("de-DE");
  }

  function sortBy(index, direction) {
    var type = headers[index].getAttribute("data-sort-type");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = sortValue(a, index, type);
      var y = sortValue(b, index, type);
      if (x === null || y === null) {
        return x === y ? 0 : (x === null ? 1 : -1); // unknown values always last
      }
      var order = type === "number" ? x - y : x.localeCompare(y, "de-DE");
      return direction === "ascending" ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    headers.forEach(function (th, i) {
      if (i === index) {
        th.setAttribute("aria-sort", direction);
      } else {
        th.removeAttribute("aria-sort");
      }
    });
    var name = headers[index].querySelector("button").firstChild.textContent;
    var words = direction === "ascending" ? "aufsteigend" : "absteigend";
    caption.textContent = captionBase + ", nach „" + name + "“ " + words + " sortiert";
    status.textContent = "Sortiert nach „" + name + "“, " + words + ".";
  }

  headers.forEach(function (th, index) {
    if (!th.getAttribute("data-sort-type")) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.appendChild(document.createTextNode(th.textContent.trim()));
    var mark = document.createElement("span");
    mark.className = "sort-mark";
    mark.setAttribute("aria-hidden", "true");
    button.appendChild(mark);
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var next = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      sortBy(index, next);
    });
  });
  headers[0].setAttribute("aria-sort", "ascending");

  function median(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  function applyFilter(announce) {
    var wanted = {};
    selects.forEach(function (select) { wanted[select.getAttribute("data-filter")] = select.value; });
    var shown = 0;
    var values = [];
    Array.prototype.forEach.call(body.rows, function (row) {
      var groups = (row.getAttribute("data-zielgruppe") || "").split(" ");
      var match = (!wanted.zielgruppe || groups.indexOf(wanted.zielgruppe) !== -1) &&
        (!wanted.art || row.getAttribute("data-art") === wanted.art) &&
        (!wanted.evidenz || row.getAttribute("data-evidenz") === wanted.evidenz);
      row.hidden = !match;
      if (match) {
        shown += 1;
        var cost = row.querySelector("td[data-col=teilnahme]").getAttribute("data-sort");
        if (cost) {
          values.push(parseFloat(cost));
        }
      }
    });
    var params = new URLSearchParams();
    Object.keys(wanted).forEach(function (key) {
      if (wanted[key]) {
        params.set(key, wanted[key]);
      }
    });
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    if (!announce) {
      return;
    }
    var text = shown + " von " + body.rows.length + " Maßnahmen angezeigt.";
    if (values.length) {
      text += " Median je Teilnehmer/-in der angezeigten: rund " + euro.format(Math.round(median(values))) + " €.";
    }
    status.textContent = text;
  }

  var initial = new URLSearchParams(window.location.search);
  var filtered = false;
  selects.forEach(function (select) {
    var value = initial.get(select.getAttribute("data-filter"));
    if (value && select.querySelector("option[value='" + CSS.escape(value) + "']")) {
      select.value = value;
      filtered = true;
    }
    select.addEventListener("change", function () { applyFilter(true); });
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { applyFilter(true); }, 0); // after the browser has reset the fields
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  if (filtered) {
    applyFilter(true);
  }
})();
