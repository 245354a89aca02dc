// Partner feeds (`data-src`): a page of our own loopback server whose feed answers as each step
// needs (good, HTTP 500, an HTML page, cut short, partly bad). The widget shows the feed's offers,
// keeps the last good copy in Cache Storage for when the feed fails, says how fresh the list is,
// merges two feeds without duplicates, and falls back to the bundled offers when it has nothing.

import assert from 'node:assert/strict';
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { countText, DEMO_TODAY, isOpen, loadPostings, ROOT, untilInPage, useBrowser, Widget } from './harness.mjs';

const all = loadPostings();
const bundledOpen = all.filter((p) => isOpen(p));
const titles = (list) => list.map((p) => p.title);

/** Postings of the bundled data under new ids and titles, so they cannot be mistaken for the bundled ones. */
function renamed(tag, list) {
  return list.map((p) => ({ ...p, id: `${tag}-${p.id}`, title: `${p.title} [flux ${tag}]` }));
}
const envelope = (updated, postings) => JSON.stringify({ updated, postings }, null, 1);

/** `text` cut just inside the record whose id is `id`. */
function cut(text, id) {
  const at = text.indexOf(`"${id}"`);
  assert.ok(at > 0, `${id} is in the feed`);
  return text.slice(0, at + 3);
}

const FEED_A = renamed('a', all.slice(0, 3));
const FEED_B = renamed('b', all.slice(1, 5));
const A_DAY = ['2024-02-01', '1er février 2024'];
const B_DAY = ['2024-03-15', '15 mars 2024'];

/**
 * A loopback server: `/one.html` and `/two.html` embed the widget with one or two feeds, `/pkg/…`
 * is the built bundle, and each feed path answers what `feeds[path]` says at the time.
 */
async function startFeedServer() {
  const feeds = {};
  const hits = {};
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const page = (src) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Flux</title></head><body><main><h1>Offres d’un partenaire</h1>
<script src="/pkg/vitrine.js" data-today="${DEMO_TODAY}" data-src="${src}" async></script></main></body></html>`;
  const pages = { '/one.html': page('/feed.json'), '/two.html': page('/feed.json feed-b.json') };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    hits[path] = (hits[path] ?? 0) + 1;
    const headers = { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' };
    if (pages[path]) {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(pages[path]);
    } else if (path.startsWith('/pkg/') && /^\/pkg\/[\w.]+$/.test(path) && existsSync(join(ROOT, path))) {
      res.writeHead(200, { ...headers, 'Content-Type': types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' });
      createReadStream(join(ROOT, path)).pipe(res);
    } else if (feeds[path]) {
      const { status = 200, body, type = 'application/json' } = feeds[path];
      res.writeHead(status, { ...headers, 'Content-Type': type });
      res.end(body);
    } else {
      res.writeHead(404, headers);
      res.end(`no ${path}`);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { origin: `http://127.0.0.1:${server.address().port}`, feeds, hits, close: () => new Promise((r) => server.close(r)) };
}

/** The widget's notice above the list (null when none), once it no longer says it is updating. */
async function settledNotice(w, want) {
  await w.until(`the notice ${want}`, (root, src) => {
    const n = root.querySelector('p.notice');
    const text = n ? n.textContent : null;
    return (0, eval)(`(${src})`)(text);
  }, want.toString());
  return w.host.locator('p.notice').textContent().catch(() => null);
}

/**
 * Errors other than those the failing feed causes on purpose: its HTTP 500, the line Chromium
 * itself logs for it, and the cancelling of that answer's unread body when the test reloads.
 */
const EXPECTED = [
  /^HTTP 500 for http:\/\/127\.0\.0\.1:\d+\/feed\.json$/,
  /^console\.error: Failed to load resource: the server responded with a status of 500 \(Internal Server Error\)$/,
  /^request failed: http:\/\/127\.0\.0\.1:\d+\/feed\.json \(net::ERR_ABORTED\)$/,
];
const unexpected = (errors) => errors.filter((e) => !EXPECTED.some((re) => re.test(e)));

