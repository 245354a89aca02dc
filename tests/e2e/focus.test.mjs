// Keyboard focus is always visible (WCAG 2.4.7): Tab goes through every control of the widget
// (list and detail), and each one, when focused from the keyboard, draws a focus ring (an outline
// of at least 2 px on itself or on its card). keyboard.test.mjs covers the keyboard journey itself.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOpen, loadPostings, useBrowser, Widget } from './harness.mjs';

/** An open demo offer with an e-mail to apply to, so its detail has an apply link. */
const withApply = loadPostings().find((p) => isOpen(p) && p.apply?.emails?.length > 0);

/** What is focused now: a description, whether it is in the widget, and whether a ring shows. */
function focusState(sel) {
  const root = document.querySelector(sel).shadowRoot;
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el.getRootNode() !== root) return { inWidget: false };
  // The ring may be drawn by the element or, for a card's title link, by the card (:focus-within).
  let ring = null;
  for (let e = el, up = 0; e && up < 3; e = e.parentElement, up++) {
    const s = getComputedStyle(e);
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) {
      ring = `${e === el ? 'itself' : e.localName}: ${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`;
      break;
    }
  }
  const label = el.getAttribute('aria-label') || (el.id && root.querySelector(`label[for="${el.id}"]`)?.textContent) || el.textContent || el.getAttribute('type');
  return { inWidget: true, name: `<${el.localName}${el.className ? `.${el.className}` : ''}> "${(label || '').trim().slice(0, 50)}"`, ring };
}

/** Tabs from the page's start through the whole widget; returns the focus states met in it. */
async function tabThrough(page, w) {
  const seen = [];
  let entered = false;
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press('Tab');
    const s = await page.evaluate(({ sel, src }) => (0, eval)(`(${src})`)(sel), { sel: w.sel, src: focusState.toString() });
    if (s.inWidget) {
      entered = true;
      seen.push(s);
    } else if (entered) {
      return seen;
    }
  }
  assert.fail(`Tab did not leave the widget after 250 presses (${seen.length} stops in it)`);
}

describe('visible keyboard focus', { timeout: 120_000 }, () => {
  const env = useBrowser();

  for (const [page, viewport] of [['index.html', { width: 1280, height: 800 }], ['index.html', { width: 320, height: 640 }],
    ['examples/hostile-host.html', { width: 1280, height: 800 }]]) {
    it(`${page} at ${viewport.width}px: every control of the list and of a detail shows a focus ring`, async () => {
      const { page: p } = await env.open(page, viewport);
      const w = new Widget(p);
      await w.ready();
      if (await w.filtersToggle.isVisible()) await w.filtersToggle.press('Enter');
      const list = await tabThrough(p, w);
      assert.ok(list.length >= 10, `Tab reached ${list.length} controls of the list`);
      assert.ok(withApply, 'a demo offer has an apply e-mail');
      await w.cardButton(withApply.title).focus();
      await p.keyboard.press('Enter');
      await w.untilFocus('detail heading focused', (el) => el.matches('article.detail [data-detail-heading]'));
      const detail = await tabThrough(p, w);
      assert.ok(detail.some((s) => s.name.startsWith('<a.button primary>')), `the apply link was reached: ${detail.map((s) => s.name)}`);
      const missing = [...list, ...detail].filter((s) => !s.ring).map((s) => s.name);
      assert.deepEqual([...new Set(missing)], [], 'focused without a visible focus ring');
    });
  }
});
