// Subresource Integrity of the built bundle (issue #7). The <script> tag that scripts/build.sh
// prints loads the widget, from the page's origin and from another one; the loader checks the glue
// module and the wasm against the hashes the build wrote into it, so a tampered copy of either
// (served by page.route, and still a valid module) is refused and the widget shows its error
// message instead of running; a tampered loader is not run at all. The unbuilt loader, whose
// hashes are placeholders, still works (unchecked). Also: pkg/package.json and what `npm pack`
// would publish.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { countText, isOpen, loadPostings, ROOT, STEP_TIMEOUT, useBrowser, Widget } from './harness.mjs';
import { FILES, manifest, PLACEHOLDERS, sri } from '../../scripts/package.mjs';

const TODAY = '2023-07-03';
const open = loadPostings().filter((p) => isOpen(p, TODAY));
const FAILED = 'Les offres n’ont pas pu être chargées. Vérifiez votre connexion puis rechargez la page.';
/** The host page, answered by the test (no such file). */
const PAGE = 'examples/integrity-test.html';
const pkg = (file) => join(ROOT, 'pkg', file);

/** The tag `scripts/package.mjs snippets` prints for vitrine.js at `url` (exactly as printed). */
function printedTag(url) {
  const out = execFileSync('node', [join(ROOT, 'scripts', 'package.mjs'), 'snippets', '--self-hosted', url], { encoding: 'utf8' });
  const line = out.split('\n').map((l) => l.trim()).find((l) => l.startsWith(`<script src="${url}"`));
  assert.ok(line, `no tag for ${url} in:\n${out}`);
  assert.match(line, /integrity="sha384-[A-Za-z0-9+/]{64}" crossorigin="anonymous" async><\/script>$/);
  return line;
}

/** A host page with one widget host (judging deadlines on TODAY) and the given tag. */
function hostPage(tag) {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>SRI</title></head>
<body><main><div data-vitrine data-today="${TODAY}"></div>${tag}</main></body></html>`;
}

/** Installed before any page script: records the modulepreload links added to the page. */
function recordLinks() {
  const seen = [];
  Object.defineProperty(window, '__links', { value: seen });
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.localName === 'link' && n.rel === 'modulepreload') seen.push({ rel: n.rel, integrity: n.integrity, marked: n.hasAttribute('data-vitrine-preload'), inHead: n.parentNode === document.head });
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/** `prepare` for env.open: PAGE answers `html`; and whatever other routes are given. */
function serving(html, routes = {}) {
  return async (page) => {
    await page.addInitScript(recordLinks);
    // A page the test answers has no address, so Chromium counts it as public and asks the visitor
    // before it reaches a loopback origin (Local Network Access); a real CDN is public: allowed.
    await page.context().grantPermissions(['local-network-access']);
    await page.route(`**/${PAGE}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    for (const [pattern, handler] of Object.entries(routes)) await page.route(pattern, handler);
  };
}

/** A route handler answering with the real file changed by `edit(buffer)` (headers kept). */
function tampered(edit) {
  return async (route) => {
    const response = await route.fetch();
    const body = edit(await response.body());
    const headers = { ...response.headers() };
    delete headers['content-length'];
    await route.fulfill({ status: response.status(), headers, body });
  };
}

/** The wasm with a custom section appended: still a valid module, but not the built bytes. */
const wasmPlusSection = (buf) => Buffer.concat([buf, Buffer.from([0x00, 0x0a, 0x08, ...Buffer.from('tampered'), 0x78])]);
/** The glue module with a comment appended: still valid JavaScript, but not the built bytes. */
const gluePlusComment = (buf) => Buffer.concat([buf, Buffer.from('\n// tampered\n')]);

/** Waits for the loader's failure message and checks the widget never mounted. */
async function refused(page) {
  const w = new Widget(page);
  await w.until('the loader shows its failure message', (root, text) => root.querySelector('p[role="alert"]')?.textContent === text, FAILED);
  const state = await page.evaluate(() => ({
    widgets: window.vitrine?.widgets?.length ?? null,
    toolbar: !!document.querySelector('[data-vitrine-mounted]').shadowRoot.querySelector('.toolbar'),
  }));
  assert.deepEqual(state, { widgets: 0, toolbar: false }, 'the widget did not run');
}

const count = (requests, file) => requests.filter((r) => new URL(r).pathname === `/pkg/${file}`).length;

