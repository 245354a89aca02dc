// Accessibility audit (RGAA / WCAG 2.1 AA): axe-core, injected into the demo page, checks the
// widget's shadow tree in each state a visitor meets (list, filters open, detail, empty result,
// closed offers shown, saved offers), on a phone and a desktop, in light and dark colour schemes.
// Also: reflow (WCAG 1.4.10) at 320 px, every demo offer's detail fitting the widget; and with
// "reduce motion" asked for, no widget element has a transition or animation.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isOpen, loadPostings, ROOT, useBrowser, Widget } from './harness.mjs';
import { overflowProblems } from './overflow.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** A day on which some demo offers are closed and others still open. */
const LATER = '2023-12-01';

const postings = loadPostings();

/**
 * Runs axe on the widget (its host element and the open shadow tree below it). Returns readable
 * lines for every violation, and for every "incomplete" colour-contrast result that is not an
 * icon-only element (axe could not judge those: they may hide a real contrast failure).
 */
async function audit(page, hostSelector, state) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async ({ sel, tags }) => {
    const r = await window.axe.run({ include: [[sel]] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    const nodes = (v) => v.nodes.map((n) => ({
      target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' '),
      summary: (n.failureSummary || [...n.any, ...n.all, ...n.none].map((c) => c.message).join('; ')).replace(/\s+/g, ' '),
      html: n.html.slice(0, 160),
    }));
    return {
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: nodes(v) })),
      unclearContrast: r.incomplete.filter((v) => v.id === 'color-contrast').flatMap((v) => nodes(v))
        .filter((n) => !/only non-text characters/.test(n.summary)),
      passes: r.passes?.length ?? null,
    };
  }, { sel: hostSelector, tags: WCAG_AA });
  const lines = [];
  for (const v of result.violations) {
    for (const n of v.nodes) lines.push(`[${state}] ${v.id} (${v.impact}): ${v.help}\n    at ${n.target}\n    ${n.html}\n    ${n.summary}`);
  }
  for (const n of result.unclearContrast) lines.push(`[${state}] color-contrast could not be judged\n    at ${n.target}\n    ${n.html}\n    ${n.summary}`);
  return lines;
}

describe('accessibility: axe-core, WCAG 2.1 A and AA', { timeout: 180_000 }, () => {
  const env = useBrowser();

  for (const scheme of ['light', 'dark']) {
    for (const viewport of [{ width: 320, height: 640 }, { width: 1280, height: 800 }]) {
      it(`no violation in any state, ${viewport.width}px wide, ${scheme} colour scheme`, async () => {
        const { page } = await env.open('index.html', {
          ...viewport,
          // Judge deadlines later than the demo does, so closed offers and their badges are there too.
          prepare: (p) => p.route('**/index.html', async (route) => {
            const response = await route.fetch();
            const html = (await response.text()).replace('data-today="2023-07-03"', `data-today="${LATER}"`);
            assert.ok(html.includes(`data-today="${LATER}"`), 'index.html sets data-today on its script tag');
            await route.fulfill({ response, body: html });
          }),
        });
        await page.emulateMedia({ colorScheme: scheme });
        const w = new Widget(page);
        await w.ready();
        assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), scheme === 'dark');
        const problems = [];
        const closed = postings.filter((p) => !isOpen(p, LATER));
        const open = postings.filter((p) => isOpen(p, LATER));
        assert.ok(closed.length > 0 && open.length > 0, `on ${LATER} some demo offers are closed, some open`);

        problems.push(...await audit(page, w.sel, 'list'));

        if (await w.filtersToggle.isVisible()) {
          await w.filtersToggle.click();
          await w.until('filters open', (root) => root.querySelector('.filters-toggle').getAttribute('aria-expanded') === 'true');
          problems.push(...await audit(page, w.sel, 'filters open'));
        }

        // Closed offers shown: struck-through badges, dimmed cards.
        await w.host.getByRole('checkbox', { name: /Afficher les offres clôturées/ }).check();
        await w.until('every offer listed', (root, n) => root.querySelectorAll('ul.cards > li.card').length === n, postings.length);
        problems.push(...await audit(page, w.sel, 'closed offers shown'));

        // A saved offer and "Mes offres" pressed.
        await w.card(open[0].title).getByRole('button', { name: /^Sauvegarder/ }).click();
        await w.host.getByRole('button', { name: /Mes offres \(1\)/ }).click();
        await w.until('only the saved offer listed', (root) => root.querySelectorAll('ul.cards > li.card').length === 1);
        problems.push(...await audit(page, w.sel, 'saved offers'));
        await w.host.getByRole('button', { name: /Mes offres \(1\)/ }).click();

        // The detail of a closed offer (warning, closed badge) and of an open one.
        for (const p of [closed[0], open[0]]) {
          await w.cardButton(p.title).click();
          await w.untilFocus('detail heading focused', (el) => el.matches('article.detail [data-detail-heading]'));
          problems.push(...await audit(page, w.sel, `detail of "${p.title}"`));
          await page.keyboard.press('Escape');
          await w.untilFocus('back on the card', (el) => el.matches('li.card .card-title > a'));
        }

        // No result.
        await w.search.fill('xylophone quasar');
        await w.until('empty state shown', (root) => !!root.querySelector('.empty-title'));
        problems.push(...await audit(page, w.sel, 'empty result'));

        assert.deepEqual(problems, [], `axe found ${problems.length} problem(s):\n${problems.join('\n')}`);
      });
    }
  }

  it('reflow at 320 px (WCAG 1.4.10): the list, the filters and every offer fit the widget', async () => {
    const { page } = await env.open('index.html', { width: 320, height: 640 });
    const w = new Widget(page);
    await w.ready();
    const problems = [];
    await w.filtersToggle.click();
    problems.push(...await overflowProblems(page, w, 'list, filters open'));
    for (const p of postings.filter((x) => isOpen(x))) {
      await w.cardButton(p.title).click();
      await w.untilFocus('detail heading focused', (el) => el.matches('article.detail [data-detail-heading]'));
      problems.push(...await overflowProblems(page, w, `detail of "${p.title}"`));
      await page.keyboard.press('Escape');
      await w.untilFocus('back on the card', (el) => el.matches('li.card .card-title > a'));
    }
    assert.deepEqual(problems, [], `content wider than the 320 px widget is cut off:\n${problems.join('\n')}`);
  });

  it('the audit does catch a violation (a button with no name, added for the check)', async () => {
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    await w.ready();
    await page.evaluate((sel) => {
      const b = document.createElement('button');
      document.querySelector(sel).shadowRoot.querySelector('.toolbar').append(b);
    }, w.sel);
    const lines = await audit(page, w.sel, 'planted');
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /^\[planted\] button-name \(critical\)/);
    assert.match(lines[0], />>> .*button/);
  });
});

