import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import * as api from '../src/index.js';
import * as nodeApi from '../src/node.js';

const srcDir = new URL('../src/', import.meta.url).pathname;

/** The Node edge: the only files that may import Node built-ins or Node-only packages. */
const nodeEdge = [
  /^cli\//,
  /^node\.ts$/,
  /^data\/read-file\.ts$/,
  /^persist\/(model-io|atomic-write)\.ts$/,
  /^parallel\//,
  /^serve\//,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('the core imports nothing from Node, so it can run in a browser', () => {
  for (const path of sourceFiles(srcDir)) {
    const rel = relative(srcDir, path);
    if (nodeEdge.some((pattern) => pattern.test(rel))) continue;
    const text = readFileSync(path, 'utf8');
    const imports = [...text.matchAll(/from\s+'([^']+)'|import\s*\(\s*'([^']+)'/g)].map((m) => m[1] ?? m[2]!);
    for (const specifier of imports) {
      assert.ok(!specifier.startsWith('node:'), `${rel} imports ${specifier}`);
      assert.ok(
        !['fs', 'path', 'os', 'worker_threads', 'http', 'child_process'].includes(specifier),
        `${rel} imports ${specifier}`,
      );
    }
    assert.doesNotMatch(text, /\bMath\.random\(/, `${rel} uses Math.random`);
    assert.doesNotMatch(text, /\bprocess\./, `${rel} uses process`);
  }
});

test('the index registers the built-in learners and exports the main verbs', () => {
  const kinds = api.listLearners().map((def) => def.kind);
  for (const kind of [
    'dummy',
    'pipeline',
    'linearRegression',
    'ridge',
    'sgdRegressor',
    'logisticRegression',
    'knn',
    'decisionTree',
  ]) {
    assert.ok(kinds.includes(kind), `${kind} is registered`);
  }
  const transformers = api.listTransformers().map((def) => def.kind);
  assert.deepEqual(transformers, ['oneHotEncoder', 'ordinalEncoder', 'simpleImputer', 'standardScaler']);
  for (const name of [
    'fit',
    'crossValidate',
    'crossValPredict',
    'compare',
    'parseCsv',
    'toTrainingData',
    'r2Score',
  ]) {
    assert.equal(typeof (api as Record<string, unknown>)[name], 'function', name);
  }
  assert.equal(typeof nodeApi.readDataset, 'function');
  assert.equal(typeof nodeApi.loadBundled, 'function');
});
