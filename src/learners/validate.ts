import type { Matrix } from '../data/matrix.js';
import { StacklearnError } from '../errors.js';
import type { Feature, TrainingData } from './types.js';

/** Checks training data once at the edge, so learners can trust it. */
export function checkTrainingData(data: TrainingData, kind: string, allowMissing: boolean): void {
  const { X, features } = data;
  if (X.rows === 0) throw new StacklearnError(`${kind}: cannot fit on 0 rows`);
  if (features.length !== X.cols) {
    throw new StacklearnError(`${kind}: ${features.length} feature names for ${X.cols} columns of X`);
  }
  if (data.y.length !== X.rows) {
    throw new StacklearnError(`${kind}: the target has ${data.y.length} values but X has ${X.rows} rows`);
  }
  if (data.task === 'regression') {
    for (let i = 0; i < data.y.length; i++) {
      if (!Number.isFinite(data.y[i]!)) {
        throw new StacklearnError(
          `${kind}: the target is ${data.y[i]} at row ${i}; a regression target must be finite`,
        );
      }
    }
  } else {
    const k = data.classes.length;
    if (k < 2) {
      throw new StacklearnError(
        `${kind}: classification needs at least two classes; the target has only ${k === 0 ? 'none' : `"${data.classes[0]}"`}`,
      );
    }
    if (data.task === 'binary' && k !== 2) {
      throw new StacklearnError(`${kind}: task "binary" needs exactly 2 classes; received ${k}`);
    }
    for (let i = 0; i < data.y.length; i++) {
      const code = data.y[i]!;
      if (code < 0 || code >= k) {
        throw new StacklearnError(`${kind}: class code ${code} at row ${i} is outside 0 … ${k - 1}`);
      }
    }
  }
  if (data.sampleWeight) {
    const w = data.sampleWeight;
    if (w.length !== X.rows) {
      throw new StacklearnError(`${kind}: sampleWeight has ${w.length} values but X has ${X.rows} rows`);
    }
    let total = 0;
    for (let i = 0; i < w.length; i++) {
      if (!(w[i]! >= 0) || !Number.isFinite(w[i]!)) {
        throw new StacklearnError(
          `${kind}: sampleWeight at row ${i} is ${w[i]}; weights must be finite and ≥ 0`,
        );
      }
      total += w[i]!;
    }
    if (total === 0)
      throw new StacklearnError(`${kind}: every sampleWeight is 0; at least one row must count`);
  }
  checkValues(X, features, kind, allowMissing);
}

/** Checks the shape of X at predict time (and NaN where the model cannot handle it). */
export function checkPredictInput(
  X: Matrix,
  features: readonly Feature[],
  kind: string,
  allowMissing: boolean,
): void {
  if (X.cols !== features.length) {
    const names = features.map((f) => f.name).join(', ');
    throw new StacklearnError(
      `${kind}: the model expects ${features.length} columns (${names}); received ${X.cols}`,
    );
  }
  checkValues(X, features, kind, allowMissing);
}

/** Values checked at once: a block whose values are all finite passes with one comparison. */
const BLOCK = 4096;

function checkValues(X: Matrix, features: readonly Feature[], kind: string, allowMissing: boolean): void {
  const { data } = X;
  for (let start = 0; start < data.length; start += BLOCK) {
    const end = Math.min(data.length, start + BLOCK);
    // v − v is 0 for a finite v and NaN for NaN and ±∞; four sums keep the adds independent.
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    let i = start;
    for (; i + 3 < end; i += 4) {
      a += data[i]! - data[i]!;
      b += data[i + 1]! - data[i + 1]!;
      c += data[i + 2]! - data[i + 2]!;
      d += data[i + 3]! - data[i + 3]!;
    }
    for (; i < end; i++) a += data[i]! - data[i]!;
    if (a + b + c + d !== 0) checkBlock(X, features, kind, allowMissing, start, end);
  }
}

/** Finds the first value of data[start … end) that is not allowed, and throws naming it. */
function checkBlock(
  X: Matrix,
  features: readonly Feature[],
  kind: string,
  allowMissing: boolean,
  start: number,
  end: number,
): void {
  const { data, cols } = X;
  for (let i = start; i < end; i++) {
    const v = data[i]!;
    if (Number.isFinite(v)) continue;
    const row = Math.floor(i / cols);
    const name = features[i % cols]?.name ?? `#${i % cols}`;
    if (Number.isNaN(v)) {
      if (allowMissing) continue;
      throw new StacklearnError(
        `${kind}: column "${name}" has a missing value at row ${row}; ${kind} does not accept missing values ` +
          '(put a simpleImputer in front of it in a pipeline)',
      );
    }
    throw new StacklearnError(`${kind}: column "${name}" has the infinite value ${v} at row ${row}`);
  }
}
