// Split feeds (`vitrine pack`): the widget reads an offers file without texts, shows the list at
// once, then fetches the bodies file beside it. Served here by a loopback server of our own whose
// answers each step sets (delayed, held back, 404, another version, 500, no network), from the
// committed fixture `tests/e2e/fixtures/split/` (kept equal to a fresh pack by tests/split_fixture.rs).

import assert from 'node:assert/strict';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import {
  countText, DEMO_TODAY, fold, freeText, isOpen, labelWordsHit, loadPostings, ROOT, searchOracle, untilInPage, useBrowser, Widget, words,
} from './harness.mjs';

const all = loadPostings();
const titles = (list) => list.map((p) => p.title);
const FIXTURE = join(ROOT, 'tests', 'e2e', 'fixtures', 'split');
const FEED_PATH = '/feeds/offres.json';
const BODIES_PATH = '/feeds/offres.bodies.json';
const OFFERS_TEXT = readFileSync(join(FIXTURE, 'offres.json'), 'utf8');
const BODIES_TEXT = readFileSync(join(FIXTURE, 'offres.bodies.json'), 'utf8');
const BODIES = JSON.parse(BODIES_TEXT);
const REFERENCE = JSON.parse(OFFERS_TEXT).bodies;

const LOADING = 'Chargement du texte de l’offre…';
const UNAVAILABLE = 'Le texte complet de l’offre n’a pas pu être chargé. Réessayez plus tard, une fois connecté.';
const STALE = 'n’ont pas pu être actualisées';

/** An offer's text as the detail view must show it: one entry per block of the data. */
function expectedBody(p) {
  return (p.body ?? []).map((b) => {
    if (b.type === 'heading') return ['h3', b.text];
    if (b.type === 'paragraph') return ['p', b.text];
    assert.equal(b.type, 'list', `${p.id}: unknown block type ${b.type}`);
    return ['ul', b.items.map((it) => ({ text: it.text, children: it.children ?? [] }))];
  });
}

/** The text the detail view shows (`div.body`), read in the same shape as `expectedBody`. */
function shownBodyIn(el) {
  return [...el.children].map((c) => {
    const tag = c.tagName.toLowerCase();
    if (tag !== 'ul') return [tag, c.textContent];
    return ['ul', [...c.children].map((li) => ({
      text: [...li.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''),
      children: [...li.querySelectorAll(':scope > ul > li')].map((x) => x.textContent),
    }))];
  });
}

/**
 * A word of one offer's text that the search can find only through that text: no word of the
 * other offers (any field), of that offer's other fields, or of the `labels` starts with it.
 */
function bodyOnlyWord(postings, labels) {
  const labelWords = labels.flatMap((l) => [...words(l)]);
  for (const p of postings) {
    const own = [...words(freeText({ ...p, body: [] }))];
    const others = postings.filter((q) => q !== p).flatMap((q) => [...words(freeText(q))]);
    const elsewhere = [...own, ...others, ...labelWords];
    const candidates = [...words(freeText({ title: '', organization: '', body: p.body }))]
      .filter((w) => w.length >= 7 && /^\p{L}+$/u.test(w) && !elsewhere.some((x) => x.startsWith(w)));
    if (candidates.length) return { posting: p, word: candidates.sort()[0] };
  }
  return null;
}

/** The first sentence of an offer's first paragraph (long enough to be its own). */
function firstSentence(p) {
  const para = p.body.find((b) => b.type === 'paragraph' && b.text.length > 40);
  assert.ok(para, `${p.id} has a paragraph`);
  return para.text.split(/(?<=[.!?])\s/)[0].trim();
}

/** A promise the test resolves when it wants a held answer to go. */
function gate() {
  let release;
  const promise = new Promise((r) => { release = r; });
  return { promise, release };
}

/**
 * A loopback server: `/split.html` embeds the widget with `data-src` set to the split feed,
 * `/pkg/…` is the built bundle, and the two feed files answer what `answers[path]` says at the
 * time (by default the fixture): `{ status, body, type, delay, gate, drop }`. Every request to them is
 * logged with the time it came in and the time its answer was finished.
 */
