// Compiles src/learners/hgb/histogram.wat into src/learners/hgb/histogram-wasm.ts: `npm run wasm`.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { histogramWasmModule } from './wasm-source.js';

const path = new URL('../src/learners/hgb/histogram-wasm.ts', import.meta.url);
const next = await histogramWasmModule();
let current = '';
try {
  current = readFileSync(path, 'utf8');
} catch {
  // Not generated yet.
}
const temporary = new URL('../src/learners/hgb/histogram-wasm.ts.tmp', import.meta.url);
writeFileSync(temporary, next);
renameSync(temporary, path);
console.log(next === current ? 'histogram-wasm.ts is up to date' : 'histogram-wasm.ts written');
