// Embedding: the bundle served from another origin, and two independent widgets on one page.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countText, isOpen, loadPostings, searchOracle, useBrowser, Widget } from './harness.mjs';

const postings = loadPostings().filter((p) => isOpen(p));
const titles = (list) => list.map((p) => p.title);

describe('embedding', { timeout: 120_000 }, () => {
  const env = useBrowser();

  it('cross-origin.html: loader, module and wasm come from the asset origin; five offers listed', async () => {
    const { page, requests, url } = await env.open('examples/cross-origin.html');
    const pageOrigin = new URL(url).origin;
    const assetOrigin = new URL(env.server.assets).origin;
    assert.notEqual(pageOrigin, assetOrigin);
    const w = new Widget(page);
    await w.ready();
    await w.expectList(titles(postings), countText(postings.length));

    for (const file of ['vitrine.js', 'vitrine_core.js', 'vitrine_core_bg.wasm']) {
      const hits = requests.filter((r) => new URL(r).pathname === `/pkg/${file}`);
      assert.ok(hits.length >= 1, `${file} was requested (requests: ${requests.join(', ')})`);
      for (const r of hits) {
        assert.equal(new URL(r).origin, assetOrigin, `${file} loaded from the asset origin, not the page's (${pageOrigin})`);
      }
    }
    // The page's own <script> tag points at the other origin.
    const src = await page.locator('script[src$="vitrine.js"]').getAttribute('src');
    assert.equal(new URL(src, url).origin, assetOrigin);

    // It works there too: search and detail.
    await w.search.fill('bruxelles');
    const hits = searchOracle(postings, 'bruxelles');
    await w.expectList(titles(hits), countText(hits.length, postings.length));
    await w.cardButton(hits[0].title).click();
    await w.untilFocus('detail heading focused', (el) => el.matches('article.detail [data-detail-heading]'));
  });

  it('two-widgets.html: each widget keeps to its preset and its own search', async () => {
    const { page } = await env.open('examples/two-widgets.html');
    const jobs = new Widget(page, '#emplois');
    const others = new Widget(page, '#autres');
    await Promise.all([jobs.ready(), others.ready()]);

    const jobPostings = postings.filter((p) => p.kind === 'emploi');
    const otherPostings = postings.filter((p) => p.kind === 'stage' || p.kind === 'projet');
    assert.ok(jobPostings.length > 0 && otherPostings.length > 0);
    // The preset narrows the catalogue itself: counts are not "filtered" ones.
    await jobs.expectList(titles(jobPostings), countText(jobPostings.length));
    await others.expectList(titles(otherPostings), countText(otherPostings.length));
    const kinds = async (w) => (await w.facetValues('Type d’offre')).map((v) => v.value).sort();
    assert.deepEqual(await kinds(jobs), ['Emploi']);
    assert.deepEqual(await kinds(others), ['Projet', 'Stage']);

    // Typing in one widget leaves the other alone.
    const query = 'bruxelles';
    const jobHits = searchOracle(jobPostings, query);
    assert.ok(jobHits.length >= 1 && jobHits.length < jobPostings.length, `"${query}" narrows the jobs: ${titles(jobHits)}`);
    await jobs.search.fill(query);
    await jobs.expectList(titles(jobHits), countText(jobHits.length, jobPostings.length));
    await others.expectList(titles(otherPostings), countText(otherPostings.length));
    assert.equal(await others.search.inputValue(), '');

    // And the other way round, while the first keeps its query.
    const otherQuery = 'référentiel';
    const otherHits = searchOracle(otherPostings, otherQuery);
    assert.ok(otherHits.length >= 1 && otherHits.length < otherPostings.length, `"${otherQuery}" narrows the others`);
    await others.search.fill(otherQuery);
    await others.expectList(titles(otherHits), countText(otherHits.length, otherPostings.length));
    await jobs.expectList(titles(jobHits), countText(jobHits.length, jobPostings.length));
    assert.equal(await jobs.search.inputValue(), query);

    // Opening an offer in one does not open anything in the other.
    await jobs.cardButton(jobHits[0].title).click();
    await jobs.untilFocus('detail heading focused in the first widget', (el, root) => el.matches('article.detail [data-detail-heading]') && el.getRootNode() === root);
    assert.equal(await others.detail.count(), 0);
    await others.expectList(titles(otherHits), countText(otherHits.length, otherPostings.length));
  });

  it('old-theme.html: page rules for div and for any child do not move the host the loader makes', async () => {
    const { page } = await env.open('examples/old-theme.html');
    const w = new Widget(page);
    await w.ready();
    const m = await page.evaluate(() => {
      const host = document.querySelector('[data-vitrine-mounted]');
      const section = document.querySelector('#offres');
      const style = getComputedStyle(host);
      return {
        tag: host.localName,
        after: host.previousElementSibling?.localName,
        width: host.getBoundingClientRect().width,
        container: section.clientWidth,
        box: [style.display, style.marginTop, style.marginLeft, style.paddingLeft, style.borderLeftWidth],
      };
    });
    assert.equal(m.tag, 'vitrine-offres', 'a custom element, which rules for common tags do not match');
    assert.equal(m.after, 'script', 'right after its script tag');
    assert.equal(m.width, m.container, `the widget is as wide as its container (${m.width} vs ${m.container})`);
    assert.deepEqual(m.box, ['block', '0px', '0px', '0px', '0px']);
    // A host the page placed itself stays the page's to style.
    const placed = await env.open('examples/blank.html', {
      prepare: (p) => p.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
        const s = document.createElement('style');
        s.textContent = 'div[data-vitrine] { margin: 10px; padding: 7px; }';
        document.head.append(s);
      })),
    });
    await new Widget(placed.page).ready();
    const own = await placed.page.evaluate(() => {
      const s = getComputedStyle(document.querySelector('[data-vitrine-mounted]'));
      return [s.marginTop, s.paddingLeft];
    });
    assert.deepEqual(own, ['10px', '7px'], 'the partner\'s own <div data-vitrine> keeps the partner\'s rules');
  });
});
