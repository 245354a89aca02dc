// Keyboard only, from the top of the page: search, filter, open an offer, reach the apply link, go back.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countText, isOpen, loadPostings, searchOracle, useBrowser, Widget } from './harness.mjs';

const postings = loadPostings().filter((p) => isOpen(p));

describe('index.html: keyboard only', { timeout: 120_000 }, () => {
  const env = useBrowser();

  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 640 }]) {
    it(`searches, filters, opens and closes an offer without a mouse (${viewport.width}×${viewport.height})`, async () => {
      const { page } = await env.open('index.html', viewport);
      const w = new Widget(page);
      await w.ready();
      const query = 'recherche';
      const hits = searchOracle(postings, query);
      const belgian = hits.filter((p) => p.places.some((pl) => pl.country === 'BE'));
      assert.ok(hits.length > 1 && belgian.length === 1, `"${query}" finds several offers, one in Belgium`);
      const target = belgian[0];
      const email = target.apply.emails[0];

      // Tab from the start of the page to the search box (past the host page's own links).
      await w.tabTo('the search box', (el) => el.matches('input[type="search"]'));
      await page.keyboard.type(query);
      await w.expectList(hits.map((p) => p.title), countText(hits.length, postings.length));

      // On a narrow widget the filters sit behind the "Filtres" button: open it with Enter.
      if (await w.filtersToggle.isVisible()) {
        await w.tabTo('the Filtres button', (el) => el.matches('button.filters-toggle'));
        assert.equal(await w.filtersToggle.getAttribute('aria-expanded'), 'false');
        await page.keyboard.press('Enter');
        await w.until('the filters open', (root) => root.querySelector('.filters-toggle').getAttribute('aria-expanded') === 'true');
      }
      await w.tabTo('the Pays → Belgique checkbox', (el, root) =>
        el.matches('input[type="checkbox"]') && /^Belgique\b/.test(root.querySelector(`label[for="${el.id}"]`)?.textContent ?? ''));
      await page.keyboard.press('Space');
      await w.expectList([target.title], countText(1, postings.length));
      assert.equal(await w.checkbox('Pays', 'Belgique').isChecked(), true);
      await w.untilFocus('focus stays on the checkbox after toggling', (el) => el.matches('input[type="checkbox"]'));

      // On to the offer's title, open it with Enter: focus moves to its heading.
      await w.tabTo('the card title', (el) => el.matches('li.card .card-title > a'));
      await page.keyboard.press('Enter');
      await w.untilFocus('focus on the detail heading', (el, _r, t) => el.matches('article.detail [data-detail-heading]') && el.textContent.trim() === t, target.title);

      // The apply link is reachable with Tab.
      await w.tabTo('the e-mail apply link', (el) => el.matches('section.apply a.button'));
      const href = await page.evaluate(() => {
        let a = document.activeElement;
        while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
        return a.getAttribute('href');
      });
      assert.ok(href.startsWith(`mailto:${email}?`), href);

      // Escape goes back, to the same filtered list, focus on the title it came from.
      await page.keyboard.press('Escape');
      await w.expectList([target.title], countText(1, postings.length));
      await w.untilFocus('focus back on the card title', (el, _r, t) => el.matches('li.card .card-title > a') && el.textContent.trim() === t, target.title);
      assert.equal(await w.search.inputValue(), query);

      // Open again with Enter; this time Tab to the lower back button and press Enter.
      await page.keyboard.press('Enter');
      await w.untilFocus('focus on the detail heading again', (el) => el.matches('article.detail [data-detail-heading]'));
      await w.tabTo('the lower back button', (el, root) => {
        const backs = root.querySelectorAll('article.detail button.back');
        return backs.length === 2 && el === backs[1];
      });
      await page.keyboard.press('Enter');
      await w.expectList([target.title], countText(1, postings.length));
      await w.untilFocus('focus back on the card title once more', (el) => el.matches('li.card .card-title > a'));
    });
  }
});
