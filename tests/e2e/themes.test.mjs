// Partner looks and interface languages, end to end. examples/themes.html holds three widgets
// themed only through --vitrine-* custom properties on their hosts (one light/dark, one forced
// dark in English, one forced light in Dutch with hidden facets): each widget must show the
// colours, font and corners its page set, in light and dark system schemes, with AA contrast.
// examples/languages.html shows fr / en / nl-BE side by side; index.html checks the <html lang>
// fallback and the loader's messages. Saves the README's pictures in docs/screenshots/.

import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { countText, loadPostings, ROOT, searchOracle, useBrowser, Widget } from './harness.mjs';

/** Committed pictures referenced by the README (kept small: element shots of a 1280 px page). */
const DOCS = join(ROOT, 'docs', 'screenshots');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const MAX_PNG_BYTES = 400_000;

/**
 * Reads, inside the page, what the host element's custom properties ask for (resolved by the
 * browser in the widget's own context, through a probe element) and what the widget shows.
 */
async function look(page, sel) {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const root = host.shadowRoot;
    const vitrine = root.querySelector('.vitrine');
    const asked = getComputedStyle(host);
    const probe = document.createElement('span');
    vitrine.append(probe);
    const resolve = (prop, name) => {
      const value = asked.getPropertyValue(name).trim();
      if (!value) return null;
      probe.style.setProperty(prop, value);
      const out = getComputedStyle(probe).getPropertyValue(prop);
      probe.style.removeProperty(prop);
      return out;
    };
    const wanted = {
      accent: resolve('color', '--vitrine-accent'),
      accentDark: resolve('color', '--vitrine-accent-dark'),
      bg: resolve('background-color', '--vitrine-bg'),
      bgDark: resolve('background-color', '--vitrine-bg-dark'),
      font: resolve('font-family', '--vitrine-font'),
      fontSize: asked.getPropertyValue('--vitrine-font-size').trim() || null,
      radius: resolve('border-top-left-radius', '--vitrine-radius'),
    };
    probe.remove();
    const style = (q) => getComputedStyle(root.querySelector(q));
    return {
      wanted,
      shown: {
        accent: style('.card-title a').color,
        toggle: style('.filters-toggle').color,
        bg: style('.vitrine').backgroundColor,
        font: style('.vitrine').fontFamily,
        fontSize: style('.vitrine').fontSize,
        radius: style('.card').borderTopLeftRadius,
        scheme: vitrine.getAttribute('data-color-scheme'),
        lang: vitrine.getAttribute('lang'),
        legends: [...root.querySelectorAll('fieldset.facet legend')].map((l) => l.textContent),
      },
    };
  }, sel);
}

/** axe's colour-contrast rule on one widget; readable lines for each failure. */
async function contrastProblems(page, sel, state) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  const r = await page.evaluate(async (sel) => {
    const out = await window.axe.run({ include: [[sel]] }, { runOnly: { type: 'rule', values: ['color-contrast'] } });
    return out.violations.flatMap((v) => v.nodes.map((n) => `${n.target.flat().join(' >>> ')}: ${n.failureSummary}`));
  }, sel);
  return r.map((line) => `[${state}] ${line.replace(/\s+/g, ' ')}`);
}

function savedPicture(path) {
  const size = statSync(path).size;
  assert.ok(size > 5_000 && size < MAX_PNG_BYTES, `${path}: ${size} bytes (expected a real picture under ${MAX_PNG_BYTES})`);
}

