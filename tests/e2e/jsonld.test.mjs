// Structured data: while an offer is open, <head> holds one schema.org JobPosting block for it;
// it goes when the offer closes, and a project page (not a job) gets none.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countText, isOpen, loadPostings, useBrowser, Widget } from './harness.mjs';

const postings = loadPostings().filter((p) => isOpen(p));
const cdd = postings.find((p) => p.contract === 'cdd' && p.deadline && p.places.some((pl) => pl.city));
const project = postings.find((p) => p.kind === 'projet');

/** The texts of every JSON-LD block in the page's <head> (and how many there are in the whole document). */
async function blocks(page) {
  return page.evaluate(() => ({
    head: [...document.head.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
    all: document.querySelectorAll('script[type="application/ld+json"]').length,
  }));
}

async function expectBlocks(page, n, what) {
  const ok = await page.waitForFunction((n) => document.querySelectorAll('script[type="application/ld+json"]').length === n
    && document.head.querySelectorAll('script[type="application/ld+json"]').length === n, n, { timeout: 5000 }).then(() => true, () => false);
  const got = await blocks(page);
  assert.ok(ok, `${what}: expected ${n} JSON-LD block(s) in <head>, found ${got.head.length} (${got.all} in the document)`);
  return got.head;
}

describe('index.html: JSON-LD', { timeout: 120_000 }, () => {
  const env = useBrowser();

  it('an open CDD gets one JobPosting block, removed on close; a project gets none', async () => {
    assert.ok(cdd && project, 'the seeds hold a CDD with a deadline and a city, and a project');
    const city = cdd.places.find((pl) => pl.city).city;
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    await w.ready();
    await expectBlocks(page, 0, 'with the list shown');

    await w.cardButton(cdd.title).click();
    await w.detail.locator('[data-detail-heading]').waitFor();
    const [text] = await expectBlocks(page, 1, `with "${cdd.title}" open`);
    assert.ok(!text.includes('<'), 'no "<" in the block (it could close the script element)');
    const ld = JSON.parse(text);
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'JobPosting');
    assert.equal(ld.title, cdd.title);
    assert.equal(ld.hiringOrganization?.['@type'], 'Organization');
    assert.equal(ld.hiringOrganization?.name, cdd.organization);
    assert.ok(typeof ld.validThrough === 'string' && ld.validThrough.startsWith(cdd.deadline), `validThrough ${ld.validThrough} starts with ${cdd.deadline}`);
    assert.ok(Array.isArray(ld.employmentType) && ld.employmentType.includes('TEMPORARY'), `employmentType ${JSON.stringify(ld.employmentType)} has TEMPORARY`);
    const localities = (ld.jobLocation ?? []).map((l) => l.address?.addressLocality);
    assert.ok(localities.includes(city), `jobLocation localities ${JSON.stringify(localities)} include ${city}`);
    assert.equal(ld.url, page.url(), 'url is the page link of the open offer');

    // Another offer replaces the block rather than adding one.
    const other = postings.find((p) => p !== cdd && p.kind !== 'projet');
    await page.keyboard.press('Escape');
    await w.expectCount(postings.length, countText(postings.length));
    await expectBlocks(page, 0, 'after closing the offer');
    await w.cardButton(other.title).click();
    await w.detail.locator('[data-detail-heading]').waitFor();
    const [second] = await expectBlocks(page, 1, `with "${other.title}" open`);
    assert.equal(JSON.parse(second).title, other.title);
    await page.goBack();
    await w.expectCount(postings.length, countText(postings.length));
    await expectBlocks(page, 0, 'after Back');

    await w.cardButton(project.title).click();
    await w.until('the project detail open', (root, t) => root.querySelector('article.detail [data-detail-heading]')?.textContent.trim() === t, project.title);
    // Let the effects of that render run before looking.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expectBlocks(page, 0, 'with the project open');
  });
});
