/* site-gen built-in theme: deep links that open, the header's menu, expand/collapse all, copy
   link, print, colour scheme toggle, and what starts search (site-gen-search.js). Everything
   here is an enhancement: without JavaScript the pages stay fully readable, and the controls
   that need it stay hidden. */
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

  /* Old links that still lead somewhere (site-gen-links.js, loaded only when needed): a
     fragment that is on no element of this page (the question may have moved to another
     topic), and on the 404 page, an address that names a question or an old page. */
  var linksScript = doc.currentScript && doc.currentScript.src.replace(/site-gen\.js(\?.*)?$/, 'site-gen-links.js');
  function followLinks() {
    if (window.siteGen && window.siteGen.followLinks) { window.siteGen.followLinks(); return; }
    if (!linksScript || !doc.body.hasAttribute('data-links') || doc.querySelector('script[data-sg-links]')) return;
    var script = doc.createElement('script');
    script.src = linksScript;
    script.setAttribute('data-sg-links', '');
    doc.head.appendChild(script);
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
    if (!target) {
      followLinks();
      return;
    }
    var details = questionDetails(target);
    if (details && !details.open) details.open = true;
    if (details) target.scrollIntoView({ block: 'start' });
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  if (doc.querySelector('[data-sg-not-found]')) followLinks();

  /* The language switcher keeps the question: ids are shared across languages. */
  Array.prototype.forEach.call(doc.querySelectorAll('.languages a[data-keep-fragment]'), function (link) {
    link.addEventListener('click', function () {
      if (location.hash) link.setAttribute('href', link.getAttribute('href').split('#')[0] + location.hash);
    });
  });

  /* The header's menu (a <details> whose panel is the element after it) closes on a click
     elsewhere and on Escape, which gives the focus back to it. */
  var menu = doc.querySelector('.site-menu');
  if (menu) {
    var panel = menu.nextElementSibling;
    doc.addEventListener('click', function (event) {
      if (menu.open && !menu.contains(event.target) && !(panel && panel.contains(event.target))) menu.open = false;
    });
    doc.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && menu.open) {
        menu.open = false;
        menu.querySelector('summary').focus();
      }
    });
  }

  /* A table wider than its answer scrolls sideways: while it does, it takes the keyboard focus,
     so that it can be scrolled without a mouse. Checked once a frame after answers open, and on
     resize. */
  var checkTables = false;
  function scrollableTables() {
    if (checkTables) return;
    checkTables = true;
    window.requestAnimationFrame(function () {
      checkTables = false;
      Array.prototype.forEach.call(doc.querySelectorAll('[data-sg-content] table'), function (table) {
        if (table.scrollWidth > table.clientWidth) table.setAttribute('tabindex', '0'); else table.removeAttribute('tabindex');
      });
    });
  }
  doc.addEventListener('toggle', scrollableTables, true);
  window.addEventListener('resize', scrollableTables);
  scrollableTables();

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

  /* Search lives in its own script, loaded when the reader first turns to the search field, so
     pages that are only read never download it. Until then, Enter does not reload the page. */
  var form = doc.querySelector('.search');
  if (!form) return;
  var input = form.querySelector('input');
  function startSearch() {
    input.removeEventListener('focus', startSearch);
    input.removeEventListener('input', startSearch);
    var script = doc.createElement('script');
    script.src = form.getAttribute('data-script');
    script.onerror = function () { announce(form.getAttribute('data-failed')); };
    doc.head.appendChild(script);
  }
  input.addEventListener('focus', startSearch);
  input.addEventListener('input', startSearch);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  window.siteGen = window.siteGen || {};
  window.siteGen.announce = announce;
})();