async function startSplitServer() {
  const defaults = () => ({ [FEED_PATH]: { body: OFFERS_TEXT }, [BODIES_PATH]: { body: BODIES_TEXT } });
  const srv = { answers: defaults(), log: [], gates: [] };
  const types = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Offres en flux scindé</title></head><body><main><h1>Offres d’un partenaire</h1>
<script src="/pkg/vitrine.js" data-today="${DEMO_TODAY}" data-src="${FEED_PATH}" async></script></main></body></html>`;
  // Two widgets showing the same split feed.
  const two = page.replace('<script ', '<div id="one" data-vitrine></div><div id="two" data-vitrine></div>\n<script ');
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const headers = { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' };
    if (path === '/split.html' || path === '/split-two.html') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(path === '/split.html' ? page : two);
    } else if (/^\/pkg\/[\w.]+$/.test(path) && existsSync(join(ROOT, path))) {
      res.writeHead(200, { ...headers, 'Content-Type': types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' });
      createReadStream(join(ROOT, path)).pipe(res);
    } else if (srv.answers[path]) {
      const entry = { path, asked: performance.now(), done: null };
      srv.log.push(entry);
      const { status = 200, body, type = 'application/json', delay = 0, gate: held = null, drop = false } = srv.answers[path];
      if (delay) await new Promise((r) => setTimeout(r, delay));
      if (held) await held.promise;
      if (drop) {
        // The connection is cut without an answer: a network error for the page.
        req.socket.destroy();
        return;
      }
      if (res.destroyed) return;
      res.writeHead(status, { ...headers, 'Content-Type': type });
      res.end(body, () => { entry.done = performance.now(); });
    } else {
      res.writeHead(404, headers);
      res.end(`no ${path}`);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return Object.assign(srv, {
    origin: `http://127.0.0.1:${server.address().port}`,
    /** Back to the fixture answers, an empty log, and every held answer let go. */
    reset() {
      for (const g of srv.gates.splice(0)) g.release();
      srv.answers = defaults();
      srv.log = [];
    },
    /** Holds the answers to `path` until the returned gate is released. */
    hold(path) {
      const g = gate();
      srv.gates.push(g);
      srv.answers[path] = { ...srv.answers[path], gate: g };
      return g;
    },
    hits: (path) => srv.log.filter((e) => e.path === path),
    close() {
      for (const g of srv.gates.splice(0)) g.release();
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  });
}

