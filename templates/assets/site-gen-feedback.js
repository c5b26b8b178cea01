/* site-gen built-in theme: "Was this helpful?", loaded after site-gen.js on the pages of a site
   whose site.yaml sets feedbackUrl (docs/templates-and-themes.md#was-this-helpful). */
(function () {
  'use strict';
  var doc = document;
  var root = doc.documentElement;
  /* "Was this helpful?" (topic.ftlh, with site.yaml's feedbackUrl): one request per vote, to the
     URL with {id}, {vote}, {page} and {lang} filled in (URL-encoded), as a beacon (POST, the same
     values as a form), or as a GET when the URL starts with "GET "; then a thank-you, and after "No"
     the ask link with the question. Every vote fires site-gen:feedback (detail: id, vote, page, lang),
     for a theme's extra.js. Nothing is stored: the vote is remembered for this page view only. */
  Array.prototype.forEach.call(doc.querySelectorAll('[data-feedback]'), function (topic) {
    var pattern = topic.getAttribute('data-feedback');
    topic.addEventListener('click', function (event) {
      var button = event.target.closest('.feedback button[data-vote]');
      if (!button) return;
      var box = button.closest('.feedback');
      if (box.hasAttribute('data-voted')) return;
      box.setAttribute('data-voted', '');
      var detail = { id: box.getAttribute('data-id'), vote: button.getAttribute('data-vote'),
        page: topic.getAttribute('data-page'), lang: root.lang };
      var get = pattern.indexOf('GET ') === 0;
      var url = (get ? pattern.slice(4) : pattern).replace(/\{(id|vote|page|lang)\}/g, function (match, key) {
        return encodeURIComponent(detail[key]);
      });
      if (get) {
        if (window.fetch) fetch(url, { mode: 'no-cors', credentials: 'omit', keepalive: true }).catch(function () {});
      } else if (navigator.sendBeacon) {
        var form = new URLSearchParams();
        ['id', 'vote', 'page', 'lang'].forEach(function (key) { form.set(key, detail[key]); });
        navigator.sendBeacon(url, form);
      }
      Array.prototype.forEach.call(box.querySelectorAll('button[data-vote]'), function (b) {
        b.setAttribute('aria-disabled', 'true');
        b.setAttribute('aria-pressed', String(b === button));
      });
      var thanks = box.querySelector('.feedback-thanks');
      thanks.textContent = topic.getAttribute('data-thanks');
      var ask = topic.getAttribute('data-ask');
      if (detail.vote === 'no' && ask) {
        var link = doc.createElement('a');
        link.href = ask.replace('{query}', encodeURIComponent(box.getAttribute('data-question')));
        link.textContent = topic.getAttribute('data-ask-text');
        thanks.appendChild(doc.createTextNode(' '));
        thanks.appendChild(link);
      }
      thanks.hidden = false;
      if (window.siteGen) window.siteGen.announce(topic.getAttribute('data-thanks'));
      box.dispatchEvent(new CustomEvent('site-gen:feedback', { bubbles: true, detail: detail }));
    });
  });
})();