describe('partner feeds (data-src)', { timeout: 120_000 }, () => {
  const env = useBrowser();
  let srv;
  before(async () => { srv = await startFeedServer(); });
  after(async () => { if (srv) await srv.close(); });

  it('keeps the last good copy: good feed, then 500, garbage, a cut feed, then an update', async () => {
    srv.feeds['/feed.json'] = { body: envelope(A_DAY[0], FEED_A) };
    const { page, errors } = await env.open(`${srv.origin}/one.html`, { ownErrors: true });
    assert.equal(await page.evaluate(() => window.isSecureContext && 'caches' in window), true, 'Cache Storage is available');
    const w = new Widget(page);
    await w.ready();

    // First visit, good feed: its offers, not the bundled ones, and its date.
    const fresh = (day) => `Offres mises à jour le ${day}.`;
    await w.expectList(titles(FEED_A), countText(FEED_A.length));
    assert.equal(await settledNotice(w, (t) => t === 'Offres mises à jour le 1er février 2024.'), fresh(A_DAY[1]));
    // The copy is kept just after the list is shown: wait for it rather than race it.
    await untilInPage(page, 'the feed is kept', async () => (await (await caches.open('vitrine-feeds')).keys()).length > 0);
    const kept = await page.evaluate(async () => (await (await caches.open('vitrine-feeds')).keys()).map((r) => r.url));
    assert.deepEqual(kept, [`${srv.origin}/feed.json`], 'the good feed is kept in Cache Storage');

    // The feed fails in three ways: the kept copy shows, and the notice says so.
    const failing = [
      ['HTTP 500', { status: 500, body: 'Internal Server Error', type: 'text/plain' }],
      ['an HTML page', { body: '<html><body><h1>Maintenance</h1></body></html>', type: 'text/html' }],
      // Cut inside the second record: the first is complete, yet a cut feed never replaces a good copy.
    ['a feed cut short', { body: cut(envelope('2024-02-20', FEED_B), FEED_B[1].id) }],
    ];
    for (const [what, answer] of failing) {
      srv.feeds['/feed.json'] = answer;
      const asked = srv.hits['/feed.json'];
      await page.reload();
      await w.ready();
      await w.expectList(titles(FEED_A), countText(FEED_A.length));
      const notice = await settledNotice(w, (t) => !!t && t.includes('n’ont pas pu être actualisées'));
      assert.match(notice, /n’ont pas pu être actualisées/, `${what}: ${notice}`);
      assert.ok(notice.includes(A_DAY[1]), `${what}: the notice dates the copy shown (${notice})`);
      assert.ok(srv.hits['/feed.json'] > asked, `${what}: the feed was asked for again`);
    }

    // A good update replaces the list and the kept copy.
    srv.feeds['/feed.json'] = { body: envelope(B_DAY[0], FEED_B) };
    await page.reload();
    await w.ready();
    await w.expectList(titles(FEED_B), countText(FEED_B.length));
    assert.equal(await settledNotice(w, (t) => !!t && t.startsWith('Offres mises à jour le 15')), fresh(B_DAY[1]));
    // The newer copy is kept just after it is shown: wait for it before the next visit.
    await untilInPage(page, 'the newer feed is kept', async (id) => {
      const hit = await (await caches.open('vitrine-feeds')).match(`${location.origin}/feed.json`);
      return !!hit && (await hit.text()).includes(id);
    }, FEED_B[0].id);

    // Failing again now falls back to that newer copy.
    srv.feeds['/feed.json'] = { status: 500, body: 'Internal Server Error', type: 'text/plain' };
    await page.reload();
    await w.ready();
    await w.expectList(titles(FEED_B), countText(FEED_B.length));
    const notice = await settledNotice(w, (t) => !!t && t.includes('n’ont pas pu être actualisées'));
    assert.ok(notice.includes(B_DAY[1]), notice);
    assert.deepEqual(unexpected(errors), [], 'no other error');
  });

  it('a first visit whose feed fails shows the bundled offers and says the list could not be refreshed', async () => {
    srv.feeds['/feed.json'] = { status: 500, body: 'Internal Server Error', type: 'text/plain' };
    const { page, errors } = await env.open(`${srv.origin}/one.html`, { ownErrors: true });
    const w = new Widget(page);
    await w.ready();
    await w.expectList(titles(bundledOpen), countText(bundledOpen.length));
    assert.equal(await settledNotice(w, (t) => !!t), 'Les offres n’ont pas pu être actualisées pour l’instant.');
    assert.deepEqual(unexpected(errors), [], 'no other error');
    assert.ok(errors.length >= 1, 'the failing feed answer was seen');
  });

  it('a partly bad feed shows its good records and counts the unreadable ones', async () => {
    const good = renamed('c', all.slice(0, 2));
    const records = [good[0], { id: 'c-bad-kind', kind: 'ovni', title: 'Offre étrange', organization: 'Asso' },
      good[1], { id: 'c-untitled', kind: 'emploi', organization: 'Asso' }];
    srv.feeds['/feed.json'] = { body: envelope(A_DAY[0], records) };
    const { page } = await env.open(`${srv.origin}/one.html`);
    const w = new Widget(page);
    await w.ready();
    await w.expectList(titles(good), countText(good.length));
    const notice = await settledNotice(w, (t) => !!t && t.includes('illisible'));
    assert.match(notice, /\b2 offres illisibles ont été ignorées\./, notice);
    assert.ok(notice.startsWith(`Offres mises à jour le ${A_DAY[1]}.`), notice);
  });

  it('two feeds carrying the same offer show it once', async () => {
    const [x, y, z] = renamed('d', all.slice(0, 3));
    srv.feeds['/feed.json'] = { body: envelope(A_DAY[0], [x, y]) };
    srv.feeds['/feed-b.json'] = { body: JSON.stringify([y, z]) };
    const { page } = await env.open(`${srv.origin}/two.html`);
    const w = new Widget(page);
    await w.ready();
    await w.expectList(titles([x, y, z]), countText(3));
    assert.equal(await w.cardButton(y.title).count(), 1, `"${y.title}" listed once`);
    assert.ok(srv.hits['/feed-b.json'] >= 1, 'the second feed was asked for');
  });
});
