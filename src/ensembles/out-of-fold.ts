import { takeRows } from '../data/matrix.js';
import type { Model, TrainingData } from '../learners/types.js';
import { type EnsembleRun, type FitJob, fitMany } from './fit-many.js';
import type { Member } from './members.js';
import { seededSpec } from './members.js';
import { modelOutputs, outputWidth } from './model-outputs.js';
import type { SharedFolds } from './shared-folds.js';

/** Every member's out-of-sample outputs on the shared folds. */
export interface OutOfFold {
  /** Per member: rows × width outputs (see modelOutputs); NaN on rows no fold predicts (outside a holdout). */
  readonly outputs: readonly Float64Array[];
  /** Per member: its model of each fold (none for a prefitted member). */
  readonly foldModels: readonly (readonly Model[])[];
}

/**
 * Fits every member on each fold's training rows and predicts the fold's test rows, so each row's
 * output comes from models that never saw it: what a combiner may learn from without leaking
 * training error. All members share the folds; a randomised member of name m gets the seed
 * deriveSeed(run.seed, m, fold) unless its spec sets one. A prefitted member's outputs are its
 * predictions as they are.
 *
 * @example
 * const { outputs } = await outOfFold(run, members, data, sharedFolds('stacking', 5, data, 0));
 */
export async function outOfFold(
  run: EnsembleRun,
  members: readonly Member[],
  data: TrainingData,
  shared: SharedFolds,
): Promise<OutOfFold> {
  const { seed } = run;
  const width = outputWidth(data);
  const n = data.y.length;
  const jobs: FitJob[] = [];
  for (const [f, fold] of shared.folds.entries()) {
    for (const member of members) {
      if (member.prefitted) continue;
      const spec = seededSpec(member.spec, seed, member.name, f);
      jobs.push({ label: `member "${member.name}", fold ${f}`, spec, rows: fold.train });
    }
  }
  const models = await fitMany(run, data, jobs);
  const outputs = members.map(() => new Float64Array(n * width).fill(Number.NaN));
  const foldModels: Model[][] = members.map(() => []);
  let next = 0;
  for (const fold of shared.folds) {
    const X = takeRows(data.X, fold.test);
    for (const [m, member] of members.entries()) {
      if (member.prefitted) continue;
      const model = models[next++]!;
      foldModels[m]!.push(model);
      scatter(modelOutputs(model, X), fold.test, width, outputs[m]!);
    }
  }
  for (const [m, member] of members.entries()) {
    if (!member.prefitted) continue;
    const X = takeRows(data.X, shared.covered);
    scatter(modelOutputs(member.prefitted, X), shared.covered, width, outputs[m]!);
  }
  return { outputs, foldModels };
}

/** Writes rows × width values into `out` at `rows`. */
function scatter(values: Float64Array, rows: Uint32Array, width: number, out: Float64Array): void {
  for (let t = 0; t < rows.length; t++) {
    out.set(values.subarray(t * width, (t + 1) * width), rows[t]! * width);
  }
}
