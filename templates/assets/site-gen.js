/* site-gen built-in theme: deep links that open, expand/collapse all, copy link, print,
   colour scheme toggle and search. Everything here is an enhancement: without JavaScript the
   pages stay fully readable, and the controls that need it stay hidden. */
(function () {
  'use strict';
  var doc = document;
  var root = doc.documentElement;

  function questionDetails(element) {
    var details = element.closest('details');
    if (details) return details;
    var question = element.closest('.question');
    return question ? question.querySelector('details') : null;
  }

  /* A link to #question-id opens that answer and shows it. */
  function openTarget() {
    var raw = location.hash.slice(1);
    if (!raw) return;
    var target = doc.getElementById(raw);
    if (!target) {
      /* Anchors in other scripts arrive percent-encoded; old Doxia anchors contain '%' themselves. */
      try { target = doc.getElementById(decodeURIComponent(raw)); } catch (e) { target = null; }
    }
    if (!target) return;
    var details = questionDetails(target);
    if (details && !details.open) details.open = true;
    if (details) target.scrollIntoView({ block: 'start' });
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();

  /* The language switcher keeps the question: ids are shared across languages. */
  Array.prototype.forEach.call(doc.querySelectorAll('.languages a[data-keep-fragment]'), function (link) {
    link.addEventListener('click', function () {
      if (location.hash) link.setAttribute('href', link.getAttribute('href').split('#')[0] + location.hash);
    });
  });

  /* Expand all / collapse all, per topic. */
  Array.prototype.forEach.call(doc.querySelectorAll('.topic-tools'), function (tools) {
    tools.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button) return;
      var open = button.hasAttribute('data-expand-all');
      Array.prototype.forEach.call(doc.querySelectorAll('.question details'), function (d) { d.open = open; });
    });
  });

  /* Printing shows every answer. */
  var closedBeforePrint = [];
  window.addEventListener('beforeprint', function () {
    closedBeforePrint = Array.prototype.filter.call(doc.querySelectorAll('details'), function (d) { return !d.open; });
    closedBeforePrint.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () {
    closedBeforePrint.forEach(function (d) { d.open = false; });
    closedBeforePrint = [];
  });

  /* Polite announcements for screen readers. */
  var announcer = doc.getElementById('sg_announce');
  function announce(text) {
    if (!announcer) return;
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  /* Copy link. */
  if (root.classList.contains('clipboard')) {
    Array.prototype.forEach.call(doc.querySelectorAll('.copy-link'), function (button) {
      button.addEventListener('click', function () {
        var url = location.href.split('#')[0] + '#' + button.getAttribute('data-id');
        navigator.clipboard.writeText(url).then(function () {
          var label = button.textContent;
          button.textContent = button.getAttribute('data-done');
          announce(button.getAttribute('data-done'));
          window.setTimeout(function () { button.textContent = label; }, 2000);
        }, function () { announce(url); });
      });
    });
  }

  /* Colour scheme: follows the system until the reader chooses; the choice is remembered
     (the inline script in <head> applies it before the first paint). */
  var toggle = doc.querySelector('.theme-toggle');
  if (toggle) {
    var dark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    var current = function () { return root.getAttribute('data-theme') || (dark && dark.matches ? 'dark' : 'light'); };
    var show = function () { toggle.setAttribute('aria-pressed', current() === 'dark' ? 'true' : 'false'); };
    show();
    if (dark && dark.addEventListener) dark.addEventListener('change', show);
    toggle.addEventListener('click', function () {
      var next = current() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem('site-gen-theme', next); } catch (e) { /* private mode: not remembered */ }
      show();
    });
  }

  /* Search: the index is a plain script built with the site, loaded on first use, so search
     works under any base path and from a folder opened on disk. */
  var form = doc.querySelector('.search');
  if (!form) return;
  var input = form.querySelector('input');
  var list = form.querySelector('[role=listbox]');
  var siteRoot = form.getAttribute('data-root');
  /* Where a reader can ask when nothing matches (site.yaml's askUrl), {query} their search text. */
  var ask = form.getAttribute('data-ask');
  var results = [];
  var active = -1;
  var entries = null;
  var loading = false;
  var waiting = [];

  function norm(text) {
    return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC').toLowerCase();
  }

  function load(then) {
    if (entries) { then(); return; }
    waiting.push(then);
    if (loading) return;
    loading = true;
    var script = doc.createElement('script');
    script.src = form.getAttribute('data-index');
    script.onload = function () {
      var data = window.siteGenSearch;
      entries = data.entries.map(function (e, i) {
        return { order: i, topic: data.topics[e[0]], id: e[1], question: e[2], tags: e[3], words: e[4], snippet: e[5],
          q: norm(e[2]), t: norm(e[3]) };
      });
      waiting.forEach(function (f) { f(); });
      waiting = [];
    };
    script.onerror = function () { loading = false; announce(form.getAttribute('data-failed')); };
    doc.head.appendChild(script);
  }

  function terms(query) {
    return norm(query).split(/[\s\p{P}\p{S}]+/u).filter(function (t) { return t.length > 0; });
  }

  function score(entry, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (entry.q.indexOf(w) >= 0) total += (' ' + entry.q).indexOf(' ' + w) >= 0 ? 12 : 8;
      else if (entry.t.indexOf(w) >= 0) total += 4;
      else if (entry.words.indexOf(w) >= 0) total += 1;
      else return 0;
    }
    return total;
  }

  /* Text with every match of the query's terms wrapped in <mark>, built as DOM nodes. */
  function highlighted(text, words) {
    var normal = '';
    var map = [];
    for (var i = 0; i < text.length; i++) {
      var n = norm(text[i]);
      for (var k = 0; k < n.length; k++) { normal += n[k]; map.push(i); }
    }
    var marks = new Array(text.length).fill(false);
    words.forEach(function (w) {
      for (var at = normal.indexOf(w); at >= 0 && w; at = normal.indexOf(w, at + w.length)) {
        for (var j = at; j < at + w.length; j++) marks[map[j]] = true;
      }
    });
    var fragment = doc.createDocumentFragment();
    var start = 0;
    for (var p = 1; p <= text.length; p++) {
      if (p === text.length || marks[p] !== marks[start]) {
        var piece = text.slice(start, p);
        if (marks[start]) {
          var mark = doc.createElement('mark');
          mark.textContent = piece;
          fragment.appendChild(mark);
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

  function render() {
    var words = terms(input.value);
    list.textContent = '';
    active = -1;
    results = [];
    if (words.length) {
      results = entries.map(function (e) { return { entry: e, score: score(e, words) }; })
        .filter(function (r) { return r.score > 0; })
        .sort(function (a, b) { return b.score - a.score || a.entry.order - b.entry.order; })
        .slice(0, 10);
    }
    results.forEach(function (result, i) {
      var e = result.entry;
      var option = doc.createElement('li');
      option.id = 'sg_result_' + i;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.appendChild(span('result-question', highlighted(e.question, words)));
      option.appendChild(span('result-topic', e.topic[1]));
      option.appendChild(span('result-snippet', highlighted(e.snippet, words)));
      option.addEventListener('mousedown', function (event) { event.preventDefault(); go(i); });
      list.appendChild(option);
    });
    var open = words.length > 0;
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

  function select(index) {
    var options = list.querySelectorAll('[role=option][id]');
    if (!options.length) return;
    active = (index + options.length) % options.length;
    Array.prototype.forEach.call(options, function (o, i) { o.setAttribute('aria-selected', i === active ? 'true' : 'false'); });
    input.setAttribute('aria-activedescendant', options[active].id);
    options[active].scrollIntoView({ block: 'nearest' });
  }

  function go(index) {
    var result = results[index];
    if (!result) {
      if (ask && !results.length && index === active) {
        location.href = ask.split('{query}').join(encodeURIComponent(input.value.trim()));
      }
      return;
    }
    var e = result.entry;
    var target = siteRoot + e.topic[0] + '#' + e.id;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    location.href = target;
  }

  input.addEventListener('focus', function () { load(function () {}); });
  input.addEventListener('input', function () { load(render); });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') { event.preventDefault(); load(function () { select(active + 1); }); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); select(active - 1); }
    else if (event.key === 'Enter') { event.preventDefault(); go(active >= 0 ? active : 0); }
    else if (event.key === 'Escape') { list.hidden = true; input.setAttribute('aria-expanded', 'false'); }
  });
  input.addEventListener('blur', function () {
    window.setTimeout(function () { list.hidden = true; input.setAttribute('aria-expanded', 'false'); }, 150);
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); go(active >= 0 ? active : 0); });
})();
