// vitrine studio (studio/, served at /studio/), used as a publisher would: paste a seed text,
// correct the organization and the deadline, close another offer, download the feed, and find
// the corrected offer in the real widget reading that feed (data-src) on a host page. Also:
// the work survives a reload mid-edit, a broken feed gets a message naming it and changes
// nothing, a bad text file likewise, axe-core finds no violation, and 360 px needs no sideways
// scrolling.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEMO_TODAY, LOAD_TIMEOUT, ROOT, useBrowser, Widget } from './harness.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const SEED = readFileSync(join(ROOT, 'seeds', '001_452a38078633b515.txt'), 'utf8');
const OTHER = readFileSync(join(ROOT, 'seeds', '002_d3606ed40640531f.txt'), 'utf8');
const TITLE = 'Chargé·e des projets collectifs';
const ORG = 'Le Labo de l’économie sociale et solidaire';
const STUDIO = `studio/?today=${DEMO_TODAY}`;

/** Downloads the ready-to-host folder and waits for the studio to say so. */
async function downloadFolder(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le dossier prêt à héberger (.zip)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'offres-a-heberger.zip');
  await page.getByText('Dossier « offres-a-heberger.zip » téléchargé').waitFor();
  return download;
}

/** Opens the studio and waits for it to start. */
async function openStudio(env, options = {}) {
  const opened = await env.open(STUDIO, options);
  await opened.page.getByRole('heading', { name: 'vitrine studio' }).waitFor({ timeout: LOAD_TIMEOUT });
  return opened;
}

