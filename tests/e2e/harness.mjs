// Shared end-to-end harness: starts the loopback demo server (scripts/serve.py) and one headless
// Chromium per test file, opens pages while collecting their errors, drives one widget through its
// open shadow root, and computes expectations from data/postings.json.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import { chromium } from 'playwright-core';

/** Repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where screenshots go (under target/, never committed). */
export const SCREENSHOTS = join(ROOT, 'target', 'e2e-screenshots');
/** The date the demo pages judge deadlines against (their `data-today`). */
export const DEMO_TODAY = '2023-07-03';
/** Time allowed for the bundle to download, compile and render the first time on a page. */
export const LOAD_TIMEOUT = 20_000;
/** Time allowed for one interaction to show its effect. */
export const STEP_TIMEOUT = 5_000;

const BUNDLE = ['pkg/vitrine.js', 'pkg/vitrine_core.js', 'pkg/vitrine_core_bg.wasm'];
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The bundled offers, as the widget gets them. */
export function loadPostings() {
  const path = join(ROOT, 'data', 'postings.json');
  const postings = JSON.parse(readFileSync(path, 'utf8'));
  assert.ok(Array.isArray(postings) && postings.length > 0, `${path}: expected a non-empty array of postings`);
  return postings;
}

/** Starts `scripts/serve.py` on free loopback ports; resolves to `{ page, assets, stop }`. */
export async function startServer() {
  const child = spawn('python3', [join(ROOT, 'scripts', 'serve.py'), '--port', '0', '--asset-port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  // Never leave the server behind, even if the `after` hook is not reached.
  const killOnExit = () => { if (child.exitCode === null) child.kill('SIGTERM'); };
  process.on('exit', killOnExit);

  const lines = createInterface({ input: child.stdout });
  const firstLine = new Promise((resolveLine, reject) => {
    lines.once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`scripts/serve.py exited (code ${code}) before printing its address:\n${stderr}`)));
    child.once('error', reject);
    setTimeout(() => reject(new Error(`scripts/serve.py printed no address within 10 s:\n${stderr}`)), 10_000).unref();
  });
  let line;
  try {
    line = await firstLine;
  } catch (e) {
    killOnExit();
    throw e;
  }
  lines.close();
  let urls;
  try {
    urls = JSON.parse(line);
  } catch {
    killOnExit();
    throw new Error(`scripts/serve.py: expected one JSON line {"page", "assets"}, got: ${line}`);
  }
  for (const key of ['page', 'assets']) {
    const url = new URL(urls[key]);
    assert.equal(url.hostname, '127.0.0.1', `scripts/serve.py: ${key} origin must be loopback, got ${urls[key]}`);
  }
  return {
    page: urls.page,
    assets: urls.assets,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      process.kill(child.pid, 'SIGTERM');
      await exited;
    },
  };
}

/**
 * Registers the hooks of one test file: one server and one browser for the file, a fresh
 * browser context per test (closed after it), and a check that no page of the test logged an error.
 * Returns an object whose `open(path, options)` loads a page of the demo server.
 */
