// Hostile data (issue #6): a feed whose every text field carries an attack string is shown as
// plain text. Nothing runs (a canary global no payload may write), no element or attribute comes
// out of the data (a watcher on the page and on the widget's shadow root), links keep to http(s)
// and mailto, every detail shows its texts literally, very long words stay inside the widget, and
// the widget's URL parameters are no way in either.
//
// The feed and the page embedding it are served by a small loopback server of this file; the
// bundle comes from the demo server's asset origin, as from a CDN.

import assert from 'node:assert/strict';
import http from 'node:http';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { useBrowser, Widget } from './harness.mjs';
import { expectedView, hostilePostings, PAYLOADS } from './fixtures/hostile.mjs';
import { overflowProblems } from './overflow.mjs';

const postings = hostilePostings();
const TODAY = '2023-07-03';
/** Written as the widget's title by the page (partner attributes are text too). */
const TITLE_PAYLOAD = '<img src=x onerror="window.__pwned=\'data-title\'">';
/** A feed to see whether a right-to-left override in one value reverses the text after it. */
const BIDI_FEED = [{
  id: 'bidi', kind: 'emploi', contract: 'cdd', title: 'Offre bidi', organization: 'Organisation bidi',
  partners: ['\u202Eabc', 'Partenaire suivant'],
  places: [{ city: '\u202EVille', postal_code: '75001', country: 'FR' }],
}];