/** Pastes a text and adds it as an offer. */
async function paste(page, text) {
  await page.getByLabel('Texte d’une offre', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Ajouter cette offre' }).click();
}

/** The input of a field of the review form, by the field's key and the input's label. */
function field(page, key, label) {
  return page.locator(`fieldset.field[data-field="${key}"]`).getByLabel(label, { exact: true });
}

/** Waits until the preview's widget is mounted and calm (no load under way), e.g. before a reload. */
async function previewSettled(page) {
  await page.waitForTimeout(700);
  await page.frameLocator('iframe[title^="Aperçu"]').locator('.toolbar [role="status"]').waitFor({ timeout: LOAD_TIMEOUT });
  await page.waitForLoadState('networkidle');
}

async function offerTitles(page) {
  return page.locator('ol.offers button.pick .title').allTextContents();
}

describe('vitrine studio', { timeout: 240_000 }, () => {
  const env = useBrowser();

  it('a publisher pastes, corrects, closes, downloads, and the widget shows the corrected offer', async () => {
    const { page } = await openStudio(env);
    await paste(page, SEED);
    await page.getByRole('heading', { name: `Vérifier « ${TITLE} »` }).waitFor();
    // Each field shows the line of the text it was read from.
    const org = page.locator('fieldset.field[data-field="organization"]');
    assert.match(await org.locator('.source').first().textContent(), /Ligne \d+ :/);
    await field(page, 'organization', 'Organisation').fill(ORG);
    await field(page, 'deadline', 'Date limite de candidature').fill('2023-08-31');
    await org.getByText('vérifié').waitFor();
    // The correction survives re-extracting the text.
    await page.getByText('Texte de l’offre', { exact: true }).click();
    const text = page.getByLabel(/^Texte \(chaque modification/);
    await text.fill(SEED.replace('CDD', 'CDD de 12 mois'));
    assert.equal(await field(page, 'organization', 'Organisation').inputValue(), ORG);

    await paste(page, OTHER);
    const other = (await offerTitles(page))[1];
    assert.ok(other && other !== TITLE, `a second offer is listed: ${await offerTitles(page)}`);
    await page.getByRole('button', { name: `Pourvue : fermer « ${other} »` }).click();
    await page.locator('ol.offers li.offer').nth(1).getByText('Fermée (pourvue)').waitFor();
    await page.getByText(/1 ouverte · 0 se clôt bientôt · 1 fermée/).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger le flux (offres.json)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'offres.json');
    const feedText = readFileSync(await download.path(), 'utf8');
    const feed = JSON.parse(feedText);
    assert.equal(feed.updated, DEMO_TODAY);
    assert.deepEqual(feed.postings.map((p) => p.title), [TITLE], 'the closed offer is not published');
    assert.equal(feed.postings[0].organization, ORG);
    assert.equal(feed.postings[0].deadline, '2023-08-31');

    // The snippet points at the address typed in the settings.
    await page.getByLabel('Adresse où vous déposerez le flux').fill('https://asso.example/offres/offres.json');
    assert.match(await page.getByLabel('Balise à coller dans votre page').inputValue(), /data-src="https:\/\/asso\.example\/offres\/offres\.json"/);

    // A partner page with the widget reading the downloaded feed.
    const host = await env.open('studio-host.html', {
      prepare: async (p) => {
        await p.route('**/studio-host.html', (route) => route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="fr"><body><h1>Nos offres</h1><script src="/pkg/vitrine.js" data-src="/studio-host/offres.json" data-today="${DEMO_TODAY}" async></script></body></html>`,
        }));
        await p.route('**/studio-host/offres.json', (route) => route.fulfill({ contentType: 'application/json', body: feedText }));
      },
    });
    const w = new Widget(host.page);
    await w.ready();
    await previewSettled(page);
    await w.expectList([TITLE], '1 offre');
    assert.match(await w.card(TITLE).textContent(), new RegExp(ORG));
  });

  it('the RSS and JSON Feed downloads need the page address, and list the open offers linking to it', async () => {
    const { page } = await openStudio(env);
    await paste(page, SEED);
    await page.getByRole('heading', { name: `Vérifier « ${TITLE} »` }).waitFor();
    const site = page.getByLabel('Adresse de la page qui affiche les offres');
    await site.fill('offres.html');
    await page.getByText('« offres.html » n’est pas une adresse complète', { exact: false }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Télécharger le flux RSS' }).count(), 0, 'no RSS without a valid address');
    await site.fill('https://asso.example/offres/');
    const [rssDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger le flux RSS' }).click(),
    ]);
    assert.equal(rssDownload.suggestedFilename(), 'offres.rss.xml');
    const rss = readFileSync(await rssDownload.path(), 'utf8');
    assert.match(rss, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<rss version="2\.0"/);
    assert.equal((rss.match(/<item>/g) || []).length, 1);
    assert.ok(rss.includes(`<title>${TITLE}</title>`), rss);
    assert.match(rss, /<link>https:\/\/asso\.example\/offres\/\?offre=[^<]+<\/link>/);
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger le JSON Feed' }).click(),
    ]);
    assert.equal(jsonDownload.suggestedFilename(), 'offres.feed.json');
    const jf = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
    assert.equal(jf.version, 'https://jsonfeed.org/version/1.1');
    assert.deepEqual(jf.items.map((i) => i.title), [TITLE]);
    assert.ok(jf.items[0].url.startsWith('https://asso.example/offres/?offre='), jf.items[0].url);
    await previewSettled(page);
  });

  it('the ready-to-host folder holds the widget, the split feed and a page that shows the offers', async () => {
    const { page } = await openStudio(env);
    await paste(page, SEED);
    await page.getByRole('heading', { name: `Vérifier « ${TITLE} »` }).waitFor();
    await previewSettled(page);
    const download = await downloadFolder(page);
    // Python's zipfile (another reader) lists, checks and unpacks it.
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-folder-'));
    try {
      const zipPath = await download.path();
      const names = JSON.parse(execFileSync('python3', ['-c',
        'import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nz.extractall(sys.argv[2])\nprint(json.dumps(sorted(z.namelist())))',
        zipPath, dir], { encoding: 'utf8' }));
      assert.deepEqual(names, ['offres/', 'offres/LISEZMOI.txt', 'offres/index.html', 'offres/offres.bodies.json', 'offres/offres.json',
        'offres/vitrine/', 'offres/vitrine/vitrine.js', 'offres/vitrine/vitrine_core.js', 'offres/vitrine/vitrine_core_bg.wasm']);
      for (const f of ['vitrine.js', 'vitrine_core.js', 'vitrine_core_bg.wasm']) {
        assert.ok(readFileSync(join(dir, 'offres', 'vitrine', f)).equals(readFileSync(join(ROOT, 'pkg', f))), `${f} is the built one`);
      }
      const offers = JSON.parse(readFileSync(join(dir, 'offres', 'offres.json'), 'utf8'));
      assert.equal(offers.bodies.href, 'offres.bodies.json');
      assert.deepEqual(offers.postings.map((p) => p.title), [TITLE]);
      JSON.parse(readFileSync(join(dir, 'offres', 'offres.bodies.json'), 'utf8'));
      const index = readFileSync(join(dir, 'offres', 'index.html'), 'utf8');
      assert.match(index, /<script src="vitrine\/vitrine\.js" data-src="offres\.json" async><\/script>/);
      assert.match(readFileSync(join(dir, 'offres', 'LISEZMOI.txt'), 'utf8'), /Déposez tout le dossier « offres »/);

      // The unpacked folder, served as is (the page judged on the demo's day), shows the offer.
      const types = { html: 'text/html; charset=utf-8', js: 'text/javascript', wasm: 'application/wasm', json: 'application/json' };
      const host = await env.open('hosted/offres/index.html', {
        prepare: (p) => p.route('**/hosted/offres/**', (route) => {
          const rel = new URL(route.request().url()).pathname.replace(/^\/hosted\//, '');
          let body = readFileSync(join(dir, ...rel.split('/')));
          if (rel.endsWith('index.html')) body = Buffer.from(body.toString('utf8').replace(' async>', ` data-today="${DEMO_TODAY}" async>`));
          return route.fulfill({ contentType: types[rel.split('.').pop()], body });
        }),
      });
      const w = new Widget(host.page);
      await w.ready();
      await w.expectList([TITLE], '1 offre');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a reload mid-edit finds the work as it was typed', async () => {
    const { page } = await openStudio(env);
    await paste(page, SEED);
    await field(page, 'organization', 'Organisation').fill('Le Labo (en cours de frappe');
    await previewSettled(page);
    await page.reload();
    await page.getByRole('heading', { name: 'vitrine studio' }).waitFor({ timeout: LOAD_TIMEOUT });
    assert.deepEqual(await offerTitles(page), [TITLE]);
    assert.equal(await field(page, 'organization', 'Organisation').inputValue(), 'Le Labo (en cours de frappe');
  });

  it('a broken feed or a bad file gets a message naming it, and the work is kept', async () => {
    const { page } = await openStudio(env);
    await paste(page, SEED);
    const files = page.getByLabel(/^Ou choisissez des fichiers/);
    await files.setInputFiles({ name: 'offres.json', mimeType: 'application/json', buffer: Buffer.from('{"updated": "2023-07-01", "postings": [{"id": "a", "kind": "emploi", "title": "T"') });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /« offres\.json »/);
    assert.deepEqual(await offerTitles(page), [TITLE]);
    await files.setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]) });
    await page.getByRole('alert').filter({ hasText: '« photo.txt »' }).waitFor();
    assert.deepEqual(await offerTitles(page), [TITLE]);
    await previewSettled(page);
    await page.reload();
    await page.getByRole('heading', { name: 'vitrine studio' }).waitFor({ timeout: LOAD_TIMEOUT });
    assert.deepEqual(await offerTitles(page), [TITLE]);
    // A good text file is added.
    await files.setInputFiles({ name: 'autre.txt', mimeType: 'text/plain', buffer: Buffer.from(OTHER) });
    await page.locator('ol.offers li.offer').nth(1).waitFor();
    await previewSettled(page);
  });

  it('a Word document becomes an offer to review; a damaged one is named and changes nothing', async () => {
    const { page } = await openStudio(env);
    await paste(page, SEED);
    await page.getByText(/\.docx, \.odt/).first().waitFor();
    const files = page.getByLabel(/^Ou choisissez des fichiers/);
    assert.match(await files.getAttribute('accept'), /\.docx/);
    await files.setInputFiles(join(ROOT, 'tests', 'e2e', 'fixtures', 'studio', 'offre-animation.docx'));
    await page.getByRole('heading', { name: 'Vérifier « Animateur·rice de quartier »' }).waitFor();
    assert.equal(await field(page, 'organization', 'Organisation').inputValue(), 'Association Les Jardins du Faubourg');
    assert.deepEqual(await offerTitles(page), [TITLE, 'Animateur·rice de quartier']);
    await files.setInputFiles({ name: 'abimé.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04 pas un document') });
    await page.getByRole('alert').filter({ hasText: '« abimé.docx » n’est pas un document Word (.docx) lisible' }).waitFor();
    assert.deepEqual(await offerTitles(page), [TITLE, 'Animateur·rice de quartier']);
    await previewSettled(page);
  });

  it('once loaded, the studio works offline: a reload finds the work, the preview and the folder', async () => {
    const { page } = await openStudio(env);
    await paste(page, SEED);
    await page.getByRole('heading', { name: `Vérifier « ${TITLE} »` }).waitFor();
    // The service worker has kept the page, the studio's wasm and the widget's files.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    await previewSettled(page);
    await page.context().setOffline(true);
    try {
      await page.reload();
      await page.getByRole('heading', { name: 'vitrine studio' }).waitFor({ timeout: LOAD_TIMEOUT });
      assert.deepEqual(await offerTitles(page), [TITLE]);
      await page.getByRole('heading', { name: `Vérifier « ${TITLE} »` }).waitFor();
      // The preview's real widget starts from the cached files and shows the offer.
      const preview = page.frameLocator('iframe[title^="Aperçu"]');
      await preview.locator('.toolbar [role="status"]').filter({ hasText: '1 offre' }).waitFor({ timeout: LOAD_TIMEOUT });
      // The extractor runs with no network: a new offer is read.
      await paste(page, OTHER);
      await page.locator('ol.offers li.offer').nth(1).waitFor();
      await preview.locator('.toolbar [role="status"]').filter({ hasText: '2 offres' }).waitFor({ timeout: LOAD_TIMEOUT });
      await previewSettled(page);
      // The ready-to-host folder is made from the cached widget files.
      await downloadFolder(page);
    } finally {
      await page.context().setOffline(false);
    }
  });

  it('a saved work that cannot be read is kept aside, with a message', async () => {
    const { page } = await env.open('studio/', {
      prepare: (p) => p.addInitScript(() => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('vitrine-studio:travail', '{"version":1,"offers":[{');
          sessionStorage.setItem('seeded', '1');
        }
      }),
    });
    await page.getByRole('alert').filter({ hasText: 'mis de côté' }).waitFor({ timeout: LOAD_TIMEOUT });
    assert.equal(await page.evaluate(() => localStorage.getItem('vitrine-studio:travail-illisible')), '{"version":1,"offers":[{');
    await previewSettled(page);
  });

  for (const width of [360, 1280]) {
    it(`axe-core finds no violation, and nothing scrolls sideways, at ${width} px`, async () => {
      const { page } = await openStudio(env, { width, height: 800 });
      await paste(page, SEED);
      await page.getByRole('heading', { name: `Vérifier « ${TITLE} »` }).waitFor();
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(async () => {
        const r = await window.axe.run({ include: [['#studio']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
      });
      assert.deepEqual(result, []);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls ${overflow} px sideways at ${width} px`);
      await previewSettled(page);
    });
  }
});
