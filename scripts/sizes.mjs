// Prints the size of each file given, raw, gzip -9 and brotli 11 (as a server would send them),
// and the total. Used by build.sh and the benchmark. Usage: node scripts/sizes.mjs FILE…
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const rows = process.argv.slice(2).map((f) => {
  const buf = readFileSync(f);
  return {
    file: f,
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => (n / 1000).toFixed(1).padStart(8) + " kB";
console.log("  file                          raw       gzip -9   brotli 11");
for (const r of [...rows, { file: "total", ...total }]) {
  console.log(`  ${r.file.padEnd(26)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
}
if (process.env.SIZES_JSON) console.log(JSON.stringify({ files: rows, total }));
