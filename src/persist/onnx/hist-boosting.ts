import type { HgbState } from '../../learners/hgb/predictor.js';
import type { TreeArrays } from '../../learners/hgb/tree-arrays.js';
import type { LearnerConverter } from './converter.js';
import { attr } from './graph-builder.js';
import { binaryProbabilities } from './probabilities.js';
import { createTreeEnsemble, type TreeEnsembleCollector } from './tree-ensemble.js';

/**
 * histGradientBoosting: the baseline plus every tree's leaf value (tree t on raw score t mod
 * nTreesPerIteration) in one TreeEnsembleRegressor, then the link: identity, exp (poisson),
 * sigmoid ([1 − p, p]) or softmax. A numeric split is BRANCH_LEQ with NaN sent left where the
 * tree learned to (nodes_missing_value_tracks_true). A categorical split ("code in the left
 * bitset"; NaN and categories unseen in training follow the missing side) becomes a chain of
 * BRANCH_EQ nodes: on the left categories when missing values go right, otherwise on the known
 * categories that go right — so that every other value, NaN and non-codes included, falls through
 * to the missing side.
 *
 * @example
 * convertHistGradientBoosting(model.state, model.info, 'X', context)
 */
export const convertHistGradientBoosting: LearnerConverter<HgbState> = (
  { link, nTreesPerIteration: K, baseline, trees },
  _info,
  input,
  { graph },
) => {
  const ensemble = createTreeEnsemble(K);
  for (let t = 0; t < trees.roots.length; t++) addTree(ensemble, trees, t, K);
  const raw = ensemble.emit(graph, input, { aggregate: 'SUM', base: baseline });
  switch (link) {
    case 'identity':
      return raw;
    case 'log':
      return graph.op('Exp', [raw]);
    case 'logit':
      return binaryProbabilities(graph, graph.op('Sigmoid', [raw]));
    case 'softmax':
      return graph.op('Softmax', [raw], { axis: attr.int(1) });
  }
};

/** Adds tree t, numbering its nodes depth first (a categorical node takes one id per chain link). */
function addTree(ensemble: TreeEnsembleCollector, trees: TreeArrays, t: number, K: number): void {
  const { feature, threshold, left, right, missingLeft, bitsetIndex, catBitsets, knownCategories } = trees;
  const leafValues = new Float64Array(K);
  let nextId = 0;
  // Returns the local id of the subtree's first node.
  const visit = (node: number): number => {
    if (node < 0) {
      const id = nextId++;
      leafValues.fill(0);
      leafValues[t % K] = trees.leafValue[~node]!;
      ensemble.leaf(t, id, leafValues);
      return id;
    }
    const f = feature[node]!;
    const bitset = bitsetIndex[node]!;
    if (bitset < 0) {
      const id = nextId++;
      const ifTrue = visit(left[node]!);
      const ifFalse = visit(right[node]!);
      ensemble.split(t, id, f, threshold[node]!, ifTrue, ifFalse, missingLeft[node] === 1);
      return id;
    }
    const goLeft = codes(catBitsets, bitset);
    const known = codes(knownCategories, f);
    const missingGoesLeft = missingLeft[node] === 1;
    const chain = known.filter((c) => goLeft.includes(c) !== missingGoesLeft);
    const ids = Array.from({ length: Math.max(1, chain.length) }, () => nextId++);
    const leftId = visit(left[node]!);
    const rightId = visit(right[node]!);
    if (missingGoesLeft) ensemble.equalChain(t, ids, f, chain, rightId, leftId);
    else ensemble.equalChain(t, ids, f, chain, leftId, rightId);
    return ids[0]!;
  };
  visit(trees.roots[t]!);
}

/** The category codes in the 8-word bitset at `index`. */
function codes(bitsets: Uint32Array, index: number): number[] {
  const out: number[] = [];
  for (let code = 0; code < 256; code++) {
    if ((bitsets[index * 8 + (code >>> 5)]! >>> (code & 31)) & 1) out.push(code);
  }
  return out;
}
