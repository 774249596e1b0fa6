// Test helpers: run an exported model with onnxruntime-web (its WebAssembly build, offline in Node)
// and compare its outputs with the library's predictions.
import assert from 'node:assert/strict';
import * as ort from 'onnxruntime-web';
import { toTrainingData } from '../../../src/data/dataset.js';
import { type Matrix, takeRows } from '../../../src/data/matrix.js';
import { loadBundled } from '../../../src/data/read-file.js';
import '../../../src/learners/builtins.js';
import type { ClassificationData, Model, Spec, TrainingData } from '../../../src/learners/types.js';
import type { OnnxPrecision } from '../../../src/persist/onnx/graph-builder.js';
import { toOnnx } from '../../../src/persist/onnx/to-onnx.js';

// One thread: the wasm build's worker threads are not needed for a few hundred rows.
ort.env.wasm.numThreads = 1;

/** The outputs of an ONNX model for X (as float32 or float64, as the model was exported). */
export async function runOnnx(
  bytes: Uint8Array,
  X: Matrix,
  precision: OnnxPrecision = 'float32',
): Promise<Record<string, ort.Tensor>> {
  const session = await ort.InferenceSession.create(bytes);
  const input =
    precision === 'float32'
      ? new ort.Tensor('float32', Float32Array.from(X.data), [X.rows, X.cols])
      : new ort.Tensor('float64', X.data, [X.rows, X.cols]);
  const outputs = await session.run({ X: input });
  await session.release();
  return outputs;
}

/** X with every value rounded to float32, as a float32 ONNX model receives it. */
export function roundedToFloat32(X: Matrix): Matrix {
  return { rows: X.rows, cols: X.cols, data: Float64Array.from(Float32Array.from(X.data)) };
}

/** The bundled data set with its default target. */
export async function bundled(name: 'cars' | 'penguins'): Promise<TrainingData> {
  const { dataset, target } = await loadBundled(name);
  return toTrainingData(dataset, { target });
}

/** Two classes of the penguins: Adelie and Chinstrap (missing values included). */
export async function binaryPenguins(): Promise<ClassificationData> {
  const data = (await bundled('penguins')) as ClassificationData;
  const keep = Uint32Array.from(
    Array.from(data.y.keys()).filter((i) => data.classes[data.y[i]!] !== 'Gentoo'),
  );
  return {
    ...data,
    task: 'binary',
    X: takeRows(data.X, keep),
    y: Int32Array.from(keep, (i) => data.y[i]!),
    classes: data.classes.filter((c) => c !== 'Gentoo'),
  };
}

/** compare's preprocessing: mean imputation, one-hot categorical columns, and (`scale`) standardisation. */
export function compareStyle(estimator: Spec, scale: boolean): Spec {
  const steps: Spec[] = [{ kind: 'simpleImputer' }, { kind: 'oneHotEncoder', handleUnknown: 'ignore' }];
  if (scale) steps.push({ kind: 'standardScaler' });
  return { kind: 'pipeline', steps, estimator };
}

/**
 * Exports `model`, runs it on X and checks every output value against the library's within
 * `tolerance` × max(1, |value|), and the labels (where the two best probabilities are further
 * apart than the tolerance, so that rounding cannot swap them). A float32 export is compared with
 * the library's predictions on X rounded to float32: what the ONNX model receives.
 */
export async function checkExport(
  model: Model,
  X: Matrix,
  precision: OnnxPrecision,
  tolerance: number,
): Promise<void> {
  const outputs = await runOnnx(toOnnx(model, { precision }), X, precision);
  const input = precision === 'float32' ? roundedToFloat32(X) : X;
  if (model.task === 'regression') {
    const prediction = outputs.prediction!;
    assert.deepEqual(prediction.dims, [X.rows]);
    assert.equal(prediction.type, precision);
    assertClose(prediction.data as Float32Array, model.predict(input), tolerance);
    return;
  }
  const k = model.classes.length;
  const probabilities = outputs.probabilities!;
  assert.deepEqual(probabilities.dims, [X.rows, k]);
  const expected = model.predictProba(input).data;
  assertClose(probabilities.data as Float32Array, expected, tolerance);
  const label = outputs.label!;
  assert.equal(label.type, 'int64');
  const codes = model.predict(input);
  for (let i = 0; i < X.rows; i++) {
    const row = Array.from(expected.subarray(i * k, (i + 1) * k)).sort((a, b) => b - a);
    if (row[0]! - row[1]! > tolerance)
      assert.equal(Number((label.data as BigInt64Array)[i]), codes[i], `row ${i}`);
  }
}

/** |actual − expected| ≤ tolerance · max(1, |expected|) everywhere. */
export function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const error = Math.abs(actual[i]! - e);
    if (!(error <= tolerance * Math.max(1, Math.abs(e)))) {
      assert.fail(
        `value ${i}: ONNX gives ${actual[i]}, the library ${e} (error ${error}, tolerance ${tolerance})`,
      );
    }
  }
}
