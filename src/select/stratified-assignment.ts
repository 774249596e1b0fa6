import { StacklearnError } from '../errors.js';
import { type Random, shuffleInPlace } from '../random.js';

/**
 * The fold of every row for a stratified k-fold split, as scikit-learn's StratifiedKFold makes it:
 * classes are ranked by first appearance, the rows sorted by that rank are dealt to the folds in
 * turn (row p to fold p mod k), and each class's members get its fold numbers in row order, or
 * shuffled with `random`. So every class is spread as evenly as possible and the fold sizes differ
 * by at most one. Classes without rows are ignored; a class with fewer rows than k is refused.
 *
 * @example
 * stratifiedAssignment(Int32Array.of(0, 0, 1, 1), ['a', 'b'], 2) // Int32Array [0, 1, 0, 1]
 */
export function stratifiedAssignment(
  y: Int32Array,
  classes: readonly string[],
  k: number,
  random?: Random,
): Int32Array {
  const nClasses = classes.length;
  const rank = new Int32Array(nClasses).fill(-1);
  const byRank: number[] = [];
  const counts = new Uint32Array(nClasses);
  for (let i = 0; i < y.length; i++) {
    const c = y[i]!;
    if (rank[c] === -1) {
      rank[c] = byRank.length;
      byRank.push(c);
    }
    counts[c]!++;
  }
  for (const c of byRank) {
    if (counts[c]! < k) {
      throw new StacklearnError(
        `stratifiedKFold: class "${classes[c]}" has only ${counts[c]} rows, fewer than nSplits = ${k}; ` +
          (counts[c]! >= 2
            ? `use nSplits ≤ ${counts[c]}, or `
            : 'stratified folds need at least 2 rows per class; use ') +
          'unstratified folds ({ kind: "kFold" }), or drop or merge the rare class',
      );
    }
  }
  // allocation[c * k + f]: how many rows of class c go to fold f.
  const allocation = new Uint32Array(nClasses * k);
  let position = 0;
  for (const c of byRank) {
    for (let end = position + counts[c]!; position < end; position++) allocation[c * k + (position % k)]!++;
  }
  const foldOf = new Int32Array(y.length);
  const foldsOfClass = new Map<number, Int32Array>();
  for (const c of byRank) {
    const folds = new Int32Array(counts[c]!);
    let j = 0;
    for (let f = 0; f < k; f++) for (let m = 0; m < allocation[c * k + f]!; m++) folds[j++] = f;
    if (random) shuffleInPlace(folds, random);
    foldsOfClass.set(c, folds);
  }
  const next = new Uint32Array(nClasses);
  for (let i = 0; i < y.length; i++) {
    const c = y[i]!;
    foldOf[i] = foldsOfClass.get(c)![next[c]!++]!;
  }
  return foldOf;
}
