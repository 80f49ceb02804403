// Client-side search for the protogov API reference. No network: the index is
// a local script (search-index.js) loaded on first use, which works from
// file:// too. Results are built with DOM methods only (never innerHTML), so
// names and comments from the protos cannot inject markup.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  if (!input || !list) return;
  var rows = null;
  var loading = false;
  var pending = null;
  var active = -1;
  var MAX = 50;
  var RANK = { package: 0, service: 1, error: 2, method: 3, message: 4, enum: 5, field: 6, value: 7 };

  // The index as written by plugins/docs/search-index.ts (version 2) to rows of
  // [kind, name, full name (or domain), href from the site root, summary].
  var KINDS = ["package", "service", "error", "method", "message", "enum", "field", "value"];
  function expand(index) {
    if (Array.isArray(index)) return index;
    var out = [];
    (index.sections || []).forEach(function (s) {
      var page = s[0], pkg = s[1];
      var href = function (anchor) { return page + ".html#" + encodeURI(anchor); };
      var full = function (local) { return pkg ? pkg + "." + local : local; };
      out.push(["package", pkg, pkg, href(s[2]), s[3]]);
      s[4].forEach(function (e) {
        if (typeof e[0] === "string") { out.push(e); return; }
        var kind = KINDS[e[0]];
        if (kind === "error") { out.push([kind, e[1], e[2], href("error:" + e[3]), e[4]]); return; }
        out.push([kind, e[1], full(e[1]), href(full(e[1])), e[2]]);
        // Messages list their field names, enums their value names.
        var member = kind === "enum" ? "value" : "field";
        (e[3] || []).forEach(function (f) {
          var name = e[1] + "." + f;
          out.push([member, name, full(name), href(full(name)), ""]);
        });
      });
    });
    return out;
  }

  // Runs `then` once the index is there; while it loads, only the latest request is kept.
  function load(then) {
    if (rows) return then();
    pending = then;
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = function () {
      rows = expand(window.PROTOGOV_SEARCH || []);
      if (pending) pending();
      pending = null;
    };
    document.head.appendChild(script);
  }

  // Names split into words: `SPAN_KIND_SERVER` and `SpanKind` both read "span kind".
  function words(text) {
    return text.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_.]+/g, " ").toLowerCase();
  }

  // Lower is better; -1 is no match. Every word of the query must appear in the
  // name, the full name or the summary (a comment's first sentence).
  function score(row, q, qWords) {
    if (!row.hay) {
      row.name = row[1].toLowerCase();
      row.hay = [row.name, row[2].toLowerCase(), words(row[1]), (row[4] || "").toLowerCase()].join(" \u0000 ");
      row.nameWords = words(row[1]);
    }
    var name = row.name;
    var last = name.slice(name.lastIndexOf(".") + 1);
    var joined = qWords.join("_");
    if (name === q || last === q || last === joined) return 0;
    if (last.indexOf(q) === 0 || last.indexOf(joined) === 0) return 1;
    if (name.indexOf(q) >= 0 || name.indexOf(joined) >= 0) return 2;
    for (var i = 0; i < qWords.length; i++) if (row.hay.indexOf(qWords[i]) < 0) return -1;
    var inName = qWords.every(function (w) { return row.nameWords.indexOf(w) >= 0 || name.indexOf(w) >= 0; });
    return inName ? 3 : 4;
  }

  function search(q) {
    var qWords = words(q).split(/\s+/).filter(Boolean);
    var hits = [];
    for (var i = 0; i < rows.length; i++) {
      var s = score(rows[i], q, qWords);
      if (s >= 0) hits.push([s, RANK[rows[i][0]], rows[i][1].length, rows[i]]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits.slice(0, MAX).map(function (h) { return h[3]; });
  }

  function show() {
    var q = input.value.trim().toLowerCase();
    list.textContent = "";
    active = -1;
    if (!q) { list.hidden = true; return; }
    var found = search(q);
    if (found.length === 0) {
      var empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = "No results for \u201c" + input.value.trim() + "\u201d";
      list.appendChild(empty);
    }
    found.forEach(function (row) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + row[3];
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = row[0];
      var name = document.createElement("strong");
      name.textContent = row[1];
      var full = document.createElement("span");
      full.className = "full";
      full.textContent = row[0] === "error" ? row[2] + " \u2014 " + row[4] : row[4] || row[2];
      a.appendChild(kind);
      a.appendChild(name);
      a.appendChild(full);
      a.addEventListener("click", function () { list.hidden = true; });
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
  }

  function move(delta) {
    var items = list.querySelectorAll("li a");
    if (items.length === 0) return;
    if (active >= 0) items[active].parentNode.classList.remove("active");
    active = (active + delta + items.length) % items.length;
    items[active].parentNode.classList.add("active");
    items[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("focus", function () { load(function () {}); });
  input.addEventListener("input", function () { load(show); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
    else if (e.key === "Escape") { list.hidden = true; input.blur(); }
    else if (e.key === "Enter") {
      var items = list.querySelectorAll("li a");
      var target = items[active >= 0 ? active : 0];
      if (target) { list.hidden = true; window.location.href = target.href; }
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" && document.activeElement !== input) { e.preventDefault(); input.focus(); }
  });
  document.addEventListener("click", function (e) {
    if (!list.contains(e.target) && e.target !== input) list.hidden = true;
  });
})();
