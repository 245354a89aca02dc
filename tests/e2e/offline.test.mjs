// Offline use of the main demo page: once the list is there, everything the visitor does (search,
// filters, detail, saved offers) happens without one network request; and with the service worker
// the page, the bundle and its offers come back on a reload with no network at all.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countText, isOpen, LOAD_TIMEOUT, loadPostings, searchOracle, STEP_TIMEOUT, useBrowser, Widget } from './harness.mjs';

const postings = loadPostings().filter((p) => isOpen(p));
const titles = (list) => list.map((p) => p.title);

/** Waits (bounded) until the page's service worker is active: installed, its files downloaded. */
async function workerReady(page) {
  await page.evaluate(() => { navigator.serviceWorker.ready.then(() => { window.__vitrineTestWorkerReady = true; }); });
  const ok = await page.waitForFunction(() => window.__vitrineTestWorkerReady === true, null, { timeout: LOAD_TIMEOUT })
    .then(() => true, () => false);
  assert.ok(ok, `the service worker is active within ${LOAD_TIMEOUT} ms`);
}

/** Whether the service worker controls the page (it claims open pages when it activates). */
async function controlled(page) {
  await workerReady(page);
  return page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: STEP_TIMEOUT })
    .then(() => true, () => false);
}

describe('index.html: offline', { timeout: 120_000 }, () => {
  const env = useBrowser();

  it('after the first load, searching, filtering, details and saved offers make no request', async () => {
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    await w.ready();
    await w.expectList(titles(postings), countText(postings.length));
    // The page registers its worker; let it finish installing so its own downloads are over.
    await workerReady(page);

    const context = page.context();
    const after = [];
    context.on('request', (r) => after.push(`${r.method()} ${r.url()}`));
    await context.setOffline(true);
    await context.route('**', (route) => route.abort('internetdisconnected'));

    const query = 'recherche';
    const hits = searchOracle(postings, query);
    assert.ok(hits.length >= 2 && hits.length < postings.length, `"${query}" narrows the list: ${titles(hits)}`);
    await w.search.pressSequentially(query);
    await w.expectList(titles(hits), countText(hits.length, postings.length));

    const jobs = hits.filter((p) => p.kind === 'emploi');
    assert.ok(jobs.length >= 1 && jobs.length < hits.length, 'Emploi narrows the hits further');
    await w.checkbox('Type d’offre', 'Emploi').click();
    await w.expectList(titles(jobs), countText(jobs.length, postings.length));

    const offer = jobs[0];
    await w.cardButton(offer.title).click();
    await w.untilFocus('the detail heading focused', (el, _r, t) => el.matches('article.detail [data-detail-heading]') && el.textContent.trim() === t, offer.title);
    const star = w.detail.locator('button.star');
    await star.click();
    await w.until('the detail star pressed', (root) => root.querySelector('article.detail button.star')?.getAttribute('aria-pressed') === 'true');
    await page.keyboard.press('Escape');
    await w.expectList(titles(jobs), countText(jobs.length, postings.length));

    await w.host.locator('button.mine').click();
    await w.expectList([offer.title], countText(1, postings.length));
    await w.host.locator('button.mine').click();
    await w.search.fill('');
    await w.checkbox('Type d’offre', 'Emploi').click();
    await w.expectList(titles(postings), countText(postings.length));

    assert.deepEqual(after, [], 'no request once the page is loaded');
  });

  it('with the service worker, a reload with no network shows the five offers', async () => {
    const { page, requests } = await env.open('index.html');
    const w = new Widget(page);
    await w.ready();
    assert.equal(await page.locator('script[data-service-worker]').getAttribute('data-service-worker'), 'sw.js');
    if (!(await controlled(page))) {
      // The worker claims open pages when it activates; a reload makes sure of it.
      await page.reload();
      await w.ready();
      assert.ok(await controlled(page), 'the service worker controls the page after a reload');
    }
    const script = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
    assert.equal(new URL(script).pathname, '/sw.js');

    const context = page.context();
    await context.setOffline(true);
    // Anything that still tried the network would fail here rather than be answered.
    await context.route('**', (route) => route.abort('internetdisconnected'));
    requests.length = 0;
    const document = await page.reload();
    assert.ok(document, 'the reload got a document');
    assert.equal(document.status(), 200);
    assert.ok(document.fromServiceWorker(), 'the page came from the service worker');
    await w.ready();
    await w.expectList(titles(postings), countText(postings.length));
    assert.ok(requests.some((u) => u.endsWith('/pkg/vitrine_core_bg.wasm')), `the bundle was asked for: ${requests.join(', ')}`);
    // The offers work offline too.
    await w.cardButton(postings[0].title).click();
    await w.untilFocus('the detail heading focused', (el) => el.matches('article.detail [data-detail-heading]'));
  });
});
