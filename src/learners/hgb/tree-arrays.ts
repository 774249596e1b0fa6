import type { BinMapper } from './binning.js';
import type { TreeNode } from './grower.js';

/**
 * Every tree of a model in one set of typed arrays, with thresholds on raw values (prediction
 * needs no binning). Tree t starts at roots[t]; a child or root index ≥ 0 is an inner node, a
 * negative one, ~i, is leaf i. An inner node sends x left when x ≤ threshold (numeric) or when its
 * category is in its bitset (categorical: bitsetIndex ≥ 0, 8 words at catBitsets[8·bitsetIndex]);
 * NaN, and categories unseen in training, go left when missingLeft is 1.
 */
export interface TreeArrays {
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly missingLeft: Uint8Array;
  readonly bitsetIndex: Int32Array;
  readonly catBitsets: Uint32Array;
  /** Categorical: the 8-word bitsets of the categories seen in training, per feature (empty for numeric ones). */
  readonly knownCategories: Uint32Array;
  readonly leafValue: Float64Array;
}

/** Collects grown trees into growing typed arrays. */
export interface TreeArraysBuilder {
  append(nodes: readonly TreeNode[]): void;
  finish(): TreeArrays;
}

/**
 * A builder of TreeArrays for trees grown on data binned by `mapper`.
 *
 * @example
 * const builder = treeArraysBuilder(mapper); builder.append(nodes); const trees = builder.finish();
 */
export function treeArraysBuilder(mapper: BinMapper): TreeArraysBuilder {
  const roots: number[] = [];
  const inner = { feature: [] as number[], threshold: [] as number[], missingLeft: [] as number[] };
  const children = { left: [] as number[], right: [] as number[] };
  const bitsetIndex: number[] = [];
  const catBitsets: number[] = [];
  const leafValue: number[] = [];
  const append = (nodes: readonly TreeNode[]): void => {
    // Inner nodes and leaves get their global indices first, then the links are written.
    const index = new Int32Array(nodes.length);
    let nextInner = inner.feature.length;
    for (const node of nodes) {
      if (node.isLeaf) {
        index[node.id] = ~leafValue.length;
        leafValue.push(node.value);
      } else index[node.id] = nextInner++;
    }
    roots.push(index[0]!);
    for (const node of nodes) {
      if (node.isLeaf) continue;
      const split = node.split!;
      const f = split.feature;
      inner.feature.push(f);
      inner.missingLeft.push(split.missingGoToLeft ? 1 : 0);
      children.left.push(index[node.left!.id]!);
      children.right.push(index[node.right!.id]!);
      if (split.leftBitset) {
        inner.threshold.push(0);
        bitsetIndex.push(catBitsets.length / 8);
        catBitsets.push(...rawCategoryBitset(split.leftBitset, mapper.thresholds[f]!));
      } else {
        bitsetIndex.push(-1);
        const lastBin = mapper.nBinsNonMissing[f]! - 1;
        inner.threshold.push(split.binIndex === lastBin ? Infinity : mapper.thresholds[f]![split.binIndex]!);
      }
    }
  };
  return {
    append,
    finish: () => ({
      roots: Int32Array.from(roots),
      feature: Int32Array.from(inner.feature),
      threshold: Float64Array.from(inner.threshold),
      left: Int32Array.from(children.left),
      right: Int32Array.from(children.right),
      missingLeft: Uint8Array.from(inner.missingLeft),
      bitsetIndex: Int32Array.from(bitsetIndex),
      catBitsets: Uint32Array.from(catBitsets),
      knownCategories: knownCategoryBitsets(mapper),
      leafValue: Float64Array.from(leafValue),
    }),
  };
}

/** A bin bitset turned into a bitset of the category codes those bins stand for. */
function rawCategoryBitset(binBitset: Uint32Array, codes: Float64Array): number[] {
  const out = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let b = 0; b < codes.length; b++) {
    if ((binBitset[b >>> 5]! >>> (b & 31)) & 1) {
      const code = codes[b]!;
      out[code >>> 5] = (out[code >>> 5]! | (1 << (code & 31))) >>> 0;
    }
  }
  return out;
}

function knownCategoryBitsets(mapper: BinMapper): Uint32Array {
  const nFeatures = mapper.isCategorical.length;
  const out = new Uint32Array(nFeatures * 8);
  for (let f = 0; f < nFeatures; f++) {
    if (!mapper.isCategorical[f]) continue;
    for (const code of mapper.thresholds[f]!) out[f * 8 + (code >>> 5)]! |= 1 << (code & 31);
  }
  return out;
}
