// The detail view: what it shows of the Brussels offer, where focus goes, and that "back" returns
// to the list exactly as it was (query, filters, scroll position, focus on the offer's title).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countText, isOpen, loadPostings, searchOracle, useBrowser, Widget } from './harness.mjs';

const postings = loadPostings().filter((p) => isOpen(p));
const brussels = postings.find((p) => p.places.some((pl) => pl.city === 'Bruxelles'));

/** Scrolls the page so the card sits at the bottom of the screen; returns the page and card positions. */
async function scrollToCard(page, w, title) {
  await w.card(title).evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.waitForFunction(() => window.scrollY > 0);
  const at = await position(page, w, title);
  assert.ok(at.scrollY > 100, `the page scrolled down (scrollY = ${at.scrollY})`);
  return at;
}

async function position(page, w, title) {
  const cardTop = await w.card(title).evaluate((el) => el.getBoundingClientRect().top);
  return { scrollY: await page.evaluate(() => window.scrollY), cardTop: Math.round(cardTop) };
}

/**
 * After "back": focus on the card's title, the page at the same scroll position and the card at the
 * same place on screen. Reports every difference at once, with `extra` problems found by the caller.
 */
async function expectRestored(page, w, title, before, extra = []) {
  const problems = extra.filter(Boolean);
  try {
    await w.untilFocus(`focus back on the card title "${title}"`,
      (el, _root, t) => el.matches('li.card .card-title > a') && el.textContent.trim() === t, title);
  } catch (e) {
    problems.push(e.message.split('\n')[0]);
  }
  const ok = await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 2, before.scrollY, { timeout: 3000 })
    .then(() => true, () => false);
  const after = await position(page, w, title);
  if (!ok) problems.push(`scroll position not restored: scrollY was ${before.scrollY}, is ${after.scrollY}`);
  if (Math.abs(after.cardTop - before.cardTop) > 2) {
    problems.push(`the card moved on screen: its top was at ${before.cardTop}px, is at ${after.cardTop}px`);
  }
  assert.deepEqual(problems, [], 'the list is not as the visitor left it');
}

describe('index.html: detail view', { timeout: 120_000 }, () => {
  const env = useBrowser();

  it('shows the Brussels offer: title, focus, deadline, e-mail; back restores query, scroll and focus', async () => {
    assert.ok(brussels, 'the seeds hold an offer in Bruxelles');
    assert.equal(brussels.deadline, '2024-01-10');
    assert.ok(brussels.apply.emails.includes('recrutement@ilot.be'));

    // A small phone, so the list is longer than the screen and the page must scroll.
    const { page } = await env.open('index.html', { width: 360, height: 640 });
    const w = new Widget(page);
    await w.ready();
    const query = 'recherche';
    const matching = searchOracle(postings, query);
    assert.ok(matching.length >= 3 && matching.includes(brussels), `"${query}" keeps Brussels and others`);
    await w.search.fill(query);
    const status = countText(matching.length, postings.length);
    await w.expectList(matching.map((p) => p.title), status);
    const before = await scrollToCard(page, w, brussels.title);

    await w.cardButton(brussels.title).click();
    const heading = w.detail.locator('[data-detail-heading]');
    await heading.waitFor();
    assert.equal((await heading.textContent()).trim(), brussels.title, 'the heading is the offer title');
    await w.untilFocus('focus on the detail heading', (el) => el.matches('article.detail [data-detail-heading]'));
    assert.equal(await w.cards.filter({ visible: true }).count(), 0, 'the list gives way to the detail (kept hidden)');
    const headingTop = await heading.evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(headingTop >= 0 && headingTop < 640, `the heading is on screen (top = ${headingTop})`);

    // Facts: the deadline in French, the organization, the place.
    const deadline = w.detail.locator('dl .field').filter({ has: page.locator('dt', { hasText: 'Date limite de candidature' }) });
    assert.match(await deadline.locator('dd').textContent(), /^10 janvier 2024\b/);
    assert.equal((await w.detail.locator('p.org').textContent()).trim(), brussels.organization);
    assert.match(await w.detail.locator('dl').textContent(), /Bruxelles/);

    // Applying: a mailto link to the address from the data, the subject naming the offer.
    const mail = w.detail.locator('section.apply a.button[href^="mailto:"]');
    assert.equal(await mail.count(), brussels.apply.emails.length);
    const href = await mail.first().getAttribute('href');
    assert.ok(href.startsWith('mailto:recrutement@ilot.be?subject='), href);
    assert.equal(decodeURIComponent(href.split('subject=')[1]), `Candidature : ${brussels.title}`);
    assert.match(await w.detail.locator('section.apply').textContent(), /recrutement@ilot\.be/);

    await w.detail.getByRole('button', { name: '← Retour aux offres' }).first().click();
    await w.expectList(matching.map((p) => p.title), status);
    assert.equal(await w.search.inputValue(), query, 'the query is kept');
    await expectRestored(page, w, brussels.title, before);
  });

  it('on a phone, back keeps the opened filter panel, its choices and the scroll position', async () => {
    const { page } = await env.open('index.html', { width: 360, height: 640 });
    const w = new Widget(page);
    await w.ready();
    // A query and a filter (chosen in the collapsible panel) that keep several offers, Brussels among them.
    const query = 'recherche';
    const matching = searchOracle(postings, query).filter((p) => p.kind === 'emploi');
    assert.ok(matching.length >= 2 && matching.includes(brussels), `"${query}" + Emploi keeps Brussels and others`);
    await w.search.fill(query);
    await w.filtersToggle.click();
    await w.checkbox('Type d’offre', 'Emploi').click();
    const status = countText(matching.length, postings.length);
    await w.expectList(matching.map((p) => p.title), status);
    const before = await scrollToCard(page, w, brussels.title);

    await w.cardButton(brussels.title).click();
    await w.untilFocus('focus on the detail heading', (el) => el.matches('article.detail [data-detail-heading]'));
    await w.detail.getByRole('button', { name: '← Retour aux offres' }).first().click();
    await w.expectList(matching.map((p) => p.title), status);

    const after = await w.snapshot();
    const emploi = after.facets.find((f) => f.legend === 'Type d’offre').values.find((v) => v.value === 'Emploi');
    assert.equal(emploi.checked, true, 'the filter is still chosen');
    assert.equal(after.query, query, 'the query is kept');
    await expectRestored(page, w, brussels.title, before, [
      after.filtersExpanded === 'true' ? null
        : 'the "Filtres" panel the visitor had opened is collapsed again after "Retour aux offres"',
    ]);
  });

  it('closes with Escape and with the lower back button', async () => {
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    await w.ready();
    for (const p of postings) {
      await w.cardButton(p.title).click();
      await w.untilFocus(`focus on the heading of "${p.title}"`, (el, _r, t) => el.matches('article.detail [data-detail-heading]') && el.textContent.trim() === t, p.title);
      await page.keyboard.press('Escape');
      await w.expectCount(postings.length, countText(postings.length));
      await w.untilFocus(`focus back on the card "${p.title}"`, (el, _r, t) => el.matches('li.card .card-title > a') && el.textContent.trim() === t, p.title);
    }
    await w.cardButton(postings[0].title).click();
    await w.detail.getByRole('button', { name: '← Retour aux offres' }).last().click();
    await w.expectCount(postings.length, countText(postings.length));
  });
});
