// Regenerates the parameter reference in README.md from the learners' parameter tables: `npm run docs`.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import '../src/learners/builtins.js';
import { paramsMarkdown } from '../src/report/params-doc.js';

const path = new URL('../README.md', import.meta.url);
const start = '<!-- params:start -->';
const end = '<!-- params:end -->';
const text = readFileSync(path, 'utf8');
const a = text.indexOf(start);
const b = text.indexOf(end);
if (a < 0 || b < a) throw new Error(`README.md lacks the ${start} … ${end} markers`);
const next = `${text.slice(0, a + start.length)}\n${paramsMarkdown()}\n${text.slice(b)}`;
const temporary = new URL('../README.md.tmp', import.meta.url);
writeFileSync(temporary, next);
renameSync(temporary, path);
console.log(next === text ? 'README.md is up to date' : 'README.md parameter reference updated');
