// The list and the text search on the main demo page (index.html, one widget, today = 2023-07-03).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  countText, DEMO_TODAY, isOpen, labelWordsHit, loadPostings, searchOracle, useBrowser, Widget,
} from './harness.mjs';

const postings = loadPostings();
const open = postings.filter((p) => isOpen(p));
const titles = (list) => list.map((p) => p.title);

describe('index.html: list and search', { timeout: 120_000 }, () => {
  const env = useBrowser();

  it('lists the five seeds with their titles and replaces the loading message', async () => {
    assert.equal(postings.length, 5, 'data/postings.json holds the five seeds');
    assert.equal(open.length, 5, 'all five seeds are open on the demo date');
    // Hold the wasm back until the loading message has been seen.
    let release;
    const held = new Promise((r) => { release = r; });
    const { page } = await env.open('index.html', {
      prepare: (p) => p.route('**/pkg/vitrine_core_bg.wasm', async (route) => { await held; await route.continue(); }),
    });
    assert.equal(await page.locator('script[src$="vitrine.js"]').getAttribute('data-today'), DEMO_TODAY,
      'the page judges deadlines on the date the expectations assume');
    const w = new Widget(page);
    await w.until('the loading message shows while the bundle loads',
      (root) => [...root.children].some((el) => el.matches('p[role="status"]') && el.textContent === 'Chargement des offres…'),
      null, 10_000);
    release();
    const state = await w.ready();
    assert.equal(state.message, null, 'the loading message is gone');
    assert.equal(await w.host.getByText('Chargement des offres…').count(), 0);
    await w.expectList(titles(open), countText(5));
    assert.equal(await w.cards.count(), 5);
    // Each card names its organization under the title.
    for (const p of open) {
      const card = w.card(p.title);
      assert.equal(await card.locator('.org').textContent(), p.organization, `organization on the card of "${p.title}"`);
    }
  });

  it('says so, politely, when the bundle cannot be fetched', async () => {
    const { page, errors } = await env.open('index.html', {
      ownErrors: true,
      prepare: (p) => p.route('**/pkg/vitrine_core_bg.wasm', (route) => route.abort('internetdisconnected')),
    });
    const w = new Widget(page);
    await w.until('an alert replaces the loading message', (root) => {
      const p = [...root.children].find((el) => el.matches('p[role="alert"]'));
      return p && /n’ont pas pu être chargées/.test(p.textContent);
    }, null, 10_000);
    assert.equal(await w.cards.count(), 0);
    assert.ok(errors.some((e) => /vitrine:/.test(e)), `the loader logs why: ${errors.join(' | ')}`);
  });

  it('narrows by typed words, folding case, accents and inclusive writing; clearing restores all', async () => {
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    const { facets } = await w.ready();
    // The oracle reads only the data's own words; make sure no query word could also match a
    // label the widget indexes (kind, contract, country, theme).
    const indexedLabels = facets.filter((f) => ['Type d’offre', 'Contrat', 'Pays', 'Thématique'].includes(f.legend))
      .flatMap((f) => f.values.map((v) => v.value));
    assert.ok(indexedLabels.includes('Belgique'), `facet labels read from the page: ${indexedLabels}`);

    const check = async (query) => {
      assert.deepEqual(labelWordsHit(query, indexedLabels), [], `query "${query}" is judged by the data alone`);
      const want = searchOracle(postings, query);
      await w.search.fill(query);
      await w.expectList(titles(want), countText(want.length, 5));
      return want;
    };

    const brussels = await check('bruxelles');
    assert.deepEqual(brussels.map((p) => p.places[0].city), ['Bruxelles'], 'exactly the Brussels offer');

    await w.search.fill('');
    await w.expectList(titles(open), countText(5));

    // No accent typed; the data writes "Télétravail".
    const remote = await check('teletravail');
    assert.ok(remote.length >= 1 && remote.length < 5, `"teletravail" finds some but not all: ${titles(remote)}`);
    assert.ok(remote.every((p) => /télétravail/i.test(JSON.stringify(p))), 'each hit spells it with accents');

    // Upper case, no accent, no inclusive-writing dot: finds "Chargé.e" and "Chargé·e" titles.
    const charged = await check('CHARGEE');
    const spellings = new Set(charged.map((p) => p.title.match(/Chargé(.)e/)?.[1]).filter(Boolean));
    assert.ok(spellings.has('.') && spellings.has('·'), `both "Chargé.e" and "Chargé·e" are found: ${titles(charged)}`);

    // Two words: both must match.
    const both = await check('chargée  Bruxelles');
    assert.deepEqual(titles(both), titles(brussels), 'only the Brussels offer has both words');

    // A word in no offer: the empty state, then "Réinitialiser les filtres" brings all back.
    await check('zzzquux');
    assert.equal((await w.snapshot()).empty, 'Aucune offre pour « zzzquux ».');
    await w.host.locator('.empty').getByRole('button', { name: 'Réinitialiser les filtres' }).click();
    await w.expectList(titles(open), countText(5));
    assert.equal(await w.search.inputValue(), '', 'reset clears the search box');

    // Typos are forgiven from 5 letters ("bruxeles"); a word of 4 letters must be right ("lyom").
    assert.deepEqual(titles(await check('bruxeles')), titles(brussels));
    assert.deepEqual(titles(await check('chargée bruxeles')), titles(brussels));
    await check('lyom');

    // No offer has both words: the list says so and proposes the nearest offers (any of the words).
    await w.search.fill('bruxelles xylophone');
    await w.expectList([], countText(0, 5));
    assert.equal((await w.snapshot()).empty, 'Aucune offre pour « bruxelles xylophone ».');
    await w.until('the nearest offers are proposed', (root, want) => {
      const intro = root.querySelector('.empty .nearest-intro');
      const near = [...root.querySelectorAll('.empty .nearest li.card .card-title > a')].map((a) => a.textContent.trim());
      return intro?.textContent === 'Offres proches :' && JSON.stringify(near) === JSON.stringify(want);
    }, titles(brussels));
    await w.host.locator('.empty .nearest li.card .card-title > a').click();
    await w.detail.locator('[data-detail-heading]').waitFor();
    assert.equal((await w.detail.locator('[data-detail-heading]').textContent()).trim(), brussels[0].title, 'a proposed offer opens');
    await w.detail.getByRole('button', { name: '← Retour aux offres' }).first().click();

    // The filters are what empties the list: the widget offers to clear them, and keeps the words.
    await w.search.fill('');
    await w.checkbox('Type d’offre', 'Stage').check();
    await w.search.fill('bruxelles');
    await w.expectList([], countText(0, 5));
    await w.until('clearing the filters is offered', (root) =>
      /sans eux, 1 offre correspond/.test(root.querySelector('.empty .without-filters')?.textContent ?? ''));
    await w.host.locator('.empty .without-filters').getByRole('button', { name: 'Effacer les filtres' }).click();
    await w.expectList(titles(brussels), countText(1, 5));
    assert.equal(await w.search.inputValue(), 'bruxelles', 'the words stay');

    // Escape in the search box clears it, as in a native search field.
    await w.search.fill('bruxelles');
    await w.expectList(titles(brussels), countText(1, 5));
    await w.search.press('Escape');
    await w.expectList(titles(open), countText(5));
    assert.equal(await w.search.inputValue(), '');
  });
});
