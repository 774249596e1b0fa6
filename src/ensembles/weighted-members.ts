import { checkedRowPathOf } from '../learners/compile.js';
import { restoreModel } from '../learners/fit.js';
import type { ModelInfo, PredictFn, RowPredictFn, SavedModel } from '../learners/types.js';
import { averageOutputs, voteShares } from './combine.js';
import type { EnsembleDiagnostics } from './diagnostics.js';
import { modelOutputs } from './model-outputs.js';

/** One member that takes part in prediction. */
export interface WeightedMember {
  readonly name: string;
  /** The weight as given or learned; prediction divides by the members' sum. */
  readonly weight: number;
  readonly model: SavedModel;
}

/** The state of an ensemble that averages (or votes) weighted members: voting, ensembleSelection. */
export interface WeightedState {
  readonly combine: 'mean' | 'vote';
  /** Every member's weight, normalised to sum 1, by name (members of weight 0 are not kept). */
  readonly weights: Readonly<Record<string, number>>;
  readonly members: readonly WeightedMember[];
  readonly diagnostics: EnsembleDiagnostics;
}

/**
 * The prediction function of weighted members: the weighted mean of their outputs, or their
 * weighted vote shares.
 *
 * @example
 * const predict = weightedPredictor(state, info);
 */
export function weightedPredictor(state: WeightedState, info: ModelInfo): PredictFn {
  const models = state.members.map((member) => restoreModel(member.model));
  const weights = Float64Array.from(state.members, (member) => member.weight);
  const k = info.classes?.length ?? 1;
  return (X) => {
    const outputs = models.map((model) => modelOutputs(model, X));
    return state.combine === 'vote'
      ? voteShares(outputs, weights, X.rows, k)
      : averageOutputs(outputs, weights);
  };
}

/**
 * The row path of weighted members (see LearnerDef.rowPredictor): each member's row path into its
 * own preallocated output, combined in the same order and with the same arithmetic as
 * averageOutputs / voteShares, so the values are identical to weightedPredictor's. Undefined when
 * a member has no row path.
 *
 * @example
 * const predictRow = weightedRowPredictor(state, info); // used by compileRowPredictor
 */
export function weightedRowPredictor(state: WeightedState, info: ModelInfo): RowPredictFn | undefined {
  const paths: RowPredictFn[] = [];
  for (const member of state.members) {
    const path = checkedRowPathOf(member.model, true);
    if (path === undefined) return undefined;
    paths.push(path);
  }
  const weights = Float64Array.from(state.members, (member) => member.weight);
  const k = info.classes?.length ?? 1;
  const outputs = paths.map(() => new Float64Array(k));
  const n = paths.length;
  let total = 0;
  if (state.combine === 'vote') for (let m = 0; m < n; m++) total += weights[m]!;
  else for (let m = 0; m < n; m++) if (weights[m]! !== 0) total += weights[m]!;
  return (row, out) => {
    for (let m = 0; m < n; m++) paths[m]!(row, outputs[m]!);
    out.fill(0, 0, k);
    for (let m = 0; m < n; m++) {
      const w = weights[m]!;
      if (w === 0) continue;
      const o = outputs[m]!;
      if (state.combine === 'vote') {
        let best = 0;
        for (let c = 1; c < k; c++) if (o[c]! > o[best]!) best = c;
        out[best] = out[best]! + w;
      } else for (let c = 0; c < k; c++) out[c] = out[c]! + w * o[c]!;
    }
    for (let c = 0; c < k; c++) out[c] = out[c]! / total;
  };
}

/**
 * The state's weights and kept members from every member's weight (raw, any positive scale).
 *
 * @example
 * weightedMembers(['a', 'b'], Float64Array.of(3, 0), models) // { weights: { a: 1, b: 0 }, members: [a] }
 */
export function weightedMembers(
  names: readonly string[],
  weights: Float64Array,
  models: ReadonlyMap<string, SavedModel>,
): Pick<WeightedState, 'weights' | 'members'> {
  const total = weights.reduce((a, b) => a + b, 0);
  return {
    weights: Object.fromEntries(names.map((name, m) => [name, weights[m]! / total])),
    members: names.flatMap((name, m) =>
      weights[m]! > 0 ? [{ name, weight: weights[m]!, model: models.get(name)! }] : [],
    ),
  };
}
