// Isolation (issue #6): a host page with Bootstrap and aggressive global rules
// (examples/hostile-host.html) leaves the widget looking exactly as on a blank page
// (examples/blank.html): same computed styles of its key elements, same pixels. Only the
// --vitrine-* custom properties theme it. The widget changes nothing of the page outside its host
// element (but its URL parameters and one JSON-LD block in <head>), adds one global
// (`window.vitrine`), and two widgets on one page keep their ids and styles apart.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countText, isOpen, loadPostings, screenshotPath, searchOracle, useBrowser, Widget } from './harness.mjs';
import { decodePng, diffImages } from './png.mjs';

const postings = loadPostings().filter((p) => isOpen(p));
const titles = (list) => list.map((p) => p.title);
const brussels = postings.find((p) => p.places.some((pl) => pl.city === 'Bruxelles'));
/** The widget's default accent (light scheme) and the hostile page's theme colour. */
const ACCENT = 'rgb(11, 92, 173)';
const THEMED = 'rgb(111, 45, 189)';

const PROPS = ['display', 'box-sizing', 'font-family', 'font-size', 'font-style', 'font-weight', 'line-height',
  'letter-spacing', 'word-spacing', 'text-transform', 'text-indent', 'text-align', 'text-shadow', 'white-space',
  'text-decoration-line', 'cursor', 'color', 'background-color', 'list-style-type',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-top-style', 'border-top-color', 'border-left-width', 'border-top-left-radius'];

const LIST_ELEMENTS = ['.vitrine', '.search label', '.search input', 'button.filters-toggle', 'fieldset.facet', 'fieldset.facet legend',
  'fieldset.facet li', 'fieldset.facet input', 'fieldset.facet label', 'fieldset.facet .n', '.toolbar .count', 'button.mine',
  '.controls label', '.controls select', 'ul.cards', 'li.card', 'li.card .card-title', 'li.card .card-title > a', 'li.card .org', 'li.card .meta li',
  'li.card .meta .tag', 'li.card button.star'];
const DETAIL_ELEMENTS = ['article.detail', 'article.detail [data-detail-heading]', 'article.detail p.org', 'button.back', 'button.share', '.facts dt',
  '.facts dd', 'section.apply', 'section.apply :is(h2, h3, h4, h5, h6)', 'section.apply a.button', '.body p', '.body :is(h2, h3, h4, h5, h6)', '.body ul', '.body li'];

/** Computed styles of `selectors` in the widget of `page` (first match of each). */
async function styles(page, w, selectors) {
  return page.evaluate(({ sel, selectors, props }) => {
    const root = document.querySelector(sel).shadowRoot;
    return Object.fromEntries(selectors.map((s) => {
      const el = root.querySelector(s);
      if (!el) return [s, null];
      const cs = getComputedStyle(el);
      return [s, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
    }));
  }, { sel: w.sel, selectors, props: PROPS });
}

/**
 * The style differences, one line per property and value: "font-style: italic instead of normal
 * on .vitrine, .search label (2 elements)". `expected(value)` maps a reference value to the wanted one.
 */
function differences(got, want, expected = (v) => v) {
  const out = [];
  const grouped = new Map();
  for (const [sel, props] of Object.entries(want)) {
    if (props === null) { out.push(`${sel}: not found on the reference page`); continue; }
    if (got[sel] === null) { out.push(`${sel}: not found`); continue; }
    for (const [p, v] of Object.entries(props)) {
      const w = expected(v, p);
      if (got[sel][p] === w) continue;
      const key = `${p}: ${got[sel][p]} instead of ${w}`;
      grouped.set(key, [...(grouped.get(key) ?? []), sel]);
    }
  }
  for (const [key, sels] of grouped) out.push(`${key} on ${sels.join(', ')} (${sels.length} element${sels.length > 1 ? 's' : ''})`);
  return out;
}

/** Installed before any page script: the globals and the page markup at DOMContentLoaded. */
function recordPage() {
  const keys = Object.getOwnPropertyNames(window);
  const snapshot = () => {
    const copy = document.documentElement.cloneNode(true);
    copy.querySelectorAll('[data-vitrine], vitrine-widget, script[type="application/ld+json"][data-vitrine]').forEach((el) => el.remove());
    return copy.outerHTML;
  };
  window[Symbol.for('vitrine-test')] = { keys, snapshot, before: null };
  document.addEventListener('DOMContentLoaded', () => { window[Symbol.for('vitrine-test')].before = snapshot(); });
}

/** Opens `path` at 1280×900 and waits for the list. */
async function openReady(env, path, options = {}) {
  const { page } = await env.open(path, { width: 1280, height: 900, ...options });
  const w = new Widget(page);
  await w.ready();
  await w.expectList(titles(postings), countText(postings.length));
  return { page, w };
}

describe('isolation from the host page', { timeout: 180_000 }, () => {
  const env = useBrowser();

  it('hostile-host.html (Bootstrap + global rules): the same computed styles as on a blank page', async () => {
    const blank = await openReady(env, 'examples/blank.html');
    const hostile = await openReady(env, 'examples/hostile-host.html');
    // Bootstrap is really there and the page's rules really apply to the page.
    const page = await hostile.page.evaluate(() => ({
      bootstrap: getComputedStyle(document.documentElement).getPropertyValue('--bs-blue').trim(),
      nav: getComputedStyle(document.querySelector('header nav')).fontSize,
      host: getComputedStyle(document.querySelector('#offres')).marginTop,
    }));
    assert.deepEqual(page, { bootstrap: '#0d6efd', nav: '22px', host: '10px' }, 'the hostile rules are in force on the page');

    const problems = differences(await styles(hostile.page, hostile.w, LIST_ELEMENTS), await styles(blank.page, blank.w, LIST_ELEMENTS))
      .map((l) => `list: ${l}`);
    for (const side of [blank, hostile]) {
      await side.w.cardButton(brussels.title).click();
      await side.w.untilFocus('detail heading focused', (el) => el.matches('article.detail [data-detail-heading]'));
    }
    problems.push(...differences(await styles(hostile.page, hostile.w, DETAIL_ELEMENTS), await styles(blank.page, blank.w, DETAIL_ELEMENTS))
      .map((l) => `detail: ${l}`));
    assert.deepEqual(problems, [], `the host page's rules reach into the widget (${problems.length} differences):\n${problems.join('\n')}`);
  });

  it('hostile-host.html: the same pixels as on a blank page (list and detail)', async () => {
    const shots = {};
    for (const path of ['examples/blank.html', 'examples/hostile-host.html']) {
      const { page, w } = await openReady(env, path);
      // The caret blinks and the hover follows the mouse: keep both out of the picture.
      await page.mouse.move(0, 0);
      const box = w.host.locator('.vitrine');
      const list = await box.screenshot({ animations: 'disabled', caret: 'hide' });
      await w.cardButton(brussels.title).click();
      await w.untilFocus('detail heading focused', (el) => el.matches('article.detail [data-detail-heading]'));
      await page.evaluate(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; a.blur(); });
      const detail = await box.screenshot({ animations: 'disabled', caret: 'hide' });
      shots[path] = { list, detail };
    }
    const problems = [];
    for (const view of ['list', 'detail']) {
      const a = decodePng(shots['examples/blank.html'][view]);
      const b = decodePng(shots['examples/hostile-host.html'][view]);
      const d = diffImages(a, b);
      if (!d.sameSize || d.ratio > 0.001) {
        const name = `isolation-${view}`;
        const { writeFileSync } = await import('node:fs');
        writeFileSync(screenshotPath(`${name}-blank`), shots['examples/blank.html'][view]);
        writeFileSync(screenshotPath(`${name}-hostile`), shots['examples/hostile-host.html'][view]);
        problems.push(d.sameSize
          ? `${view}: ${(d.ratio * 100).toFixed(2)}% of pixels differ, within x ${d.box.left}–${d.box.right}, y ${d.box.top}–${d.box.bottom} (screenshots ${name}-*.png)`
          : `${view}: ${a.width}×${a.height} on the blank page, ${b.width}×${b.height} on the hostile one (screenshots ${name}-*.png)`);
      }
    }
    assert.deepEqual(problems, [], 'the widget does not look the same on the hostile page');
  });

  it('theming: --vitrine-accent set by the page changes the accent, and nothing else', async () => {
    const { page, w } = await openReady(env, 'examples/hostile-host.html');
    const before = await styles(page, w, LIST_ELEMENTS);
    assert.equal(before['li.card .card-title > a'].color, ACCENT, 'the default accent before theming');
    await page.evaluate(() => document.documentElement.classList.add('themed'));
    await w.until('the themed accent applies', (root, c) => getComputedStyle(root.querySelector('li.card .card-title > a')).color === c, THEMED);
    const after = await styles(page, w, LIST_ELEMENTS);
    const problems = differences(after, before, (v) => v.replaceAll(ACCENT, THEMED));
    assert.deepEqual(problems, [], 'theming changed more (or less) than the accent colour');
    assert.equal(after['.search label'].color, before['.search label'].color);
  });

  it('changes nothing outside its host but the URL and the JSON-LD block; adds only window.vitrine', async () => {
    const { page, w } = await openReady(env, 'examples/hostile-host.html', { prepare: (p) => p.addInitScript(recordPage) });
    const record = () => page.evaluate(() => {
      const t = window[Symbol.for('vitrine-test')];
      return { before: t.before, now: t.snapshot(), added: Object.getOwnPropertyNames(window).filter((k) => !t.keys.includes(k)) };
    });
    const url = page.url();
    const hits = searchOracle(postings, 'recherche');
    await w.search.fill('recherche');
    await w.expectList(titles(hits), countText(hits.length, postings.length));
    await w.checkbox('Pays', 'Belgique').check();
    await w.cardButton(brussels.title).click();
    await w.untilFocus('detail heading focused', (el) => el.matches('article.detail [data-detail-heading]'));
    const jsonld = await page.locator('head script[type="application/ld+json"][data-vitrine]').count();
    assert.equal(jsonld, 1, 'the open offer\'s JSON-LD is in <head>');
    await w.detail.getByRole('button', { name: /^Sauvegarder/ }).click();
    await page.keyboard.press('Escape');
    await w.untilFocus('back on the card', (el) => el.matches('li.card .card-title > a'));
    const r = await record();
    assert.ok(r.before, 'the page was recorded at DOMContentLoaded');
    assert.equal(r.now, r.before, 'the page outside the widget\'s host changed');
    assert.deepEqual(r.added, ['vitrine'], 'globals added to window');
    assert.equal(await page.locator('head script[type="application/ld+json"][data-vitrine]').count(), 0, 'the JSON-LD block went with the detail');
    // Only the widget's own parameters were added to the URL.
    const params = [...new URL(page.url()).searchParams.keys()];
    assert.notEqual(page.url(), url);
    assert.deepEqual(params.filter((k) => !['q', 'pays', 'offre'].includes(k)), [], `URL parameters: ${params}`);
  });

  it('two-widgets.html: ids unique and resolved inside each widget, styles equal, a theme on one host stays there', async () => {
    const { page } = await env.open('examples/two-widgets.html', { width: 1280, height: 900 });
    const a = new Widget(page, '#emplois');
    const b = new Widget(page, '#autres');
    await Promise.all([a.ready(), b.ready()]);
    const first = (w) => w.cards.first().locator('.card-title > a');
    for (const w of [a, b]) {
      await first(w).click();
      await w.untilFocus('detail heading focused', (el, root) => el.matches('article.detail [data-detail-heading]') && el.getRootNode() === root);
    }
    // Both details are open now: the ids of the list (kept mounted) and of the detail are all there.
    const ids = await page.evaluate(() => ['#emplois', '#autres'].map((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      const all = [...root.querySelectorAll('[id]')].map((el) => el.id);
      const controls = [...root.querySelectorAll('input[id], select[id], button[id], textarea[id]')].map((el) => el.id);
      const refs = [];
      for (const el of root.querySelectorAll('[for], [aria-controls], [aria-labelledby], [aria-describedby]')) {
        for (const attr of ['for', 'aria-controls', 'aria-labelledby', 'aria-describedby']) {
          for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) {
            refs.push({ attr, id, resolved: !!root.getElementById(id), inPage: !!document.getElementById(id) });
          }
        }
      }
      return { all, controls, refs, adopted: root.adoptedStyleSheets.length };
    }));
    const problems = [];
    ids.forEach(({ all, refs, adopted }, i) => {
      const name = ['#emplois', '#autres'][i];
      const dup = all.filter((id, k) => all.indexOf(id) !== k);
      if (dup.length) problems.push(`${name}: duplicate ids ${dup}`);
      for (const r of refs) if (!r.resolved) problems.push(`${name}: ${r.attr}="${r.id}" points at nothing in its own shadow root`);
      for (const r of refs) if (r.inPage) problems.push(`${name}: ${r.attr}="${r.id}" also names an element of the page`);
      if (adopted !== 1) problems.push(`${name}: ${adopted} adopted stylesheets`);
    });
    // Shadow roots scope ids, so equal ids in two widgets cannot clash; form controls get the
    // widget's own prefix all the same (they end up in the URL fragment and in assistive tools' lists).
    const shared = ids[0].controls.filter((id) => ids[1].controls.includes(id));
    if (shared.length) problems.push(`form controls with the same id in both widgets: ${shared}`);
    assert.ok(ids[0].controls.length > 3, `form controls found: ${ids[0].controls}`);
    assert.ok(ids[0].refs.length > 5 && ids[1].refs.length > 5, 'labels and aria references were found');

    const sa = await styles(page, a, LIST_ELEMENTS);
    const sb = await styles(page, b, LIST_ELEMENTS);
    problems.push(...differences(sb, sa).map((l) => `#autres differs from #emplois: ${l}`));

    // A theme set on one host element reaches that widget only.
    await page.addStyleTag({ content: '#emplois { --vitrine-accent: #6f2dbd; }' });
    await a.until('the first widget is themed', (root, c) => getComputedStyle(root.querySelector('li.card .card-title > a')).color === c, THEMED);
    const colours = await Promise.all([a, b].map((w) => w.cards.first().locator('.card-title > a').evaluate((el) => getComputedStyle(el).color)));
    assert.deepEqual(colours, [THEMED, ACCENT]);
    assert.deepEqual(problems, [], problems.join('\n'));
  });
});
