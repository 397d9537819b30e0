/* dangjian full-text search. A classic script (no modules, no fetch), so it works opened as files
   as well as from a server: the index is loaded in parts through <script> elements that call
   dangjianSearch.shard(…) and dangjianSearch.doc(…). Tokens, hashes and posting lists are made
   exactly as Sources/Dangjian/Search/ makes them at build time. */
(function () {
  "use strict";
  var page = document.getElementById("search");
  if (!page) return;
  var indexBase = page.getAttribute("data-index");
  var root = page.getAttribute("data-root");
  var shardCount = Number(page.getAttribute("data-shards")) || 1;
  var form = page.querySelector("form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var moreButton = document.getElementById("search-more");
  var FILTERS = { type: "#k:", series: "#s:", branch: "#b:", tag: "#t:", year: "#y:" };
  var PAGE_SIZE = 20;
  var shards = {}, docs = {}, scripts = {};

  window.dangjianSearch = {
    shard: function (number, lists) { shards[number] = lists; },
    doc: function (id, fields) { docs[id] = fields; }
  };

  function loadScript(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve, reject) {
        var element = document.createElement("script");
        element.src = src;
        element.onload = resolve;
        element.onerror = function () { reject(new Error(src)); };
        document.head.appendChild(element);
      });
    }
    return scripts[src];
  }

  function isHan(code) {
    return (code >= 0x3400 && code <= 0x4DBF) || (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0xF900 && code <= 0xFAFF);
  }

  function isWordChar(code) {
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
  }

  /* Han runs give their bigrams (a lone character gives itself), ASCII runs give the word. */
  function tokenize(text) {
    var out = [], run = [], word = "";
    function endRun() { if (run.length === 1) out.push(run[0]); run = []; }
    function endWord() { if (word) out.push(word); word = ""; }
    for (var ch of text.normalize("NFKC").toLowerCase()) {
      var code = ch.codePointAt(0);
      if (isHan(code)) {
        endWord();
        if (run.length) out.push(run[run.length - 1] + ch);
        run.push(ch);
      } else if (isWordChar(code)) {
        endRun();
        word += ch;
      } else {
        endRun();
        endWord();
      }
    }
    endRun();
    endWord();
    return out;
  }

  function hash(token) {
    var h = 0;
    for (var i = 0; i < token.length; i++) h = (Math.imul(h, 31) + token.charCodeAt(i)) >>> 0;
    return h;
  }

  var FINAL = "0123456789abcdefghijklmnopqrstuv", MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*";
  var DIGITS = {};
  for (var d = 0; d < 32; d++) { DIGITS[FINAL.charCodeAt(d)] = -1 - d; DIGITS[MORE.charCodeAt(d)] = d; }

  /* Posting list text → Map(document id → field mask: 4 title, 2 tags and names, 1 body). */
  function decode(text) {
    var postings = new Map(), value = 0, doc = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGITS[text.charCodeAt(i)];
      if (digit >= 0) { value = value * 32 + digit; continue; }
      value = value * 32 + (-1 - digit);
      doc += Math.floor(value / 8);
      postings.set(doc, value % 8);
      value = 0;
    }
    return postings;
  }

  function weight(mask) { return (mask & 4 ? 8 : 0) + (mask & 2 ? 4 : 0) + (mask & 1 ? 1 : 0); }

  function readQuery() {
    var params = new URLSearchParams(window.location.search);
    var query = { text: (params.get("q") || "").trim(), filters: [] };
    input.value = query.text;
    Object.keys(FILTERS).forEach(function (name) {
      var value = params.get(name) || "";
      var select = form.elements[name];
      if (select) select.value = value;
      if (value && select && select.value === value) query.filters.push(FILTERS[name] + value);
    });
    return query;
  }

  function postings(token) {
    var text = (shards[hash(token) % shardCount] || {})[token];
    return text === undefined ? new Map() : decode(text);
  }

  /* Documents holding every token, best first: title and tags above body, then newer (smaller id). */
  function rank(words, filters) {
    var wordLists = words.map(postings);
    var lists = wordLists.concat(filters.map(postings)).sort(function (a, b) { return a.size - b.size; });
    var hits = [], scores = new Map();
    lists[0].forEach(function (mask, doc) {
      for (var i = 1; i < lists.length; i++) if (!lists[i].has(doc)) return;
      hits.push(doc);
      scores.set(doc, wordLists.reduce(function (sum, list) { return sum + weight(list.get(doc)); }, 0));
    });
    return hits.sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; });
  }

  function terms(text) {
    return text.normalize("NFKC").toLowerCase().split(/[\s,，、。；;]+/).filter(function (t) { return t.length > 0; })
      .sort(function (a, b) { return b.length - a.length; });
  }

  /* The text with every occurrence of a term wrapped in <mark>, as DOM nodes (never as HTML). */
  function highlighted(text, searchTerms) {
    var fragment = document.createDocumentFragment(), lower = text.toLowerCase(), at = 0;
    while (at < text.length) {
      var best = -1, length = 0;
      searchTerms.forEach(function (term) {
        var found = lower.indexOf(term, at);
        if (found >= 0 && (best < 0 || found < best)) { best = found; length = term.length; }
      });
      if (best < 0) break;
      fragment.appendChild(document.createTextNode(text.slice(at, best)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(best, best + length);
      fragment.appendChild(mark);
      at = best + length;
    }
    fragment.appendChild(document.createTextNode(text.slice(at)));
    return fragment;
  }

  function snippet(text, searchTerms) {
    var lower = text.toLowerCase(), first = -1;
    searchTerms.forEach(function (term) {
      var found = lower.indexOf(term);
      if (found >= 0 && (first < 0 || found < first)) first = found;
    });
    var start = Math.max(0, first - 30), end = Math.min(text.length, start + 120);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function resultItem(doc, searchTerms) {
    var item = document.createElement("li");
    item.className = "search-result";
    var link = document.createElement("a");
    link.href = root + doc.u;
    link.appendChild(highlighted(doc.t, searchTerms));
    var heading = document.createElement("h2");
    heading.appendChild(link);
    var meta = document.createElement("p");
    meta.className = "search-meta";
    meta.textContent = doc.k + (doc.d ? " · " + doc.d : "");
    var text = document.createElement("p");
    text.className = "search-snippet";
    text.appendChild(highlighted(snippet(doc.x, searchTerms), searchTerms));
    item.appendChild(heading);
    item.appendChild(meta);
    item.appendChild(text);
    return item;
  }

  function show(hits, from, searchTerms) {
    var slice = hits.slice(from, from + PAGE_SIZE);
    return Promise.all(slice.map(function (id) { return loadScript(indexBase + "doc/" + Math.floor(id / 8) + ".js"); })).then(function () {
      slice.forEach(function (id) { if (docs[id]) list.appendChild(resultItem(docs[id], searchTerms)); });
      var shown = from + slice.length;
      moreButton.hidden = shown >= hits.length;
      moreButton.onclick = function () {
        var next = list.children.length;
        show(hits, shown, searchTerms).then(function () {
          var link = list.children[next] && list.children[next].querySelector("a");
          if (link) link.focus();
        });
      };
    });
  }

  function finish(count, message) {
    status.textContent = message;
    page.setAttribute("data-count", String(count));
    page.setAttribute("data-state", "done");
  }

  function run() {
    var query = readQuery();
    var all = tokenize(query.text);
    var words = all.filter(function (t) { return t.length > 1 || !isHan(t.codePointAt(0)); });
    if (!words.length && all.length) words = all;
    words = words.filter(function (t, i) { return words.indexOf(t) === i; });
    if (!words.length && !query.filters.length) {
      finish(0, query.text ? "请输入汉字、字母或数字。" : "输入关键词开始搜索，可按类型、系列、支部、标签和年份筛选。");
      return;
    }
    if (query.text) document.title = query.text + " · " + document.title;
    status.textContent = "正在搜索…";
    var tokens = words.concat(query.filters);
    var needed = tokens.map(function (t) { return hash(t) % shardCount; })
      .filter(function (n, i, all) { return all.indexOf(n) === i; });
    Promise.all(needed.map(function (n) { return loadScript(indexBase + "index/" + n + ".js"); })).then(function () {
      var hits = rank(words, query.filters);
      var searchTerms = terms(query.text);
      var label = query.text ? "与“" + query.text + "”相关的" : "符合条件的";
      if (!hits.length) { finish(0, "没有找到" + label + "内容。可以减少关键词或筛选条件再试。"); return; }
      return show(hits, 0, searchTerms).then(function () { finish(hits.length, "找到 " + hits.length + " 条" + label + "内容。"); });
    }).catch(function () { finish(0, "搜索索引加载失败，请确认网站文件完整。"); });
  }

  /* Keyboard: ↓ from the box to the results, ↑/↓ between them, ↑ from the first back to the box. */
  page.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll(".search-result a"));
    var at = links.indexOf(document.activeElement);
    if (document.activeElement === input && event.key === "ArrowDown" && links.length) { links[0].focus(); }
    else if (at >= 0 && event.key === "ArrowDown" && at + 1 < links.length) { links[at + 1].focus(); }
    else if (at > 0 && event.key === "ArrowUp") { links[at - 1].focus(); }
    else if (at === 0 && event.key === "ArrowUp") { input.focus(); }
    else return;
    event.preventDefault();
  });

  run();
})();
