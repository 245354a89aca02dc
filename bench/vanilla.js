// The benchmark's yardstick page script (issue #17), loaded by bench/vanilla.html: what a short
// hand-written page does with the same offers. It fetches the JSON named by ?data= (an array of
// records, or {"postings": [...]}), keeps each record's strings lower-cased in one text, and on
// every keystroke filters with `includes` and shows the first 20 as cards with a count. It renders
// in an open shadow root with the widget's hooks (input[type=search], .toolbar [role=status],
// ul.cards > li.card) so bench/page-probe.js measures both pages the same way.
(function () {
  'use strict';
  var PAGE = 20;
  var host = document.getElementById('vanilla');
  var root = host.attachShadow({ mode: 'open' });
  var style = document.createElement('style');
  style.textContent = ':host{display:block;font:16px/1.5 system-ui,sans-serif}' +
    'ul{list-style:none;padding:0}li{border:1px solid #c9d1da;border-radius:.5em;padding:.5em 1em;margin:.5em 0}' +
    'h3{margin:0;font-size:1.1em}p{margin:0}input{font:inherit;width:100%;max-width:30em}';
  root.appendChild(style);
  var label = document.createElement('label');
  label.textContent = 'Rechercher une offre ';
  var input = document.createElement('input');
  input.type = 'search';
  label.appendChild(input);
  var toolbar = document.createElement('div');
  toolbar.className = 'toolbar';
  var status = document.createElement('p');
  status.setAttribute('role', 'status');
  toolbar.appendChild(status);
  var list = document.createElement('ul');
  list.className = 'cards';
  status.textContent = 'Chargement des offres…';
  root.append(label, toolbar, list);

  /** Every string value of a record (title, organization, places, texts…), lower-cased, in one text. */
  function haystack(value, out) {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(function (v) { haystack(v, out); });
    else if (value && typeof value === 'object') Object.keys(value).forEach(function (k) { haystack(value[k], out); });
    return out;
  }

  var records = [];
  function show() {
    var q = input.value.trim().toLowerCase();
    var hits = q ? records.filter(function (r) { return r.text.includes(q); }) : records;
    var items = hits.slice(0, PAGE).map(function (r) {
      var li = document.createElement('li');
      li.className = 'card';
      var h3 = document.createElement('h3');
      h3.textContent = r.title;
      var p = document.createElement('p');
      p.textContent = r.where;
      li.append(h3, p);
      return li;
    });
    list.replaceChildren.apply(list, items);
    status.textContent = (hits.length === 0 ? 'Aucune offre' : hits.length === 1 ? '1 offre' : hits.length + ' offres') +
      (q ? ' sur ' + records.length : '');
  }

  var data = new URLSearchParams(location.search).get('data');
  fetch(data).then(function (r) { return r.json(); }).then(function (json) {
    var postings = Array.isArray(json) ? json : json.postings;
    records = postings.map(function (p) {
      var place = (p.places && p.places[0]) || {};
      return {
        title: p.title || '',
        where: [p.organization, place.city].filter(Boolean).join(' · '),
        text: haystack(p, []).join('\n').toLowerCase(),
      };
    });
    show();
    input.addEventListener('input', show);
  });
})();
