// No uncaught exception, console error or failed request on any demo page while it is used.
// (Every other test file checks the same of its own pages in the harness's afterEach.)

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
