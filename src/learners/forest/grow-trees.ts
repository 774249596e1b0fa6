import { registerTask } from '../executor.js';
import { buildTree, type TreeOptions } from '../tree/build-tree.js';
import { weightedRows } from '../tree/class-sample-weight.js';
import type { TreeTarget } from '../tree/criterion.js';
import type { TreeArrays } from '../tree/tree-arrays.js';
import type { TreeColumns } from '../tree/tree-columns.js';
import { treeSample } from './bootstrap.js';
import { type ForestArrays, packTrees } from './forest-arrays.js';

/** What growing trees `from … to-1` of a forest needs: all plain data, so a worker thread can do it. */
export interface GrowTreesPayload {
  readonly kind: string;
  readonly prepared: TreeColumns;
  /** The target; its sampleWeight holds the base row weights (sampleWeight × classWeight). */
  readonly target: TreeTarget;
  readonly options: TreeOptions;
  /** Draws per bootstrap sample; 0: no bootstrap (every tree grows on every row). */
  readonly bootstrapSize: number;
  /** Class weights made balanced within each bootstrap sample (classWeight 'balanced_subsample'). */
  readonly balancedSubsample: boolean;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
}

/** Trees `from … to-1`, packed, and each one's normalised feature importances (trees × columns). */
export interface GrownTrees {
  readonly forest: ForestArrays;
  readonly importances: Float64Array;
}

/** The name under which `growTrees` is registered as an executor task. */
export const GROW_TREES = 'forest.growTrees';

/**
 * Grows trees `from … to-1` of a forest: tree i on its own bootstrap sample, with its own random
 * stream (see `treeSample`), so the result does not depend on which thread grows which tree.
 *
 * @example
 * const { forest, importances } = growTrees({ ...payload, from: 0, to: 10 });
 */
export function growTrees(payload: GrowTreesPayload): GrownTrees {
  const { prepared, target, options, from, to } = payload;
  const trees: TreeArrays[] = [];
  const importances = new Float64Array((to - from) * prepared.cols);
  for (let i = from; i < to; i++) {
    const { random, counts } = treeSample(payload.seed, i, prepared.rows, payload.bootstrapSize);
    const sampleWeight = counts ? sampleWeights(payload, counts) : target.sampleWeight;
    const rows = weightedRows(payload.kind, sampleWeight, prepared.rows);
    const grown = buildTree(prepared, { ...target, sampleWeight }, rows, options, random);
    trees.push(grown.tree);
    importances.set(grown.featureImportances, (i - from) * prepared.cols);
  }
  return { forest: packTrees(trees, trees[0]?.nOutputs ?? 1), importances };
}

registerTask(GROW_TREES, growTrees);

/** Base weights × bootstrap counts (× class weights balanced over the bootstrap sample), as scikit-learn's forests weigh rows. */
function sampleWeights(payload: GrowTreesPayload, counts: Uint32Array): Float64Array {
  const { target, balancedSubsample } = payload;
  const base = target.sampleWeight;
  const out = new Float64Array(counts.length);
  for (let r = 0; r < counts.length; r++) out[r] = counts[r]! * (base ? base[r]! : 1);
  if (balancedSubsample && target.kind === 'classification') {
    const { y, nClasses } = target;
    const perClass = new Float64Array(nClasses);
    for (let r = 0; r < counts.length; r++) perClass[y[r]!]! += counts[r]!;
    let present = 0;
    for (let c = 0; c < nClasses; c++) if (perClass[c]! > 0) present++;
    // n / (classes present · count): each class present carries the same total weight.
    for (let c = 0; c < nClasses; c++) {
      perClass[c] = perClass[c]! > 0 ? payload.bootstrapSize / (present * perClass[c]!) : 0;
    }
    for (let r = 0; r < counts.length; r++) out[r]! *= perClass[y[r]!]!;
  }
  return out;
}