describe('partner looks (examples/themes.html)', { timeout: 180_000 }, () => {
  const env = useBrowser();

  it('each widget shows the colours, font and corners its host set, in both system schemes', async () => {
    const { page } = await env.open('examples/themes.html', { width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
    const widgets = ['#maison', '#marine', '#contrast'].map((sel) => new Widget(page, sel));
    for (const w of widgets) await w.ready();

    const problems = [];
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const dark = scheme === 'dark';

      // Light/dark by the system: the dark variables apply only when the system is dark.
      const maison = await look(page, '#maison');
      assert.equal(maison.shown.scheme, 'auto');
      assert.equal(maison.shown.accent, dark ? maison.wanted.accentDark : maison.wanted.accent, `#maison accent, ${scheme}`);
      assert.equal(maison.shown.toggle, maison.shown.accent, '#maison: the filters button uses the accent too');
      assert.equal(maison.shown.bg, dark ? maison.wanted.bgDark : maison.wanted.bg, `#maison background, ${scheme}`);
      assert.equal(maison.shown.font, maison.wanted.font, '#maison font');
      assert.match(maison.shown.font, /Georgia/);
      assert.equal(maison.shown.radius, maison.wanted.radius, '#maison corners');
      assert.equal(maison.shown.radius, '20px', '1.25em at 16px');
      assert.equal(maison.shown.lang, 'fr-FR');

      // Always dark, whatever the system says.
      const marine = await look(page, '#marine');
      assert.equal(marine.shown.scheme, 'dark');
      assert.equal(marine.shown.accent, marine.wanted.accentDark, `#marine accent, system ${scheme}`);
      assert.equal(marine.shown.bg, marine.wanted.bgDark, `#marine background, system ${scheme}`);
      assert.equal(marine.shown.font, marine.wanted.font);
      assert.equal(marine.shown.radius, marine.wanted.radius);
      assert.equal(marine.shown.lang, 'en');

      // Always light, larger text, square corners, in Dutch, without the city and organization facets.
      const contrast = await look(page, '#contrast');
      assert.equal(contrast.shown.scheme, 'light');
      assert.equal(contrast.shown.accent, contrast.wanted.accent, `#contrast accent, system ${scheme}`);
      assert.equal(contrast.shown.bg, contrast.wanted.bg, `#contrast background, system ${scheme}`);
      assert.equal(contrast.shown.fontSize, '18px');
      assert.equal(contrast.shown.radius, '0px');
      assert.equal(contrast.shown.font, contrast.wanted.font);
      assert.equal(contrast.shown.lang, 'nl-BE');
      assert.deepEqual(contrast.shown.legends, ['Soort aanbod', 'Contract', 'Duur', 'Begin', 'Loon', 'Land', 'Regio', 'Telewerk', 'Thema']);

      for (const w of widgets) problems.push(...await contrastProblems(page, w.sel, `${w.sel}, ${scheme}`));
    }
    assert.deepEqual(problems, [], `contrast below AA:\n${problems.join('\n')}`);

    // The README's picture: the three looks in a light system.
    await page.emulateMedia({ colorScheme: 'light' });
    mkdirSync(DOCS, { recursive: true });
    const path = join(DOCS, 'themes.png');
    await page.locator('.looks').screenshot({ path, animations: 'disabled' });
    savedPicture(path);
  });
});

describe('interface languages', { timeout: 180_000 }, () => {
  const env = useBrowser();

  it('examples/languages.html: French, English and Dutch side by side, offer texts left in French', async () => {
    const { page } = await env.open('examples/languages.html', { width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
    const expected = {
      fr: { lang: 'fr-FR', search: 'Rechercher une offre', count: '5 offres', more: 'Voir plus d’offres (2 sur 5)',
        one: '1 offre sur 5', badge: 'Jusqu’au 10 janvier 2024', back: '← Retour aux offres', date: '10 janvier 2024' },
      en: { lang: 'en', search: 'Search offers', count: '5 offers', more: 'Show more offers (2 of 5)',
        one: '1 offer of 5', badge: 'Until 10 January 2024', back: '← Back to the offers', date: '10 January 2024' },
      nl: { lang: 'nl-BE', search: 'Vacatures zoeken', count: '5 vacatures', more: 'Meer vacatures tonen (2 van 5)',
        one: '1 vacature van 5', badge: 'Tot 10 januari 2024', back: '← Terug naar de vacatures', date: '10 januari 2024' },
    };
    for (const [id, want] of Object.entries(expected)) {
      const w = new Widget(page, `#${id}`);
      await w.ready();
      const search = w.host.getByRole('searchbox', { name: want.search });
      assert.equal(await search.count(), 1, `#${id}: search field named "${want.search}"`);
      await w.expectCount(2, want.count);
      assert.equal((await w.host.locator('button.more').textContent()).trim(), want.more);
      const state = await page.evaluate((sel) => {
        const root = document.querySelector(sel).shadowRoot;
        return {
          lang: root.querySelector('.vitrine').getAttribute('lang'),
          titleLangs: [...root.querySelectorAll('.card-title')].map((h) => h.getAttribute('lang')),
        };
      }, `#${id}`);
      assert.equal(state.lang, want.lang, `#${id}: the widget root carries the interface language`);
      assert.deepEqual(state.titleLangs, id === 'fr' ? [null, null] : ['fr', 'fr'], `#${id}: offer titles marked as French`);
    }

    // The README's picture, before any search.
    mkdirSync(DOCS, { recursive: true });
    const path = join(DOCS, 'languages.png');
    await page.locator('.langs').screenshot({ path, animations: 'disabled' });
    savedPicture(path);

    for (const [id, want] of Object.entries(expected)) {
      const w = new Widget(page, `#${id}`);
      await w.host.getByRole('searchbox', { name: want.search }).fill('bruxelles');
      await w.expectCount(1, want.one);
      assert.equal((await w.cards.first().locator('.badge').textContent()).trim(), want.badge);
      await w.cards.first().locator('.card-title > a').click();
      await w.untilFocus('detail heading focused', (el) => el.matches('article.detail [data-detail-heading]'));
      const facts = (await w.detail.locator('dl.facts').textContent()).replace(/\s+/g, ' ');
      assert.ok(facts.includes(want.date), `#${id}: "${want.date}" in ${facts}`);
      assert.equal((await w.detail.locator('button.back').first().textContent()).trim(), want.back);
      await w.detail.locator('button.back').first().click();
      await w.until('back on the list', (root) => !root.querySelector('article.detail'));
    }

    // The filters' labels in the interface's language find offers too: "Project" in English and
    // Dutch finds the project page first (its kind's label, exactly). The French widget, whose
    // label is "Projet", finds only the offers whose own words are a typo away ("projet", one
    // letter less), as the plain reference says; so do the others, after the project page.
    const typos = searchOracle(loadPostings(), 'project');
    assert.ok(typos.length > 0, 'some offers write "projet"');
    for (const [id, want] of Object.entries(expected)) {
      const w = new Widget(page, `#${id}`);
      await w.host.getByRole('searchbox', { name: want.search }).fill('project');
      if (id === 'fr') {
        // (data-page-size="2": the count tells how many, the list shows the first two.)
        await w.expectCount(Math.min(typos.length, 2), countText(typos.length, 5));
      } else {
        await w.until('the project page first', (root) => /^Réalisation d'un référentiel/.test(
          root.querySelector('.results > ul.cards > li.card .card-title')?.textContent.trim() ?? ''));
      }
    }
  });

  /** index.html with its <html lang> and script tag rewritten. */
  function rewritten(htmlLang, scriptAttrs = '') {
    return (p) => p.route('**/index.html', async (route) => {
      const response = await route.fetch();
      let html = await response.text();
      assert.ok(html.includes('<html lang="fr">') && html.includes('<script src="pkg/vitrine.js"'), 'index.html as expected');
      html = html.replace('<html lang="fr">', `<html lang="${htmlLang}">`)
        .replace('<script src="pkg/vitrine.js"', `<script src="pkg/vitrine.js" ${scriptAttrs}`);
      await route.fulfill({ response, body: html });
    });
  }

  it('without data-lang the page\'s <html lang> decides; an unknown data-lang is reported and falls back to it', async () => {
    const { page } = await env.open('index.html', { prepare: rewritten('en-GB') });
    const w = new Widget(page);
    await w.ready();
    await w.expectCount(5, '5 offers');
    assert.equal(await w.host.getByRole('searchbox', { name: 'Search offers' }).count(), 1);

    const warnings = [];
    const second = await env.open('index.html', {
      prepare: async (p) => {
        p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
        await rewritten('nl', 'data-lang="tlh"')(p);
      },
    });
    const w2 = new Widget(second.page);
    await w2.ready();
    await w2.expectCount(5, '5 vacatures');
    assert.ok(warnings.some((t) => t.includes('data-lang="tlh"')), `the bad attribute is named: ${JSON.stringify(warnings)}`);

    // A page in a language the widget does not speak gets French.
    const third = await env.open('index.html', { prepare: rewritten('de') });
    const w3 = new Widget(third.page);
    await w3.ready();
    await w3.expectCount(5, '5 offres');
  });

  it('the loader\'s messages follow the language too', async () => {
    let release;
    const held = new Promise((r) => { release = r; });
    const { page } = await env.open('index.html', {
      prepare: async (p) => {
        await rewritten('nl-BE')(p);
        await p.route('**/pkg/vitrine_core_bg.wasm', async (route) => { await held; await route.continue(); });
      },
    });
    const w = new Widget(page);
    await w.until('a Dutch loading message', (root) => [...root.children]
      .some((el) => el.matches('p[role="status"][lang="nl"]') && el.textContent === 'De vacatures worden geladen…'), null, 10_000);
    release();
    await w.ready();
    await w.expectCount(5, '5 vacatures');

    const failing = await env.open('index.html', {
      ownErrors: true,
      prepare: async (p) => {
        await rewritten('fr', 'data-lang="en"')(p);
        await p.route('**/pkg/vitrine_core_bg.wasm', (route) => route.abort('internetdisconnected'));
      },
    });
    const wf = new Widget(failing.page);
    await wf.until('an English alert', (root) => [...root.children]
      .some((el) => el.matches('p[role="alert"][lang="en"]') && el.textContent.startsWith('The offers could not be loaded.')), null, 10_000);
  });
});
