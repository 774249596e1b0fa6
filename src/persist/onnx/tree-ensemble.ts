import { attr, type GraphBuilder } from './graph-builder.js';

/** Collects trees node by node, then emits one ai.onnx.ml TreeEnsembleRegressor. */
export interface TreeEnsembleCollector {
  /**
   * A split node: rows with x[feature] ≤ threshold go to `ifTrue` (our "left"), others to `ifFalse`;
   * a missing value (NaN) goes to `ifTrue` when `missingTrue`, else compares false (goes to `ifFalse`).
   * Node ids are local to the tree.
   */
  split(
    tree: number,
    node: number,
    feature: number,
    threshold: number,
    ifTrue: number,
    ifFalse: number,
    missingTrue?: boolean,
  ): void;
  /**
   * A chain of BRANCH_EQ nodes `ids[0] → ids[1] → …`: a row whose x[feature] equals one of
   * `values` goes to `ifEqual`, any other row (NaN included) to `otherwise`. The chain's nodes
   * share their true child, so the tree is a DAG there: onnxruntime evaluates it as the tree with
   * that child copied under each node. Empty `values`: one node that sends every row to `otherwise`.
   */
  equalChain(
    tree: number,
    ids: readonly number[],
    feature: number,
    values: readonly number[],
    ifEqual: number,
    otherwise: number,
  ): void;
  /** A leaf adding `values[t]` to output t (zeros are left out). */
  leaf(tree: number, node: number, values: ArrayLike<number>): void;
  /**
   * The TreeEnsembleRegressor node over `input`: per row, the trees' leaf values summed (or
   * averaged) per output, plus `base`; returns a [N, nTargets] tensor of the model's element type.
   */
  emit(
    graph: GraphBuilder,
    input: string,
    options: { readonly aggregate: 'SUM' | 'AVERAGE'; readonly base?: ArrayLike<number> },
  ): string;
}

/**
 * An empty collection of trees with `nTargets` outputs. The node is TreeEnsembleRegressor of
 * ai.onnx.ml (opset 3), used for class probabilities and raw boosting scores as well as values:
 * our converters apply sigmoid / softmax themselves. With float32 precision each threshold t
 * becomes the largest float32 ≤ t, so that for every float32 input v, v ≤ T exactly when v ≤ t: the
 * decisions are the library's on the float32-rounded inputs. (A double input x is rounded first,
 * and can cross t when both round to the same float32: with data 17.2, 17.3, 17.4 a threshold
 * (17.2 + 17.4) / 2 = 17.299999999999997 sends 17.3 right in the library, left in float32.) With
 * float64 precision the thresholds are stored as doubles (`nodes_values_as_tensor`) and every
 * decision is the library's. The operator's output is float32 either way (cast to double after).
 *
 * @example
 * const trees = createTreeEnsemble(1);
 * trees.split(0, 0, 2, 1.5, 1, 2);
 * trees.leaf(0, 1, [3]);
 * trees.leaf(0, 2, [5]);
 * const y = trees.emit(graph, 'X', { aggregate: 'SUM' });
 */
