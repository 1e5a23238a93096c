// Haven search: runs entirely in the reader's browser. The query never leaves the device:
// the index is one static file, fetched from this site like any stylesheet. Opened from disk
// (file://), where a page cannot fetch a file, the same index is loaded as a script of this site
// (search-index.js, which sets window.HAVEN_SEARCH_INDEX).
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var indexURL = form.getAttribute("data-index");
  var indexScriptURL = form.getAttribute("data-index-script");
  var data = null;
  // The words come from the page (the site's string table), in its language.
  function word(name) { return form.getAttribute("data-" + name) || ""; }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return Object.prototype.hasOwnProperty.call(values, k) ? values[k] : m; });
  }
  var TYPES = { condition: word("type-condition"), modality: word("type-modality"), article: word("type-article") };
  var STOP = { a: 1, an: 1, and: 1, the: 1, of: 1, to: 1, in: 1, "for": 1, is: 1, my: 1, i: 1, me: 1, with: 1, or: 1, on: 1, about: 1 };

  // Lower case, no accents, every run of other characters one space: "Self-harm" -> "self harm".
  function normalize(s) {
    return (s || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ").trim();
  }
  // Whole-word phrase test on normalized strings.
  function has(hay, phrase) {
    return phrase !== "" && (" " + hay + " ").indexOf(" " + phrase + " ") !== -1;
  }
  // Whole word, or the start of a word for the last word typed ("depre" finds "depression").
  function hasWord(hay, word, prefix) {
    if (has(hay, word)) return true;
    return prefix && word.length >= 3 && (" " + hay).indexOf(" " + word) !== -1;
  }

  // The query's synonym groups, each with a weight: 1 when the query is one of the group's words,
  // 0.8 when it is part of one of them, 0.3 when one of them is only part of the query
  // ("panic attack" also finds anxiety pages, below the panic ones).
  function expand(q) {
    var terms = {};
    (data.synonyms || []).forEach(function (group) {
      var words = group.map(normalize), weight = 0;
      words.forEach(function (w) {
        if (!w) return;
        if (w === q) weight = Math.max(weight, 1);
        else if (q.length >= 3 && has(w, q)) weight = Math.max(weight, 0.8);
        else if (has(q, w)) weight = Math.max(weight, 0.3);
      });
      if (weight > 0) words.forEach(function (w) { if (w && w !== q) terms[w] = Math.max(terms[w] || 0, weight); });
    });
    return terms;
  }

  function prepare(page) {
    if (!page._title) {
      page._title = normalize(page.title);
      page._text = normalize([page.description, page.summary, page.keywords].join(" "));
    }
  }

  function score(page, q, terms, words) {
    prepare(page);
    var title = page._title, text = page._text, s = 0;
    if (has(title, q)) s += 10; else if (has(text, q)) s += 4;
    Object.keys(terms).forEach(function (t) {
      if (has(title, t)) s += 5 * terms[t];
      else if (has(text, t)) s += 2 * terms[t];
    });
    words.forEach(function (w, i) {
      var prefix = i === words.length - 1;
      if (hasWord(title, w, prefix)) s += 2;
      else if (hasWord(text, w, prefix)) s += 1;
    });
    return s;
  }

  function show(query) {
    list.textContent = "";
    var q = normalize(query);
    if (!q) { status.textContent = ""; return; }
    var terms = expand(q);
    var words = q.split(" ").filter(function (w) { return w.length > 1 && !STOP[w]; });
    var hits = data.pages
      .map(function (p) { return { page: p, score: score(p, q, terms, words) }; })
      .filter(function (h) { return h.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.page.title.localeCompare(b.page.title); });
    // Drop the long tail of pages that only brush against a related word.
    var floor = hits.length ? hits[0].score * 0.15 : 0;
    hits = hits.filter(function (h) { return h.score >= floor; }).slice(0, 30);
    status.textContent = hits.length === 0
      ? fill(word("none"), { query: query.trim() })
      : fill(word(hits.length === 1 ? "one" : "many"), { count: String(hits.length), query: query.trim() });
    hits.forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.page.url;
      a.textContent = h.page.title;
      li.appendChild(a);
      if (TYPES[h.page.type]) {
        var kind = document.createElement("span");
        kind.className = "result-kind";
        kind.textContent = " \u00b7 " + TYPES[h.page.type];
        li.appendChild(kind);
      }
      if (h.page.description || h.page.summary) {
        var p = document.createElement("p");
        p.textContent = h.page.description || h.page.summary;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  function fromURL() {
    var q = new URLSearchParams(window.location.search).get("q") || "";
    input.value = q;
    show(q);
  }

  // The index as a script element of this site: resolves with the global it sets.
  function loadScript() {
    return new Promise(function (resolve, reject) {
      if (!indexScriptURL) { reject(new Error("no index script")); return; }
      var script = document.createElement("script");
      script.src = indexScriptURL;
      script.onload = function () {
        if (window.HAVEN_SEARCH_INDEX) resolve(window.HAVEN_SEARCH_INDEX); else reject(new Error("empty index"));
      };
      script.onerror = function () { reject(new Error("index script failed")); };
      document.head.appendChild(script);
    });
  }

  // Served: fetch the JSON (the script as a fallback). From disk: the script at once.
  function loadIndex() {
    if (window.location.protocol === "file:" || !window.fetch) return loadScript();
    return fetch(indexURL, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .catch(loadScript);
  }

  var timer = null;
  loadIndex()
    .then(function (json) {
      data = json;
      fromURL();
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { show(input.value); }, 150);
      });
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var url = new URL(window.location.href);
        url.searchParams.set("q", input.value);
        // Some browsers refuse a history entry for a file:// page: the results still show.
        try { window.history.replaceState(null, "", url.toString()); } catch (err) { /* from disk */ }
        clearTimeout(timer);
        show(input.value);
      });
    })
    .catch(function () { status.textContent = word("unavailable"); });
})();
