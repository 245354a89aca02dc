// Saved offers ("Mes offres"): the star on cards and in the detail, the "Mes offres" view, their
// survival across reloads in localStorage, and saved offers that left the data.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countText, isOpen, loadPostings, useBrowser, Widget } from './harness.mjs';

const postings = loadPostings().filter((p) => isOpen(p));
const titles = (list) => list.map((p) => p.title);
const KEY = 'vitrine:favoris';

/** The saved offers' ids as stored, in order. */
async function storedIds(page) {
  const text = await page.evaluate((k) => localStorage.getItem(k), KEY);
  assert.ok(text, `localStorage holds "${KEY}"`);
  return JSON.parse(text).saved.map((s) => s.id);
}

/** Waits until the "Mes offres" button reads `n` and is pressed (or not). */
async function expectMine(w, n, pressed) {
  await w.until(`"Mes offres (${n})", aria-pressed=${pressed}`, (root, { n, pressed }) => {
    const b = root.querySelector('button.mine');
    return !!b && b.textContent.replace(/\s+/g, ' ').trim() === `★ Mes offres (${n})` && b.getAttribute('aria-pressed') === String(pressed);
  }, { n, pressed });
}

/** Waits until the star of the card titled `title` has aria-pressed = `pressed`. */
async function expectCardStar(w, title, pressed) {
  await w.until(`star of "${title}" aria-pressed=${pressed}`, (root, { title, pressed }) => {
    const card = [...root.querySelectorAll('ul.cards > li.card')].find((li) => li.querySelector('.card-title > a')?.textContent.trim() === title);
    return card?.querySelector('button.star')?.getAttribute('aria-pressed') === String(pressed);
  }, { title, pressed });
}

describe('index.html: saved offers', { timeout: 120_000 }, () => {
  const env = useBrowser();

  it('stars on a card and in the detail, "Mes offres" shows only them, and they survive a reload', async () => {
    const [first, second] = postings;
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    await w.ready();
    await expectMine(w, 0, false);
    for (const p of postings) await expectCardStar(w, p.title, false);

    // "Mes offres" with nothing saved says how to save.
    await w.host.locator('button.mine').click();
    await expectMine(w, 0, true);
    await w.until('the empty "mes offres" hint', (root) => root.querySelector('.empty-title')?.textContent.includes('utilisez l’étoile'));
    await w.host.locator('button.mine').click();
    await w.expectList(titles(postings), countText(postings.length));

    // On a card.
    const star = w.card(first.title).locator('button.star');
    assert.equal(await star.getAttribute('aria-label'), `Sauvegarder « ${first.title} » dans mes offres`);
    await star.click();
    await expectCardStar(w, first.title, true);
    assert.equal(await star.getAttribute('aria-label'), `Retirer « ${first.title} » de mes offres`);
    await expectMine(w, 1, false);
    assert.deepEqual(await storedIds(page), [first.id]);

    // In the detail.
    await w.cardButton(second.title).click();
    const detailStar = w.detail.locator('button.star');
    await detailStar.waitFor();
    assert.equal(await detailStar.getAttribute('aria-pressed'), 'false');
    await detailStar.click();
    await w.until('the detail star pressed', (root) => root.querySelector('article.detail button.star')?.getAttribute('aria-pressed') === 'true');
    assert.deepEqual(await storedIds(page), [first.id, second.id]);
    await page.keyboard.press('Escape');
    await expectCardStar(w, second.title, true);
    await expectMine(w, 2, false);

    await w.host.locator('button.mine').click();
    await expectMine(w, 2, true);
    await w.expectList([first.title, second.title], countText(2, postings.length));

    // A reload keeps them (the "mes offres" view itself is not remembered).
    await page.reload();
    await w.ready();
    await expectMine(w, 2, false);
    await expectCardStar(w, first.title, true);
    await expectCardStar(w, second.title, true);
    for (const p of postings.slice(2)) await expectCardStar(w, p.title, false);

    // Unsaving from the "mes offres" view takes it off the view and the storage.
    await w.host.locator('button.mine').click();
    await w.expectList([first.title, second.title], countText(2, postings.length));
    await w.card(first.title).locator('button.star').click();
    await w.expectList([second.title], countText(1, postings.length));
    await expectMine(w, 1, true);
    assert.deepEqual(await storedIds(page), [second.id]);
  });

  it('a saved offer that left the data is named as unavailable and can be removed', async () => {
    const [kept] = postings;
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    await w.ready();
    const seeded = { saved: [
      { id: 'ancienne-offre', title: 'Ancienne offre', organization: 'Asso' },
      { id: kept.id, title: kept.title, organization: kept.organization },
    ] };
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(seeded)]);
    await page.reload();
    await w.ready();
    await expectMine(w, 2, false);
    // Outside "mes offres" the list is the data's.
    await w.expectList(titles(postings), countText(postings.length));
    await expectCardStar(w, kept.title, true);

    await w.host.locator('button.mine').click();
    await w.expectList([kept.title], countText(1, postings.length));
    const gone = w.host.locator('ul.cards > li.card.gone');
    assert.equal(await gone.count(), 1, 'one unavailable saved offer listed');
    assert.equal((await gone.locator('.card-title').textContent()).trim(), 'Ancienne offre');
    assert.equal((await gone.locator('.org').textContent()).trim(), 'Asso');
    assert.match(await gone.textContent(), /Cette offre n’est plus disponible\./);
    await gone.getByRole('button', { name: 'Retirer de mes offres : Ancienne offre' }).click();
    await w.until('the unavailable offer removed', (root) => !root.querySelector('li.card.gone'));
    await expectMine(w, 1, true);
    await w.expectList([kept.title], countText(1, postings.length));
    assert.deepEqual(await storedIds(page), [kept.id]);
  });
});
