// Facet filters on the main demo page: what they narrow to, and whether the count shown next to
// each value is the number of offers clicking it gives.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countText, isOpen, loadPostings, untilInPage, useBrowser, Widget } from './harness.mjs';

const postings = loadPostings().filter((p) => isOpen(p));
const TOTAL = postings.length;
const LEGENDS = ['Type d’offre', 'Contrat', 'Durée', 'Début', 'Salaire', 'Pays', 'Région', 'Ville', 'Télétravail', 'Thématique', 'Organisation'];

/** value → number of postings having it, for a field read by `valuesOf(posting)` (distinct per posting). */
function tally(list, valuesOf) {
  const counts = new Map();
  for (const p of list) for (const v of new Set(valuesOf(p))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => a[0].localeCompare(b[0])));
}
const shown = (values) => Object.fromEntries(values.map((v) => [v.value, v.count]).sort((a, b) => a[0].localeCompare(b[0])));
const cities = (p) => (p.places ?? []).map((pl) => pl.city).filter(Boolean);
/** The area the region filter shows for a place: région (FR), province or else région (BE), canton (CH), province (CA). */
const areaOf = (pl) => (['BE', 'CH'].includes(pl.country) ? pl.department?.trim() || pl.region?.trim() : pl.region?.trim()) || null;
/** The length buckets (key, French label), shortest first, and those of a posting. */
const LENGTHS = [['0-3', 'Jusqu’à 3 mois', 0, 3], ['3-6', '3 à 6 mois', 3, 6], ['6-12', '6 à 12 mois', 6, 12], ['12-plus', 'Plus de 12 mois', 12, Infinity]];
const LENGTH_LABEL = { ...Object.fromEntries(LENGTHS.map(([k, l]) => [k, l])), permanent: 'Durée indéterminée' };
function lengths(p) {
  const d = p.duration_months;
  if (!d) return p.contract === 'cdi' ? ['permanent'] : [];
  const [lo, hi] = [Math.min(d.min, d.max), Math.max(d.min, d.max)];
  return LENGTHS.filter(([, , above, upto]) => lo <= upto && hi > above).map(([k]) => k);
}
const regions = (p) => (p.places ?? []).map(areaOf).filter(Boolean);

/** Clicks each value of `legend` in turn and checks the list then holds the count shown beside it. */
async function clickEachValue(w, legend, total, baseCount) {
  const values = await w.facetValues(legend);
  assert.ok(values.length > 0, `facet "${legend}" has values`);
  for (const { value, count, checked } of values) {
    assert.equal(checked, false, `"${legend} → ${value}" starts unchecked`);
    await w.checkbox(legend, value).click();
    await w.expectCount(count, countText(count, total));
    assert.equal(await w.checkbox(legend, value).isChecked(), true, `"${legend} → ${value}" is checked after a click`);
    await w.checkbox(legend, value).click();
    await w.expectCount(baseCount.n, baseCount.status);
  }
  return values;
}

