import { StacklearnError } from '../errors.js';

/**
 * The fold of every row for group k-fold, scikit-learn 1.2's GroupKFold: the distinct groups,
 * largest first, each go to the fold with the fewest rows so far (the lowest-numbered fold on a
 * tie), so the rows of a group share one test fold. Deterministic, no shuffle. Groups of equal
 * size are taken in descending group-code order (what scikit-learn does whenever its argsort is
 * stable, as it is for up to 16 groups).
 *
 * @example
 * groupKFoldAssignment(Int32Array.from([0, 0, 0, 1, 1, 2]), 2) // Int32Array [0, 0, 0, 1, 1, 1]
 */
export function groupKFoldAssignment(groups: Int32Array, k: number): Int32Array {
  const n = groups.length;
  // Distinct groups in ascending code order (np.unique), and each row's index into them.
  const distinct = [...new Set(groups)].sort((a, b) => a - b);
  if (k > distinct.length) {
    throw new StacklearnError(
      `groupKFold: nSplits = ${k} is more than the ${distinct.length} distinct groups in the data; ` +
        'lower nSplits or give more groups',
    );
  }
  const indexOf = new Map(distinct.map((g, i) => [g, i]));
  const rowGroup = new Int32Array(n);
  const sizes = new Uint32Array(distinct.length);
  for (let i = 0; i < n; i++) {
    const g = indexOf.get(groups[i]!)!;
    rowGroup[i] = g;
    sizes[g]!++;
  }
  const order = [...distinct.keys()].sort((a, b) => sizes[b]! - sizes[a]! || b - a);
  const foldRows = new Float64Array(k);
  const foldOfGroup = new Int32Array(distinct.length);
  for (const g of order) {
    let lightest = 0;
    for (let f = 1; f < k; f++) if (foldRows[f]! < foldRows[lightest]!) lightest = f;
    foldRows[lightest]! += sizes[g]!;
    foldOfGroup[g] = lightest;
  }
  const foldOf = new Int32Array(n);
  for (let i = 0; i < n; i++) foldOf[i] = foldOfGroup[rowGroup[i]!]!;
  return foldOf;
}
