// Makes pkg/ a package the npm registry (and so jsDelivr and unpkg) can serve, and prints the
// embed snippets with Subresource Integrity. Run by scripts/build.sh after wasm-bindgen:
//
//   node scripts/package.mjs stamp [--dir DIR]
//                                       writes the sha384 of vitrine_core.js and
//                                       vitrine_core_bg.wasm into pkg/vitrine.js (the loader checks
//                                       both), then writes pkg/package.json (DIR instead of pkg/)
//   node scripts/package.mjs snippets [--self-hosted URL]...
//                                       prints the <script> tags, with the sha384 of pkg/vitrine.js,
//                                       for the CDN and for each self-hosted URL given
//                                       (default /vitrine/vitrine.js)
//
// The loader's hash covers the whole bundle: it carries the hashes of the two files it loads.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PKG = join(ROOT, 'pkg');
/** The package's name on the npm registry. */
export const NAME = 'vitrine-widget';
/** Placeholders in src/embed/loader.js, replaced in the copy in pkg/ (quoted JS strings). */
export const PLACEHOLDERS = { '"__VITRINE_SRI_CORE__"': 'vitrine_core.js', '"__VITRINE_SRI_WASM__"': 'vitrine_core_bg.wasm' };
/** What the package publishes, besides package.json. */
export const FILES = ['vitrine.js', 'vitrine_core.js', 'vitrine_core_bg.wasm', 'README.md'];

/** `sha384-<base64>` of a file's bytes, as `integrity` attributes take it. */
export function sri(path) {
  return 'sha384-' + createHash('sha384').update(readFileSync(path)).digest('base64');
}

/** A string value of the `[package]` table of Cargo.toml (`version`, `description`, `license`). */
export function cargoField(key) {
  const toml = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const table = toml.split(/^\[/m).find((t) => t.startsWith('package]'));
  const m = table && table.match(new RegExp(`^${key}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"\\s*$`, 'm'));
  if (!m) throw new Error(`Cargo.toml: no ${key} = "…" in [package]`);
  return JSON.parse(`"${m[1]}"`);
}

/** The package.json of pkg/. */
export function manifest() {
  return {
    name: NAME,
    version: cargoField('version'),
    description: cargoField('description'),
    license: cargoField('license'),
    keywords: ['widget', 'embed', 'offres', 'emploi', 'stage', 'service-civique', 'benevolat', 'ess', 'association', 'webassembly', 'offline'],
    files: FILES,
    main: 'vitrine.js',
    browser: 'vitrine.js',
    jsdelivr: 'vitrine.js',
    unpkg: 'vitrine.js',
    sideEffects: true,
  };
}

/** Writes `text` to `path` through a temporary file, so no reader sees half a file. */
function writeAtomic(path, text) {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Writes the hashes of the glue and the wasm into `dir`/vitrine.js, then `dir`/package.json. */
export function stamp(dir = PKG) {
  const loaderPath = join(dir, 'vitrine.js');
  let loader = readFileSync(loaderPath, 'utf8');
  for (const [placeholder, file] of Object.entries(PLACEHOLDERS)) {
    const count = loader.split(placeholder).length - 1;
    if (count !== 1) {
      throw new Error(`${loaderPath}: expected the placeholder ${placeholder} once, found it ${count} time(s) ` +
        '(copy src/embed/loader.js to pkg/vitrine.js before stamping, and stamp only once)');
    }
    loader = loader.replace(placeholder, JSON.stringify(sri(join(dir, file))));
  }
  writeAtomic(loaderPath, loader);
  const m = manifest();
  writeAtomic(join(dir, 'package.json'), JSON.stringify(m, null, 2) + '\n');
  return m;
}

/** The embed tag for a given URL of vitrine.js, with the integrity of pkg/vitrine.js. */
export function tag(src, integrity = sri(join(PKG, 'vitrine.js'))) {
  return `<script src="${src}" integrity="${integrity}" crossorigin="anonymous" async></script>`;
}

/** The URL of vitrine.js on jsDelivr once this version is published. */
export function cdnUrl(version = cargoField('version')) {
  return `https://cdn.jsdelivr.net/npm/${NAME}@${version}/vitrine.js`;
}

function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'stamp') {
    if (rest.length && !(rest.length === 2 && rest[0] === '--dir')) {
      throw new Error(`stamp: unexpected arguments ${JSON.stringify(rest)} (expected --dir DIR)`);
    }
    const dir = rest.length ? resolve(rest[1]) : PKG;
    const m = stamp(dir);
    const shown = relative(process.cwd(), dir) || '.';
    console.log(`${shown}/vitrine.js stamped with the sha384 of vitrine_core.js and vitrine_core_bg.wasm; ${shown}/package.json: ${m.name}@${m.version}`);
    return 0;
  }
  if (command === 'snippets') {
    const selfHosted = [];
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--self-hosted' && rest[i + 1]) selfHosted.push(rest[++i]);
      else throw new Error(`snippets: unexpected argument ${JSON.stringify(rest[i])} (expected --self-hosted URL)`);
    }
    const version = cargoField('version');
    console.log(`\nEmbed from a CDN, once pkg/ is published (cd pkg && npm publish): ${NAME}@${version}`);
    console.log(`  ${tag(cdnUrl(version))}`);
    console.log(`  (unpkg: https://unpkg.com/${NAME}@${version}/vitrine.js, same integrity)`);
    for (const url of selfHosted.length ? selfHosted : ['/vitrine/vitrine.js']) {
      console.log(`Self-hosted, with the files of pkg/ at ${url.slice(0, url.lastIndexOf('/') + 1) || './'}:`);
      console.log(`  ${tag(url)}`);
    }
    console.log('The integrity changes whenever the bundle does: copy the tag again after each rebuild.');
    return 0;
  }
  console.error('usage: node scripts/package.mjs stamp [--dir DIR] | snippets [--self-hosted URL]...');
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(`package.mjs: ${e.message}`);
    process.exitCode = 1;
  }
}
