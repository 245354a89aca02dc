// The benchmark of issues #5 and #17, driven by bench/run.sh (which builds the bundle and the CLI
// and generates the corpora first). For each N it times the ingest of the raw texts, loads the
// widget in headless Chromium on loopback with a cold cache, measures first result, keystrokes,
// facet toggles and memory, then sizes the bundle as sent, gzip -9 and brotli 11. Issue #17: the
// same loads on a phone's terms (the mobile profile: Lighthouse's applied mobile throttling, CPU 4×
// slower, files sent brotli-compressed) and, on both profiles, the vanilla-JS yardstick page
// (bench/vanilla.html) over the same offers: bytes before the first result, first result, first
// keystroke answered by the full search, keystrokes, layout shift, and the ratios widget / vanilla.
// It prints tables of figures next to the targets and writes bench/results/latest.json plus a dated
// copy. Nothing is asserted: the exit code only says whether the benchmark could run.
//
// Usage: node bench/bench.mjs --pkg DIR --cli PATH [--ns 5,1000,10000] [--loads 5] [--reps 3]
//        [--toggles 10] [--ops 1000] [--ingest-runs 3] [--corpus DIR] [--out DIR]
//        [--mobile on|off]

import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', 'work');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-precise-memory-info', '--js-flags=--expose-gc',
];
/** The query typed one key at a time (issue #5). */
const QUERY = 'coordinat';
/** Words the 1,000 filter operations search for, in turn. */
const OP_WORDS = ['coordinat', 'projet', 'paris', 'animat', 'association', 'jeunesse', 'mission', 'lyon'];
/** Dates the pages judge deadlines against: the seeds are from 2023, the corpus from 2025. */
const TODAY_SEEDS = '2023-07-03';
const TODAY_CORPUS = '2025-01-01';
/** The files of the bundle, in pkg/. */
const PKG_FILES = ['vitrine.js', 'vitrine_core.js', 'vitrine_core_bg.wasm'];
/**
 * The two ways a page is measured (issue #17). `desktop` is the original benchmark: loopback
 * without throttling, files sent as they are (scripts/serve.py). `mobile` is Lighthouse's "applied"
 * mobile throttling as DevTools applies it (its slow-4G preset): request latency 150 ms × 3.75 =
 * 562.5 ms, download 1.6 Mbit/s × 0.9 = 1,474.56 kbit/s, upload 750 kbit/s × 0.9 = 675 kbit/s
 * (kbit = 1,024 bits, turned into bytes/s as Lighthouse does: × 1,024 / 8), the CPU 4× slower, a
 * 412 × 823 phone screen at 1.75 device pixels; and the files sent brotli-compressed, as a real
 * host would (this file's own loopback server, below).
 */
const PROFILES = {
  desktop: { name: 'desktop', viewport: { width: 1280, height: 800 }, throttle: null },
  mobile: {
    name: 'mobile', viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true,
    throttle: { latency: 562.5, download: Math.floor((1474.56 * 1024) / 8), upload: Math.floor((675 * 1024) / 8), cpu: 4 },
  },
};

// ---------------------------------------------------------------------------------------------
// Options

/** A mistake in the command line: reported without a stack trace. */
class UsageError extends Error {}

function parseArgs(argv) {
  const o = {
    pkg: null, cli: null, ns: [5, 1000, 10000], loads: 5, reps: 3, toggles: 10, ops: 1000, ingestRuns: 3,
    corpus: join(WORK, 'corpus'), out: join(ROOT, 'bench', 'results'), mobile: true,
  };
  const int = (name, v, min) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${name}: expected an integer ≥ ${min}, got "${v}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new UsageError(`${flag}: missing value`);
    i += 1;
    switch (flag) {
      case '--pkg': o.pkg = resolve(value); break;
      case '--cli': o.cli = resolve(value); break;
      case '--ns': o.ns = value.split(',').map((s) => int('--ns', s.trim(), 1)); break;
      case '--loads': o.loads = int(flag, value, 1); break;
      case '--reps': o.reps = int(flag, value, 1); break;
      case '--toggles': o.toggles = int(flag, value, 2); break;
      case '--ops': o.ops = int(flag, value, 0); break;
      case '--ingest-runs': o.ingestRuns = int(flag, value, 1); break;
      case '--corpus': o.corpus = resolve(value); break;
      case '--out': o.out = resolve(value); break;
      case '--mobile':
        if (value !== 'on' && value !== 'off') throw new UsageError(`--mobile: expected on or off, got "${value}"`);
        o.mobile = value === 'on';
        break;
      default: throw new UsageError(`unknown option ${flag}`);
    }
  }
  if (!o.pkg) throw new UsageError('--pkg DIR is required (the built bundle: vitrine.js, vitrine_core.js, vitrine_core_bg.wasm)');
  for (const f of PKG_FILES) {
    if (!existsSync(join(o.pkg, f))) throw new UsageError(`--pkg ${o.pkg}: ${f} is missing; build the bundle first`);
  }
  if (relative(ROOT, o.pkg).startsWith('..')) throw new UsageError(`--pkg ${o.pkg}: must be inside the repository (the server serves its root)`);
  if (o.ns.some((n) => n < 5)) throw new UsageError(`--ns ${o.ns.join(',')}: the smallest case is N = 5 (the seeds bundled in the wasm)`);
  if (o.ns.some((n) => n > 5) && !(o.cli && existsSync(o.cli))) throw new UsageError(`--cli ${o.cli}: the vitrine binary is missing`);
  return o;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => {
  const v = xs.filter((x) => typeof x === 'number');
  const r2 = (x) => (x == null ? null : Math.round(x * 100) / 100);
  return { n: v.length, median: r2(median(v)), max: r2(v.length ? Math.max(...v) : null), min: r2(v.length ? Math.min(...v) : null),
    samples: v.map(r2) };
};
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

function run(cmd, args, opts = {}) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts }).trim();
  } catch {
    return null;
  }
}

function machine(browserVersion) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  const mhz = /^cpu MHz\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? null;
  return {
    nproc: Number(run('nproc', [])) || availableParallelism(),
    cpu_model: model,
    cpu_mhz: mhz ? Number(mhz) : null,
    memory_mb: Math.round(totalmem() / 2 ** 20),
    kernel: run('uname', ['-sr']),
    chromium: browserVersion,
    node: process.version,
    rustc: run('rustc', ['--version']),
    git_commit: run('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
    git_dirty_files: (run('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no']) ?? '').split('\n').filter(Boolean).length,
  };
}

