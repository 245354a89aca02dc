// The studio's preview page: the real widget (../pkg/vitrine.js), mounted with the feed and the
// settings the studio posts here (same origin only): { src, lang, scheme, kind, title, today },
// `src` being a blob: URL of the current offers. Each message replaces the widget by a new one,
// exactly as a partner page would place it with data- attributes.
(function () {
  'use strict';
  function show(s) {
    var old = document.getElementById('vitrine-preview');
    if (old) old.remove();
    document.querySelectorAll('script[data-preview-loader]').forEach(function (t) { t.remove(); });
    var host = document.createElement('div');
    host.id = 'vitrine-preview';
    host.setAttribute('data-vitrine', '');
    var attrs = { src: s.src, lang: s.lang, 'color-scheme': s.scheme, kind: s.kind, title: s.title, today: s.today };
    Object.keys(attrs).forEach(function (k) { if (attrs[k]) host.setAttribute('data-' + k, attrs[k]); });
    document.body.classList.toggle('dark', s.scheme === 'dark');
    document.body.appendChild(host);
    var tag = document.createElement('script');
    tag.src = '../pkg/vitrine.js';
    tag.async = true;
    tag.setAttribute('data-preview-loader', '');
    document.body.appendChild(tag);
  }
  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !e.data || typeof e.data.src !== 'string') return;
    show(e.data);
  });
})();
