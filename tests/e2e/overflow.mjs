// Content wider than the widget: what overflows its host element (and is clipped by the host's
// `contain: content`, so the visitor never sees it) or makes the page scroll sideways.

/**
 * Widget elements that reach past its host's right edge (their content is clipped by the host's
 * containment, or scrolls the page). Reported are the outermost ones (where the widening starts)
 * and the ones holding a long word that cannot wrap (overflow-wrap and word-break both "normal").
 */
function overflowing(root) {
  const host = root.host.getBoundingClientRect();
  const wide = (el) => !!el && el.getClientRects().length > 0 && el.getBoundingClientRect().right > host.right + 1;
  const name = (el) => `${el.localName}${el.className ? `.${String(el.className).trim().replace(/\s+/g, '.')}` : ''}`;
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== root.host && e.nodeType === 1; e = e.parentNode instanceof ShadowRoot ? null : e.parentNode) parts.unshift(name(e));
    return parts.slice(-4).join(' > ');
  };
  const outermost = [];
  const unbreakable = [];
  for (const el of root.querySelectorAll('*')) {
    if (!wide(el)) continue;
    const r = el.getBoundingClientRect();
    const line = `${path(el)} (${Math.round(r.width)}px wide, right edge ${Math.round(r.right)}px > ${Math.round(host.right)}px)`;
    if (!wide(el.parentElement)) outermost.push(line);
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('').trim();
    const s = getComputedStyle(el);
    const word = text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
    if (word.length > 30 && s.overflowWrap === 'normal' && s.wordBreak === 'normal') {
      unbreakable.push(`${path(el)} holds a ${word.length}-character word ${JSON.stringify(word.slice(0, 40))}… that cannot wrap (overflow-wrap: normal)`);
    }
  }
  return { outermost, unbreakable, pageWidth: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth };
}

/** Readable lines naming what is too wide in the widget of `w` (empty when everything fits). */
export async function overflowProblems(page, w, view) {
  const m = await page.evaluate(({ host, src }) => (0, eval)(`(${src})`)(document.querySelector(host).shadowRoot),
    { host: w.sel, src: overflowing.toString() });
  const out = [];
  if (m.pageWidth > m.viewport) out.push(`${view}: the page scrolls sideways (${m.pageWidth}px in a ${m.viewport}px viewport)`);
  for (const line of m.outermost) out.push(`${view}: too wide: ${line}`);
  for (const line of m.unbreakable) out.push(`${view}: ${line}`);
  return out;
}