describe('split feeds (vitrine pack)', { timeout: 120_000 }, () => {
  const env = useBrowser();
  let srv;
  before(async () => {
    srv = await startSplitServer();
    assert.equal(BODIES.bodies.length, all.length, 'the fixture holds one body per offer of data/postings.json');
    assert.equal(REFERENCE.href, 'offres.bodies.json');
    assert.ok(all.every((p) => isOpen(p)), `every seed offer is open on ${DEMO_TODAY}`);
  });
  beforeEach(() => srv.reset());
  afterEach(() => srv.reset());
  after(async () => { if (srv) await srv.close(); });

  /** Opens the split-feed page, collecting console warnings; returns `{ page, w, errors, warnings }`. */
  async function visit(options = {}) {
    const warnings = [];
    const { page, errors } = await env.open(`${srv.origin}/split.html`, {
      ...options,
      prepare: async (p) => {
        p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
        if (options.prepare) await options.prepare(p);
      },
    });
    const w = new Widget(page);
    await w.ready();
    await w.expectList(titles(all), countText(all.length));
    return { page, w, errors, warnings };
  }

  /** Opens the offer `p` by its title link; resolves once its heading shows. */
  async function openOffer(w, p) {
    await w.cardButton(p.title).click();
    await w.until(`the detail of "${p.title}" is open`, (root, t) => {
      const h = root.querySelector('article.detail [data-detail-heading]');
      return h && h.textContent.trim() === t;
    }, p.title);
  }

  /** Waits for the text of the open offer and checks it against the data. */
  async function expectBody(w, p) {
    await w.until(`the text of "${p.title}" is shown`, (root) => !!root.querySelector('article.detail div.body'));
    assert.equal(await w.detail.locator('p.body-note').count(), 0, `${p.id}: no note once the text is shown`);
    const shown = await w.detail.locator('div.body').evaluate(shownBodyIn);
    assert.deepEqual(shown, expectedBody(p), `${p.id}: the detail shows its own text, block by block`);
    // The ways to apply came in the same file, and show with the text.
    const apply = await w.detail.locator('section.apply').evaluate((s) => ({
      text: s.textContent.replace(/\s+/g, ' '),
      mails: [...s.querySelectorAll('a[href^="mailto:"]')].map((a) => decodeURIComponent(a.href.slice(7).split('?')[0])),
    }));
    assert.deepEqual(apply.mails, p.apply?.emails ?? [], `${p.id}: one e-mail button per address`);
    for (const part of [p.apply?.instructions, p.apply?.contact].filter(Boolean)) {
      assert.ok(apply.text.includes(part.replace(/\s+/g, ' ')), `${p.id}: the apply section shows «${part}»`);
    }
  }

  /** Waits until the open offer shows the note `text` (role status) instead of its text. */
  async function expectNote(w, text) {
    await w.until(`the note "${text}"`, (root, t) => {
      const n = root.querySelector('article.detail p.body-note[role="status"]');
      return n && n.textContent.trim() === t;
    }, text);
    assert.equal(await w.detail.locator('div.body').count(), 0, 'no text beside the note');
  }

  async function back(w) {
    // The upper of the two back buttons.
    await w.detail.locator('button.back').first().click();
    await w.expectList(titles(all), countText(all.length));
  }

  /** Resolves when Cache Storage `vitrine-feeds` holds a readable copy of every one of `urls`. */
  async function kept(page, urls) {
    await untilInPage(page, `Cache Storage vitrine-feeds holds ${JSON.stringify(urls)}`, async (want) => {
      const cache = await caches.open('vitrine-feeds');
      const answers = await Promise.all(want.map((u) => cache.match(u)));
      return answers.every((r) => r !== undefined);
    }, urls);
  }

  it('a: shows the list, then each offer with its own text from the bodies file; Back returns to the list', async () => {
    const { page, w } = await visit();
    // The list came from the offers file, which has no texts.
    assert.ok(!OFFERS_TEXT.includes('"body"'), 'the offers file carries no body');
    assert.ok(!OFFERS_TEXT.includes('"apply"'), 'nor the ways to apply');
    for (const p of all) {
      assert.ok(p.body.length > 0, `${p.id} has a text in the data`);
      await openOffer(w, p);
      await expectBody(w, p);
      assert.ok(new URL(page.url()).searchParams.get('offre') === p.id, `the address names ${p.id}: ${page.url()}`);
      await back(w);
    }
    assert.equal(srv.hits(BODIES_PATH).length, 1, 'the bodies file was fetched once for all the offers');
  });

  it('b: an offer opened while the bodies file is on its way says so, then shows the text', async () => {
    const held = srv.hold(BODIES_PATH);
    const { w } = await visit();
    const p = all.find((x) => x.body.some((b) => b.type === 'list'));
    await openOffer(w, p);
    await expectNote(w, LOADING);
    assert.equal(await w.detail.locator('section.apply').count(), 0, 'the ways to apply wait for the text too');
    // Still waiting a moment later: the note does not go away on its own.
    await new Promise((r) => setTimeout(r, 1500));
    await expectNote(w, LOADING);
    assert.equal(srv.hits(BODIES_PATH).length, 1, 'the bodies file was asked for while the note shows');
    held.release();
    await expectBody(w, p);
  });

  it('c: a word found only in one offer’s text finds it once the texts are indexed; a word found nowhere finds nothing', async () => {
    const held = srv.hold(BODIES_PATH);
    const { w } = await visit();
    const { facets } = await w.snapshot();
    const labels = facets.filter((f) => ['Type d’offre', 'Contrat', 'Pays', 'Thématique'].includes(f.legend))
      .flatMap((f) => f.values.map((v) => v.value));
    assert.ok(labels.includes('Emploi'), `facet labels read from the page: ${labels}`);
    const found = bodyOnlyWord(all, labels);
    assert.ok(found, 'some offer has a word of its own in its text alone');
    const { posting, word } = found;
    assert.deepEqual(titles(searchOracle(all, word)), [posting.title], `"${word}" is in "${posting.title}" only`);
    assert.deepEqual(titles(searchOracle(all.map((p) => ({ ...p, body: [] })), word)), [], `"${word}" is in no other field`);

    // Before the texts are in, the word finds nothing: only the text holds it.
    await w.search.fill(word);
    await w.expectCount(0, countText(0, all.length));
    held.release();
    // Once indexed, the same query (not typed again) finds the offer.
    await w.expectList([posting.title], countText(1, all.length));

    const nowhere = 'xylographique';
    assert.deepEqual(searchOracle(all, nowhere), [], `"${nowhere}" is in no offer`);
    assert.deepEqual(labelWordsHit(nowhere, labels), []);
    assert.ok(!BODIES.bodies.some((b) => fold(b).includes(fold(nowhere))), `"${nowhere}" is in no text`);
    await w.search.fill(nowhere);
    await w.expectCount(0, countText(0, all.length));
    // And the word of the text still works after that.
    await w.search.fill(word.toUpperCase());
    await w.expectList([posting.title], countText(1, all.length));
  });

  // The failing answers each test causes on purpose, as the harness records them.
  const expectedErrors = (status, paths) => paths.flatMap((path) => [
    new RegExp(`^HTTP ${status} for http://127\\.0\\.0\\.1:\\d+${path}$`),
    new RegExp(`^console\\.error: Failed to load resource: the server responded with a status of ${status} \\(`),
  ]);
  const unexpected = (errors, allowed) => errors.filter((e) => !allowed.some((re) => re.test(e)));

  for (const [what, answer, why] of [
    ['a bodies file that is not there (404)', { status: 404, body: 'Not Found', type: 'text/plain' }, /bodies file: HTTP 404/],
    ['a bodies file of another version (stamp)',
      { body: JSON.stringify({ ...BODIES, stamp: [...REFERENCE.stamp].reverse().join('') }) }, /different versions/],
    ['a bodies file whose texts were reordered under the same stamp',
      { body: JSON.stringify({ ...BODIES, bodies: [...BODIES.bodies].reverse() }) }, /not those its stamp names/],
    ['a bodies file with one body too few',
      { body: JSON.stringify({ ...BODIES, bodies: BODIES.bodies.slice(0, -1) }) }, new RegExp(`holds ${all.length - 1} bodies but the offers file expects ${all.length}`)],
  ]) {
    it(`d: ${what}: the list works, the detail says the text could not be had, the console says why`, async () => {
      srv.answers[BODIES_PATH] = answer;
      const { w, errors, warnings } = await visit({ ownErrors: true });
      const p = all[0];
      await openOffer(w, p);
      await expectNote(w, UNAVAILABLE);
      const url = `${srv.origin}${BODIES_PATH}`;
      const named = warnings.filter((m) => m.startsWith(`vitrine: feed ${url}`));
      assert.equal(named.length, 1, `one warning names the bodies file ${url}; warnings: ${JSON.stringify(warnings)}`);
      assert.match(named[0], why);
      assert.deepEqual(unexpected(errors, answer.status ? expectedErrors(answer.status, [BODIES_PATH]) : []), [],
        'no console error besides the failing answer itself');
      // The rest of the widget still works: back to the list, and a search by place.
      await back(w);
      const city = p.places[0].city;
      // Without texts, only the records' own fields are searched.
      const want = searchOracle(all.map((x) => ({ ...x, body: [] })), city);
      assert.ok(want.length >= 1 && want.length < all.length, `"${city}" finds some offers, not all`);
      await w.search.fill(city);
      await w.expectList(titles(want), countText(want.length, all.length));
    });
  }

  it('e: an offline second visit shows the list and the texts from the kept copies', async () => {
    const { page, w, errors } = await visit({ ownErrors: true });
    const feedUrl = `${srv.origin}${FEED_PATH}`;
    const bodiesUrl = `${srv.origin}${BODIES_PATH}`;
    await kept(page, [feedUrl, bodiesUrl]);
    const keptBodies = await page.evaluate(async (u) => (await (await caches.open('vitrine-feeds')).match(u)).text(), bodiesUrl);
    assert.equal(keptBodies, BODIES_TEXT, 'the kept bodies file is the one served');
    const p = all.find((x) => x.kind === 'stage') ?? all[1];

    // The server is down: both files answer 500.
    srv.answers[FEED_PATH] = { status: 500, body: 'Internal Server Error', type: 'text/plain' };
    srv.answers[BODIES_PATH] = { status: 500, body: 'Internal Server Error', type: 'text/plain' };
    await page.reload();
    await w.ready();
    await w.expectList(titles(all), countText(all.length));
    await w.until('the notice says the list could not be refreshed', (root, s) => root.querySelector('p.notice')?.textContent.includes(s), STALE);
    await openOffer(w, p);
    await expectBody(w, p);
    assert.equal(srv.hits(BODIES_PATH).length, 2, 'the bodies file was asked for again (and failed)');

    // The server cuts the connections of both files without a word; the page is reloaded with
    // the offer open (its address names it), so the text must come straight from the kept copy.
    srv.answers[FEED_PATH] = { drop: true };
    srv.answers[BODIES_PATH] = { drop: true };
    await page.reload();
    await w.ready();
    await w.until(`the detail of "${p.title}" is open from the address`, (root, t) => {
      const h = root.querySelector('article.detail [data-detail-heading]');
      return h && h.textContent.trim() === t;
    }, p.title);
    await expectBody(w, p);
    assert.equal(srv.hits(BODIES_PATH).length, 3, 'the bodies file was asked for again (and cut)');
    await back(w);
    await w.until('the notice says the list could not be refreshed', (root, s) => root.querySelector('p.notice')?.textContent.includes(s), STALE);

    // No network at all for the feed files (the page and bundle still load).
    await page.route(`${srv.origin}/feeds/**`, (route) => route.abort('internetdisconnected'));
    const asked = srv.log.length;
    await page.goto(`${srv.origin}/split.html`, { waitUntil: 'commit' });
    await w.ready();
    await w.expectList(titles(all), countText(all.length));
    await w.until('the notice says the list could not be refreshed', (root, s) => root.querySelector('p.notice')?.textContent.includes(s), STALE);
    await openOffer(w, p);
    await expectBody(w, p);
    assert.equal(srv.log.length, asked, 'nothing reached the server');
    const allowed = [
      ...expectedErrors(500, [FEED_PATH, BODIES_PATH]),
      /^request failed: http:\/\/127\.0\.0\.1:\d+\/feeds\/offres(\.bodies)?\.json \(net::ERR_INTERNET_DISCONNECTED\)$/,
      /^console\.error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/,
      /^request failed: http:\/\/127\.0\.0\.1:\d+\/feeds\/offres(\.bodies)?\.json \(net::ERR_EMPTY_RESPONSE\)$/,
      /^console\.error: Failed to load resource: net::ERR_EMPTY_RESPONSE$/,
      // The unread bodies of the 500 answers, cancelled when the page goes.
      /^request failed: http:\/\/127\.0\.0\.1:\d+\/feeds\/offres(\.bodies)?\.json \(net::ERR_ABORTED\)$/,
    ];
    assert.deepEqual(unexpected(errors, allowed), [], 'no error besides the failing answers themselves');
  });

  it('f: the JSON-LD of an open job offer gets its description from the text once loaded', async () => {
    const held = srv.hold(BODIES_PATH);
    const { page, w } = await visit();
    const p = all.find((x) => x.kind === 'emploi');
    const sentence = firstSentence(p);
    const descriptions = () => page.evaluate(() => [...document.head.querySelectorAll('script[type="application/ld+json"]')]
      .map((s) => JSON.parse(s.textContent).description ?? null));
    await openOffer(w, p);
    await expectNote(w, LOADING);
    assert.ok(!(await descriptions()).some((d) => d && d.includes(sentence)), 'no description from a text not yet loaded');
    held.release();
    await expectBody(w, p);
    await page.waitForFunction((s) => {
      const blocks = [...document.head.querySelectorAll('script[type="application/ld+json"]')];
      return blocks.length === 1 && (JSON.parse(blocks[0].textContent).description ?? '').includes(s);
    }, sentence, { timeout: 5000 }).catch(async () => {
      assert.fail(`JSON-LD descriptions ${JSON.stringify(await descriptions())} do not hold "${sentence}"`);
    });
    const [ld] = await page.evaluate(() => [...document.head.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)));
    assert.equal(ld['@type'], 'JobPosting');
    assert.equal(ld.title, p.title);
  });

  it('h: two widgets showing the same split feed ask for its texts once, and both show them', async () => {
    const held = srv.hold(BODIES_PATH);
    const { page } = await env.open(`${srv.origin}/split-two.html`);
    const [one, two] = [new Widget(page, '#one'), new Widget(page, '#two')];
    for (const w of [one, two]) {
      await w.ready();
      await w.expectList(titles(all), countText(all.length));
    }
    const [p, q] = [all[1], all[3]];
    await openOffer(two, q);
    await expectNote(two, LOADING);
    held.release();
    await expectBody(two, q);
    await openOffer(one, p);
    await expectBody(one, p);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(srv.hits(BODIES_PATH).length, 1, 'one request for the two widgets');
    for (const w of [one, two]) {
      await w.until('the texts are searchable', (root) => root.querySelector('.vitrine')?.dataset.texts === 'ready');
    }
  });

  it('g: the bodies file is asked for once per page load, after the feed has come', async () => {
    // A slow feed: were the bodies file asked for alongside it, it would come in before the feed is done.
    srv.answers[FEED_PATH] = { body: OFFERS_TEXT, delay: 700 };
    const { page, w } = await visit();
    const check = async (loads) => {
      const feeds = srv.hits(FEED_PATH);
      const bodies = srv.hits(BODIES_PATH);
      assert.equal(feeds.length, loads, `the feed was asked for once per load: ${feeds.length}`);
      assert.equal(bodies.length, loads, `the bodies file was asked for once per load: ${bodies.length}`);
      const last = bodies.at(-1);
      const feed = feeds.at(-1);
      assert.ok(feed.done !== null && last.asked > feed.done,
        `the bodies file was asked for ${Math.round(last.asked - (feed.done ?? 0))} ms after the feed had come (must be after)`);
    };
    // Let the texts come, use the widget a little, and wait: no second request.
    const p = all[2];
    await openOffer(w, p);
    await expectBody(w, p);
    await back(w);
    const city = p.places[0]?.city ?? all[0].places[0].city;
    const want = searchOracle(all, city);
    await w.search.fill(city);
    await w.expectList(titles(want), countText(want.length, all.length));
    await new Promise((r) => setTimeout(r, 1000));
    await check(1);
    await w.search.fill('');
    await w.expectList(titles(all), countText(all.length));
    // The second load shows the kept copy first, yet still waits for the fresh feed.
    await page.reload();
    await w.ready();
    await w.expectList(titles(all), countText(all.length));
    await openOffer(w, all[0]);
    await expectBody(w, all[0]);
    await new Promise((r) => setTimeout(r, 500));
    await check(2);
  });
});
