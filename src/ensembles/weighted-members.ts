import { restoreModel } from '../learners/fit.js';
import type { ModelInfo, PredictFn, SavedModel } from '../learners/types.js';
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
