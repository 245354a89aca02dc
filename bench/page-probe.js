// In-page probe of the benchmark, installed by bench/bench.mjs with `page.addInitScript` so it runs
// before any script of the page. It watches every shadow root the widget opens and records, on
// `window.__bench`:
//   * firstCard      performance.now() (ms since navigation start) when the first `li.card` is in the
//                    DOM and style + layout are done (the observer forces them);
//   * firstCardFrame the end of the first animation frame after that (rAF, then a task): the card
//                    has been painted by then;
//   * per interaction (`arm(type)` before it, `settle()` after it): t0 = when the `input` or `click`
//                    event reached the window (capture phase, before the widget's own listeners),
//                    last = the last DOM change in the widget that followed, with style + layout
//                    forced, and painted = the end of the first frame after that last change;
//   * cls            the cumulative layout shift of the page (PerformanceObserver 'layout-shift',
//                    shifts right after an input left out, as CLS counts them).
// The probe changes nothing in the page; forcing layout in the observer only moves work the browser
// would do before the next paint anyway.
(() => {
  const B = {
    roots: [],
    firstCard: null,
    firstCardFrame: null,
    armed: null,
    t0: null,
    last: null,
    painted: null,
    mutations: 0,
    seq: 0,
  };
  window.__bench = B;

  B.cls = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) B.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    B.cls = null; // no Layout Instability API in this browser
  }

  const afterFrame = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));

  const watch = (root) => {
    B.roots.push(root);
    new MutationObserver(() => {
      void root.host.offsetHeight; // style + layout now, so the time below includes them
      const now = performance.now();
      B.mutations += 1;
      B.last = now;
      const seq = ++B.seq;
      afterFrame(() => {
        if (B.seq === seq) B.painted = performance.now();
      });
      if (B.firstCard === null && root.querySelector('li.card')) {
        B.firstCard = now;
        afterFrame(() => {
          B.firstCardFrame = performance.now();
        });
      }
    }).observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  };

  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    watch(root);
    return root;
  };

  for (const type of ['input', 'click']) {
    window.addEventListener(type, () => {
      if (B.armed === type) {
        B.t0 = performance.now();
        B.armed = null;
      }
    }, true);
  }

  /** Starts one measured interaction: the next `type` event is its start. */
  B.arm = (type) => {
    B.armed = type;
    B.t0 = null;
    B.last = null;
    B.painted = null;
    B.mutations = 0;
  };

  /**
   * Resolves once the widget has been quiet for `quiet` ms after the armed event: {dom, paint,
   * mutations} in ms from the event (null when the event never came or nothing changed).
   */
  B.settle = (quiet = 150, limit = 20000) => new Promise((resolve) => {
    const start = performance.now();
    const poll = () => {
      const now = performance.now();
      const since = Math.max(B.t0 ?? start, B.last ?? 0, B.painted ?? 0);
      const framed = B.last === null || (B.painted !== null && B.painted >= B.last);
      if ((B.t0 !== null && framed && now - since >= quiet) || now - start > limit) {
        resolve({
          event: B.t0 !== null,
          dom: B.t0 !== null && B.last !== null ? B.last - B.t0 : null,
          paint: B.t0 !== null && B.painted !== null ? B.painted - B.t0 : null,
          mutations: B.mutations,
          timedOut: now - start > limit,
        });
      } else {
        setTimeout(poll, 10);
      }
    };
    poll();
  });

  /** The widget's shadow root (the one holding the search field), once mounted. */
  B.root = () => B.roots.find((r) => r.querySelector('input[type="search"]')) ?? null;

  /** The result count the toolbar announces, as a number (null before the list shows). */
  B.count = () => {
    const el = B.root()?.querySelector('.toolbar [role="status"]');
    if (!el) return null;
    const digits = el.textContent.split(' sur ')[0].replace(/[^0-9]/g, '');
    return digits === '' ? 0 : Number(digits);
  };
})();