function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Serves /page.html (embedding the widget with data-src) and the feeds /feed.json, /bidi.json. */
async function startFeedServer(assetOrigin) {
  const feeds = { '/feed.json': JSON.stringify(postings), '/bidi.json': JSON.stringify(BIDI_FEED) };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'no-store');
    if (feeds[url.pathname]) {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(feeds[url.pathname]);
    } else if (url.pathname === '/page.html') {
      const feed = url.searchParams.get('feed') === 'bidi' ? '/bidi.json' : '/feed.json';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>Données hostiles — vitrine</title></head>
<body>
<main>
  <h1>Flux hostile</h1>
  <div data-vitrine id="w" data-src="${feed}" data-today="${TODAY}" data-title="${escapeHtml(TITLE_PAYLOAD)}"></div>
  <script src="${assetOrigin}/pkg/vitrine.js" async></script>
</main>
</body>
</html>`);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/**
 * Installed before any page script: the canary (`window.__pwned`, alert/confirm/prompt), and a
 * watcher reporting any element or attribute the widget creates that data could have produced:
 * in the shadow root, tags outside the widget's own set, event handlers, inline styles, URL
 * attributes other than http(s)/mailto hrefs; in the page, anything but the widget's JSON-LD block
 * and its host's mark. `window.__hostile.check()` also rescans the shadow roots in full.
 */
function guard() {
  const hits = [];
  Object.defineProperty(window, '__pwned', {
    get: () => (hits.length ? hits[hits.length - 1] : false),
    set: (v) => { hits.push(`__pwned = ${String(v)}`); },
  });
  for (const f of ['alert', 'confirm', 'prompt', 'print']) window[f] = (m) => { hits.push(`${f}(${m})`); };
  const findings = [];
  const roots = [];
  const WIDGET_TAGS = new Set(['div', 'form', 'label', 'input', 'button', 'span', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'li', 'a',
    'dl', 'dt', 'dd', 'fieldset', 'legend', 'select', 'option', 'section', 'article', 'bdi', 'strong', 'em', 'small', 'time']);
  const URL_ATTRS = new Set(['href', 'src', 'srcset', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping']);
  const short = (s) => JSON.stringify(String(s).slice(0, 100));
  const name = (el) => `<${el.localName}${el.className ? ` class=${short(el.className)}` : ''}>`;
  function attribute(el, attr, value, where) {
    const n = attr.toLowerCase();
    if (n.startsWith('on')) findings.push(`${where}: event handler ${attr}=${short(value)} on ${name(el)}`);
    else if (n === 'style') findings.push(`${where}: inline style=${short(value)} on ${name(el)}`);
    else if (URL_ATTRS.has(n) && !(n === 'href' && /^(https?:\/\/|mailto:)/i.test(value))) {
      findings.push(`${where}: ${attr}=${short(value)} on ${name(el)}`);
    }
  }
  function element(el, inWidget) {
    const where = inWidget ? 'widget' : 'page';
    const jsonld = el.localName === 'script' && el.type === 'application/ld+json' && el.hasAttribute('data-vitrine') && el.parentNode === document.head;
    // The loader's integrity-checked preload of its glue module, removed once loaded.
    const preload = el.localName === 'link' && el.rel === 'modulepreload' && el.hasAttribute('data-vitrine-preload') && el.parentNode === document.head;
    if (inWidget ? !WIDGET_TAGS.has(el.localName) : !(jsonld || preload)) findings.push(`${where}: element ${name(el)} added: ${short(el.outerHTML)}`);
    for (const a of el.attributes) attribute(el, a.name, a.value, where);
  }
  function watch(root, inWidget) {
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') {
          const value = r.target.getAttribute(r.attributeName);
          if (inWidget) {
            if (value !== null) attribute(r.target, r.attributeName, value, 'widget');
          } else if (!(r.attributeName === 'data-vitrine-mounted' && r.target.hasAttribute('data-vitrine'))) {
            findings.push(`page: attribute ${r.attributeName}=${short(value)} changed on ${name(r.target)}`);
          }
        } else if (inWidget || document.readyState !== 'loading') {
          // While the page loads, the parser adds the page's own elements: those are not the widget's.
          for (const node of r.addedNodes) {
            if (node.nodeType !== 1) continue;
            element(node, inWidget);
            for (const d of node.querySelectorAll('*')) element(d, inWidget);
          }
        }
      }
    }).observe(root, { childList: true, subtree: true, attributes: true, attributeOldValue: false });
  }
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.push(root);
    watch(root, true);
    return root;
  };
  watch(document, false);
  Object.defineProperty(window, '__hostile', {
    value: {
      hits,
      findings,
      check() {
        for (const root of roots) for (const el of root.querySelectorAll('*')) element(el, true);
        return { hits: [...new Set(hits)], findings: [...new Set(findings)] };
      },
    },
  });
}

/** Fails with the canary writes and the watcher's findings, if any. */
async function assertClean(page, when) {
  const { hits, findings } = await page.evaluate(() => window.__hostile.check());
  assert.deepEqual(hits, [], `${when}: a payload ran`);
  assert.deepEqual(findings, [], `${when}: markup or attributes came out of the data`);
}

/** Compares two texts, reporting where they differ (the texts may be 100 000 characters long). */
function sameText(got, want, where) {
  if (got === want) return null;
  if (typeof got !== 'string') return `${where}: missing (expected ${JSON.stringify(want.slice(0, 80))})`;
  let i = 0;
  while (i < got.length && i < want.length && got[i] === want[i]) i++;
  const around = (s) => JSON.stringify(s.slice(Math.max(0, i - 20), i + 40));
  return `${where}: differs at character ${i} (lengths ${got.length} / ${want.length}): shown ${around(got)}, expected ${around(want)}`;
}

/** Everything the open detail shows, read in the page. */
function readDetail(root) {
  const d = root.querySelector('article.detail');
  const own = (el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('');
  const facts = {};
  for (const f of d.querySelectorAll('.facts .field')) facts[f.querySelector('dt').textContent] = f.querySelector('dd').textContent;
  const apply = d.querySelector('section.apply');
  const texts = apply ? [...apply.querySelectorAll(':scope > p:not(.warning):not(.address)')].map((p) => p.textContent) : [];
  const ld = document.head.querySelector('script[type="application/ld+json"][data-vitrine]');
  return {
    title: d.querySelector('[data-detail-heading]').textContent,
    organization: d.querySelector('p.org').textContent,
    facts,
    instructions: texts[0] ?? null,
    contact: texts[1] ?? null,
    address: apply?.querySelector('p.address')?.textContent ?? null,
    emails: apply ? [...apply.querySelectorAll('.email')].map((e) => e.textContent) : [],
    applyHrefs: apply ? [...apply.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')) : [],
    allHrefs: [...d.querySelectorAll('[href]')].map((a) => a.getAttribute('href')),
    body: [...d.querySelectorAll('.body :is(h2, h3, h4, h5, h6), .body p, .body li')].map((el) => [el.localName, own(el)]),
    jsonld: ld ? ld.textContent : null,
  };
}

describe('hostile data', { timeout: 300_000 }, () => {
  const env = useBrowser();
  let feeds;

  before(async () => { feeds = await startFeedServer(new URL(env.server.assets).origin); });
  after(async () => { if (feeds) await feeds.stop(); });

  async function openHostile(query = '', viewport = {}) {
    const opened = await env.open(`${feeds.origin}/page.html${query}`, { ...viewport, prepare: (p) => p.addInitScript(guard) });
    const w = new Widget(opened.page);
    await w.ready();
    return { ...opened, w };
  }

  it('the guard does catch a payload that runs and markup that appears', async () => {
    const { page, w } = await openHostile();
    await w.expectCount(postings.length, `${postings.length} offres`);
    await page.evaluate((sel) => {
      window.__pwned = 'planted';
      const img = document.createElement('img');
      img.setAttribute('onerror', 'void 0');
      document.querySelector(sel).shadowRoot.querySelector('.toolbar').append(img);
      const a = document.createElement('a');
      a.href = 'javascript:void 0';
      document.querySelector(sel).shadowRoot.querySelector('.toolbar').append(a);
      document.body.append(document.createElement('span'));
    }, w.sel);
    const { hits, findings } = await page.evaluate(() => window.__hostile.check());
    assert.deepEqual(hits, ['__pwned = planted']);
    const kinds = findings.map((f) => f.replace(/".*$/, ''));
    assert.ok(findings.some((f) => f.startsWith('widget: element <img> added')), findings.join('\n'));
    assert.ok(findings.some((f) => f.startsWith('widget: event handler onerror=')), findings.join('\n'));
    assert.ok(findings.some((f) => f.startsWith('widget: href="javascript:void 0" on <a>')), findings.join('\n'));
    assert.ok(findings.some((f) => f.startsWith('page: element <span> added')), kinds.join('\n'));
  });

  it('every field of every posting is shown as text, nothing runs, only http(s) and mailto links', async () => {
    const { page, w } = await openHostile('', { width: 1280, height: 900 });
    await w.expectCount(postings.length, `${postings.length} offres`);
    const problems = [];
    const byTitle = new Map(postings.map((p) => [p.title, p]));
    assert.equal(byTitle.size, postings.length, 'titles are distinct');

    assert.equal(await w.host.locator('.widget-title').textContent(), TITLE_PAYLOAD, 'data-title shown as text');

    // Cards: title, organization, main city, as given.
    const cards = await page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('ul.cards > li.card')]
      .map((li) => ({ title: li.querySelector('.card-title > a').textContent, organization: li.querySelector('p.org').textContent,
        place: li.querySelector('li.place')?.textContent ?? null })), w.sel);
    assert.deepEqual(cards.map((c) => c.title).sort(), [...byTitle.keys()].sort(), 'one card per posting, titled literally');
    for (const c of cards) {
      const want = expectedView(byTitle.get(c.title)).card;
      for (const k of ['organization', 'place']) {
        const diff = sameText(c[k], want[k], `card "${c.title.slice(0, 40)}" ${k}`);
        if (diff) problems.push(diff);
      }
    }

    // Facet values made of data (cities, organizations), once every list is expanded.
    const more = w.host.getByRole('button', { name: /^Voir tout/ });
    while (await more.count() > 0) await more.first().click();
    const facetValues = await page.evaluate((sel) => {
      const out = {};
      for (const fs of document.querySelector(sel).shadowRoot.querySelectorAll('fieldset.facet')) {
        out[fs.querySelector('legend').textContent] = [...fs.querySelectorAll('label')]
          .map((l) => [...l.childNodes].filter((n) => !(n.nodeType === 1 && n.classList.contains('n'))).map((n) => n.textContent).join(''));
      }
      return out;
    }, w.sel);
    for (const [legend, values] of [['Organisation', postings.map((p) => p.organization)], ['Ville', postings.flatMap((p) => p.places.map((pl) => pl.city))]]) {
      const shown = new Set(facetValues[legend] ?? []);
      for (const v of new Set(values)) if (!shown.has(v)) problems.push(`facet ${legend}: value ${JSON.stringify(v.slice(0, 60))} not shown literally`);
    }
    await assertClean(page, 'list and facets');

    // Every detail, one after the other.
    for (let k = 0; k < postings.length; k++) {
      const link = w.cards.nth(k).locator('.card-title > a');
      const title = await link.textContent();
      const p = byTitle.get(title);
      await link.click();
      await w.untilFocus('detail heading focused', (el) => el.matches('article.detail [data-detail-heading]'));
      const got = await page.evaluate((sel) => (0, eval)(`(${sel.src})`)(document.querySelector(sel.host).shadowRoot),
        { host: w.sel, src: readDetail.toString() });
      const want = expectedView(p).detail;
      const where = `detail of posting ${JSON.stringify(p.id)}`;
      for (const k2 of ['title', 'organization', 'instructions', 'contact', 'address']) {
        const diff = sameText(got[k2], want[k2], `${where}: ${k2}`);
        if (diff) problems.push(diff);
      }
      for (const [dt, text] of Object.entries(want.facts)) {
        const diff = sameText(got.facts[dt], text, `${where}: ${dt}`);
        if (diff) problems.push(diff);
      }
      if (JSON.stringify(got.emails) !== JSON.stringify(want.emails)) problems.push(`${where}: e-mails shown ${JSON.stringify(got.emails)}, expected ${JSON.stringify(want.emails)}`);
      if (JSON.stringify(got.applyHrefs) !== JSON.stringify(want.applyHrefs)) {
        problems.push(`${where}: apply links ${JSON.stringify(got.applyHrefs.map((h) => h.slice(0, 120)))}, expected ${JSON.stringify(want.applyHrefs.map((h) => h.slice(0, 120)))}`);
      }
      for (const href of got.allHrefs) if (!/^(https?:\/\/|mailto:)/i.test(href)) problems.push(`${where}: link to ${JSON.stringify(href.slice(0, 80))}`);
      if (got.body.length !== want.body.length) problems.push(`${where}: ${got.body.length} body blocks shown, expected ${want.body.length}`);
      want.body.forEach(([tag, text], i) => {
        const [gotTag, gotText] = got.body[i] ?? [];
        if (gotTag !== tag) problems.push(`${where}: body element ${i} is <${gotTag}>, expected <${tag}>`);
        const diff = sameText(gotText, text, `${where}: body ${tag} ${i}`);
        if (diff) problems.push(diff);
      });
      // The structured data in <head> carries the texts as JSON, with no raw "<".
      if (p.kind !== 'projet') {
        if (got.jsonld === null) problems.push(`${where}: no JSON-LD block`);
        else {
          if (got.jsonld.includes('<')) problems.push(`${where}: JSON-LD holds a raw "<"`);
          const ld = JSON.parse(got.jsonld);
          const d1 = sameText(ld.title, p.title, `${where}: JSON-LD title`);
          const d2 = sameText(ld.hiringOrganization?.name, p.organization, `${where}: JSON-LD organization`);
          if (d1) problems.push(d1);
          if (d2) problems.push(d2);
        }
      }
      await assertClean(page, where);
      await page.keyboard.press('Escape');
      await w.untilFocus('back on the card', (el, _root, t) => el.matches('li.card .card-title > a') && el.textContent === t, title);
    }

    // Saving offers with hostile ids and titles, and listing them under "Mes offres".
    for (const id of [postings[3].id, postings[7].id, postings[11].id]) {
      const title = postings.find((p) => p.id === id).title;
      // Clicked from script: the layout check below is about where the star ends up.
      await w.cards.filter({ has: page.locator('.card-title > a', { hasText: title.slice(0, 30) }) }).first()
        .getByRole('button', { name: /^Sauvegarder/ }).evaluate((b) => b.click());
    }
    await w.host.getByRole('button', { name: /Mes offres \(3\)/ }).evaluate((b) => b.click());
    await w.until('three saved offers listed', (root) => root.querySelectorAll('ul.cards > li.card').length === 3);
    const stored = JSON.stringify(await page.evaluate(() => localStorage.getItem('vitrine:favoris')));
    for (const i of [3, 7, 11]) assert.ok(stored.includes(JSON.stringify(postings[i].id).slice(1, -1)), `saved id ${postings[i].id} kept as data`);

    // A payload typed into the search box is only a search.
    await w.host.getByRole('button', { name: /Mes offres \(3\)/ }).evaluate((b) => b.click());
    await w.search.fill(PAYLOADS[1]);
    await w.until('search done', (root) => !!root.querySelector('.toolbar [role="status"]'));
    await assertClean(page, 'after saving and searching');
    assert.deepEqual(problems, [], `${problems.length} text(s) not shown literally:\n${problems.join('\n')}`);
  });

  for (const viewport of [{ width: 320, height: 640 }, { width: 1280, height: 800 }]) {
    it(`very long words stay inside the widget, ${viewport.width}px wide (list and every detail)`, async () => {
      const { page, w } = await openHostile('', viewport);
      await w.expectCount(postings.length, `${postings.length} offres`);
      const problems = [];
      const measure = async (view) => {
        problems.push(...await overflowProblems(page, w, view));
      };
      if (await w.filtersToggle.isVisible()) await w.filtersToggle.click();
      await measure('list');
      for (let k = 0; k < postings.length; k++) {
        const link = w.cards.nth(k).locator('.card-title > a');
        const title = await link.textContent();
        await link.click();
        await w.untilFocus('detail heading focused', (el) => el.matches('article.detail [data-detail-heading]'));
        await measure(`detail of ${JSON.stringify(postings.find((p) => p.title === title).id)}`);
        await page.keyboard.press('Escape');
        await w.untilFocus('back on the card', (el) => el.matches('li.card .card-title > a'));
      }
      await assertClean(page, 'layout walk');
      assert.deepEqual(problems, [], `content wider than the widget (clipped by its containment, or scrolling the page):\n${problems.join('\n')}`);
    });
  }

  it('payloads in the widget\'s URL parameters are text too', async () => {
    const bad = PAYLOADS[1];
    const q = new URLSearchParams([['q', PAYLOADS[2]], ['offre', bad], ['ville', PAYLOADS[0]], ['organisation', PAYLOADS[5]], ['tri', PAYLOADS[3]]]);
    const { page, w } = await openHostile(`?${q}`);
    await w.until('the unknown offer is reported', (root) => root.querySelector('article.detail [data-detail-heading]')?.textContent === 'Cette offre n’est plus disponible');
    await assertClean(page, 'unknown offer from the URL');
    await w.detail.getByRole('button', { name: /Voir les offres/ }).click();
    await w.until('back to the list', (root) => !root.querySelector('article.detail'));
    assert.equal(await w.search.inputValue(), PAYLOADS[2], 'the query is put back as typed');
    // Unknown facet values from the URL are listed so the visitor can remove them: as text.
    const labels = await page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('fieldset.facet label')]
      .map((l) => [...l.childNodes].filter((n) => !(n.nodeType === 1 && n.classList.contains('n'))).map((n) => n.textContent).join('')), w.sel);
    for (const v of [PAYLOADS[0], PAYLOADS[5]]) assert.ok(labels.includes(v), `facet value ${JSON.stringify(v)} shown literally among ${JSON.stringify(labels.map((l) => l.slice(0, 40)))}`);
    await assertClean(page, 'URL parameters');
  });

  it('a right-to-left override in one value does not reverse the text that follows it', async () => {
    const { page, w } = await openHostile('?feed=bidi');
    await w.expectCount(1, '1 offre');
    await w.cardButton('Offre bidi').click();
    await w.untilFocus('detail heading focused', (el) => el.matches('article.detail [data-detail-heading]'));
    // In left-to-right text a word to the right comes later; a leaked override draws it the other way.
    const order = await page.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      const left = (dd, word) => {
        // The text node holding the word, wherever it sits (values are wrapped in <bdi>).
        const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
        let node = walker.nextNode();
        while (node && !node.data.includes(word)) node = walker.nextNode();
        if (!node) throw new Error(`no text node holds ${JSON.stringify(word)} in ${dd.textContent}`);
        const text = node.data;
        const range = document.createRange();
        range.setStart(node, text.indexOf(word));
        range.setEnd(node, text.indexOf(word) + word.length);
        return range.getBoundingClientRect().left;
      };
      const dd = (label) => [...root.querySelectorAll('.facts .field')].find((f) => f.querySelector('dt').textContent === label).querySelector('dd');
      return {
        partners: [left(dd('Partenaires'), 'Partenaire'), left(dd('Partenaires'), 'suivant')],
        place: [left(dd('Lieu'), '75001'), left(dd('Lieu'), 'France')],
      };
    }, w.sel);
    const problems = [];
    if (!(order.partners[0] < order.partners[1])) problems.push(`Partenaires: "Partenaire suivant" is drawn reversed (x ${order.partners.map(Math.round)}) after the override in the first partner`);
    if (!(order.place[0] < order.place[1])) problems.push(`Lieu: "(75001), France" is drawn reversed (x ${order.place.map(Math.round)}) after the override in the city`);
    assert.deepEqual(problems, [], 'bidi controls in data leak into the widget\'s own text');
  });
});