describe('Subresource Integrity of the bundle', { timeout: 120_000 }, () => {
  const env = useBrowser();

  it('the built loader carries the sha384 of the files it loads; package.json describes pkg/', () => {
    const loader = readFileSync(pkg('vitrine.js'), 'utf8');
    for (const [placeholder, file] of Object.entries(PLACEHOLDERS)) {
      assert.ok(!loader.includes(placeholder), `pkg/vitrine.js still has ${placeholder}: run scripts/build.sh`);
      assert.ok(loader.includes(JSON.stringify(sri(pkg(file)))), `pkg/vitrine.js carries the sha384 of ${file} as built`);
    }
    const source = readFileSync(join(ROOT, 'src', 'embed', 'loader.js'), 'utf8');
    for (const placeholder of Object.keys(PLACEHOLDERS)) assert.equal(source.split(placeholder).length, 2, `the source loader has ${placeholder} once`);

    const written = JSON.parse(readFileSync(pkg('package.json'), 'utf8'));
    assert.deepEqual(written, manifest());
    const cargoVersion = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
    assert.equal(written.version, cargoVersion);
    for (const key of ['main', 'browser', 'jsdelivr', 'unpkg']) assert.equal(written[key], 'vitrine.js', key);
    // What publishing would upload: exactly the bundle, its README and package.json.
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(ROOT, 'pkg'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    assert.equal(packed.name, written.name);
    assert.deepEqual(packed.files.map((f) => f.path).sort(), [...FILES, 'package.json'].sort());
  });

  for (const origin of ['page', 'assets']) {
    it(`the printed tag loads the widget (bundle from the ${origin === 'page' ? 'same' : 'another'} origin), each file fetched once`, async () => {
      const tag = printedTag(new URL('pkg/vitrine.js', env.server[origin]).href);
      const { page, requests } = await env.open(PAGE, { prepare: serving(hostPage(tag)) });
      const w = new Widget(page);
      await w.ready();
      await w.expectCount(open.length, countText(open.length));
      for (const file of ['vitrine.js', 'vitrine_core.js', 'vitrine_core_bg.wasm']) {
        assert.equal(count(requests, file), 1, `${file} requested once (requests: ${requests.join(', ')})`);
      }
      // The glue module was checked through a modulepreload carrying its hash, gone once used.
      const links = await page.evaluate(() => window.__links);
      assert.deepEqual(links, [{ rel: 'modulepreload', integrity: sri(pkg('vitrine_core.js')), marked: true, inHead: true }]);
      assert.equal(await page.locator('link[rel="modulepreload"]').count(), 0, 'the link left the page');
    });
  }

  it('a tampered wasm is refused: the error message shows, the widget does not run', async () => {
    const tag = printedTag(new URL('pkg/vitrine.js', env.server.assets).href);
    const { page, errors } = await env.open(PAGE, {
      ownErrors: true,
      prepare: serving(hostPage(tag), { '**/pkg/vitrine_core_bg.wasm': tampered(wasmPlusSection) }),
    });
    await refused(page);
    assert.ok(errors.some((e) => /integrity/i.test(e) && e.includes('vitrine_core_bg.wasm')), `the browser names the wasm's integrity:\n${errors.join('\n')}`);
  });

  it('a tampered glue module is refused, and not fetched a second time without its hash', async () => {
    const tag = printedTag(new URL('pkg/vitrine.js', env.server.page).href);
    const { page, errors, requests } = await env.open(PAGE, {
      ownErrors: true,
      prepare: serving(hostPage(tag), { '**/pkg/vitrine_core.js': tampered(gluePlusComment) }),
    });
    await refused(page);
    assert.equal(count(requests, 'vitrine_core.js'), 1, 'one request, the checked one');
    assert.equal(await page.locator('link[rel="modulepreload"]').count(), 0, 'the link left the page');
    assert.ok(errors.some((e) => /integrity/i.test(e) && e.includes('vitrine_core.js')), `the browser names the module's integrity:\n${errors.join('\n')}`);
  });

  it('a glue module that changes after its checked copy is loaded is never used', async () => {
    // The first answer is the built file, every later one a tampered copy: were import() to fetch
    // the module again, unchecked, the widget would run the tampered copy (it marks the page).
    let served = 0;
    const marking = (buf) => Buffer.concat([buf, Buffer.from('\ndocument.documentElement.setAttribute("data-tampered", "");\n')]);
    const tag = printedTag(new URL('pkg/vitrine.js', env.server.page).href);
    const { page } = await env.open(PAGE, {
      prepare: serving(hostPage(tag), {
        '**/pkg/vitrine_core.js': (route) => (served++ === 0 ? route.continue() : tampered(marking)(route)),
      }),
    });
    await new Widget(page).ready();
    assert.equal(served, 1);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-tampered')), false);
  });

  it('a tampered loader is not run at all', async () => {
    const tag = printedTag(new URL('pkg/vitrine.js', env.server.assets).href);
    const { page, errors, requests } = await env.open(PAGE, {
      ownErrors: true,
      prepare: serving(hostPage(tag), { '**/pkg/vitrine.js': tampered((buf) => Buffer.concat([buf, Buffer.from('\n')])) }),
    });
    await page.waitForLoadState('load');
    for (const start = Date.now(); !errors.length && Date.now() - start < STEP_TIMEOUT;) await page.waitForTimeout(50);
    assert.ok(errors.some((e) => /integrity/i.test(e) && e.includes('vitrine.js')), `the browser names the loader's integrity:\n${errors.join('\n')}`);
    assert.equal(await page.evaluate(() => !!document.querySelector('[data-vitrine]').shadowRoot || !!window.vitrine), false, 'nothing ran');
    assert.equal(count(requests, 'vitrine_core.js') + count(requests, 'vitrine_core_bg.wasm'), 0);
  });

  it('the unbuilt loader (placeholders, no hashes) still works, and then checks nothing', async () => {
    const source = readFileSync(join(ROOT, 'src', 'embed', 'loader.js'));
    const tag = `<script src="${new URL('pkg/vitrine.js', env.server.assets).href}" async></script>`;
    const { page } = await env.open(PAGE, {
      prepare: serving(hostPage(tag), {
        '**/pkg/vitrine.js': (route) => route.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: source }),
        // The same tampered copies the built loader refuses run here: they are valid, only unchecked.
        '**/pkg/vitrine_core_bg.wasm': tampered(wasmPlusSection),
        '**/pkg/vitrine_core.js': tampered(gluePlusComment),
      }),
    });
    const w = new Widget(page);
    await w.ready();
    await w.expectCount(open.length, countText(open.length));
    assert.deepEqual(await page.evaluate(() => window.__links), [], 'no modulepreload without a hash');
  });
});
