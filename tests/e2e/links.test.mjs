// Links to offers and searches: the widget keeps its state in the page URL (`?offre=`, `q=`,
// `pays=`…) next to the host page's own parameters and hash, uses history for opening and closing
// offers only, restores everything from a loaded link, keeps two widgets' parameters apart, and
// copies an offer's link with "Partager".

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countText, isOpen, loadPostings, searchOracle, STEP_TIMEOUT, useBrowser, Widget } from './harness.mjs';

const postings = loadPostings().filter((p) => isOpen(p));
const titles = (list) => list.map((p) => p.title);
const brussels = postings.find((p) => p.places.some((pl) => pl.city === 'Bruxelles'));
const stage = postings.find((p) => p.kind === 'stage');

/** Waits until the page URL (path, search and hash) is `want`; fails showing the URL it has. */
async function expectUrl(page, want, what) {
  const ok = await page.waitForFunction((w) => location.pathname + location.search + location.hash === w, want, { timeout: STEP_TIMEOUT })
    .then(() => true, () => false);
  const got = await page.evaluate(() => location.pathname + location.search + location.hash);
  assert.ok(ok, `${what}: the URL should be ${want}, it is ${got}`);
}

const historyLength = (page) => page.evaluate(() => history.length);

/** Waits for the detail heading to read `title`. */
async function expectDetail(w, title) {
  await w.until(`the detail of "${title}" is open`, (root, t) => {
    const h = root.querySelector('article.detail [data-detail-heading]');
    return !!h && h.textContent.trim() === t && !root.querySelector('.layout').checkVisibility();
  }, title);
}

async function expectNoDetail(w) {
  await w.until('no detail open, the list visible', (root) => !root.querySelector('article.detail') && root.querySelector('.layout').checkVisibility());
}