// ---------------------------------------------------------------------------------------------
// Ingest

/** Runs `vitrine ingest DIR -o OUT` pinned to one core; resolves to its times and record count. */
function ingestOnce(cli, dir, out) {
  return new Promise((resolvePromise, reject) => {
    const pin = existsSync('/usr/bin/taskset') ? 'taskset -c 0 ' : '';
    const script = `TIMEFORMAT='@@time %R %U %S'; time ${pin}"$0" ingest "$1" -o "$2" --no-overrides --keep-going -q`;
    const child = spawn('bash', ['-c', script, cli, dir, out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c) => { stderr += c; });
    child.on('error', reject);
    child.on('exit', (code) => {
      const t = /@@time ([\d.]+) ([\d.]+) ([\d.]+)/.exec(stderr);
      const wrote = /wrote (\d+) record/.exec(stderr);
      const skipped = (stderr.match(/^skipped: .*/gm) ?? []);
      if (code !== 0 || !t || !wrote) {
        reject(new Error(`vitrine ingest ${relative(ROOT, dir)} failed (exit ${code}):\n${stderr.replace(/@@time.*\n?/, '').slice(0, 2000)}`));
        return;
      }
      resolvePromise({ wall_s: Number(t[1]), user_s: Number(t[2]), sys_s: Number(t[3]), postings: Number(wrote[1]),
        skipped: skipped.length, skipped_first: skipped.slice(0, 3), pinned: pin !== '' });
    });
  });
}

async function ingest(o, n) {
  const dir = join(o.corpus, `txt-${n}`);
  if (!existsSync(dir)) throw new Error(`${relative(ROOT, dir)}: corpus missing (bench/run.sh generates it)`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).length;
  const out = join(WORK, 'data', `feed-${n}.json`);
  mkdirSync(dirname(out), { recursive: true });
  const largest = n === Math.max(...o.ns);
  const runs = [];
  for (let i = 0; i < (largest ? o.ingestRuns : 1); i += 1) {
    log(`ingest of ${files} texts (N = ${n}), run ${i + 1}`);
    runs.push(await ingestOnce(o.cli, dir, out));
  }
  const postings = runs[0].postings;
  // The widget's data: the ingested file as a split feed (offers first, their texts after).
  const split = join(WORK, 'split', `feed-${n}.json`);
  mkdirSync(dirname(split), { recursive: true });
  log(`pack (N = ${n})`);
  await new Promise((res, rej) => {
    const child = spawn(o.cli, ['pack', out, '-o', split], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => { err += c; });
    child.once('exit', (code) => (code === 0 ? res() : rej(new Error(`vitrine pack failed (${code}):\n${err}`))));
  });
  const bodies = join(WORK, 'split', `feed-${n}.bodies.json`);
  const wall = median(runs.map((r) => r.wall_s));
  const cpu = median(runs.map((r) => r.user_s + r.sys_s));
  return {
    n, files, postings, out, split, bodies, skipped: runs[0].skipped, skipped_first: runs[0].skipped_first, pinned: runs[0].pinned,
    runs: runs.map(({ wall_s, user_s, sys_s }) => ({ wall_s, user_s, sys_s })), per_s_wall: postings / wall, per_s_cpu: postings / cpu,
  };
}

// ---------------------------------------------------------------------------------------------
// Server

