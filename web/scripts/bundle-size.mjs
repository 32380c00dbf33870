#!/usr/bin/env node
// Initial and total JavaScript of the production build, gzipped: the entry script of index.html and
// what it preloads (what a first visit must download) versus every chunk (lazy routes included).
// Usage: npm run build -w web && npm run size -w web   (budget: initial ≤ 250 KB gzipped)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const all = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const initialBytes = initial.reduce((s, f) => s + gz(f), 0);
const totalBytes = all.reduce((s, f) => s + gz(f), 0);
console.log(`initial JS (gzip): ${kb(initialBytes)} in ${initial.length} files: ${initial.join(', ')}`);
console.log(`total JS (gzip):   ${kb(totalBytes)} in ${all.length} chunks`);
if (initialBytes > 250 * 1024) {
  console.error('Initial JavaScript is over the 250 KB budget.');
  process.exit(1);
}