describe('links and history', { timeout: 120_000 }, () => {
  const env = useBrowser();

  it('a card title is a link to its offer; opening pushes ?offre= (host parameters and hash kept); Back and Forward', async () => {
    const { page, url } = await env.open('index.html?ref=newsletter#top');
    const origin = new URL(url).origin;
    const w = new Widget(page);
    await w.ready();
    await w.expectList(titles(postings), countText(postings.length));

    // Every title is an <a href> to the page with that offer open.
    const links = await w.cards.locator('.card-title > a').evaluateAll((as) => as.map((a) => ({ text: a.textContent.trim(), href: a.getAttribute('href') })));
    assert.equal(links.length, postings.length);
    for (const p of postings) {
      const link = links.find((l) => l.text === p.title);
      assert.ok(link, `a card for "${p.title}"`);
      assert.equal(link.href, `${origin}/index.html?ref=newsletter&offre=${encodeURIComponent(p.id)}#top`, `href of "${p.title}"`);
    }

    const before = await historyLength(page);
    await w.cardButton(brussels.title).click();
    await expectDetail(w, brussels.title);
    const offerUrl = `/index.html?ref=newsletter&offre=${brussels.id}#top`;
    await expectUrl(page, offerUrl, 'after opening the offer');
    assert.equal(await historyLength(page), before + 1, 'opening an offer adds one history entry');

    await page.goBack();
    await expectNoDetail(w);
    await w.expectList(titles(postings), countText(postings.length));
    await expectUrl(page, '/index.html?ref=newsletter#top', 'after Back');

    await page.goForward();
    await expectDetail(w, brussels.title);
    await expectUrl(page, offerUrl, 'after Forward');

    // Closing with the button takes ?offre= out again.
    await w.detail.getByRole('button', { name: '← Retour aux offres' }).first().click();
    await expectNoDetail(w);
    await expectUrl(page, '/index.html?ref=newsletter#top', 'after "Retour aux offres"');
  });

  it('a link to an offer opens it directly, in a fresh tab; an unknown id says the offer is gone', async () => {
    const { page } = await env.open(`index.html?ref=newsletter&offre=${brussels.id}#top`);
    const w = new Widget(page);
    await w.ready();
    await expectDetail(w, brussels.title);
    // Closing it leaves the host's parameters and hash.
    await w.detail.getByRole('button', { name: '← Retour aux offres' }).first().click();
    await w.expectList(titles(postings), countText(postings.length));
    await expectUrl(page, '/index.html?ref=newsletter#top', 'after closing a linked offer');

    const gone = await env.open('index.html?offre=ancienne-offre');
    const g = new Widget(gone.page);
    await g.ready();
    await expectDetail(g, 'Cette offre n’est plus disponible');
    await g.detail.getByRole('button', { name: '← Voir les offres' }).click();
    await g.expectList(titles(postings), countText(postings.length));
    await expectUrl(gone.page, '/index.html', 'after leaving the unknown offer');
  });

  it('typing and ticking filters write q= and pays= in place (no history entry); loading that URL restores them', async () => {
    const { page } = await env.open('index.html?ref=newsletter#top');
    const w = new Widget(page);
    await w.ready();
    const before = await historyLength(page);
    const query = 'recherche';
    await w.search.pressSequentially(query);
    const hits = searchOracle(postings, query);
    await w.expectList(titles(hits), countText(hits.length, postings.length));
    await expectUrl(page, `/index.html?ref=newsletter&q=${query}#top`, 'after typing');
    await w.checkbox('Pays', 'Belgique').click();
    const belgian = hits.filter((p) => p.places.some((pl) => pl.country === 'BE'));
    assert.ok(belgian.length >= 1 && belgian.length < hits.length, 'Belgique narrows the hits');
    await w.expectList(titles(belgian), countText(belgian.length, postings.length));
    const withFilter = `/index.html?ref=newsletter&q=${query}&pays=BE#top`;
    await expectUrl(page, withFilter, 'after ticking Belgique');
    assert.equal(await historyLength(page), before, 'typing and filtering add no history entry');

    // The same link, in a fresh tab.
    const again = await env.open(withFilter.slice(1));
    const w2 = new Widget(again.page);
    await w2.ready();
    await w2.expectList(titles(belgian), countText(belgian.length, postings.length));
    assert.equal(await w2.search.inputValue(), query, 'the search box holds the query');
    assert.equal(await w2.checkbox('Pays', 'Belgique').isChecked(), true, 'Belgique is ticked');
    assert.equal(await w2.checkbox('Pays', 'France').isChecked(), false, 'France is not');
    await expectUrl(again.page, withFilter, 'a restored URL is left as it was');

    // Clearing everything takes the widget's parameters out, the host's stay.
    await w2.search.fill('');
    await w2.checkbox('Pays', 'Belgique').click();
    await w2.expectList(titles(postings), countText(postings.length));
    await expectUrl(again.page, '/index.html?ref=newsletter#top', 'after clearing');
  });

  it('two widgets: the second one\'s parameters carry its host id; each restores only its own state', async () => {
    assert.ok(stage, 'the seeds hold a stage');
    const { page } = await env.open('examples/two-widgets.html');
    const jobs = new Widget(page, '#emplois');
    const others = new Widget(page, '#autres');
    await Promise.all([jobs.ready(), others.ready()]);
    const jobPostings = postings.filter((p) => p.kind === 'emploi');
    const otherPostings = postings.filter((p) => p.kind === 'stage' || p.kind === 'projet');

    const query = 'bruxelles';
    const jobHits = searchOracle(jobPostings, query);
    await jobs.search.fill(query);
    await jobs.expectList(titles(jobHits), countText(jobHits.length, jobPostings.length));
    await expectUrl(page, `/examples/two-widgets.html?q=${query}`, 'the first widget uses plain names');

    await others.cardButton(stage.title).click();
    await expectDetail(others, stage.title);
    const both = `/examples/two-widgets.html?q=${query}&autres-offre=${stage.id}`;
    await expectUrl(page, both, 'the second widget prefixes its parameters with its host id');
    assert.equal(await jobs.detail.count(), 0, 'the first widget opened nothing');

    // Back closes the second widget's offer; the first keeps its search.
    await page.goBack();
    await expectNoDetail(others);
    await expectUrl(page, `/examples/two-widgets.html?q=${query}`, 'after Back');
    await jobs.expectList(titles(jobHits), countText(jobHits.length, jobPostings.length));
    assert.equal(await jobs.search.inputValue(), query);

    // The link with both states, in a fresh tab: each widget takes its own.
    const again = await env.open(both.slice(1));
    const j2 = new Widget(again.page, '#emplois');
    const o2 = new Widget(again.page, '#autres');
    await Promise.all([j2.ready(), o2.ready()]);
    await expectDetail(o2, stage.title);
    await j2.expectList(titles(jobHits), countText(jobHits.length, jobPostings.length));
    assert.equal(await j2.search.inputValue(), query);
    assert.equal(await j2.detail.count(), 0, 'the first widget has no offer open');
    await o2.detail.getByRole('button', { name: '← Retour aux offres' }).first().click();
    await o2.expectList(titles(otherPostings), countText(otherPostings.length));
    assert.equal(await o2.search.inputValue(), '', 'the second widget did not take the first one\'s query');
    await expectUrl(again.page, `/examples/two-widgets.html?q=${query}`, 'after closing the second widget\'s offer');
  });

  it('"Partager" copies the offer\'s link to the clipboard and says so', async () => {
    const { page, url } = await env.open('index.html?ref=newsletter#top');
    const origin = new URL(url).origin;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const w = new Widget(page);
    await w.ready();
    assert.equal(await page.evaluate(() => 'share' in navigator), false,
      'this browser has no Web Share API, so the clipboard path is the one tested');
    await w.cardButton(brussels.title).click();
    await expectDetail(w, brussels.title);
    const note = w.detail.locator('.share-note');
    assert.equal((await note.textContent()).trim(), '', 'nothing said before sharing');
    await w.detail.getByRole('button', { name: 'Partager' }).click();
    await w.until('the share note says the link was copied', (root) =>
      root.querySelector('article.detail .share-note')?.textContent.trim() === 'Lien copié dans le presse-papiers.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `${origin}/index.html?ref=newsletter&offre=${brussels.id}#top`);
    assert.equal(copied, page.url(), 'the copied link is the page URL of the open offer');
  });
});