describe('index.html: facets', { timeout: 120_000 }, () => {
  const env = useBrowser();

  it('shows every facet, with counts that match the data', async () => {
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    const { facets } = await w.ready();
    assert.deepEqual(facets.map((f) => f.legend), LEGENDS);
    assert.deepEqual(shown(await w.facetValues('Ville')), tally(postings, cities));
    assert.deepEqual(shown(await w.facetValues('Organisation')), tally(postings, (p) => [p.organization]));
    assert.deepEqual(shown(await w.facetValues('Région')), tally(postings, regions));
    const countries = tally(postings, (p) => p.places.map((pl) => pl.country));
    assert.deepEqual(shown(await w.facetValues('Pays')), { Belgique: countries.BE, France: countries.FR });
    const kinds = tally(postings, (p) => [p.kind]);
    assert.deepEqual(shown(await w.facetValues('Type d’offre')), { Emploi: kinds.emploi, Projet: kinds.projet, Stage: kinds.stage });
    // Values are ordered by count, largest first (cities within their country group); lengths
    // keep their own order, shortest first.
    assert.deepEqual((await w.facetValues('Durée')).map((v) => v.value), LENGTHS.filter(([key]) => key in tally(postings, lengths)).map(([, label]) => label));
    assert.deepEqual(shown(await w.facetValues('Durée')), Object.fromEntries(Object.entries(tally(postings, lengths)).map(([k, n]) => [LENGTH_LABEL[k], n])));
    for (const f of facets.filter((f) => !['Durée', 'Début', 'Salaire'].includes(f.legend))) {
      for (const group of new Set(f.values.map((v) => v.group))) {
        const counts = f.values.filter((v) => v.group === group).map((v) => v.count);
        assert.deepEqual(counts, [...counts].sort((a, b) => b - a), `values of "${f.legend}" (${group ?? 'ungrouped'}) ordered by count`);
      }
    }
    // With cities in two countries, cities are grouped under their country's name.
    const groups = [...new Set((await w.facetValues('Ville')).map((v) => `${v.group}`))].sort();
    assert.deepEqual(groups, ['Belgique', 'France']);
    // Regions too: France's régions and Brussels-Capital (a région without a province) apart.
    const regionGroups = Object.fromEntries((await w.facetValues('Région')).map((v) => [v.value, v.group]));
    assert.equal(regionGroups['Bruxelles-Capitale'], 'Belgique');
    assert.equal(regionGroups['Auvergne-Rhône-Alpes'], 'France');
  });

  it('Région: each value gives its count, OR within the group, AND with another; kept in the URL (region=)', async () => {
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    await w.ready();
    await clickEachValue(w, 'Région', TOTAL, { n: TOTAL, status: countText(TOTAL) });
    const inAny = (list, names) => list.filter((p) => regions(p).some((r) => names.includes(r)));
    const two = ['Auvergne-Rhône-Alpes', 'Bruxelles-Capitale'];
    for (const r of two) await w.checkbox('Région', r).click();
    const both = inAny(postings, two);
    assert.ok(both.length >= 2 && both.length < TOTAL, 'two régions hold some offers, not all');
    await w.expectList(both.map((p) => p.title), countText(both.length, TOTAL));
    // AND with a kind.
    await w.checkbox('Type d’offre', 'Emploi').click();
    const jobs = both.filter((p) => p.kind === 'emploi');
    await w.expectList(jobs.map((p) => p.title), countText(jobs.length, TOTAL));
    await w.checkbox('Type d’offre', 'Emploi').click();
    await w.expectList(both.map((p) => p.title), countText(both.length, TOTAL));
    await untilInPage(page, 'the regions in the URL',
      (names) => new URL(location.href).searchParams.getAll('region').sort().join('|') === names, [...two].sort().join('|'));
    // The shared link gives the same list with the same boxes ticked.
    const link = new URL(page.url());
    const again = await env.open(link.pathname.slice(1) + link.search);
    const w2 = new Widget(again.page);
    await w2.ready();
    await w2.expectList(both.map((p) => p.title), countText(both.length, TOTAL));
    for (const r of two) assert.equal(await w2.checkbox('Région', r).isChecked(), true, `${r} is ticked`);
  });

  it('Durée: each bucket gives its count; kept in the URL (duree=); data-length presets it', async () => {
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    await w.ready();
    await clickEachValue(w, 'Durée', TOTAL, { n: TOTAL, status: countText(TOTAL) });
    const keys = Object.keys(tally(postings, lengths));
    assert.ok(keys.length >= 2, 'the seeds have offers of two lengths');
    for (const k of keys) await w.checkbox('Durée', LENGTH_LABEL[k]).click();
    const any = postings.filter((p) => lengths(p).length > 0);
    await w.expectList(any.map((p) => p.title), countText(any.length, TOTAL));
    await untilInPage(page, 'the lengths in the URL',
      (want) => new URL(location.href).searchParams.getAll('duree').sort().join('|') === want, [...keys].sort().join('|'));
    const link = new URL(page.url());
    const again = await env.open(link.pathname.slice(1) + link.search);
    const w2 = new Widget(again.page);
    await w2.ready();
    await w2.expectList(any.map((p) => p.title), countText(any.length, TOTAL));

    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Préréglage</title></head><body><h1>Offres</h1>
      <div data-vitrine data-length="6-12, permanent"></div>
      <script src="../pkg/vitrine.js" data-today="2023-07-03" async></script></body></html>`;
    const prepare = (page) => page.route('**/examples/length-preset.html',
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const preset = await env.open('examples/length-preset.html', { prepare });
    const w3 = new Widget(preset.page);
    await w3.ready();
    const kept = postings.filter((p) => lengths(p).some((k) => k === '6-12' || k === 'permanent'));
    assert.ok(kept.length >= 1 && kept.length < TOTAL);
    await w3.expectList(kept.map((p) => p.title), countText(kept.length));
  });

  it('Début: as soon as possible, and a range of months; kept in the URL (debut=); data-start presets it', async () => {
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    await w.ready();
    const month = (p) => (p.start === 'asap' || !p.start ? null : p.start.month ?? p.start.date.slice(0, 7));
    const asap = postings.filter((p) => p.start === 'asap');
    assert.deepEqual(shown(await w.facetValues('Début')), { 'Dès que possible': asap.length });
    await clickEachValue(w, 'Début', TOTAL, { n: TOTAL, status: countText(TOTAL) });
    // "À partir de" the second month the offers start in: the offers starting then or later.
    const months = [...new Set(postings.map(month).filter(Boolean))].sort();
    assert.ok(months.length >= 3, 'the seeds start in three months');
    await w.facet('Début').getByLabel('À partir de').selectOption(months[1]);
    const later = postings.filter((p) => month(p) && month(p) >= months[1]);
    await w.expectList(later.map((p) => p.title), countText(later.length, TOTAL));
    // "Avant" the last: a range.
    await w.facet('Début').getByLabel('Avant').selectOption(months[2]);
    const range = later.filter((p) => month(p) < months[2]);
    await w.expectList(range.map((p) => p.title), countText(range.length, TOTAL));
    // Or as soon as possible.
    await w.checkbox('Début', 'Dès que possible').click();
    await w.expectList([...range, ...asap].map((p) => p.title), countText(range.length + asap.length, TOTAL));
    const want = ['asap', `before-${months[2]}`, `from-${months[1]}`].join('|');
    await untilInPage(page, 'the start in the URL', (want) => new URL(location.href).searchParams.getAll('debut').sort().join('|') === want, want);
    const link = new URL(page.url());
    const again = await env.open(link.pathname.slice(1) + link.search);
    const w2 = new Widget(again.page);
    await w2.ready();
    await w2.expectList([...range, ...asap].map((p) => p.title), countText(range.length + asap.length, TOTAL));
    assert.equal(await w2.facet('Début').getByLabel('À partir de').inputValue(), months[1]);
    assert.equal(await w2.checkbox('Début', 'Dès que possible').isChecked(), true);

    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Préréglage</title></head><body><h1>Offres</h1>
      <div data-vitrine data-start="asap"></div>
      <script src="../pkg/vitrine.js" data-today="2023-07-03" async></script></body></html>`;
    const prepare = (page) => page.route('**/examples/start-preset.html',
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const preset = await env.open('examples/start-preset.html', { prepare });
    const w3 = new Widget(preset.page);
    await w3.ready();
    await w3.expectList(asap.map((p) => p.title), countText(asap.length));
  });

  it('Salaire: at least … a month (yearly / 12), offers without an amount kept by choice; in the URL (salaire=); data-pay presets it', async () => {
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    await w.ready();
    const monthly = (p) => {
      const pay = p.pay;
      const v = pay?.min ?? pay?.max;
      if (v == null || !pay.period) return null;
      const week = { FR: 35, BE: 38, CH: 42, CA: 40 }[p.places[0]?.country ?? 'FR'];
      return Math.floor(pay.period === 'month' ? v : pay.period === 'year' ? v / 12 : (v * week * 52) / 12);
    };
    const paid = postings.filter((p) => monthly(p) >= 2000);
    const unstated = postings.filter((p) => monthly(p) == null);
    assert.ok(paid.length >= 1 && unstated.length >= 1);
    await w.facet('Salaire').getByLabel('Au moins, brut par mois').selectOption('2000');
    await w.expectList(paid.map((p) => p.title), countText(paid.length, TOTAL));
    assert.deepEqual(shown(await w.facetValues('Salaire')), { 'Aussi les offres sans montant': unstated.length });
    await w.checkbox('Salaire', 'Aussi les offres sans montant').click();
    const both = [...paid, ...unstated];
    await w.expectList(both.map((p) => p.title), countText(both.length, TOTAL));
    await untilInPage(page, 'the pay in the URL', () => new URL(location.href).searchParams.getAll('salaire').sort().join('|') === 'min-2000|unstated');
    const link = new URL(page.url());
    const again = await env.open(link.pathname.slice(1) + link.search);
    const w2 = new Widget(again.page);
    await w2.ready();
    assert.equal(await w2.facet('Salaire').getByLabel('Au moins, brut par mois').inputValue(), '2000');
    assert.equal(await w2.checkbox('Salaire', 'Aussi les offres sans montant').isChecked(), true);

    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Préréglage</title></head><body><h1>Offres</h1>
      <div data-vitrine data-pay="min-2000"></div>
      <script src="../pkg/vitrine.js" data-today="2023-07-03" async></script></body></html>`;
    const prepare = (page) => page.route('**/examples/pay-preset.html',
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const preset = await env.open('examples/pay-preset.html', { prepare });
    const w3 = new Widget(preset.page);
    await w3.ready();
    await w3.expectList(paid.map((p) => p.title), countText(paid.length));
  });

  it('data-region presets the catalogue to a region (names separated by |)', async () => {
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Préréglage</title></head><body><h1>Offres</h1>
      <div data-vitrine data-region="Île-de-France|Bruxelles-Capitale"></div>
      <script src="../pkg/vitrine.js" data-today="2023-07-03" async></script></body></html>`;
    const prepare = (page) => page.route('**/examples/region-preset.html',
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const { page } = await env.open('examples/region-preset.html', { prepare });
    const w = new Widget(page);
    await w.ready();
    const kept = postings.filter((p) => regions(p).some((r) => ['Île-de-France', 'Bruxelles-Capitale'].includes(r)));
    assert.ok(kept.length >= 1 && kept.length < TOTAL);
    // The preset narrows the catalogue itself: the count is not a filtered one.
    await w.expectList(kept.map((p) => p.title), countText(kept.length));
    assert.deepEqual(shown(await w.facetValues('Région')), tally(kept, regions));
  });

  it('Pays → Belgique narrows to the Brussels offer; counts beside values equal what clicking gives', async () => {
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    await w.ready();
    const belgian = postings.filter((p) => p.places.some((pl) => pl.country === 'BE'));
    assert.equal(belgian.length, 1);

    await w.checkbox('Pays', 'Belgique').click();
    await w.expectList([belgian[0].title], countText(1, TOTAL));
    // Its own facet still offers France with France's count (a facet does not filter its own counts).
    const france = postings.filter((p) => p.places.some((pl) => pl.country === 'FR')).length;
    assert.deepEqual(shown(await w.facetValues('Pays')), { Belgique: 1, France: france });
    // Other facets count within Belgium only.
    assert.deepEqual(shown(await w.facetValues('Ville')), tally(belgian, cities));
    await w.checkbox('Pays', 'Belgique').click();
    await w.expectCount(TOTAL, countText(TOTAL));

    // Every value of these facets, alone: the count shown is the count obtained.
    const base = { n: TOTAL, status: countText(TOTAL) };
    for (const legend of ['Type d’offre', 'Ville', 'Thématique', 'Contrat']) await clickEachValue(w, legend, TOTAL, base);
  });

  it('combines facets: AND across facets, OR within one; "Effacer" clears a facet', async () => {
    const { page } = await env.open('index.html');
    const w = new Widget(page);
    await w.ready();
    const jobs = postings.filter((p) => p.kind === 'emploi');
    assert.ok(jobs.length >= 2 && jobs.length < TOTAL, 'the seeds hold some jobs and some other offers');

    await w.checkbox('Type d’offre', 'Emploi').click();
    await w.expectList(jobs.map((p) => p.title), countText(jobs.length, TOTAL));
    // With "Emploi" chosen, city counts are those of the jobs, and each gives what it says.
    assert.deepEqual(shown(await w.facetValues('Ville')), tally(jobs, cities));
    const base = { n: jobs.length, status: countText(jobs.length, TOTAL) };
    await clickEachValue(w, 'Ville', TOTAL, base);
    await clickEachValue(w, 'Organisation', TOTAL, base);

    // Two cities: their offers together (within jobs).
    const [a, b] = Object.keys(tally(jobs, cities));
    assert.ok(a && b, 'the jobs are in at least two cities');
    await w.checkbox('Ville', a).click();
    await w.checkbox('Ville', b).click();
    const both = jobs.filter((p) => cities(p).includes(a) || cities(p).includes(b));
    await w.expectList(both.map((p) => p.title), countText(both.length, TOTAL));

    // "Effacer" under Ville drops both cities and keeps "Emploi".
    await w.facet('Ville').getByRole('button', { name: /^Effacer/ }).click();
    await w.expectList(jobs.map((p) => p.title), countText(jobs.length, TOTAL));
    assert.equal(await w.checkbox('Type d’offre', 'Emploi').isChecked(), true);

    // The toolbar's reset clears everything.
    await w.host.locator('.toolbar').getByRole('button', { name: 'Réinitialiser les filtres' }).click();
    await w.expectCount(TOTAL, countText(TOTAL));
    assert.ok((await w.snapshot()).facets.every((f) => f.values.every((v) => !v.checked)), 'no value stays checked');
  });
});
