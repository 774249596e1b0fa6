import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import '../src/learners/builtins.js';
import { paramsMarkdown } from '../src/report/params-doc.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the README opens with the two fresh-machine commands', () => {
  const firstBlock = readme.slice(
    readme.indexOf('```sh'),
    readme.indexOf('```', readme.indexOf('```sh') + 5),
  );
  assert.match(firstBlock, /npm ci && npm start/);
  assert.match(firstBlock, /npm ci && npm test/);
});

test('CI runs the README test command', () => {
  const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
  assert.match(ci, /npm ci/);
  assert.match(ci, /^npm test$/m);
});

test('the parameter reference in the README matches the parameter tables (npm run docs)', () => {
  const start = readme.indexOf('<!-- params:start -->') + '<!-- params:start -->'.length;
  const end = readme.indexOf('<!-- params:end -->');
  assert.equal(readme.slice(start, end).trim(), paramsMarkdown().trim());
});
