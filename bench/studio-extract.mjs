// Extraction speed in the browser (issue #14): loads vitrine studio (studio/pkg, built by
// scripts/build.sh) in headless Chromium and times vitrine's extractor, compiled into the
// studio's wasm, on a posting of about five pages (seed texts joined to ≥ 16,000 characters).
// Prints the median of 20 runs after 3 warm-up runs; the target is under 100 ms. Not asserted.
// Usage: node bench/studio-extract.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, startServer } from '../tests/e2e/harness.mjs';

const seeds = readdirSync(join(ROOT, 'seeds')).sort().map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));
let text = '';
for (const s of seeds) { if (text.length >= 16_000) break; text += `${s}\n\n`; }
const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.goto(new URL('studio/', server.page).href);
  await page.getByRole('heading', { name: 'vitrine studio' }).waitFor({ timeout: 30_000 });
  const ms = await page.evaluate(async (t) => {
    const m = await import('./pkg/vitrine_studio.js');
    m.bench_extract(t, 3);
    return m.bench_extract(t, 20);
  }, text);
  const pages = (text.length / 3_200).toFixed(1);
  console.log(`extraction in the browser: ${text.length} characters (~${pages} pages), median of 20 runs: ${ms.toFixed(1)} ms (target < 100 ms)`);
} finally {
  await browser.close();
  await server.stop();
}
