/* Customer search over the sharded index in search/ (see leadreg.sitebuild.searchindex).
 *
 * A query is normalised like searchkeys.light_key (NFKC, lower case, letters and
 * digits, traditional -> simplified), cut into bigrams, and only the shards of
 * those bigrams and the record chunks of the best candidates are fetched.
 * Results are built with textContent: nothing from a lead is parsed as HTML.
 */
(function () {
  "use strict";
  var form = document.getElementById("search");
  if (!form || !window.fetch || !window.Map || !String.prototype.normalize) { return; }
  var base = form.getAttribute("data-index");
  var root = form.getAttribute("data-root");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var strings = document.getElementById("search-strings").dataset;
  var LETTER = /[\p{L}\p{N}]/u;
  var MAX_GRAMS = 8, MAX_CANDIDATES = 20, MIN_SCORE = 0.6;
  var files = {};
  var table = null;
  var latest = 0;

  function load(path) {
    if (!files[path]) {
      files[path] = fetch(base + path).then(function (response) {
        if (!response.ok) { throw new Error(path + ": " + response.status); }
        return response.json();
      });
    }
    return files[path];
  }

  function t2s() {
    if (table) { return Promise.resolve(table); }
    return load("t2s.json").then(function (pairs) {
      var chars = Array.from(pairs);
      table = new Map();
      for (var i = 0; i + 1 < chars.length; i += 2) { table.set(chars[i], chars[i + 1]); }
      return table;
    });
  }

  function normalise(text) {
    var out = "";
    Array.from(text.normalize("NFKC").toLowerCase()).forEach(function (ch) {
      if (LETTER.test(ch)) { out += table.get(ch) || ch; }
    });
    return out;
  }

  function grams(key) {
    var chars = Array.from(key);
    if (chars.length < 2) { return chars.length ? [key] : []; }
    var seen = new Set();
    for (var i = 0; i + 1 < chars.length; i += 1) { seen.add(chars[i] + chars[i + 1]); }
    return Array.from(seen);
  }

  function fnv1a(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i += 1) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  function score(query, queryGrams, keys) {
    var best = 0;
    keys.forEach(function (key) {
      if (key === query) { best = Math.max(best, 3); return; }
      if (key.indexOf(query) >= 0) { best = Math.max(best, 2); return; }
      var own = new Set(grams(key));
      var hit = queryGrams.filter(function (g) { return own.has(g); }).length;
      best = Math.max(best, hit / queryGrams.length);
    });
    return best;
  }

  function candidates(meta, chosen, shards) {
    var postings = {};
    shards.forEach(function (shard) { Object.assign(postings, shard); });
    var perKey = new Map();
    chosen.forEach(function (gram) {
      var deltas = postings[gram];
      if (!deltas) { return; }
      var value = 0;
      for (var i = 0; i < deltas.length; i += 1) {
        value += deltas[i];
        perKey.set(value, (perKey.get(value) || 0) + 1);
      }
    });
    var perLead = new Map();
    perKey.forEach(function (count, posting) {
      var lead = Math.floor(posting / meta.keys);
      perLead.set(lead, Math.max(perLead.get(lead) || 0, count));
    });
    var need = chosen.length <= 2 ? chosen.length : Math.ceil(chosen.length / 2);
    return Array.from(perLead).filter(function (e) { return e[1] >= need; })
      .sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; })
      .slice(0, MAX_CANDIDATES).map(function (e) { return e[0]; });
  }

  function show(results) {
    list.textContent = "";
    results.forEach(function (r) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + "leads/" + encodeURIComponent(r.record[0]) + "/index.html";
      link.textContent = r.record[1] || r.record[0];
      var meta = document.createElement("span");
      meta.className = "meta";
      var stage = strings["stage" + r.record[3].charAt(0).toUpperCase() + r.record[3].slice(1)] || r.record[3];
      meta.textContent = " " + [r.record[2], stage, r.record[4]].filter(Boolean).join(" · ");
      item.appendChild(link);
      item.appendChild(meta);
      list.appendChild(item);
    });
    status.textContent = results.length ? "" : strings.none;
  }

  function run(raw) {
    var ticket = ++latest;
    if (!raw.trim()) { list.textContent = ""; status.textContent = ""; return Promise.resolve(); }
    status.textContent = strings.loading;
    return Promise.all([load("meta.json"), t2s()]).then(function (loaded) {
      var meta = loaded[0];
      var query = normalise(raw);
      if (Array.from(query).length < 2) { return { short: true }; }
      var queryGrams = grams(query);
      var chosen = queryGrams.slice().sort(function (a, b) {
        return (meta.common[a] || 0) - (meta.common[b] || 0);
      }).slice(0, MAX_GRAMS);
      var shardIds = Array.from(new Set(chosen.map(function (g) { return fnv1a(g) % meta.shards; })));
      return Promise.all(shardIds.map(function (id) { return load("g/" + id + ".json"); }))
        .then(function (shards) {
          var leads = candidates(meta, chosen, shards);
          var chunks = Array.from(new Set(leads.map(function (n) { return Math.floor(n / meta.chunk); })));
          return Promise.all(chunks.map(function (c) { return load("r/" + c + ".json"); }))
            .then(function (records) {
              var byChunk = new Map();
              chunks.forEach(function (c, i) { byChunk.set(c, records[i]); });
              return leads.map(function (n) {
                var record = byChunk.get(Math.floor(n / meta.chunk))[n % meta.chunk];
                var active = record[3] === "lead" || record[3] === "opportunity";
                return { record: record, active: active, score: score(query, queryGrams, record[5]) };
              }).filter(function (r) { return r.score >= MIN_SCORE; }).sort(function (a, b) {
                return b.score - a.score || (b.active - a.active) || (a.record[0] < b.record[0] ? -1 : 1);
              });
            });
        });
    }).then(function (results) {
      if (ticket !== latest) { return; }
      if (results.short) { list.textContent = ""; status.textContent = strings.short; return; }
      show(results);
    }).catch(function () {
      if (ticket === latest) { status.textContent = strings.failed; }
    });
  }

  var timer = 0;
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); run(input.value); });
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { run(input.value); }, 250);
  });
  if (window.URLSearchParams) {
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { input.value = q; run(q); }
  }
}());