export function useBrowser() {
  const env = { server: null, browser: null, contexts: [], errors: [] };

  before(async () => {
    const missing = BUNDLE.filter((f) => !existsSync(join(ROOT, f)));
    if (missing.length) {
      throw new Error(`bundle not built (missing ${missing.join(', ')}): run \`bash scripts/build.sh\` first`);
    }
    env.server = await startServer();
    env.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterEach(async () => {
    const contexts = env.contexts.splice(0);
    const errors = env.errors.splice(0);
    await Promise.all(contexts.map((c) => c.close()));
    assert.deepEqual(errors, [], `the pages of this test reported errors:\n${errors.join('\n')}`);
  });

  after(async () => {
    if (env.browser) await env.browser.close();
    if (env.server) await env.server.stop();
  });

  return {
    /** Origins of the demo server, once started. */
    get server() { return env.server; },
    /**
     * Opens `path` (relative to the page origin) in a new context of the given viewport size.
     * Uncaught exceptions, console errors and failed or 4xx/5xx responses are recorded and fail
     * the test in `afterEach` (unless `ownErrors`: then only the returned `errors` holds them).
     * `prepare(page)` runs before the page is loaded (to set up routes).
     * Returns `{ page, errors, requests, url }`.
     */
    async open(path, { width = 1280, height = 800, origin = 'page', ownErrors = false, prepare = null } = {}) {
      const context = await env.browser.newContext({ viewport: { width, height }, locale: 'fr-FR' });
      env.contexts.push(context);
      const page = await context.newPage();
      const requests = [];
      const errors = [];
      const record = (what) => {
        errors.push(what);
        if (!ownErrors) env.errors.push(`${path}: ${what}`);
      };
      page.on('pageerror', (e) => record(`uncaught ${e.name}: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') record(`console.error: ${m.text()}`); });
      page.on('request', (r) => requests.push(r.url()));
      page.on('requestfailed', (r) => record(`request failed: ${r.url()} (${r.failure()?.errorText})`));
      page.on('response', (r) => {
        // Chromium asks for /favicon.ico on its own; the demo pages have none and it is no part of the widget.
        if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') record(`HTTP ${r.status()} for ${r.url()}`);
      });
      const url = new URL(path, origin === 'page' ? env.server.page : env.server.assets).href;
      if (prepare) await prepare(page);
      await page.goto(url, { waitUntil: 'commit' });
      return { page, errors, requests, url };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Driving one widget

/** Text of the count status for `n` offers ("Aucune offre", "1 offre", "3 offres"), + " sur total" when filtered. */
/**
 * Resolves once `fn(arg)`, run in the page, resolves to a truthy value; polls every 50 ms and
 * fails after `timeout` ms naming `what`. (`page.waitForFunction` does not await a predicate that
 * returns a promise: it takes the promise itself as truthy.)
 */
export async function untilInPage(page, what, fn, arg = null, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > end) assert.fail(`${what}: still not so after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function countText(n, total = null) {
  const base = n === 0 ? 'Aucune offre' : n === 1 ? '1 offre' : `${n} offres`;
  return total === null ? base : `${base} sur ${total}`;
}

/** Everything a test may want to know about a widget's state, read inside the page (self-contained). */
function snapshotIn(root) {
  const clean = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  const text = (el) => (el ? clean(el.textContent) : null);
  const describe = (el) => {
    if (!el) return null;
    const name = el.getAttribute('aria-label') || (el.id && el.getRootNode().querySelector(`label[for="${el.id}"]`)?.textContent) || el.textContent;
    return { tag: el.tagName.toLowerCase(), type: el.getAttribute('type'), id: el.id || null, name: clean(name || '').slice(0, 120),
      href: el.getAttribute('href'), inWidget: el.getRootNode() === root };
  };
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  const facets = [...root.querySelectorAll('fieldset.facet')].map((fs) => ({
    legend: text(fs.querySelector('legend')),
    values: [...fs.querySelectorAll('li')].map((li) => {
      const group = text(li.closest('.subgroup')?.querySelector('.subgroup-title'));
      const label = li.querySelector('label');
      const n = label.querySelector('.n');
      const hidden = n ? [...n.querySelectorAll('.visually-hidden')].map((h) => h.textContent).join('') : '';
      const countText = n ? clean(n.textContent.slice(hidden.length)) : '';
      const value = clean(label.textContent.slice(0, label.textContent.length - (n ? n.textContent.length : 0)));
      return { value, count: Number(countText.replace(/ /g, '')), checked: li.querySelector('input').checked, group };
    }),
  }));
  const detail = root.querySelector('article.detail');
  return {
    // The loader's message is a <p> straight in the shadow root (":scope" does not apply to a root).
    message: text([...root.children].find((el) => el.tagName === 'P')),
    messageRole: [...root.children].find((el) => el.tagName === 'P')?.getAttribute('role') ?? null,
    status: text(root.querySelector('.toolbar [role="status"]')),
    query: root.querySelector('input[type="search"]')?.value ?? null,
    cards: [...root.querySelectorAll('.results > ul.cards > li.card .card-title > a')].map(text),
    empty: text(root.querySelector('.empty-title')),
    detail: detail ? text(detail.querySelector('[data-detail-heading]')) : null,
    filtersExpanded: root.querySelector('.filters-toggle')?.getAttribute('aria-expanded') ?? null,
    facets,
    focus: describe(active),
    scrollY: window.scrollY,
  };
}

/** One widget on a page, found by its host element. */
export class Widget {
  constructor(page, hostSelector = '[data-vitrine-mounted]') {
    this.page = page;
    this.sel = hostSelector;
    this.host = page.locator(hostSelector);
    this.search = this.host.getByRole('searchbox', { name: 'Rechercher une offre' });
    this.status = this.host.locator('.toolbar [role="status"]');
    // The result list's cards (not the nearest offers proposed when a search finds none).
    this.cards = this.host.locator('.results > ul.cards > li.card');
    this.detail = this.host.locator('article.detail');
    this.filtersToggle = this.host.locator('button.filters-toggle');
  }

  /** Resolves when `predicate(shadowRoot, arg)` (run in the page) is true; fails with the widget's state otherwise. */
  async until(description, predicate, arg = null, timeout = STEP_TIMEOUT) {
    try {
      await this.page.waitForFunction((a) => {
        const root = document.querySelector(a.sel)?.shadowRoot;
        // The predicate travels as source text (it runs in the page, with the shadow root as argument).
        // It is compiled once, on the first call: that one runs inside Playwright's evaluation, which
        // a page's Content-Security-Policy allows to eval; the later polls (from animation frames) not.
        a.fn = a.fn || (0, eval)(`(${a.src})`);
        return !!root && !!a.fn(root, a.arg);
      }, { sel: this.sel, src: predicate.toString(), arg }, { timeout, polling: 'raf' });
    } catch (e) {
      if (e.name !== 'TimeoutError') throw e;
      const state = await this.snapshot().catch((err) => `unreadable: ${err.message}`);
      assert.fail(`${this.sel}: ${description} — not reached within ${timeout} ms.\nWidget state: ${JSON.stringify(state, null, 1)}`);
    }
  }

  /** The widget's state as plain data. */
  async snapshot() {
    return this.page.evaluate(({ sel, src }) => {
      const root = document.querySelector(sel)?.shadowRoot;
      if (!root) return null;
      return (0, eval)(`(${src})`)(root);
    }, { sel: this.sel, src: snapshotIn.toString() });
  }

  /** Waits for the first render: the loading message gone, a count shown. */
  async ready() {
    await this.until('the widget replaces its loading message with the list',
      (root) => ![...root.children].some((el) => el.tagName === 'P') && !!root.querySelector('.toolbar [role="status"]'),
      null, LOAD_TIMEOUT);
    return this.snapshot();
  }

  /** Waits until the list shows exactly these titles (in any order) and the count says `status`. */
  async expectList(titles, status) {
    const want = [...titles].sort();
    await this.until(`list shows ${JSON.stringify(want)} with status "${status}"`, (root, { want, status }) => {
      const clean = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
      const got = [...root.querySelectorAll('.results > ul.cards > li.card .card-title > a')].map((b) => clean(b.textContent)).sort();
      const st = root.querySelector('.toolbar [role="status"]');
      return st && clean(st.textContent) === status && JSON.stringify(got) === JSON.stringify(want);
    }, { want, status });
  }

  /** Waits until the list has `n` cards and the count says `status`. */
  async expectCount(n, status) {
    await this.until(`${n} cards with status "${status}"`, (root, { n, status }) => {
      const st = root.querySelector('.toolbar [role="status"]');
      return st && st.textContent.replace(/[\s\u00a0\u202f]+/g, ' ').trim() === status
        && root.querySelectorAll('.results > ul.cards > li.card').length === n;
    }, { n, status });
  }

  /** The facet values shown under `legend`, as `{ value, count, checked }`. */
  async facetValues(legend) {
    const { facets } = await this.snapshot();
    const f = facets.find((x) => x.legend === legend);
    assert.ok(f, `no facet "${legend}" among ${JSON.stringify(facets.map((x) => x.legend))}`);
    return f.values;
  }

  /** The fieldset of one facet, by its legend. */
  facet(legend) {
    return this.host.locator('fieldset.facet').filter({ has: this.page.locator('legend', { hasText: legend }) });
  }

  /** The checkbox of one facet value (its accessible name is "<value> : <count>"). */
  checkbox(legend, value) {
    return this.facet(legend).getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(value)} : [0-9\\s\\u202f]+$`) });
  }

  /** The title button of the card with exactly this title. */
  cardButton(title) {
    return this.cards.locator('.card-title > a').filter({ hasText: exactText(title) });
  }

  /** The card (`li.card`) with exactly this title. */
  card(title) {
    return this.cards.filter({ has: this.page.locator('.card-title > a', { hasText: exactText(title) }) });
  }

  /** Waits until the deepest focused element satisfies `predicate(el, root, arg)` (run in the page). */
  async untilFocus(description, predicate, arg = null) {
    await this.until(description, (root, o) => {
      let a = document.activeElement;
      while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
      o.fn = o.fn || (0, eval)(`(${o.src})`);
      return !!a && !!o.fn(a, root, o.arg);
    }, { src: predicate.toString(), arg });
  }

  /** Presses Tab (or Shift+Tab) until `predicate(el, root, arg)` holds for the focused element; returns the presses used. */
  async tabTo(description, predicate, arg = null, { max = 60, back = false } = {}) {
    for (let i = 1; i <= max; i++) {
      await this.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      const ok = await this.page.evaluate(({ sel, src, arg }) => {
        const root = document.querySelector(sel)?.shadowRoot;
        let a = document.activeElement;
        while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
        return !!root && !!a && !!(0, eval)(`(${src})`)(a, root, arg);
      }, { sel: this.sel, src: predicate.toString(), arg });
      if (ok) return i;
    }
    const state = await this.snapshot();
    assert.fail(`${this.sel}: Tab never reached ${description} in ${max} presses; focus is on ${JSON.stringify(state.focus)}`);
  }
}

/** A pattern matching exactly `text`, give or take surrounding white space. */
export function exactText(text) {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

export function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Makes sure the screenshot folder exists and returns the path for `name`.png. */
export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

// ---------------------------------------------------------------------------------------------
// Expectations from the data

/** Case-, accent- and ligature-folded text, as the widget's search compares it. */
export function fold(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
}

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
// Punctuation inclusive writing and compounds put between letters: "chargé·e", "chargé.e", "recherche-action".
const JOINED = /(?<=[\p{L}\p{N}])[-\u2010\u2011./()\u00b7\u2027\u22c5\u2219\u2022]+(?=[\p{L}\p{N}])/gu;

/** The folded words of a text, plus the joined forms of "chargé·e"-like and hyphenated groups. */
export function words(text) {
  const f = fold(text);
  const out = new Set(f.split(WORD_SPLIT).filter(Boolean));
  for (const w of f.replace(JOINED, '').split(WORD_SPLIT)) if (w) out.add(w);
  return out;
}

/**
 * The free-text fields of a posting the search looks in (issue #2): title, organization, partners,
 * places, pay words, contact and body. The French labels of kind, contract, country and themes are
 * indexed too; they are not in the data, so `searchOracle` callers make sure their query words
 * match none of them (see `labelWordsHit`).
 */
export function freeText(p) {
  const parts = [p.title, p.organization, ...(p.partners ?? [])];
  for (const pl of p.places ?? []) parts.push(pl.city ?? '', pl.department ?? '', pl.region ?? '');
  if (p.pay?.text) parts.push(p.pay.text);
  if (p.apply?.contact) parts.push(p.apply.contact);
  for (const b of p.body ?? []) {
    if (b.type === 'list') for (const it of b.items) parts.push(it.text, ...(it.children ?? []));
    else parts.push(b.text);
  }
  return parts.join('\n');
}

/** Whether a posting is still open on `today` (ISO dates compare as strings). */
export function isOpen(p, today = DEMO_TODAY) {
  return !p.deadline || p.deadline >= today;
}

/** The optimal-string-alignment distance: a letter wrong, missing, extra, or two neighbours swapped. */
export function editDistance(a, b) {
  const [x, y] = [[...a], [...b]];
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}

/** Whether an indexed word matches a query word: as a prefix, or a typo away (issue #16: one edit
 * from 5 letters, two from 9; never with digits). */
export function wordMatches(term, word) {
  if (word.startsWith(term)) return true;
  const n = [...term].length;
  const edits = n >= 9 ? 2 : n >= 5 ? 1 : 0;
  return edits > 0 && !/\d/.test(term + word) && editDistance(term, word) <= edits;
}

/** A plain reference of the issues' search rule: every query word matches some word of the posting. */
export function searchOracle(postings, query, today = DEMO_TODAY) {
  const terms = fold(query).split(WORD_SPLIT).filter(Boolean);
  return postings.filter((p) => {
    if (!isOpen(p, today)) return false;
    const ws = [...words(freeText(p))];
    return terms.every((t) => ws.some((w) => wordMatches(t, w)));
  });
}

/** Query words that are prefixes of a word of the given labels (the oracle cannot judge those). */
export function labelWordsHit(query, labels) {
  const terms = fold(query).split(WORD_SPLIT).filter(Boolean);
  const ws = labels.flatMap((l) => [...words(l)]);
  return terms.filter((t) => ws.some((w) => w.startsWith(t)));
}