describe('reduced motion', { timeout: 60_000 }, () => {
  const env = useBrowser();

  /** Widget elements whose transition or animation lasts more than 0 s (hover on a card first). */
  async function moving(page, w) {
    await w.cards.first().hover();
    return page.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      const positive = (list) => list.split(',').some((d) => parseFloat(d) > 0);
      return [...root.querySelectorAll('*')].flatMap((el) => {
        const s = getComputedStyle(el);
        const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().replace(/\s+/g, '.')}` : ''}`;
        const out = [];
        if (positive(s.transitionDuration)) out.push(`${name}: transition ${s.transitionProperty} ${s.transitionDuration}`);
        if (s.animationName !== 'none' && positive(s.animationDuration)) out.push(`${name}: animation ${s.animationName} ${s.animationDuration}`);
        return out;
      });
    }, w.sel);
  }

  it('with prefers-reduced-motion: reduce, nothing in the widget moves', async () => {
    const { page } = await env.open('index.html');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const w = new Widget(page);
    await w.ready();
    assert.deepEqual(await moving(page, w), [], 'transitions or animations despite "reduce"');
    await w.cardButton(postings.find((p) => isOpen(p)).title).click();
    await w.untilFocus('detail heading focused', (el) => el.matches('article.detail [data-detail-heading]'));
    assert.deepEqual(await page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('*')]
      .filter((el) => getComputedStyle(el).transitionDuration.split(',').some((d) => parseFloat(d) > 0))
      .map((el) => el.tagName), w.sel), [], 'transitions in the detail despite "reduce"');
  });

  it('without the preference, the check does see the card transition', async () => {
    const { page } = await env.open('index.html');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const w = new Widget(page);
    await w.ready();
    const found = await moving(page, w);
    assert.ok(found.some((line) => /^li\.card: transition /.test(line)), `expected the cards' transition, found ${JSON.stringify(found)}`);
  });

  // axe's heading-order (a best practice, not in the WCAG tags above) over the whole page, widgets
  // included: the widget's headings follow the page's outline (issue #16).
  async function headingOrder(page) {
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
    return page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'rule', values: ['heading-order'] } });
      return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html.slice(0, 120)} — ${n.failureSummary}`));
    });
  }
  const headingTags = (w) => w.page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter((h) => h.offsetParent !== null).map((h) => `${h.localName} ${h.textContent.trim().slice(0, 30)}`), w.sel);

  it('a page with an <h1> then an <h2> before each widget: its headings follow, no heading-order violation', async () => {
    const { page } = await env.open('examples/two-widgets.html');
    const widgets = [new Widget(page, '#emplois'), new Widget(page, '#autres')];
    for (const w of widgets) await w.ready();
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('h1, h2')].map((h) => h.localName)), ['h1', 'h2', 'h2'],
      'the page: an <h1>, then an <h2> before each widget');
    for (const w of widgets) {
      const tags = await headingTags(w);
      assert.ok(tags.length > 0 && tags.every((t) => t.startsWith('h3 ')), `offer titles under the page's <h2>: ${tags}`);
    }
    assert.deepEqual(await headingOrder(page), [], 'heading-order, list');
    await widgets[0].cards.first().locator('.card-title > a').click();
    await widgets[0].untilFocus('detail heading focused', (el) => el.matches('article.detail h3[data-detail-heading]'));
    const detail = await headingTags(widgets[0]);
    assert.ok(detail.slice(1).every((t) => t.startsWith('h4 ')), `the detail's sections one below: ${detail}`);
    assert.deepEqual(await headingOrder(page), [], 'heading-order, detail');
  });

  it('the page\'s <h1> right before the widget: offer titles are <h2>; data-heading-level forces a level', async () => {
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    await w.ready();
    const tags = await headingTags(w);
    assert.ok(tags.length === postings.length && tags.every((t) => t.startsWith('h2 ')), `offer titles under the <h1>: ${tags}`);
    assert.deepEqual(await headingOrder(page), [], 'heading-order');
    const forced = await env.open('index.html', {
      prepare: (p) => p.route('**/index.html', async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace('data-today=', 'data-heading-level="4" data-title="Nos offres" data-today=');
        await route.fulfill({ response, body: html });
      }),
    });
    const fw = new Widget(forced.page);
    await fw.ready();
    const forcedTags = await headingTags(fw);
    assert.equal(forcedTags[0], 'h4 Nos offres');
    assert.ok(forcedTags.slice(1).every((t) => t.startsWith('h5 ')), `offer titles under the widget's title: ${forcedTags}`);
  });
});
