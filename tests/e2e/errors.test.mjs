// No uncaught exception, console error or failed request on any demo page while it is used.
// (Every other test file checks the same of its own pages in the harness's afterEach.) And a panic
// in the wasm stays inside the widget it happened in: the build aborts on panic (a wasm trap, at
// once with the size build's -Cpanic=immediate-abort), and the loader turns a trap while mounting
// into the widget's error message.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countText, useBrowser, Widget } from './harness.mjs';

/** Searches, filters, opens the first offer and comes back, in one widget. */
async function use(w) {
  const { cards } = await w.ready();
  assert.ok(cards.length > 0, 'the widget lists offers');
  await w.search.fill('a');
  await w.search.fill('');
  await w.expectCount(cards.length, countText(cards.length));
  if (await w.filtersToggle.isVisible()) await w.filtersToggle.click();
  const [first] = await w.facetValues('Ville');
  await w.checkbox('Ville', first.value).click();
  await w.expectCount(first.count, countText(first.count, cards.length));
  await w.cards.first().locator('.card-title > a').click();
  await w.detail.locator('[data-detail-heading]').waitFor();
  await w.page.keyboard.press('Escape');
  await w.expectCount(first.count, countText(first.count, cards.length));
}

describe('no errors on the demo pages', { timeout: 120_000 }, () => {
  const env = useBrowser();

  it('the collector does record page errors, console errors and 404s', async () => {
    const { page, errors } = await env.open('index.html', { ownErrors: true });
    const arrived = Promise.all([
      page.waitForEvent('pageerror'),
      page.waitForEvent('console', (m) => m.text() === 'probe: console'),
      page.waitForEvent('response', (r) => r.url().endsWith('/no-such-file.json')),
    ]);
    await page.evaluate(() => {
      console.error('probe: console');
      setTimeout(() => { throw new Error('probe: uncaught'); });
      return fetch('/no-such-file.json').then((r) => r.status);
    });
    await arrived;
    const joined = errors.join('\n');
    assert.match(joined, /probe: console/);
    assert.match(joined, /probe: uncaught/);
    assert.match(joined, /HTTP 404 .*no-such-file\.json/);
  });

  it('a panic while mounting: that widget shows its error message, the page and the other widget go on', async () => {
    // The widget takes today's date from the browser's clock unless data-today says it; a page whose
    // Date gives day 0 makes that a date that does not exist, and the widget panics on it
    // (src/embed/dom.rs, local_today). The second widget has its own data-today and never asks.
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Panique</title></head><body><main>
<button id="page-button" type="button">Bouton de la page</button>
<div data-vitrine id="clock"></div>
<div data-vitrine id="dated" data-today="2023-07-03"></div>
<script src="/pkg/vitrine.js" async></script>
</main></body></html>`;
    const { page, errors } = await env.open('panic.html', {
      ownErrors: true,
      prepare: async (p) => {
        await p.route('**/panic.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
        await p.addInitScript(() => { Date.prototype.getDate = function () { return 0; }; });
      },
    });
    const other = new Widget(page, '#dated');
    const { cards } = await other.ready();
    const failed = new Widget(page, '#clock');
    await failed.until('the loader shows its failure message', (root) => root.querySelector('p[role="alert"]')?.textContent.startsWith('Les offres n’ont pas pu être chargées'));
    assert.equal(await page.evaluate(() => window.vitrine.widgets.map((h) => h.id).join()), 'dated', 'only the dated widget mounted');
    // The page's own scripts still run, and the other widget still answers.
    await page.evaluate(() => document.getElementById('page-button').addEventListener('click', (e) => { e.target.textContent = 'cliqué'; }));
    await page.locator('#page-button').click();
    assert.equal(await page.locator('#page-button').textContent(), 'cliqué');
    await other.search.fill('zzzz-aucune');
    await other.expectCount(0, countText(0, cards.length));
    // The trap reached the loader's catch: one console error naming it, nothing uncaught.
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /^console\.error: vitrine: RuntimeError: unreachable/);
  });

  for (const [path, hosts] of [
    ['index.html', ['[data-vitrine-mounted]']],
    ['examples/cross-origin.html', ['[data-vitrine-mounted]']],
    ['examples/two-widgets.html', ['#emplois', '#autres']],
  ]) {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 320, height: 640 }]) {
      it(`${path} at ${viewport.width}px: no page error, console error or failed request`, async () => {
        const { page, errors } = await env.open(path, viewport);
        for (const sel of hosts) await use(new Widget(page, sel));
        assert.deepEqual(errors, []);
      });
    }
  }
});
