#!/usr/bin/env node
// The build's size check: the JavaScript a first visit needs (index.html's entry script and the
// modules it preloads) must stay within the budget, gzipped. Every other chunk is loaded on demand
// by the page that needs it; they are listed for information.
//
//   node scripts/bundle-size.mjs [dist-dir] [--budget-kb 200]
//
// Exit status 1 above the budget, 2 when dist/ is missing or unreadable.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSize, initialScripts, kB } from './initial-js.mjs';

const args = process.argv.slice(2);
let budgetKB = 200;
let dist = 'dist';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--budget-kb') budgetKB = Number(args[++i]);
  else dist = args[i];
}
dist = resolve(dist);

let html;
try {
  html = readFileSync(join(dist, 'index.html'), 'utf8');
} catch (err) {
  console.error(`bundle-size: cannot read ${join(dist, 'index.html')} (${err.code ?? err.message}); build first`);
  process.exit(2);
}

const initial = new Set(initialScripts(html).map((url) => url.replace(/^\//, '')));
if (initial.size === 0) {
  console.error('bundle-size: index.html loads no module script');
  process.exit(2);
}

const rows = readdirSync(join(dist, 'assets'))
  .filter((name) => name.endsWith('.js'))
  .map((name) => {
    const content = readFileSync(join(dist, 'assets', name));
    return { name: `assets/${name}`, raw: content.length, gzip: gzipSize(content) };
  });
for (const url of initial) {
  if (!rows.some((r) => r.name === url)) {
    console.error(`bundle-size: index.html loads ${url}, which is not in ${dist}/assets`);
    process.exit(2);
  }
}
rows.sort((a, b) => Number(initial.has(b.name)) - Number(initial.has(a.name)) || b.gzip - a.gzip);

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'chunk'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  loaded`);
for (const r of rows) {
  console.log(`${r.name.padEnd(width)}  ${kB(r.raw).padStart(9)}  ${kB(r.gzip).padStart(9)}  ${initial.has(r.name) ? 'initially' : 'on demand'}`);
}
const total = rows.filter((r) => initial.has(r.name)).reduce((sum, r) => sum + r.gzip, 0);
const verdict = total <= budgetKB * 1000 ? 'within' : 'OVER';
console.log(`initial JavaScript: ${kB(total)} gzip in ${initial.size} files, ${verdict} the ${budgetKB} kB budget`);
if (verdict !== 'within') process.exit(1);
