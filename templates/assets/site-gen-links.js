/* site-gen built-in theme: old links that still lead somewhere. site-gen.js loads this script on
   a page opened with a fragment that is on none of its elements, and on the 404 page. It loads the
   site's map (links.js, a script published with each language of the site: every question id and
   previous id, and every topic's previous pages, with the topic page that has them now) and
   replaces the location with that page, keeping the fragment, so the answer opens there. On the
   404 page, an address that is nothing the map knows is searched for by its words. A large
   site's map keeps its ids in parts (links/p<n>.js, publish/LinksMap.java): only the part that
   holds the fragment is loaded. */
(function () {
  'use strict';
  var doc = document;
  var notFound = doc.querySelector('[data-sg-not-found]');

  function decoded(text) {
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }

  /* A page's address without its fragment, a folder's index.html named, to compare pages. */
  function pageOf(url) {
    var page = new URL(url, location.href);
    page.hash = '';
    return page.href.replace(/\/$/, '/index.html');
  }

  function load(src, then) {
    var script = doc.createElement('script');
    script.src = src;
    script.onload = function () { then(true); };
    script.onerror = function () { then(false); };
    doc.head.appendChild(script);
  }

  /* The part of a large site's map that holds {id}: its hash as Java computes String.hashCode(). */
  function partOf(id, parts) {
    var hash = 0;
    for (var i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0;
    return (hash >>> 0) % parts;
  }

  /* The map at {src}, with the parts that hold the fragment {raw} (as written and decoded). */
  function loadMap(src, raw, then) {
    load(src, function (loaded) {
      var map = loaded ? window.siteGenLinks || null : null;
      var names = [];
      if (map && map.parts && raw) {
        [raw, decoded(raw)].forEach(function (id) {
          var name = 'links/p' + partOf(id, map.parts) + '.js';
          if (names.indexOf(name) < 0) names.push(name);
        });
      }
      var left = names.length;
      if (!left) { then(map); return; }
      names.forEach(function (name) {
        load(new URL(name, src).href, function () { if (--left === 0) then(map); });
      });
    });
  }

  /* Replaces the location with the topic page at {index} of the map, with {fragment}; false when
     that is this very page (the map and the page disagree: stay). */
  function go(map, root, index, fragment) {
    var target = new URL(map.topics[index], root);
    if (pageOf(target.href) === pageOf(location.href)) return false;
    location.replace(target.href + (fragment ? '#' + fragment : ''));
    return true;
  }

  function topicOfId(map, raw) {
    var index = map.ids[decoded(raw)];
    return index === undefined ? map.ids[raw] : index;
  }

  /* The topic a missing path names: one of the topics' previous pages, or a topic page itself,
     written with other letter case, without its trailing slash, or without .html. */
  function topicOfPath(map, path) {
    var known = {};
    Object.keys(map.pages).forEach(function (page) { known[page.toLowerCase()] = map.pages[page]; });
    map.topics.forEach(function (page, index) { known[page.toLowerCase()] = index; });
    var lower = path.toLowerCase();
    var tried = [lower, lower + 'index.html', lower + '/index.html', lower + '.html'];
    for (var i = 0; i < tried.length; i++) {
      if (Object.prototype.hasOwnProperty.call(known, tried[i])) return known[tried[i]];
    }
    return undefined;
  }

  /* The words of a missing path, for the search: its folders and file name, without .html. */
  function wordsOf(path) {
    return path.replace(/(^|\/)index\.html?$/i, '').replace(/\.html?$/i, '')
      .split(/[\/\-_.~+\s]+/).filter(Boolean).join(' ');
  }

  function search(words) {
    var input = doc.querySelector('.search input');
    if (!input || !words) return;
    input.value = words;
    notFound.hidden = false;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  /* A fragment this page does not have: the page of the question that has it now. */
  function follow() {
    var raw = location.hash.slice(1);
    var src = new URL(doc.body.getAttribute('data-links'), location.href);
    if (!raw) return;
    loadMap(src.href, raw, function (map) {
      var index = map && topicOfId(map, raw);
      if (index !== undefined && index !== null) go(map, new URL('.', src), index, raw);
    });
  }

  /* The 404 page, served at the missing address: in the language folder the address is in, the
     question its fragment names, else the page its path was, else a search for its words. */
  function resolveMissing() {
    var path = location.pathname;
    var roots = (notFound.getAttribute('data-roots') || '').split(' ').filter(function (root) {
      return root && path.indexOf(root) === 0;
    });
    roots.sort(function (a, b) { return b.length - a.length; });
    var fallback = new URL('.', new URL(doc.body.getAttribute('data-links'), location.href)).pathname;
    var root = roots.length ? roots[0] : fallback;
    var rest = path.indexOf(root) === 0 ? decoded(path.slice(root.length)) : '';
    var raw = location.hash.slice(1);
    var rootUrl = new URL(root, location.href);
    loadMap(new URL('links.js', rootUrl).href, raw, function (map) {
      if (map) {
        var index = raw ? topicOfId(map, raw) : undefined;
        if (index !== undefined && go(map, rootUrl, index, raw)) return;
        index = rest ? topicOfPath(map, rest) : undefined;
        if (index !== undefined && go(map, rootUrl, index, raw)) return;
      }
      search(wordsOf(rest));
    });
  }

  window.siteGen = window.siteGen || {};
  window.siteGen.followLinks = follow;
  if (notFound) resolveMissing(); else follow();
})();
