// Layout on a phone (320×640) and a desktop (1280×800): no horizontal overflow, filters behind the
// "Filtres" toggle only on the phone. Screenshots go to target/e2e-screenshots/ for a human look.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countText, isOpen, loadPostings, screenshotPath, useBrowser, Widget } from './harness.mjs';

const postings = loadPostings().filter((p) => isOpen(p));
const longest = [...postings].sort((a, b) => b.title.length - a.title.length)[0];

/** Fails when the page, or any element of the widget, is wider than the viewport. */
async function assertNoOverflow(page, w, what) {
  const m = await page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const vw = document.documentElement.clientWidth;
    const wide = [...root.querySelectorAll('*')]
      .filter((el) => el.getClientRects().length && el.getBoundingClientRect().right > vw + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, vw, wide };
  }, w.sel);
  assert.ok(m.scrollWidth <= m.innerWidth, `${what}: page is ${m.scrollWidth}px wide in a ${m.innerWidth}px viewport; too wide: ${m.wide}`);
  assert.deepEqual(m.wide, [], `${what}: widget elements past the right edge (${m.vw}px)`);
}

describe('layout on phone and desktop', { timeout: 120_000 }, () => {
  const env = useBrowser();

  it('phone 320×640: filters collapsed behind the toggle, nothing wider than the screen', async () => {
    const { page } = await env.open('index.html', { width: 320, height: 640 });
    const w = new Widget(page);
    await w.ready();
    await w.expectCount(postings.length, countText(postings.length));

    assert.equal(await w.filtersToggle.isVisible(), true, 'the Filtres button is shown');
    assert.equal(await w.filtersToggle.getAttribute('aria-expanded'), 'false');
    for (const legend of ['Pays', 'Région', 'Durée', 'Début', 'Salaire']) {
      assert.equal(await w.facet(legend).isVisible(), false, `facet "${legend}" hidden until asked for`);
    }
    await assertNoOverflow(page, w, 'phone list');
    await page.screenshot({ path: screenshotPath('phone-list'), fullPage: true });

    await w.filtersToggle.click();
    await w.until('the filters open', (root) => root.querySelector('.filters-toggle').getAttribute('aria-expanded') === 'true');
    for (const legend of ['Pays', 'Région', 'Durée', 'Début', 'Salaire']) {
      assert.equal(await w.facet(legend).isVisible(), true, `facet "${legend}" shows once the toggle is pressed`);
    }
    await assertNoOverflow(page, w, 'phone filters open');
    await page.screenshot({ path: screenshotPath('phone-filters'), fullPage: true });

    // The toggle tells how many values are chosen.
    await w.checkbox('Pays', 'France').click();
    await w.until('the toggle counts the chosen value', (root) => root.querySelector('.filters-toggle').textContent.trim() === 'Filtres (1)');
    await w.filtersToggle.click();
    await w.until('the filters close', (root) => root.querySelector('.filters-toggle').getAttribute('aria-expanded') === 'false');
    assert.equal(await w.facet('Pays').isVisible(), false);
    await w.filtersToggle.click();
    await w.checkbox('Pays', 'France').click();
    await w.expectCount(postings.length, countText(postings.length));
    await w.until('the toggle shows no count', (root) => root.querySelector('.filters-toggle').textContent.trim() === 'Filtres');
    await w.filtersToggle.click();

    // The longest title, in the detail view.
    await w.cardButton(longest.title).click();
    await w.detail.locator('[data-detail-heading]').waitFor();
    await assertNoOverflow(page, w, 'phone detail');
    await page.screenshot({ path: screenshotPath('phone-detail'), fullPage: true });
  });

  it('desktop 1280×800: filters beside the list, no toggle, nothing wider than the screen', async () => {
    const { page } = await env.open('index.html', { width: 1280, height: 800 });
    const w = new Widget(page);
    await w.ready();
    await w.expectCount(postings.length, countText(postings.length));
    assert.equal(await w.filtersToggle.isVisible(), false, 'no Filtres button on a wide widget');
    for (const legend of ['Type d’offre', 'Durée', 'Début', 'Salaire', 'Pays', 'Région', 'Ville']) {
      assert.equal(await w.facet(legend).isVisible(), true, `facet "${legend}" visible`);
    }
    // Filters in a column to the left of the list.
    const filters = await w.host.locator('.filters-panel').boundingBox();
    const list = await w.host.locator('ul.cards').boundingBox();
    assert.ok(filters.x + filters.width <= list.x, `filters (${JSON.stringify(filters)}) left of the list (${JSON.stringify(list)})`);
    await assertNoOverflow(page, w, 'desktop list');
    await page.screenshot({ path: screenshotPath('desktop-list'), fullPage: true });

    await w.cardButton(longest.title).click();
    await w.detail.locator('[data-detail-heading]').waitFor();
    await assertNoOverflow(page, w, 'desktop detail');
    await page.screenshot({ path: screenshotPath('desktop-detail'), fullPage: true });
  });

  it('boxes keep their inner space and buttons their accent colour (component styles beat the reset)', async () => {
    const { page } = await env.open('index.html', { width: 1280, height: 800 });
    const w = new Widget(page);
    await w.ready();
    const px = (v) => parseFloat(v);
    const problems = [];

    // Facet boxes: content inset from the border, a gap between consecutive boxes.
    const facets = await w.host.locator('fieldset.facet').evaluateAll((els) => els.map((el) => {
      const cs = getComputedStyle(el);
      return { padding: cs.paddingLeft, bottom: el.getBoundingClientRect().bottom, top: el.getBoundingClientRect().top };
    }));
    if (px(facets[0].padding) < 4) problems.push(`facet boxes have padding-left ${facets[0].padding}: checkboxes touch the border`);
    const gap = facets[1].top - facets[0].bottom;
    if (gap < 4) problems.push(`consecutive facet boxes are ${gap.toFixed(1)}px apart: they touch`);

    // Accent-coloured buttons: the card titles are; the "Filtres" toggle and "back" buttons should be too.
    const accent = await w.cards.first().locator('.card-title > a').evaluate((el) => getComputedStyle(el).color);
    await page.setViewportSize({ width: 360, height: 640 });
    await w.filtersToggle.waitFor();
    const toggle = await w.filtersToggle.evaluate((el) => getComputedStyle(el).color);
    if (toggle !== accent) problems.push(`the Filtres toggle text is ${toggle}, not the accent ${accent}`);
    await w.cards.first().locator('.card-title > a').click();
    const back = await w.detail.locator('button.back').first().evaluate((el) => getComputedStyle(el).color);
    if (back !== accent) problems.push(`"← Retour aux offres" is ${back}, not the accent ${accent}`);

    // The facts box of the detail: text inset from its tinted background.
    const facts = await w.detail.locator('dl.facts').evaluate((el) => getComputedStyle(el).paddingLeft);
    if (px(facts) < 4) problems.push(`the facts box has padding-left ${facts}: its text touches the tinted edge`);

    assert.deepEqual(problems, [], 'component styles overridden');
  });
});