/** Starts scripts/serve.py on free loopback ports; resolves to `{ page, stop }`. */
async function startServer() {
  const child = spawn('python3', [join(ROOT, 'scripts', 'serve.py'), '--port', '0', '--asset-port', '0'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c) => { stderr += c; });
  const kill = () => { if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGTERM'); };
  process.on('exit', kill);
  const line = await new Promise((res, rej) => {
    createInterface({ input: child.stdout }).once('line', res);
    child.once('exit', (code) => rej(new Error(`scripts/serve.py exited (${code}) before printing its address:\n${stderr}`)));
    setTimeout(() => rej(new Error(`scripts/serve.py printed no address within 10 s:\n${stderr}`)), 10_000).unref();
  });
  const { page } = JSON.parse(line);
  if (new URL(page).hostname !== '127.0.0.1') throw new Error(`scripts/serve.py: not loopback: ${page}`);
  return {
    page,
    pid: child.pid,
    async stop() {
      process.off('exit', kill);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((res) => child.once('exit', res));
      process.kill(child.pid, 'SIGTERM');
      await exited;
    },
  };
}

// The mobile profile's server: the repository root on a free loopback port, each file given to
// `precompressed` sent with `Content-Encoding: br` (as a host with precompressed files, or a CDN,
// sends them), every other file as it is; whatever the request's Accept-Encoding says, since
// Chromium advertises br only over HTTPS but decodes it on this plain loopback HTTP too (the
// loader's integrity check of the wasm and glue passes on the decoded bytes). Brotli 11 for files under 2 MB, brotli 9 with a 16 MB
// window above (brotli 11 of the 10,000-offer files takes minutes); cached by content hash in
// bench/work/br-cache/, made on worker threads.

const BR_CACHE = join(WORK, 'br-cache');
const BROTLI_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { brotliCompressSync, constants } = require('node:zlib');
const buf = readFileSync(workerData);
const big = buf.length >= 2_000_000;
const out = brotliCompressSync(buf, { params: {
  [constants.BROTLI_PARAM_QUALITY]: big ? 9 : 11, [constants.BROTLI_PARAM_LGWIN]: big ? 24 : 22,
  [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } });
parentPort.postMessage(out);`;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.css': 'text/css' };

async function precompress(paths) {
  mkdirSync(BR_CACHE, { recursive: true });
  const out = new Map();
  const todo = [];
  for (const p of new Set(paths)) {
    const cached = join(BR_CACHE, `${sha256(readFileSync(p))}.br`);
    if (existsSync(cached)) out.set(p, readFileSync(cached));
    else todo.push({ p, cached });
  }
  if (todo.length) log(`brotli of ${todo.length} file(s) for the mobile profile's server (once per content; cached in ${relative(ROOT, BR_CACHE)})`);
  const lanes = Math.max(1, Math.min(2, availableParallelism()));
  await Promise.all(Array.from({ length: lanes }, async () => {
    for (let t = todo.shift(); t; t = todo.shift()) {
      const packed = Buffer.from(await new Promise((res, rej) => {
        const w = new Worker(BROTLI_WORKER, { eval: true, workerData: t.p });
        w.once('message', res);
        w.once('error', rej);
      }));
      writeFileSync(t.cached, packed);
      out.set(t.p, packed);
    }
  }));
  return out;
}

async function startBrotliServer(precompressed) {
  const server = http.createServer((req, res) => {
    const path = resolve(ROOT, '.' + decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname));
    if (!path.startsWith(ROOT + sep) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers = { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' };
    let body = precompressed.get(path);
    if (body) headers['Content-Encoding'] = 'br';
    else body = readFileSync(path);
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((res, rej) => { server.once('error', rej); server.listen(0, '127.0.0.1', res); });
  return {
    page: `http://127.0.0.1:${server.address().port}/`,
    stop: () => new Promise((res) => { server.closeAllConnections(); server.close(res); }),
  };
}

// ---------------------------------------------------------------------------------------------
// The page of one case

function writePage(o, c) {
  const pages = join(WORK, 'pages');
  mkdirSync(pages, { recursive: true });
  const src = '/' + relative(ROOT, join(o.pkg, 'vitrine.js')).split('\\').join('/');
  const feed = c.data ? ` data-src="/${relative(ROOT, c.data).split('\\').join('/')}"` : '';
  const html = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>vitrine benchmark, N = ${c.n}</title><link rel="icon" href="data:,"></head>
<body>
<main>
<h1>Benchmark page, N = ${c.n}</h1>
<script src="${src}" data-today="${c.today}"${feed} async></script>
</main>
</body>
</html>
`;
  const path = join(pages, `n-${c.n}.html`);
  writeFileSync(path, html);
  return '/' + relative(ROOT, path).split('\\').join('/');
}

/** The yardstick page (bench/vanilla.html) over the same offers as the widget's page of case `c`. */
function vanillaPage(c) {
  const data = c.vanillaData ?? join(ROOT, 'data', 'postings.json');
  return `/bench/vanilla.html?data=${encodeURIComponent('/' + relative(ROOT, data).split('\\').join('/'))}`;
}

async function newPage(browser, probe, profile = PROFILES.desktop) {
  const { viewport, deviceScaleFactor, isMobile, hasTouch, throttle } = profile;
  const context = await browser.newContext({ viewport, deviceScaleFactor, isMobile, hasTouch, locale: 'fr-FR' });
  const page = await context.newPage();
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: throttle.latency, downloadThroughput: throttle.download, uploadThroughput: throttle.upload,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
  }
  const console_ = { errors: [], warnings: [], workers: [] };
  // The throttling above is the page's: the widget starts no worker (the bench pages register no
  // service worker); any worker that appears is named in the results, its CPU not slowed.
  page.on('worker', (w) => console_.workers.push(w.url()));
  page.on('pageerror', (e) => console_.errors.push(`uncaught ${e.name}: ${e.message}`));
  // Chromium asks for /favicon.ico on its own; the benchmark pages have none and it is no part of the widget.
  const favicon = (url) => (url ? new URL(url).pathname === '/favicon.ico' : false);
  page.on('console', (m) => {
    if (m.type() === 'error' && !favicon(m.location()?.url)) console_.errors.push(m.text());
    if (m.type() === 'warning') console_.warnings.push(m.text());
  });
  page.on('requestfailed', (r) => console_.errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  await page.addInitScript({ content: probe });
  return { context, page, console: console_ };
}

/** One cold load: resolves to the first-result times and what the network delivered. */
async function load(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench && window.__bench.firstCardFrame !== null, null,
    { timeout: 180_000, polling: 50 });
  // Let the widget finish (a feed is cached after it shows; the texts of a split feed are fetched
  // and indexed for search after that) before reading anything else.
  await page.waitForFunction(() => {
    const root = window.__bench.root()?.querySelector('.vitrine');
    if (root && root.dataset.texts === 'ready' && window.__bench.textsReady == null) window.__bench.textsReady = performance.now();
    return !root || root.dataset.texts !== 'loading';
  }, null, { timeout: 180_000, polling: 20 });
  await page.evaluate(() => { window.__bench.arm('none'); window.__bench.t0 = performance.now(); return window.__bench.settle(300, 60_000); });
  return page.evaluate(() => {
    const B = window.__bench;
    const resources = performance.getEntriesByType('resource').map((e) => ({
      name: e.name, transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize,
      response_end_ms: e.responseEnd,
    }));
    const total = B.root()?.querySelector('.toolbar [role="status"] .of')?.textContent ?? null;
    // Bytes as sent (encoded body sizes: compressed where the server compressed) of the page and of
    // every response complete before the first card was in the DOM.
    const nav = performance.getEntriesByType('navigation')[0];
    const before = [nav, ...performance.getEntriesByType('resource')].filter((e) => e && e.responseEnd <= B.firstCard);
    return {
      bytes_before_first: before.reduce((t, e) => t + e.encodedBodySize, 0),
      cls: B.cls,
      dom_ms: B.firstCard, paint_ms: B.firstCardFrame, texts_ready_ms: B.textsReady ?? null, resources,
      shown: B.count(),
      of_total: total ? Number(total.replace(/[^0-9]/g, '')) : null,
      notice: B.root()?.querySelector('.notice')?.textContent ?? null,
      expired_toggle: B.root()?.querySelector('.toolbar .check label')?.textContent ?? null,
    };
  });
}

/** JS heap (after a full GC) and the wasm module's memory, read from the module instance the loader made. */
async function memory(page) {
  return page.evaluate(async () => {
    for (let i = 0; i < 3; i += 1) {
      if (typeof window.gc === 'function') window.gc();
      await new Promise((r) => setTimeout(r, 50));
    }
    const module = await window.vitrine.ready; // the wasm-bindgen module the loader imported
    const exports = await module.default(); // already initialised: returns the same instance's exports
    return {
      js_heap_used: performance.memory.usedJSHeapSize,
      js_heap_total: performance.memory.totalJSHeapSize,
      wasm_memory: exports.memory.buffer.byteLength,
      gc: typeof window.gc === 'function',
    };
  });
}

async function keystrokes(o, page) {
  const search = page.locator('input[type="search"]');
  const samples = [];
  const counts = [];
  for (let rep = 0; rep < o.reps; rep += 1) {
    await search.fill('');
    await page.evaluate(() => { window.__bench.arm('none'); window.__bench.t0 = performance.now(); return window.__bench.settle(200); });
    for (const ch of QUERY) {
      await page.evaluate(() => window.__bench.arm('input'));
      await search.press(ch);
      const r = await page.evaluate(() => window.__bench.settle());
      samples.push({ key: ch, ...r });
      if (rep === o.reps - 1) counts.push(await page.evaluate(() => window.__bench.count()));
    }
  }
  const matches = counts[counts.length - 1];
  await search.fill('');
  await page.evaluate(() => { window.__bench.arm('none'); window.__bench.t0 = performance.now(); return window.__bench.settle(200); });
  return {
    query: QUERY, matches, counts_per_key: counts, first_dom_ms: samples[0]?.dom ?? null,
    dom_ms: stats(samples.map((s) => s.dom)), paint_ms: stats(samples.map((s) => s.paint)),
    no_change: samples.filter((s) => s.dom === null).length, missed_events: samples.filter((s) => !s.event).length,
  };
}

async function facetToggles(o, page) {
  const box = await page.evaluate(() => {
    const input = window.__bench.root()?.querySelector('fieldset.facet input[type="checkbox"]');
    if (!input) return null;
    const label = input.getRootNode().querySelector(`label[for="${input.id}"]`);
    const legend = input.closest('fieldset').querySelector('legend')?.textContent ?? '';
    return { id: input.id, label: `${legend}: ${label?.textContent ?? ''}`.replace(/\s+/g, ' ').trim() };
  });
  if (!box) return { error: 'no facet checkbox in the widget' };
  const locator = page.locator(`[id="${box.id}"]`);
  const samples = [];
  const counts = [];
  for (let i = 0; i < o.toggles; i += 1) {
    await page.evaluate(() => window.__bench.arm('click'));
    await locator.click();
    samples.push(await page.evaluate(() => window.__bench.settle()));
    counts.push(await page.evaluate(() => window.__bench.count()));
  }
  return {
    checkbox: box.label, counts: counts.slice(0, 2),
    dom_ms: stats(samples.map((s) => s.dom)), paint_ms: stats(samples.map((s) => s.paint)),
    no_change: samples.filter((s) => s.dom === null).length,
  };
}

/** `ops` filter operations in a loop inside the page: query word, facet on, query cleared, facet off. */
async function filterOps(o, page, boxId) {
  return page.evaluate(async ({ ops, words, boxId }) => {
    const B = window.__bench;
    const root = B.root();
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    let prev = B.count();
    let changed = 0;
    let missing = 0;
    const t = performance.now();
    for (let i = 0; i < ops; i += 1) {
      const step = i % 4;
      if (step === 0 || step === 2) {
        const input = root.querySelector('input[type="search"]');
        input.value = step === 0 ? words[(i >> 2) % words.length] : '';
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
      } else {
        const box = root.getElementById(boxId);
        if (box) box.click(); else missing += 1;
      }
      await frame();
      const now = B.count();
      if (now !== prev) changed += 1;
      prev = now;
    }
    return { ops, ms: performance.now() - t, changed, missing_checkbox: missing, final_count: B.count() };
  }, { ops: o.ops, words: OP_WORDS, boxId });
}

/**
 * The issue #17 figures of one page (widget or yardstick) on one profile: cold loads, then the
 * query typed on the last one. "Full search" = when a keystroke is first answered from every text:
 * the widget's texts indexed (split feeds) or its first result (seeds in the wasm), the vanilla
 * page's first result (it has every text by then), plus the first keystroke typed after that.
 */
function phoneFigures(loads, keys) {
  const ready = loads.map((l) => l.texts_ready_ms ?? l.paint_ms);
  return {
    bytes_before_first: stats(loads.map((l) => l.bytes_before_first)),
    first_result_paint_ms: stats(loads.map((l) => l.paint_ms)),
    full_search_ready_ms: stats(ready),
    first_key_ms: keys.first_dom_ms,
    full_search_answer_ms: median(ready) == null || keys.first_dom_ms == null ? null : median(ready) + keys.first_dom_ms,
    keystroke: { dom_ms: keys.dom_ms, paint_ms: keys.paint_ms, matches: keys.matches },
    cls: stats(loads.map((l) => l.cls)),
  };
}

/** A page measured for issue #17 only (the yardstick on both profiles, the widget on the mobile one). */
async function measureLight(o, browser, server, probe, c, profile, kind) {
  const url = new URL(kind === 'vanilla' ? vanillaPage(c) : writePage(o, c), server.page).href;
  const loadAverage = loadavg()[0];
  const loads = [];
  let last = null;
  for (let i = 0; i < o.loads; i += 1) {
    if (last) await last.context.close();
    log(`${profile.name}, ${kind}, N = ${c.n}: cold load ${i + 1}/${o.loads}`);
    last = await newPage(browser, probe, profile);
    loads.push(await load(last.page, url));
  }
  log(`${profile.name}, ${kind}, N = ${c.n}: keystrokes`);
  const keys = await keystrokes(o, last.page);
  await last.context.close();
  return {
    url: new URL(url).pathname + new URL(url).search, load_average: loadAverage, shown: loads[0].shown,
    ...phoneFigures(loads, keys),
    console: { errors: last.console.errors.slice(0, 5), error_count: last.console.errors.length, workers: last.console.workers },
  };
}

async function measureCase(o, browser, server, probe, c) {
  const url = new URL(writePage(o, c), server.page).href;
  const loadAverage = loadavg()[0];
  const loads = [];
  let last = null;
  for (let i = 0; i < o.loads; i += 1) {
    if (last) await last.context.close();
    log(`N = ${c.n}: cold load ${i + 1}/${o.loads}`);
    last = await newPage(browser, probe);
    loads.push(await load(last.page, url));
  }
  const arrival = (l, suffix) => l.resources.find((r) => new URL(r.name).pathname.endsWith(suffix))?.response_end_ms ?? null;
  const dataSuffix = c.data ? '/' + relative(ROOT, c.data).split('\\').join('/') : null;
  const { page } = last;
  const first = loads[0];
  const memLoad = await memory(page);
  log(`N = ${c.n}: keystrokes`);
  const keys = await keystrokes(o, page);
  log(`N = ${c.n}: facet toggles`);
  const facet = await facetToggles(o, page);
  let ops = null;
  let memOps = null;
  let memBefore = null;
  if (o.ops > 0) {
    memBefore = await memory(page);
    const boxId = await page.evaluate(() => window.__bench.root()?.querySelector('fieldset.facet input[type="checkbox"]')?.id ?? null);
    log(`N = ${c.n}: ${o.ops} filter operations`);
    ops = await filterOps(o, page, boxId);
    await page.evaluate(() => { window.__bench.arm('none'); window.__bench.t0 = performance.now(); return window.__bench.settle(300); });
    memOps = await memory(page);
  }
  const consoleOut = last.console;
  await last.context.close();

  // What the network delivered for the bundle and the data (first load).
  const sent = {};
  for (const r of first.resources) {
    const path = new URL(r.name).pathname;
    sent[path] = r;
  }
  return {
    url: new URL(url).pathname,
    load_average: loadAverage,
    shown: first.shown, of_total: first.of_total, notice: first.notice, expired_toggle: first.expired_toggle,
    first_result_paint_ms: stats(loads.map((l) => l.paint_ms)),
    first_result_dom_ms: stats(loads.map((l) => l.dom_ms)),
    wasm_received_ms: stats(loads.map((l) => arrival(l, '/vitrine_core_bg.wasm'))),
    data_received_ms: dataSuffix ? stats(loads.map((l) => arrival(l, dataSuffix))) : null,
    bodies_received_ms: c.bodies ? stats(loads.map((l) => arrival(l, '/' + relative(ROOT, c.bodies).split('\\').join('/')))) : null,
    texts_searchable_ms: c.bodies ? stats(loads.map((l) => l.texts_ready_ms)) : null,
    resources: sent,
    keystroke: keys, facet, ops, memory: { after_load: memLoad, before_ops: memBefore, after_ops: memOps },
    console: { errors: consoleOut.errors.slice(0, 5), error_count: consoleOut.errors.length,
      warnings: consoleOut.warnings.slice(0, 5), warning_count: consoleOut.warnings.length, workers: consoleOut.workers },
    phone: phoneFigures(loads, keys),
  };
}

// ---------------------------------------------------------------------------------------------
// Sizes: raw, gzip -9 and brotli 11 as sizes.mjs computes them, cached by content hash (brotli 11
// of the 10,000-offer files takes minutes), the slow ones on worker threads.

const SIZE_CACHE = join(WORK, 'sizes-cache.json');
const COMPRESS_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { gzipSync, brotliCompressSync, constants } = require('node:zlib');
const buf = readFileSync(workerData);
parentPort.postMessage({
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
});`;

async function sizes(paths) {
  const cache = existsSync(SIZE_CACHE) ? JSON.parse(readFileSync(SIZE_CACHE, 'utf8')) : {};
  const out = {};
  const slow = [];
  for (const p of new Set(paths)) {
    const buf = readFileSync(p);
    const hash = sha256(buf);
    if (cache[hash]) {
      out[p] = { raw: buf.length, ...cache[hash] };
    } else if (buf.length < 2_000_000) {
      const r = {
        gzip: gzipSync(buf, { level: 9 }).length,
        brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
      };
      cache[hash] = r;
      out[p] = { raw: buf.length, ...r };
    } else {
      slow.push({ p, hash, raw: buf.length });
    }
  }
  if (slow.length) {
    const mb = slow.reduce((t, s) => t + s.raw, 0) / 1e6;
    log(`brotli 11 of ${slow.length} large file(s), ${mb.toFixed(0)} MB (slow, once per content; cached in ${relative(ROOT, SIZE_CACHE)})`);
  }
  const queue = [...slow].sort((a, b) => b.raw - a.raw);
  const lanes = Math.max(1, Math.min(2, availableParallelism()));
  await Promise.all(Array.from({ length: lanes }, async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const r = await new Promise((res, rej) => {
        const w = new Worker(COMPRESS_WORKER, { eval: true, workerData: s.p });
        w.once('message', res);
        w.once('error', rej);
      });
      cache[s.hash] = r;
      out[s.p] = { raw: s.raw, ...r };
      writeFileSync(SIZE_CACHE, JSON.stringify(cache, null, 1));
    }
  }));
  writeFileSync(SIZE_CACHE, JSON.stringify(cache, null, 1));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Report

const kB = (n) => (n == null ? '—' : `${(n / 1000).toFixed(1)} kB`);
const MB = (n) => (n == null ? '—' : `${(n / 1e6).toFixed(1)} MB`);
const MiB = (n) => (n == null ? '—' : `${(n / 2 ** 20).toFixed(1)} MiB`);
const ms = (n) => (n == null ? '—' : n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`);
const int = (n) => (n == null ? '—' : Math.round(n).toLocaleString('en-US'));
const medMax = (s) => (s && s.n ? `${ms(s.median)} / ${ms(s.max)}` : '—');

function table(rows, head) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((x, i) => String(x).padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function targets(result) {
  const at = (n) => result.cases.find((c) => c.n === n);
  const rows = [];
  const add = (target, c, value, within, note = '') => rows.push({ target, measured: c ? value : 'not run', within: c && within !== null ? (within ? 'yes' : 'no') : '—', note });
  const c5 = at(5);
  const c1k = at(1000);
  const c10k = at(10000);
  add('bundle, 5 seeds (js+wasm+css+data) ≤ 120 kB brotli, aim 90', c5, c5 && kB(c5.bundle.total.brotli), c5 && c5.bundle.total.brotli <= 120_000,
    c5 ? (c5.bundle.total.brotli <= 90_000 ? 'aim met' : `aim 90 kB: ${kB(c5.bundle.total.brotli - 90_000)} over`) : '');
  add('first result visible ≤ 300 ms at N = 5', c5, c5 && `${ms(c5.first_result_paint_ms.median)} (max ${ms(c5.first_result_paint_ms.max)})`, c5 && c5.first_result_paint_ms.median <= 300, 'median of cold loads, to the painted frame');
  add('first result visible ≤ 1 s at N = 10,000', c10k, c10k && `${ms(c10k.first_result_paint_ms.median)} (max ${ms(c10k.first_result_paint_ms.max)})`, c10k && c10k.first_result_paint_ms.median <= 1000, 'median of cold loads, to the painted frame');
  add('keystroke → settled ≤ 16 ms median at N = 1,000', c1k, c1k && `${ms(c1k.keystroke.dom_ms.median)} (max ${ms(c1k.keystroke.dom_ms.max)})`, c1k && c1k.keystroke.dom_ms.median <= 16, 'event → last DOM change + style/layout');
  add('keystroke → settled ≤ 30 ms median at N = 10,000', c10k, c10k && `${ms(c10k.keystroke.dom_ms.median)} (max ${ms(c10k.keystroke.dom_ms.max)})`, c10k && c10k.keystroke.dom_ms.median <= 30, 'event → last DOM change + style/layout');
  add('data at N = 10,000 ≤ brotli of the plain JSON', c10k, c10k && `${kB(c10k.data?.brotli)} vs ${kB(c10k.plain_json?.brotli)}`, c10k && c10k.data && c10k.plain_json && c10k.data.brotli <= c10k.plain_json.brotli, 'offers + texts brotli 11 vs gen_corpus JSON brotli 11');
  add('wasm memory ≤ 64 MB at N = 10,000', c10k, c10k && MiB(c10k.memory.after_load.wasm_memory), c10k && c10k.memory.after_load.wasm_memory <= 64 * 2 ** 20, 'after load');
  const mem = c10k?.memory;
  const flat = mem?.after_ops && mem?.before_ops;
  add(`memory flat after ${int(result.options.ops)} filter operations (N = 10,000)`, c10k && flat, flat &&
    `wasm ${MiB(mem.before_ops.wasm_memory)} → ${MiB(mem.after_ops.wasm_memory)}, JS heap ${MiB(mem.before_ops.js_heap_used)} → ${MiB(mem.after_ops.js_heap_used)}`,
  flat && mem.after_ops.wasm_memory === mem.before_ops.wasm_memory && mem.after_ops.js_heap_used <= mem.before_ops.js_heap_used * 1.1,
  'just before vs after the ops (after GC): wasm unchanged, JS heap +10 % at most');
  const ing = result.ingest.length ? result.ingest[result.ingest.length - 1] : null;
  add('ingest ≥ 2,000 postings/s on one core', ing, ing && `${int(ing.per_s_wall)}/s wall, ${int(ing.per_s_cpu)}/s CPU (N = ${int(ing.n)})`, ing && ing.per_s_cpu >= 2000,
    ing ? `CPU time (user+sys), median of ${ing.runs.length} run(s)${ing.pinned ? ', taskset -c 0' : ''}` : '');
  return rows;
}

/** Issue #17's table for one profile: the widget, the yardstick and their ratios, per N. */
function phoneTable(rows) {
  const head = ['', ...rows.map((r) => `N = ${int(r.n)}`)];
  const row = (label, f) => [label, ...rows.map((r) => { try { return f(r) ?? '—'; } catch { return '—'; } })];
  const ratio = (a, b) => (a == null || b == null || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);
  const cls = (s) => (s && s.n ? `${s.max.toFixed(3)}` : '—');
  const lines = [];
  for (const kind of ['widget', 'vanilla']) {
    lines.push(
      row(`${kind}: bytes before first result`, (r) => kB(r[kind].bytes_before_first.median)),
      row(`${kind}: first result painted med/max`, (r) => medMax(r[kind].first_result_paint_ms)),
      row(`${kind}: full search answers a key at`, (r) => ms(r[kind].full_search_answer_ms)),
      row(`${kind}: keystroke → settled med/max`, (r) => medMax(r[kind].keystroke.dom_ms)),
      row(`${kind}: layout shift (CLS, worst load)`, (r) => cls(r[kind].cls)),
    );
  }
  lines.push(
    row('widget / vanilla: bytes before first', (r) => ratio(r.widget.bytes_before_first.median, r.vanilla.bytes_before_first.median)),
    row('widget / vanilla: first result', (r) => ratio(r.widget.first_result_paint_ms.median, r.vanilla.first_result_paint_ms.median)),
    row('widget / vanilla: full search', (r) => ratio(r.widget.full_search_answer_ms, r.vanilla.full_search_answer_ms)),
    row('widget / vanilla: keystroke median', (r) => ratio(r.widget.keystroke.dom_ms.median, r.vanilla.keystroke.dom_ms.median)),
  );
  return table(lines, head);
}

/** Issue #17's targets, each next to what this run measured. */
function phoneTargets(result) {
  const rows = [];
  const add = (target, value, within, note = '') => rows.push({ target, measured: value ?? 'not run', within: within == null ? '—' : within ? 'yes' : 'no', note });
  for (const [name, cases] of Object.entries(result.phone)) {
    for (const r of cases) {
      const w = r.widget.first_result_paint_ms.median;
      const v = r.vanilla.first_result_paint_ms.median;
      const factor = r.n >= 10000 ? 0.5 : 1;
      add(`${name}: first result ≤ ${factor === 1 ? '' : 'half of '}the vanilla page's at N = ${int(r.n)}`, `${ms(w)} vs ${ms(v)}`,
        w != null && v != null ? w <= v * factor : null, 'medians of cold loads, to the painted frame');
      const clsMax = r.widget.cls.max;
      add(`${name}: layout shift 0 at N = ${int(r.n)}`, clsMax == null ? '—' : clsMax.toFixed(3), clsMax == null ? null : clsMax === 0, 'widget, worst cold load');
    }
    const big = cases.find((r) => r.n === 10000);
    add(`${name}: keystroke median and max ≤ 50 ms at N = 10,000`, big ? medMax(big.widget.keystroke.dom_ms) : null,
      big ? big.widget.keystroke.dom_ms.median <= 50 && big.widget.keystroke.dom_ms.max <= 50 : null, 'widget, after the full search is ready');
  }
  const c5 = result.cases.find((c) => c.n === 5);
  add('bundle brotli below 181 kB (before issue #17)', c5 ? kB(c5.bundle.total.brotli) : null, c5 ? c5.bundle.total.brotli < 181_000 : null, 'loader + glue + wasm, brotli 11');
  return rows;
}

function print(result) {
  const m = result.machine;
  const out = [];
  out.push(`vitrine benchmark — ${result.date} — ${m.cpu_model}, ${m.nproc} cores, ${m.memory_mb} MB, ${m.chromium}`);
  out.push(`commit ${m.git_commit}${m.git_dirty_files ? ` (+${m.git_dirty_files} changed files)` : ''}; load average ${result.load_before.map((x) => x.toFixed(2)).join(' ')} before, ${result.load_after.map((x) => x.toFixed(2)).join(' ')} after`);
  const busiest = Math.max(result.load_before[0], result.load_after[0]);
  if (busiest > m.nproc) {
    out.push(`warning: the machine was busy (1-minute load average up to ${busiest.toFixed(1)} on ${m.nproc} cores): times include waiting`);
    out.push('for a core; compare runs made in similar conditions.');
  }
  out.push('');
  const cs = result.cases;
  const head = ['', ...cs.map((c) => `N = ${int(c.n)}`)];
  const row = (label, f) => [label, ...cs.map((c) => { try { return f(c) ?? '—'; } catch { return '—'; } })];
  out.push(table([
    row('data', (c) => c.source),
    row('load average when measured', (c) => c.load_average.toFixed(1)),
    row('offers in data / shown', (c) => `${int(c.records)} / ${int(c.shown)}`),
    row('bundle raw (as sent)', (c) => `${kB(c.bundle.total.raw)} (${kB(c.bundle.total.sent)})`),
    row('bundle gzip -9', (c) => kB(c.bundle.total.gzip)),
    row('bundle brotli 11', (c) => kB(c.bundle.total.brotli)),
    row('  of which wasm brotli', (c) => kB(c.bundle.files.find((f) => f.file.endsWith('.wasm'))?.brotli)),
    row('  of which data brotli', (c) => (c.data ? `${kB(c.data.brotli)} (${kB(c.data.offers_brotli)} + ${kB(c.data.bodies_brotli)} texts)` : 'in wasm')),
    row('plain JSON brotli 11', (c) => (c.plain_json ? kB(c.plain_json.brotli) : '—')),
    row('first result painted med/max', (c) => medMax(c.first_result_paint_ms)),
    row('first result in DOM med/max', (c) => medMax(c.first_result_dom_ms)),
    row('  wasm received at (median)', (c) => ms(c.wasm_received_ms.median)),
    row('  data received at (median)', (c) => (c.data_received_ms ? ms(c.data_received_ms.median) : 'in wasm')),
    row('  texts received at (median)', (c) => (c.bodies_received_ms ? ms(c.bodies_received_ms.median) : 'in wasm')),
    row('  texts searchable at (median)', (c) => (c.texts_searchable_ms ? ms(c.texts_searchable_ms.median) : 'in wasm')),
    row(`keystroke → settled med/max`, (c) => medMax(c.keystroke.dom_ms)),
    row(`keystroke → next frame med/max`, (c) => medMax(c.keystroke.paint_ms)),
    row(`"${QUERY}" matches`, (c) => int(c.keystroke.matches)),
    row('facet toggle med/max', (c) => medMax(c.facet.dom_ms)),
    row('facet toggle → next frame', (c) => medMax(c.facet.paint_ms)),
    row('JS heap: load / before / after ops', (c) => `${MiB(c.memory.after_load.js_heap_used)} / ${MiB(c.memory.before_ops?.js_heap_used)} / ${MiB(c.memory.after_ops?.js_heap_used)}`),
    row('wasm memory: load / before / after', (c) => `${MiB(c.memory.after_load.wasm_memory)} / ${MiB(c.memory.before_ops?.wasm_memory)} / ${MiB(c.memory.after_ops?.wasm_memory)}`),
    row('filter ops: count / mean ms', (c) => (c.ops ? `${int(c.ops.ops)} / ${ms(c.ops.ms / Math.max(1, c.ops.ops))}` : '—')),
    row('checks: ops changing the count', (c) => (c.ops ? `${int(c.ops.changed)} of ${int(c.ops.ops)}${c.ops.missing_checkbox ? `, ${c.ops.missing_checkbox} without checkbox` : ''}` : '—')),
    row('checks: keys/toggles w/o change', (c) => `${c.keystroke.no_change + c.keystroke.missed_events} / ${c.facet.no_change ?? '—'}`),
    row('console errors / warnings', (c) => `${c.console.error_count} / ${c.console.warning_count}`),
  ], head));
  if (result.ingest.length) out.push('');
  for (const i of result.ingest) {
    out.push(`ingest N = ${int(i.n)}: ${int(i.postings)} postings from ${int(i.files)} texts${i.skipped ? ` (${i.skipped} skipped)` : ''}; ` +
      `runs ${i.runs.map((r) => `${r.wall_s.toFixed(2)} s wall / ${(r.user_s + r.sys_s).toFixed(2)} s CPU`).join(', ')} → ${int(i.per_s_wall)}/s wall, ${int(i.per_s_cpu)}/s CPU`);
  }
  out.push('');
  out.push(table(targets(result).map((t) => [t.target, t.measured, t.within, t.note]), ['target (issue #5)', 'measured', 'within', 'how']));
  out.push('');
  out.push('Settled = from the input/click event reaching the window to the last DOM change it caused, style and layout included;');
  out.push('next frame = to the end of the first animation frame after that change. Figures are printed, never asserted.');
  for (const [name, rows] of Object.entries(result.phone)) {
    if (!rows.length) continue;
    out.push('');
    out.push(name === 'mobile'
      ? 'Issue #17, mobile profile: Lighthouse\'s applied mobile throttling (562.5 ms request latency, 1,474.56 kbit/s down, 675 kbit/s up,'
        + '\nCPU 4× slower), 412 × 823 screen, files sent brotli-compressed; widget and vanilla yardstick (bench/vanilla.html), same offers'
      : 'Issue #17, unthrottled profile (the loads above; files sent uncompressed): widget and vanilla yardstick (bench/vanilla.html), same offers');
    out.push(phoneTable(rows));
    const workers = rows.flatMap((r) => [...(r.widget.console?.workers ?? []), ...(r.vanilla.console?.workers ?? [])]);
    if (workers.length) out.push(`note: worker(s) started, not CPU-throttled: ${[...new Set(workers)].join(', ')}`);
    const errs = rows.reduce((t, r) => t + (r.vanilla.console?.error_count ?? 0) + (r.widget.console?.error_count ?? 0), 0);
    if (errs) out.push(`note: ${errs} console error(s) on these pages (see the results file)`);
  }
  out.push('');
  out.push(table(result.targets17.map((t) => [t.target, t.measured, t.within, t.note]), ['target (issue #17)', 'measured', 'within', 'how']));
  out.push('');
  out.push('Bytes before first result: encoded bodies of the page and of every response complete before the first card was in the DOM.');
  out.push('Full search answers a key at: when every text is searchable (the widget\'s texts indexed, or its first result when the');
  out.push('offers are in the wasm; the vanilla page\'s first result), plus the first keystroke typed then, to settled.');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const load_before = loadavg();
  const probe = readFileSync(join(ROOT, 'bench', 'page-probe.js'), 'utf8');

  // Ingest first (before the browser, so nothing else of ours runs meanwhile).
  const ingests = [];
  for (const n of o.ns.filter((n) => n > 5)) ingests.push(await ingest(o, n));

  const cases = o.ns.map((n) => {
    if (n === 5) {
      return { n, source: 'seeds in wasm', records: JSON.parse(readFileSync(join(ROOT, 'data', 'postings.json'), 'utf8')).length, today: TODAY_SEEDS, data: null, plain: null };
    }
    const i = ingests.find((x) => x.n === n);
    return { n, source: 'split feed', records: i.postings, today: TODAY_CORPUS, data: i.split, bodies: i.bodies, plain: join(o.corpus, `jobs-${n}.json`),
      vanillaData: i.out };
  });

  const server = await startServer();
  log(`serving ${ROOT} on ${server.page} (scripts/serve.py, pid ${server.pid})`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const version = `Chromium ${browser.version()}`;
  const measured = [];
  // Issue #17: per profile and N, the widget's and the yardstick's figures.
  const phone = { desktop: [], mobile: [] };
  let mobileServer = null;
  try {
    for (const c of cases) {
      const m = await measureCase(o, browser, server, probe, c);
      measured.push({ c, m });
      phone.desktop.push({ n: c.n, widget: m.phone, vanilla: await measureLight(o, browser, server, probe, c, PROFILES.desktop, 'vanilla') });
    }
    if (o.mobile) {
      const files = [...PKG_FILES.map((f) => join(o.pkg, f)),
        ...cases.flatMap((c) => [c.data, c.bodies, c.vanillaData ?? join(ROOT, 'data', 'postings.json')].filter(Boolean))];
      mobileServer = await startBrotliServer(await precompress(files));
      log(`mobile profile: serving ${ROOT} brotli-compressed on ${mobileServer.page}`);
      for (const c of cases) {
        phone.mobile.push({
          n: c.n,
          widget: await measureLight(o, browser, mobileServer, probe, c, PROFILES.mobile, 'widget'),
          vanilla: await measureLight(o, browser, mobileServer, probe, c, PROFILES.mobile, 'vanilla'),
        });
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    if (mobileServer) await mobileServer.stop();
  }
  const load_after = loadavg();

  const pkgPaths = PKG_FILES.map((f) => join(o.pkg, f));
  const all = [...pkgPaths, ...cases.flatMap((c) => [c.data, c.bodies, c.plain].filter((p) => p && existsSync(p)))];
  const size = await sizes(all);

  const result = {
    schema: 2,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: machine(version),
    load_before, load_after,
    options: { ns: o.ns, loads: o.loads, reps: o.reps, toggles: o.toggles, ops: o.ops, ingest_runs: o.ingestRuns,
      pkg: relative(ROOT, o.pkg), query: QUERY, viewport: '1280x800', today_seeds: TODAY_SEEDS, today_corpus: TODAY_CORPUS,
      profiles: o.mobile ? PROFILES : { desktop: PROFILES.desktop } },
    ingest: ingests.map((i) => ({ ...i, out: relative(ROOT, i.out) })),
    cases: measured.map(({ c, m }) => {
      const sentOf = (p) => m.resources['/' + relative(ROOT, p).split('\\').join('/')]?.encoded ?? null;
      const files = [...pkgPaths, ...(c.data ? [c.data, c.bodies] : [])].map((p) => ({ file: relative(ROOT, p), sent: sentOf(p), ...size[p] }));
      const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, sent: t.sent + (f.sent ?? 0), gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
        { raw: 0, sent: 0, gzip: 0, brotli: 0 });
      const { resources, ...rest } = m;
      return {
        n: c.n, source: c.source, records: c.records, today: c.today,
        bundle: { files, total },
        // The data: offers file + bodies file.
        data: c.data ? {
          file: relative(ROOT, c.data), bodies_file: relative(ROOT, c.bodies),
          raw: size[c.data].raw + size[c.bodies].raw, gzip: size[c.data].gzip + size[c.bodies].gzip,
          brotli: size[c.data].brotli + size[c.bodies].brotli,
          offers_brotli: size[c.data].brotli, bodies_brotli: size[c.bodies].brotli,
        } : null,
        plain_json: c.plain && size[c.plain] ? { file: relative(ROOT, c.plain), ...size[c.plain] } : null,
        ...rest,
      };
    }),
    phone,
    duration_s: 0,
  };
  result.duration_s = Math.round((Date.now() - started) / 1000);
  result.targets = targets(result);
  result.targets17 = phoneTargets(result);

  mkdirSync(o.out, { recursive: true });
  const text = JSON.stringify(result, null, 1) + '\n';
  writeFileSync(join(o.out, 'latest.json'), text);
  writeFileSync(join(o.out, `${result.date.replace(/[:]/g, '').replace(/Z$/, '')}.json`), text);
  console.log(print(result));
  log(`results: ${relative(ROOT, join(o.out, 'latest.json'))} (and a dated copy); ${result.duration_s} s`);
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof UsageError ? e.message : e.stack || e.message}\n`);
  process.exit(1);
});
