import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import '../../src/learners/builtins.js';
import { loadModel } from '../../src/persist/model-io.js';
import { bundled, checkExport, runOnnx } from '../persist/onnx/onnx-check.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'stacklearn-export-'));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('export --onnx writes an ONNX file that predicts as the saved model', async () => {
  const model = join(dir, 'penguins.slm');
  const fitted = run('fit', '--dataset', 'penguins', '--learner', 'randomForest', '--out', model, '-q');
  assert.equal(fitted.status, 0, fitted.stderr);
  const out = join(dir, 'penguins.onnx');
  const exported = run('export', '--onnx', model, out, '--precision', 'float64');
  assert.equal(exported.status, 0, exported.stderr);
  assert.match(
    exported.stderr,
    /wrote .*penguins\.onnx: ONNX opset 17, float64 input "X" \[N, 6\], output "label" \[N\] and "probabilities" \[N, 3\]/,
  );
  const loaded = await loadModel(model);
  const data = await bundled('penguins');
  const outputs = await runOnnx(readFileSync(out), data.X, 'float64');
  assert.deepEqual(outputs.probabilities!.dims, [data.X.rows, 3]);
  await checkExport(loaded, data.X, 'float64', 1e-6);
});

test('export needs a format and refuses a model ONNX cannot express, writing nothing', () => {
  const model = join(dir, 'knn.slm');
  assert.equal(run('fit', '--learner', 'knn', '--out', model, '-q').status, 0);
  const noFormat = run('export', model, join(dir, 'x.onnx'));
  assert.equal(noFormat.status, 1);
  assert.match(noFormat.stderr, /export: choose the format to write: --onnx/);
  const out = join(dir, 'knn.onnx');
  const refused = run('export', '--onnx', model, out);
  assert.equal(refused.status, 1);
  assert.match(
    refused.stderr,
    /stacklearn: toOnnx: a "knn" model \(inside pipeline\) cannot be exported to ONNX/,
  );
  assert.equal(existsSync(out), false);
  const badOpset = run('export', '--onnx', model, out, '--opset', '9');
  assert.equal(badOpset.status, 1);
  assert.match(badOpset.stderr, /option "opset" must be an integer from 13 to 21; received 9/);
});
