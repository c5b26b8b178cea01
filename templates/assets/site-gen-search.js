/* site-gen built-in theme: search, loaded by site-gen.js when the reader first turns to the
   search field. The index is a set of plain scripts built with the site (publish/SearchIndex.java
   describes them): the words, loaded first, then as a search needs them the questions that have
   its words and the results shown. So search works under any base path and from a folder opened
   on disk, and a large site loads only a small part of its index. How results are ranked:
   docs/templates-and-themes.md, "How search ranks results". */
(function () {
  'use strict';
  var doc = document;
  var form = doc.querySelector('.search');
  var input = form.querySelector('input');
  var list = form.querySelector('[role=listbox]');
  var siteRoot = form.getAttribute('data-root');
  var indexUrl = form.getAttribute('data-index');
  var partsUrl = indexUrl.slice(0, indexUrl.lastIndexOf('/') + 1) + 'search-index/';
  /* Where a reader can ask when nothing matches (site.yaml's askUrl), {query} their search text. */
  var ask = form.getAttribute('data-ask');
  var results = [];
  var active = -1;
  var index = null;
  var terms = [];
  var loading = {};
  var postings = {};
  var latest = 0;

  /* Points per query word by the field it is found in: question, aliases, tags, answer. A prefix
     or a typo costs less than one field step, so the field always counts first. */
  var WEIGHT = [8, 6, 4, 2];
  var PREFIX = 0.5;
  var TYPO = 1;
  var SHOWN = 10;
  var SEPARATORS = /[\s\p{P}\p{S}]+/u;
  var WORD = /[^\s\p{P}\p{S}]+/gu;
  /* Scripts written without spaces between words (or with particles attached to them): a query
     word in them matches inside the index's longer runs. */
  var SPACELESS = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
  var DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT = {};
  for (var d = 0; d < DIGITS.length; d++) DIGIT[DIGITS[d]] = d;

  function norm(text) {
    return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC').toLowerCase();
  }

  /* Runs each callback waiting for a script once it has run, or announces that it failed. */
  function script(key, src, then) {
    if (loading[key]) { loading[key].push(then); return; }
    loading[key] = [then];
    var element = doc.createElement('script');
    element.src = src;
    element.onload = function () {
      var waiting = loading[key];
      loading[key] = null;
      waiting.forEach(function (f) { f(); });
    };
    element.onerror = function () { loading[key] = null; announce(form.getAttribute('data-failed')); };
    doc.head.appendChild(element);
  }

  function loadIndex(then) {
    if (index) { then(); return; }
    script('', indexUrl, function () {
      index = window.siteGenSearch;
      var previous = '';
      terms = index.terms ? index.terms.split(' ').map(function (entry) {
        previous = previous.slice(0, parseInt(entry[0], 36)) + entry.slice(1);
        return previous;
      }) : [];
      then();
    });
  }

  function loadParts(names, then) {
    var missing = names.filter(function (name, i) { return names.indexOf(name) === i && !index.parts[name]; });
    var left = missing.length;
    if (!left) { then(); return; }
    missing.forEach(function (name) {
      script(name, partsUrl + name + '.js', function () { if (--left === 0) then(); });
    });
  }

  /* The postings part that holds word number t. */
  function partOf(t) {
    var low = 0, high = index.postings.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (index.postings[middle] <= t) low = middle; else high = middle - 1;
    }
    return low;
  }

  /* The questions that have word number t, and where: field + 4 * position (see SearchIndex.java). */
  function postingsOf(t) {
    if (postings[t]) return postings[t];
    var part = partOf(t);
    var text = index.parts['p' + part][t - index.postings[part]];
    var found = { docs: [], where: [] };
    var value = 0, scale = 1, first = true, docNumber = -1;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text[i]];
      if (digit >= 32) { value += (digit - 32) * scale; scale *= 32; continue; }
      value += digit * scale;
      if (first) { docNumber += value; found.docs.push(docNumber); } else { found.where.push(value); }
      first = !first;
      value = 0;
      scale = 1;
    }
    postings[t] = found;
    return found;
  }

  /* The first word number not before word. */
  function lowerBound(word) {
    var low = 0, high = terms.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (terms[middle] < word) low = middle + 1; else high = middle;
    }
    return low;
  }

  /* Edits (insert, delete, replace, swap two neighbours) from a to b, or to the closest beginning
     of b; more than max as max + 1. */
  function distance(a, b, max, beginning) {
    var n = a.length;
    var m = beginning ? Math.min(b.length, n + max) : b.length;
    if (m < n - max || !beginning && m > n + max) return max + 1;
    var before = null, previous = [], row, j;
    for (j = 0; j <= m; j++) previous[j] = j;
    for (var i = 1; i <= n; i++) {
      row = [i];
      var lowest = i;
      for (j = 1; j <= m; j++) {
        var value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
        row[j] = value;
        if (value < lowest) lowest = value;
      }
      if (lowest > max) return max + 1;
      before = previous;
      previous = row;
    }
    return beginning ? Math.min.apply(null, previous) : previous[m];
  }

  /* The index's words a query word stands for, each with what it costs: the word itself; for the
     word being typed, from its third letter, the words it begins; when neither is in the index,
     the words one typo away if it has 5 letters or more, two if it has 9 or more (for the word
     being typed, typos in what it begins); in scripts without spaces, the runs that contain it. */
  function candidates(word, typing) {
    var found = [];
    var t;
    if (SPACELESS.test(word)) {
      for (t = 0; t < terms.length; t++) {
        if (terms[t].indexOf(word) >= 0) found.push({ term: t, cost: terms[t] === word ? 0 : PREFIX / 2 });
      }
      return best(found, 100);
    }
    var at = lowerBound(word);
    if (terms[at] === word) found.push({ term: at, cost: 0 });
    if (typing && word.length >= 3) {
      for (t = found.length ? at + 1 : at; t < terms.length && terms[t].lastIndexOf(word, 0) === 0; t++) {
        found.push({ term: t, cost: PREFIX });
      }
    }
    var letters = Array.from(word).length;
    var typos = letters >= 9 ? 2 : letters >= 5 ? 1 : 0;
    if (!found.length && typos) {
      for (t = 0; t < terms.length; t++) {
        var whole = distance(word, terms[t], typos, false);
        if (whole <= typos) { found.push({ term: t, cost: whole * TYPO }); continue; }
        if (typing) {
          var start = distance(word, terms[t], typos, true);
          if (start <= typos) found.push({ term: t, cost: start * TYPO + PREFIX });
        }
      }
    }
    return best(found, 10);
  }

  function best(found, most) {
    return found.sort(function (a, b) {
      return a.cost - b.cost || terms[a.term].length - terms[b.term].length || a.term - b.term;
    }).slice(0, most);
  }

  /* The questions that have every word (or, for three words or more, all but one), best first:
     by field, then by how close the words are to each other, then in the site's order. */
  function rank(plan) {
    var totals = new Map();
    plan.forEach(function (word, k) {
      var byDoc = new Map();
      word.candidates.forEach(function (c) {
        var p = postingsOf(c.term);
        for (var i = 0; i < p.docs.length; i++) {
          var score = WEIGHT[p.where[i] & 3] - c.cost;
          var old = byDoc.get(p.docs[i]);
          if (!old || score > old.score) byDoc.set(p.docs[i], { score: score, where: p.where[i], term: c.term });
        }
      });
      byDoc.forEach(function (hit, docNumber) {
        var total = totals.get(docNumber);
        if (!total) totals.set(docNumber, total = { doc: docNumber, count: 0, score: 0, hits: [] });
        total.count++;
        total.score += hit.score;
        total.hits[k] = hit;
      });
    });
    var most = 0;
    totals.forEach(function (total) { if (total.count > most) most = total.count; });
    var needed = most === plan.length || plan.length < 3 ? plan.length : plan.length - 1;
    var found = [];
    totals.forEach(function (total) {
      if (total.count < needed) return;
      var hits = total.hits.filter(Boolean);
      var field = hits[0].where & 3;
      var positions = hits.map(function (hit) { return hit.where >> 2; });
      /* Words in between, when all are in one field (an answer counts in blocks of 16 words). */
      total.span = hits.every(function (hit) { return (hit.where & 3) === field; })
        ? Math.max(0, Math.max.apply(null, positions) - Math.min.apply(null, positions) - hits.length + 1) : 1000;
      found.push(total);
    });
    return found.sort(function (a, b) {
      return b.count - a.count || b.score - a.score || a.span - b.span || a.doc - b.doc;
    }).slice(0, SHOWN);
  }

  /* The list is busy (aria-busy) from a keystroke until its results are shown. */
  function search() {
    var number = ++latest;
    list.setAttribute('aria-busy', 'true');
    var query = norm(input.value);
    var words = query.split(SEPARATORS).filter(function (w) { return w.length > 0; });
    if (!words.length) { showResults([], []); return; }
    var typing = !/[\s\p{P}\p{S}]$/u.test(query);
    loadIndex(function () {
      var plan = words.map(function (word, i) {
        return { word: word, candidates: candidates(word, typing && i === words.length - 1) };
      });
      var needed = [];
      plan.forEach(function (w) { w.candidates.forEach(function (c) { needed.push('p' + partOf(c.term)); }); });
      loadParts(needed, function () {
        if (number !== latest) return;
        var ranked = rank(plan);
        loadParts(ranked.map(function (r) { return 'd' + Math.floor(r.doc / index.docsPerPart); }), function () {
          if (number === latest) showResults(ranked, plan);
        });
      });
    });
  }

  /* Text with the words a result matched wrapped in <mark>, built as DOM nodes: whole words, or
     in scripts without spaces the query's own characters. */
  function highlighted(text, words, pieces) {
    var normal = '';
    var map = [];
    for (var i = 0; i < text.length; i++) {
      var n = norm(text[i]);
      for (var k = 0; k < n.length; k++) { normal += n[k]; map.push(i); }
    }
    var marks = new Array(text.length).fill(false);
    var mark = function (from, to) { for (var j = from; j < to; j++) marks[map[j]] = true; };
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(normal))) {
      if (words.indexOf(match[0]) >= 0) mark(match.index, match.index + match[0].length);
    }
    pieces.forEach(function (w) {
      for (var at = normal.indexOf(w); at >= 0; at = normal.indexOf(w, at + w.length)) mark(at, at + w.length);
    });
    var fragment = doc.createDocumentFragment();
    var start = 0;
    for (var p = 1; p <= text.length; p++) {
      if (p === text.length || marks[p] !== marks[start]) {
        var piece = text.slice(start, p);
        if (marks[start]) {
          var element = doc.createElement('mark');
          element.textContent = piece;
          fragment.appendChild(element);
        } else {
          fragment.appendChild(doc.createTextNode(piece));
        }
        start = p;
      }
    }
    return fragment;
  }

  function span(className, content) {
    var element = doc.createElement('span');
    element.className = className;
    if (typeof content === 'string') element.textContent = content; else element.appendChild(content);
    return element;
  }

  function showResults(ranked, plan) {
    list.removeAttribute('aria-busy');
    list.textContent = '';
    active = -1;
    results = ranked.map(function (r) {
      var part = index.parts['d' + Math.floor(r.doc / index.docsPerPart)];
      return { entry: part[r.doc % index.docsPerPart], hits: r.hits };
    });
    var pieces = plan.filter(function (w) { return SPACELESS.test(w.word); }).map(function (w) { return w.word; });
    results.forEach(function (result, i) {
      var e = result.entry;
      var words = [];
      result.hits.forEach(function (hit, k) { if (hit && pieces.indexOf(plan[k].word) < 0) words.push(terms[hit.term]); });
      var option = doc.createElement('li');
      option.id = 'sg_result_' + i;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.appendChild(span('result-question', highlighted(e[2], words, pieces)));
      option.appendChild(span('result-topic', index.topics[e[0]][1]));
      option.appendChild(span('result-snippet', highlighted(e[3], words, pieces)));
      option.addEventListener('mousedown', function (event) { event.preventDefault(); go(i); });
      list.appendChild(option);
    });
    var open = plan.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    input.removeAttribute('aria-activedescendant');
    if (open && !results.length) {
      var none = doc.createElement('li');
      none.className = 'no-results';
      none.setAttribute('role', 'option');
      none.setAttribute('aria-disabled', 'true');
      none.setAttribute('aria-selected', 'false');
      none.textContent = form.getAttribute('data-none');
      list.appendChild(none);
      if (ask) {
        var option = doc.createElement('li');
        option.id = 'sg_result_ask';
        option.className = 'ask-option';
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.textContent = form.getAttribute('data-ask-text');
        option.addEventListener('mousedown', function (event) { event.preventDefault(); active = 0; go(0); });
        list.appendChild(option);
      }
    }
    if (open) announce(results.length ? form.getAttribute('data-count').replace('{0}', results.length) : form.getAttribute('data-none'));
  }

  function select(position) {
    var options = list.querySelectorAll('[role=option][id]');
    if (!options.length) return;
    active = (position + options.length) % options.length;
    Array.prototype.forEach.call(options, function (o, i) { o.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
    input.setAttribute('aria-activedescendant', options[active].id);
    options[active].scrollIntoView({ block: 'nearest' });
  }

  function go(position) {
    var result = results[position];
    if (!result) {
      if (ask && !results.length && position === active) {
        location.href = ask.split('{query}').join(encodeURIComponent(input.value.trim()));
      }
      return;
    }
    var e = result.entry;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    location.href = siteRoot + index.topics[e[0]][0] + '#' + e[1];
  }

  function announce(text) {
    window.siteGen.announce(text);
  }

  input.addEventListener('focus', function () { loadIndex(function () {}); });
  input.addEventListener('input', search);
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') { event.preventDefault(); select(active + 1); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); select(active - 1); }
    else if (event.key === 'Enter') { event.preventDefault(); go(active >= 0 ? active : 0); }
    else if (event.key === 'Escape') { list.hidden = true; input.setAttribute('aria-expanded', 'false'); }
  });
  input.addEventListener('blur', function () {
    window.setTimeout(function () {
      if (doc.activeElement === input) return;
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    }, 150);
  });
  form.addEventListener('submit', function () { go(active >= 0 ? active : 0); });
  /* This script arrives a moment after the reader turned to the field: catch up. */
  if (doc.activeElement === input) loadIndex(function () {});
  if (input.value) search();
})();