export function createTreeEnsemble(nTargets: number): TreeEnsembleCollector {
  const treeIds: number[] = [];
  const nodeIds: number[] = [];
  const featureIds: number[] = [];
  const values: number[] = [];
  const modes: string[] = [];
  const trueIds: number[] = [];
  const falseIds: number[] = [];
  const missingTrue: number[] = [];
  const targetTreeIds: number[] = [];
  const targetNodeIds: number[] = [];
  const targetIds: number[] = [];
  const weights: number[] = [];
  const addNode = (tree: number, node: number, mode: string, feature: number, threshold: number) => {
    treeIds.push(tree);
    nodeIds.push(node);
    modes.push(mode);
    featureIds.push(feature);
    values.push(threshold);
  };
  return {
    split(tree, node, feature, threshold, ifTrue, ifFalse, missing = false) {
      addNode(tree, node, 'BRANCH_LEQ', feature, threshold);
      trueIds.push(ifTrue);
      falseIds.push(ifFalse);
      missingTrue.push(missing ? 1 : 0);
    },
    equalChain(tree, ids, feature, equalTo, ifEqual, otherwise) {
      if (equalTo.length === 0) {
        // x < −∞ is false for every x, NaN included.
        addNode(tree, ids[0]!, 'BRANCH_LT', feature, Number.NEGATIVE_INFINITY);
        trueIds.push(otherwise);
        falseIds.push(otherwise);
        missingTrue.push(0);
        return;
      }
      equalTo.forEach((value, c) => {
        addNode(tree, ids[c]!, 'BRANCH_EQ', feature, value);
        trueIds.push(ifEqual);
        falseIds.push(c + 1 < equalTo.length ? ids[c + 1]! : otherwise);
        missingTrue.push(0);
      });
    },
    leaf(tree, node, leafValues) {
      addNode(tree, node, 'LEAF', 0, 0);
      trueIds.push(0);
      falseIds.push(0);
      missingTrue.push(0);
      for (let t = 0; t < leafValues.length; t++) {
        if (leafValues[t] === 0) continue;
        targetTreeIds.push(tree);
        targetNodeIds.push(node);
        targetIds.push(t);
        weights.push(leafValues[t]!);
      }
    },
    emit(graph, input, { aggregate, base }) {
      const double = graph.precision === 'float64';
      // onnxruntime expects each tree's nodes in id order (it fails when the root, id 0, is not listed first).
      const order = Array.from(treeIds.keys()).sort(
        (a, b) => treeIds[a]! - treeIds[b]! || nodeIds[a]! - nodeIds[b]!,
      );
      const sorted = <T>(list: readonly T[]): T[] => order.map((i) => list[i]!);
      const numbers = (name: string, list: ArrayLike<number>) =>
        double
          ? {
              [`${name}_as_tensor`]: attr.tensor({
                name: '',
                type: 'double',
                dims: [list.length],
                values: list,
              }),
            }
          : { [name]: attr.floats(list) };
      const [output] = graph.node(
        'TreeEnsembleRegressor',
        [input],
        {
          n_targets: attr.int(nTargets),
          aggregate_function: attr.string(aggregate),
          nodes_treeids: attr.ints(sorted(treeIds)),
          nodes_nodeids: attr.ints(sorted(nodeIds)),
          nodes_featureids: attr.ints(sorted(featureIds)),
          nodes_modes: attr.strings(sorted(modes)),
          ...numbers('nodes_values', sorted(double ? values : values.map(float32AtMost))),
          nodes_truenodeids: attr.ints(sorted(trueIds)),
          nodes_falsenodeids: attr.ints(sorted(falseIds)),
          ...(missingTrue.includes(1)
            ? { nodes_missing_value_tracks_true: attr.ints(sorted(missingTrue)) }
            : {}),
          target_treeids: attr.ints(targetTreeIds),
          target_nodeids: attr.ints(targetNodeIds),
          target_ids: attr.ints(targetIds),
          ...numbers('target_weights', weights),
          ...(base ? numbers('base_values', base) : {}),
        },
        { domain: 'ai.onnx.ml' },
      );
      return double ? graph.castToModel(output!) : output!;
    },
  };
}

const float32 = new Float32Array(1);
const float32Bits = new Int32Array(float32.buffer);

/**
 * The largest float32 ≤ t (t finite): for every float32 v, v ≤ result exactly when v ≤ t.
 *
 * @example
 * float32AtMost(0.1) // 0.09999999403953552 (Math.fround(0.1) is 0.10000000149011612, above 0.1)
 */
export function float32AtMost(t: number): number {
  float32[0] = t;
  if (float32[0]! <= t) return float32[0]!;
  // Rounded up: step one float32 down (towards -Infinity; the bit pattern moves away from 0 for negatives).
  if (float32[0] === 0) return -1.401298464324817e-45;
  float32Bits[0]! += float32[0]! > 0 ? -1 : 1;
  return float32[0]!;
}
