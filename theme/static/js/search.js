// opsdocs search in the browser: the same tokenizer, shard hash and BM25 ranking as
// Sources/OpsdocsSearch (Tokenizer.swift, FNV.swift, SearchEngine.swift), line for line, so
// `opsdocs search` and this page return the same results. Plain JavaScript, no framework.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = (script && script.getAttribute("data-base")) || "/";
  var t = window.opsdocsLabel || function (key) { return key; };  // (strings.js)

  // ---- tokenizer (Tokenizer.swift) ----
  var JOINERS = "._-/:=";
  function isCJK(cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x3040 && cp <= 0x30FF) ||
      (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2A6DF);
  }
  var WORD = /^[\p{Alphabetic}\p{N}]$/u;
  function pieces(text) {
    var out = [], word = "", cjk = "";
    function flushWord() {
      var a = 0, b = word.length;
      while (a < b && JOINERS.indexOf(word[a]) >= 0) a++;
      while (b > a && JOINERS.indexOf(word[b - 1]) >= 0) b--;
      if (b > a) out.push({ word: word.slice(a, b) });
      word = "";
    }
    function flushCJK() { if (cjk) out.push({ cjk: cjk }); cjk = ""; }
    for (var ch of text) {
      var cp = ch.codePointAt(0);
      if (isCJK(cp)) { flushWord(); cjk += ch; }
      else if (WORD.test(ch) || (JOINERS.indexOf(ch) >= 0 && word) || (ch === "-" && !word)) { flushCJK(); word += ch; }
      else { flushWord(); flushCJK(); }
    }
    flushWord(); flushCJK();
    return out;
  }
  function queryTerms(query) {
    var terms = [];
    function add(t) { if (t && terms.indexOf(t) < 0) terms.push(t); }
    pieces(query.normalize("NFKC").toLowerCase()).forEach(function (p) {
      if (p.word) { add(p.word); return; }
      var chars = Array.from(p.cjk);
      if (chars.length === 1) add(p.cjk);
      else for (var i = 0; i + 1 < chars.length; i++) add(chars[i] + chars[i + 1]);
    });
    return terms;
  }

  // SearchEngine.isBeingTyped
  function isBeingTyped(term, query, keyLength) {
    if (!term || !query || /\s/.test(query[query.length - 1]) || Array.from(term).length < keyLength) return false;
    if (!/^[A-Za-z0-9]/.test(term)) return false;
    return query.normalize("NFKC").toLowerCase().endsWith(term);
  }

  // ---- shard hash (FNV.swift) ----
  var encoder = new TextEncoder();
  function fnv(token) {
    var h = 0x811C9DC5;
    encoder.encode(token).forEach(function (b) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; });
    return h >>> 0;
  }

  // ---- engine (SearchEngine.swift) ----
  var cache = {};
  // Index files other than index.json are gzip-compressed JSON (Gzip.swift); a host that sent
  // one with Content-Encoding: gzip has inflated it already, so only bytes that still start
  // with gzip's magic number are inflated here.
  function parse(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
    var inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(inflated).text().then(JSON.parse);
  }
  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + "search/" + path).then(function (r) { return r.ok ? r.arrayBuffer().then(parse) : null; })
        .catch(function () { return null; });
    }
    return cache[path];
  }
  // The query's matching pages, best first (one entry per page: [best section, score]).
  function rank(query) {
    var terms = queryTerms(query);
    if (!terms.length) return Promise.resolve(null);
    return load("index.json").then(function (meta) {
      if (!meta) return null;
      var shardOf = terms.map(function (t) { return fnv(t) % meta.shards; });
      var postingsOf = new Map();
      return Promise.all(shardOf.map(function (s) { return load("shards/" + s + ".json.gz"); })).then(function (shards) {
        terms.forEach(function (t, i) { postingsOf.set(t, shards[i] && shards[i][t]); });
        // Groups of words: the last term, still being typed, may stand for its completions.
        var groups = terms.map(function (t) { return [t]; });
        var last = terms[terms.length - 1];
        if (!isBeingTyped(last, query, meta.prefixKeyLength) || postingsOf.get(last)) return groups;
        var key = Array.from(last).slice(0, meta.prefixKeyLength).join("");
        return load("prefix/" + (fnv(key) % meta.prefixShards) + ".json.gz").then(function (shard) {
          var words = ((shard && shard[key]) || []).filter(function (w) { return w.startsWith(last) && w !== last; });
          words.sort(function (a, b) {
            var la = Array.from(a).length, lb = Array.from(b).length;
            return la !== lb ? la - lb : (a < b ? -1 : a > b ? 1 : 0);
          });
          words = words.slice(0, meta.prefixCompletions);
          if (!words.length) return groups;
          groups[groups.length - 1] = words;
          return Promise.all(words.map(function (w) { return load("shards/" + (fnv(w) % meta.shards) + ".json.gz"); })).then(function (more) {
            words.forEach(function (w, i) { postingsOf.set(w, more[i] && more[i][w]); });
            return groups;
          });
        });
      }).then(function (groups) {
        var scores = new Map(), matched = new Map(), n = meta.documents;
        // the share of the query's idf a document covers (SearchEngine.swift)
        var covered = new Map(), queryWeight = 0;
        groups.forEach(function (group) {
          // once per group, with its best word
          var best = new Map(), groupIDF = 0;
          group.forEach(function (term) {
            var flat = postingsOf.get(term);
            if (!flat) return;
            var df = flat[0], idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            if (idf > groupIDF) groupIDF = idf;
            for (var j = 1; j + 1 < flat.length; j += 2) {
              var c = idf * flat[j + 1] / 1000;
              if (c > (best.has(flat[j]) ? best.get(flat[j]) : -1)) best.set(flat[j], c);
            }
          });
          queryWeight += groupIDF;
          best.forEach(function (c, doc) {
            scores.set(doc, (scores.get(doc) || 0) + c);
            matched.set(doc, (matched.get(doc) || 0) + 1);
            covered.set(doc, (covered.get(doc) || 0) + groupIDF);
          });
        });
        if (groups.length > 1 && queryWeight > 0) covered.forEach(function (part, doc) {
          var coverage = part / queryWeight, factor = 1;
          for (var k = 0; k < meta.coverageExponent; k++) factor *= coverage;
          scores.set(doc, scores.get(doc) * factor);
        });
        if (groups.length > 1) matched.forEach(function (count, doc) {
          if (count === groups.length) scores.set(doc, scores.get(doc) * meta.allTermsBoost);
        });
        var ranked = Array.from(scores.entries()).sort(function (a, b) { return a[1] !== b[1] ? b[1] - a[1] : a[0] - b[0]; });
        var best = [], position = new Map(), more = new Map();
        ranked.forEach(function (e) {
          var page = e[0] >> meta.sectionBits;
          if (position.has(page)) {
            if (!more.has(page)) best[position.get(page)][1] += meta.secondSectionWeight * e[1];
            more.set(page, (more.get(page) || 0) + 1); return;
          }
          position.set(page, best.length); best.push([e[0], e[1]]);
        });
        best.sort(function (a, b) { return a[1] !== b[1] ? b[1] - a[1] : a[0] - b[0]; });
        return { meta: meta, terms: terms, groups: groups, best: best, more: more };
      });
    });
  }
  // Results offset+1 … offset+limit; the array's `total` is the number of matching pages. The
  // ranking of the last query is kept, so the next five cost only their rows.
  var ranked = { query: null, promise: null };
  function search(query, limit, offset) {
    limit = limit || 10;
    offset = offset || 0;
    if (ranked.query !== query) ranked = { query: query, promise: rank(query) };
    return ranked.promise.then(function (r) {
      if (!r) { var none = []; none.total = 0; return none; }
      var meta = r.meta, best = r.best, words = [].concat.apply([], r.groups);
      var shown = best.slice(offset, offset + limit);
      var chunks = shown.map(function (e) { return e[0] >> meta.chunkBits; });
      return Promise.all(chunks.map(function (c) { return load("docs/" + c + ".json.gz"); })).then(function (rows) {
        var results = [];
        var phrase = r.terms.length > 1 ? query.normalize("NFKC").toLowerCase().split(/[ \t]+/).filter(Boolean).join(" ") : null;
        shown.forEach(function (e, i) {
          var row = rows[i] && rows[i][String(e[0])];
          if (!row) return;
          var score = e[1];
          if (phrase && (row[1] + " " + row[2] + " " + row[3]).normalize("NFKC").toLowerCase().indexOf(phrase) >= 0) score *= meta.phraseBoost;
          var excerpt = excerptOf(row[3], words);
          results.push({ url: row[0], pageTitle: row[1], heading: row[2], excerpt: excerpt.text, marks: excerpt.marks,
            score: Math.round(score * 1000) / 1000, moreSections: r.more.get(e[0] >> meta.sectionBits) || 0 });
        });
        // stable: equal scores keep their order
        var sorted = results.map(function (x, i) { return [x, i]; })
          .sort(function (a, b) { return a[0].score !== b[0].score ? b[0].score - a[0].score : a[1] - b[1]; })
          .map(function (p) { return p[0]; });
        sorted.total = best.length;
        sorted.words = words.filter(markable);
        return sorted;
      });
    });
  }

  // ---- excerpt (Excerpt.swift): the stretch around the longest run of query words, words marked ----
  var EXCERPT = { length: 160, lead: 30, snap: 15 };
  function markable(w) { var c = Array.from(w); return c.length > 1 || (c.length === 1 && isCJK(c[0].codePointAt(0))); }
  // Where the words occur in a text (code points, ASCII case folded), touching stretches merged.
  function markRanges(chars, words) {
    var folded = chars.map(function (c) { return /^[A-Z]$/.test(c) ? c.toLowerCase() : c; });
    var ranges = [];
    words.filter(markable).forEach(function (w) {
      var needle = Array.from(w), i = 0;
      while (i + needle.length <= folded.length) {
        var k = 0;
        while (k < needle.length && folded[i + k] === needle[k]) k++;
        if (k === needle.length) { ranges.push([i, i + needle.length]); i += needle.length; } else i++;
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push([r[0], r[1]]);
    });
    return merged;
  }
  function excerptOf(stored, words) {
    var chars = Array.from(stored), merged = markRanges(chars, words);
    // around the longest marked stretch, the first of the longest
    var anchor = null;
    merged.forEach(function (r) { if (!anchor || r[1] - r[0] > anchor[1] - anchor[0]) anchor = r; });
    var start = 0;
    if (anchor && anchor[0] > EXCERPT.lead) {
      var first = anchor[0];
      start = first - EXCERPT.lead;
      if (chars.length - start < EXCERPT.length) start = Math.max(0, chars.length - EXCERPT.length);
      for (var b = start; start > 0 && b < Math.min(first, start + EXCERPT.snap); b++) if (chars[b] === " ") { start = b + 1; break; }
    }
    var end = Math.min(chars.length, start + EXCERPT.length), shift = (start > 0 ? 1 : 0) - start;
    var marks = [];
    merged.forEach(function (r) { var a = Math.max(r[0], start), z = Math.min(r[1], end); if (a < z) marks.push([a + shift, z + shift]); });
    return { text: (start > 0 ? "…" : "") + chars.slice(start, end).join("") + (end < chars.length ? "…" : ""), marks: marks };
  }

  // ---- rendering: text only, never markup from the notes ----
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  // Text with its marked stretches (code-point offsets) as <mark> elements.
  function marked(text, marks, cls) {
    var frag = document.createDocumentFragment(), chars = Array.from(text), at = 0;
    marks.forEach(function (m) {
      if (m[0] > at) frag.appendChild(document.createTextNode(chars.slice(at, m[0]).join("")));
      frag.appendChild(el("mark", cls || null, chars.slice(m[0], m[1]).join("")));
      at = m[1];
    });
    if (at < chars.length) frag.appendChild(document.createTextNode(chars.slice(at).join("")));
    return frag;
  }
  function renderResults(list, results, query, from) {
    var words = results.words || [];
    from = from || 0;
    if (!from) list.textContent = "";
    results.forEach(function (r, k) {
      var i = from + k;
      var li = el("li", "search-result");
      var a = el("a", "search-link");
      // ?h= carries the words to the page, which marks them (highlightLanding).
      var parts = r.url.split("#"), h = words.length ? "?h=" + encodeURIComponent(words.join(" ")) : "";
      a.href = base + parts[0] + h + (parts.length > 1 ? "#" + encodeURIComponent(parts.slice(1).join("#")) : "");
      a.appendChild(el("span", "search-title", r.pageTitle));
      if (r.heading) { a.appendChild(el("span", "search-sep", " › ")); a.appendChild(el("span", "search-heading", r.heading)); }
      li.appendChild(a);
      var p = el("p", "search-excerpt"); p.appendChild(marked(r.excerpt, r.marks)); li.appendChild(p);
      if (r.moreSections) li.appendChild(el("p", "search-more", t("moreSections", { n: r.moreSections })));
      li.setAttribute("data-index", i);
      list.appendChild(li);
    });
  }

  // ---- the header box and the /search/ page ----
  function attach(input, list, status, live) {
    var timer = null, active = -1;
    function links() { return list.querySelectorAll(".search-link"); }
    function select(i) {
      var all = links();
      if (!all.length) return;
      active = (i + all.length) % all.length;
      all.forEach(function (a, k) { a.classList.toggle("active", k === active); });
      all[active].scrollIntoView({ block: "nearest" });
    }
    function run() {
      var q = input.value.trim();
      if (live) { var u = new URL(location.href); if (q) u.searchParams.set("q", q); else u.searchParams.delete("q"); history.replaceState(null, "", u); }
      if (!q) { list.textContent = ""; status.textContent = ""; list.hidden = true; return; }
      var started = performance.now();
      function done(results) {
        offerMore(q, results.length, results.total);
        status.setAttribute("data-ms-all", String(Math.round(performance.now() - started)));
        document.dispatchEvent(new CustomEvent("opsdocs:search", { detail: { query: q, results: results } }));
      }
      // The first five show as soon as their rows arrive, then the next five's are fetched:
      // each row file is a request, and a search waits on requests more than on bytes.
      search(q, 5).then(function (first) {
        if (input.value.trim() !== q) return;
        active = -1;
        renderResults(list, first, q);
        list.hidden = false;
        status.textContent = first.length ? t("resultCount", { n: first.total }) : t("noResults", { q: q });
        status.setAttribute("data-ms", String(Math.round(performance.now() - started)));
        if (first.total <= first.length) { done(first); return; }
        search(q, 5, 5).then(function (more) {
          if (input.value.trim() !== q) return;
          renderResults(list, more, q, first.length);
          var all = first.concat(more);
          all.total = first.total;
          done(all);
        });
      });
    }
    // Past the first ten: a button lists ten more.
    function offerMore(q, shown, total) {
      var old = list.querySelector(".search-more-results");
      if (old) old.remove();
      if (shown >= total) return;
      var li = el("li", "search-more-results");
      var button = el("button", null, t("showMore", { n: total - shown }));
      button.type = "button";
      button.addEventListener("click", function (e) {
        e.stopPropagation();
        search(q, 10, shown).then(function (more) {
          if (input.value.trim() !== q) return;
          li.remove();
          renderResults(list, more, q, shown);
          offerMore(q, shown + more.length, more.total);
        });
      });
      li.appendChild(button);
      list.appendChild(li);
    }
    // The index metadata is fetched when the box is focused, while the reader types.
    input.addEventListener("focus", function () { load("index.json"); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); select(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); select(active - 1); }
      else if (e.key === "Enter") {
        var all = links();
        if (all.length) { e.preventDefault(); location.href = all[Math.max(active, 0)].href; }
      } else if (e.key === "Escape") { list.hidden = true; }
    });
    if (input.value) run();
  }
  // The page a result led to marks the query's words (?h=), as Material does.
  function highlightLanding() {
    var root = document.querySelector("article.page .content");
    var h = root && new URL(location.href).searchParams.get("h");
    var words = h ? h.normalize("NFKC").toLowerCase().split(/\s+/).filter(markable) : [];
    if (!words.length) return;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), nodes = [], left = 300;
    while (walker.nextNode()) if (!walker.currentNode.parentNode.closest("script,style,mark,button")) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      if (left <= 0) return;
      var ranges = markRanges(Array.from(node.nodeValue), words).slice(0, left);
      if (!ranges.length) return;
      left -= ranges.length;
      node.parentNode.replaceChild(marked(node.nodeValue, ranges, "search-hit"), node);
    });
  }
  function init() {
    highlightLanding();
    var form = document.querySelector(".site-search");
    var header = form && form.querySelector("input");
    if (header) {
      var box = el("div", "search-popup"); var status = el("p", "search-status"); var list = el("ol", "search-results");
      list.hidden = true; box.appendChild(status); box.appendChild(list); form.appendChild(box);
      attach(header, list, status, false);
      document.addEventListener("click", function (e) { if (!form.contains(e.target)) { list.hidden = true; status.textContent = ""; } });
    }
    var page = document.getElementById("search-page-input");
    if (page) {
      page.value = new URL(location.href).searchParams.get("q") || "";
      attach(page, document.getElementById("search-page-results"), document.getElementById("search-page-status"), true);
      page.focus();
    }
    document.addEventListener("keydown", function (e) {
      if (e.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
        e.preventDefault(); (page || header).focus();
      }
    });
  }
  window.opsdocsSearch = { search: search, queryTerms: queryTerms, fnv: fnv };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
