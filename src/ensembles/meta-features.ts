import type { Matrix } from '../data/matrix.js';
import { StacklearnError } from '../errors.js';
import type { Feature, TrainingData } from '../learners/types.js';

/** What a stack feeds its final estimator from each member (scikit-learn's stack_method). */
export type StackMethod = 'auto' | 'predictProba' | 'predict';

/** How one member's output becomes meta-features: its value, its class code, or probability columns. */
export type MetaColumns =
  | { readonly kind: 'value' }
  | { readonly kind: 'classCode' }
  | { readonly kind: 'proba'; readonly columns: readonly number[] };

/**
 * The meta-feature columns of a member for a stack method: "auto" is the value for regression and
 * the probabilities for classification, without the first column for a binary task (it is one
 * minus the second), as scikit-learn does; "predict" of a classifier is its class code.
 *
 * @example
 * metaColumns('stacking', 'auto', binaryData) // { kind: 'proba', columns: [1] }
 */
export function metaColumns(owner: string, method: StackMethod, data: TrainingData): MetaColumns {
  if (data.task === 'regression') {
    if (method === 'predictProba') {
      throw new StacklearnError(
        `${owner}: parameter "stackMethod" is "predictProba", which needs classification; the data are regression (use "auto" or "predict")`,
      );
    }
    return { kind: 'value' };
  }
  if (method === 'predict') return { kind: 'classCode' };
  const k = data.classes.length;
  const columns = Array.from({ length: k }, (_, c) => c);
  return { kind: 'proba', columns: data.task === 'binary' ? columns.slice(1) : columns };
}

/**
 * The raw feature columns a stack passes through to its final estimator: none, all, or the named ones.
 *
 * @example
 * passthroughColumns('stacking', ['age'], data.features) // Uint32Array [index of "age"]
 */
export function passthroughColumns(
  owner: string,
  passthrough: boolean | readonly string[],
  features: readonly Feature[],
): Uint32Array {
  if (passthrough === false) return new Uint32Array(0);
  if (passthrough === true) return Uint32Array.from(features.keys());
  const names = features.map((f) => f.name);
  return Uint32Array.from(passthrough, (name) => {
    const index = names.indexOf(name);
    if (index < 0) {
      throw new StacklearnError(
        `${owner}: parameter "passthrough" names the column "${name}", which the data do not have; columns: ${names.join(', ')}`,
      );
    }
    return index;
  });
}

/**
 * The features of the meta data: each member's columns (its name, or name:class for probabilities),
 * then the passed-through raw features.
 *
 * @example
 * metaFeatures(['lr', 'knn'], metas, data, Uint32Array.of()) // [{ name: 'lr:yes', kind: 'numeric' }, …]
 */
export function metaFeatures(
  names: readonly string[],
  metas: readonly MetaColumns[],
  data: TrainingData,
  passthrough: Uint32Array,
): Feature[] {
  const out: Feature[] = [];
  for (const [m, meta] of metas.entries()) {
    if (meta.kind !== 'proba') out.push({ name: names[m]!, kind: 'numeric' });
    else if (data.task !== 'regression') {
      for (const c of meta.columns) out.push({ name: `${names[m]}:${data.classes[c]}`, kind: 'numeric' });
    }
  }
  for (const j of passthrough) out.push(data.features[j]!);
  return out;
}

/**
 * The meta matrix: for each row of `rows` (all rows when null), the members' meta-features read
 * from their outputs (rows × width each), then the passed-through columns of X.
 *
 * @example
 * buildMeta(oof.outputs, width, metas, data.X, passthrough, shared.covered)
 */
export function buildMeta(
  outputs: readonly Float64Array[],
  width: number,
  metas: readonly MetaColumns[],
  X: Matrix,
  passthrough: Uint32Array,
  rows: ArrayLike<number> | null,
): Matrix {
  const n = rows ? rows.length : X.rows;
  let cols = passthrough.length;
  for (const meta of metas) cols += meta.kind === 'proba' ? meta.columns.length : 1;
  const out = new Float64Array(n * cols);
  for (let t = 0; t < n; t++) {
    const row = rows ? rows[t]! : t;
    let o = t * cols;
    for (const [m, meta] of metas.entries()) {
      const output = outputs[m]!;
      const from = row * width;
      if (meta.kind === 'value') out[o++] = output[from]!;
      else if (meta.kind === 'proba') for (const c of meta.columns) out[o++] = output[from + c]!;
      else {
        let best = 0;
        for (let c = 1; c < width; c++) if (output[from + c]! > output[from + best]!) best = c;
        out[o++] = best;
      }
    }
    for (const j of passthrough) out[o++] = X.data[row * X.cols + j]!;
  }
  return { rows: n, cols, data: out };
}
