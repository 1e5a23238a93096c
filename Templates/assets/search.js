// Haven search: runs entirely in the reader's browser. The query never leaves the device.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var indexURL = form.getAttribute("data-index");
  var data = null;

  function normalize(s) {
    return (s || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9\s-]/g, " ");
  }

  function expand(query) {
    var q = normalize(query).trim();
    var terms = [q];
    (data.synonyms || []).forEach(function (group) {
      var hit = group.some(function (w) { return q.indexOf(w) !== -1 || w.indexOf(q) !== -1; });
      if (hit && q.length > 1) group.forEach(function (w) { if (terms.indexOf(w) === -1) terms.push(w); });
    });
    return terms;
  }

  function score(page, terms, words) {
    var title = normalize(page.title), text = normalize([page.description, page.keywords].join(" "));
    var s = 0;
    terms.forEach(function (t, i) {
      var weight = i === 0 ? 3 : 1;
      if (title.indexOf(t) !== -1) s += 5 * weight;
      if (text.indexOf(t) !== -1) s += 2 * weight;
    });
    words.forEach(function (w) {
      if (w.length < 2) return;
      if (title.indexOf(w) !== -1) s += 2;
      if (text.indexOf(w) !== -1) s += 1;
    });
    return s;
  }

  function show(query) {
    list.textContent = "";
    if (!query.trim()) { status.textContent = ""; return; }
    var terms = expand(query);
    var words = normalize(query).split(/\s+/);
    var hits = data.pages
      .map(function (p) { return { page: p, score: score(p, terms, words) }; })
      .filter(function (h) { return h.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.page.title.localeCompare(b.page.title); })
      .slice(0, 30);
    status.textContent = hits.length === 0
      ? "No pages match \u201c" + query + "\u201d. Try another word, or browse the lists below."
      : hits.length + (hits.length === 1 ? " page matches" : " pages match") + " \u201c" + query + "\u201d.";
    hits.forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.page.url;
      a.textContent = h.page.title;
      li.appendChild(a);
      if (h.page.description) {
        var p = document.createElement("p");
        p.textContent = h.page.description;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  function run() {
    var params = new URLSearchParams(window.location.search);
    var q = params.get("q") || "";
    input.value = q;
    show(q);
  }

  fetch(indexURL, { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (json) {
      data = json;
      run();
      input.addEventListener("input", function () { show(input.value); });
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var url = new URL(window.location.href);
        url.searchParams.set("q", input.value);
        window.history.replaceState(null, "", url.toString());
        show(input.value);
      });
    })
    .catch(function () { status.textContent = "Search is not available right now. Browse the lists below."; });
})();
