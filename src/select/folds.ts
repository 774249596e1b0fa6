import { range } from '../data/matrix.js';
import { StacklearnError } from '../errors.js';
import { type ParamTable, resolveParams, types } from '../learners/params.js';
import type { TrainingData } from '../learners/types.js';
import { createRandom, deriveSeed, type Random, shuffleInPlace } from '../random.js';
import { groupKFoldAssignment } from './group-k-fold.js';
import { stratifiedAssignment } from './stratified-assignment.js';

/** One train / test split: row indices into the data, each ascending. */
export interface Fold {
  readonly train: Uint32Array;
  readonly test: Uint32Array;
}

/** Parameters of kFold and stratifiedKFold: `{ kind: 'kFold', nSplits: 5, shuffle: true, seed: 1 }`. */
export interface KFoldParams {
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly seed: number;
}

/** Parameters of the repeated kinds: `{ kind: 'repeatedKFold', nSplits: 5, nRepeats: 10, seed: 1 }`. */
export interface RepeatedKFoldParams {
  readonly nSplits: number;
  readonly nRepeats: number;
  readonly seed: number;
}

/** Parameters of groupKFold: `{ kind: 'groupKFold', nSplits: 5 }` (needs `data.groups`). */
export interface GroupKFoldParams {
  readonly nSplits: number;
}

/**
 * How rows are split into folds: plain JSON, like a learner's spec.
 *
 * @example
 * const cv: SplitterSpec = { kind: 'stratifiedKFold', nSplits: 10, shuffle: true, seed: 7 };
 */
export type SplitterSpec =
  | ({ readonly kind: 'kFold' | 'stratifiedKFold' } & Partial<KFoldParams>)
  | ({ readonly kind: 'repeatedKFold' | 'repeatedStratifiedKFold' } & Partial<RepeatedKFoldParams>)
  | ({ readonly kind: 'groupKFold' } & Partial<GroupKFoldParams>);

const nSplits = { type: types.int(2), default: 5, doc: 'number of folds' } as const;
const seed = { type: types.seed(), default: 0, doc: 'seed of the shuffle' } as const;

const kFoldParams: ParamTable<KFoldParams> = {
  nSplits,
  shuffle: { type: types.bool(), default: false, doc: 'shuffle the rows (seeded) before splitting' },
  seed,
};

const repeatedParams: ParamTable<RepeatedKFoldParams> = {
  nSplits,
  nRepeats: { type: types.int(1), default: 10, doc: 'number of differently shuffled k-fold splits' },
  seed: { ...seed, doc: 'seed of the shuffles (repeat r uses a seed derived from it and r)' },
};

const groupKFoldParams: ParamTable<GroupKFoldParams> = { nSplits };

/**
 * The parameter table of each splitter kind. kFold and stratifiedKFold keep the row order unless
 * `shuffle`; the repeated kinds always shuffle, with a different derived seed per repeat;
 * groupKFold never shuffles.
 *
 * @example
 * resolveParams('kFold', splitterParams.kFold, { kind: 'kFold' }) // { nSplits: 5, shuffle: false, seed: 0 }
 */
export const splitterParams = {
  kFold: kFoldParams,
  stratifiedKFold: kFoldParams,
  repeatedKFold: repeatedParams,
  repeatedStratifiedKFold: repeatedParams,
  groupKFold: groupKFoldParams,
} as const;

/**
 * Splits the rows of `data` into folds. A plain number k means k shuffled folds, stratified by
 * class for classification: `{ kind: 'kFold' | 'stratifiedKFold', nSplits: k, shuffle: true, seed }`.
 * Unlike scikit-learn's `cv=int` we shuffle, because data files are often sorted (by date, by
 * class) and unshuffled folds would test on ranges the model never saw. `seed` is used when the
 * spec has none. Same splitter, seed and target: same folds.
 *
 * Unshuffled kFold gives exactly scikit-learn's folds (the first n % k folds one row larger);
 * stratifiedKFold gives scikit-learn's per-fold class counts (and, unshuffled, its very folds).
 * Refused: nSplits > rows, regression data for a stratified splitter, and a class with fewer rows
 * than nSplits (scikit-learn only warns; some test folds would then lack the class).
 *
 * groupKFold keeps each group of `data.groups` in one test fold, with scikit-learn 1.2's
 * GroupKFold folds; refused without groups or with fewer distinct groups than nSplits.
 *
 * @example
 * makeFolds(5, data) // 5 folds whose test sets partition the rows
 * makeFolds({ kind: 'kFold', nSplits: 3 }, data) // [{ train, test: [0, 1, …] }, …]
 * makeFolds({ kind: 'groupKFold', nSplits: 3 }, { ...data, groups }) // no group in two test sets
 */
export function makeFolds(splitter: number | SplitterSpec, data: TrainingData, seed = 0): Fold[] {
  const stratify = data.task !== 'regression';
  const spec: SplitterSpec =
    typeof splitter === 'number'
      ? { kind: stratify ? 'stratifiedKFold' : 'kFold', nSplits: splitter, shuffle: true, seed }
      : splitter;
  const kind = spec?.kind;
  if (kind === undefined || !Object.hasOwn(splitterParams, kind)) {
    throw new StacklearnError(
      `makeFolds: unknown splitter kind ${JSON.stringify(kind)}; known kinds: ${Object.keys(splitterParams).join(', ')}`,
    );
  }
  const n = data.y.length;
  if (spec.kind === 'groupKFold') {
    // nSplits > rows implies nSplits > distinct groups, which the assignment refuses.
    const params = resolveParams(spec.kind, groupKFoldParams, spec as Record<string, unknown>);
    return foldsOf(groupKFoldAssignment(groupsOf(data), params.nSplits), params.nSplits);
  }
  const raw = { ...spec, seed: spec.seed ?? seed } as Record<string, unknown>;
  if (spec.kind === 'kFold' || spec.kind === 'stratifiedKFold') {
    const params = resolveParams(spec.kind, kFoldParams, raw);
    checkSplits(spec.kind, params.nSplits, n);
    const random = params.shuffle ? createRandom(params.seed) : undefined;
    return foldsOf(assign(spec.kind, data, params.nSplits, random), params.nSplits);
  }
  const params = resolveParams(spec.kind, repeatedParams, raw);
  checkSplits(spec.kind, params.nSplits, n);
  const base = spec.kind === 'repeatedKFold' ? 'kFold' : 'stratifiedKFold';
  const folds: Fold[] = [];
  for (let r = 0; r < params.nRepeats; r++) {
    const random = createRandom(deriveSeed(params.seed, 'repeat', r));
    folds.push(...foldsOf(assign(base, data, params.nSplits, random), params.nSplits));
  }
  return folds;
}

function groupsOf(data: TrainingData): Int32Array {
  const { groups } = data;
  if (!groups) {
    throw new StacklearnError(
      'groupKFold: the data have no groups; give a group per row (the "groups" option of ' +
        'toTrainingData, or data.groups), or use kFold',
    );
  }
  if (groups.length !== data.y.length) {
    throw new StacklearnError(
      `groupKFold: data.groups has ${groups.length} values but the data have ${data.y.length} rows`,
    );
  }
  return groups;
}

function checkSplits(kind: string, k: number, n: number): void {
  if (k > n) throw new StacklearnError(`${kind}: nSplits = ${k} is more than the ${n} rows of the data`);
}

/** The fold of every row, for one k-fold split. */
function assign(
  kind: 'kFold' | 'stratifiedKFold',
  data: TrainingData,
  k: number,
  random: Random | undefined,
): Int32Array {
  if (kind === 'stratifiedKFold') {
    if (data.task === 'regression') {
      throw new StacklearnError(`${kind}: needs class targets, but the data are regression; use kFold`);
    }
    return stratifiedAssignment(data.y, data.classes, k, random);
  }
  const n = data.y.length;
  const order = random ? shuffleInPlace(range(n), random) : range(n);
  const foldOf = new Int32Array(n);
  // scikit-learn's KFold: consecutive blocks, the first n % k of them one row larger.
  let position = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    for (let end = position + size; position < end; position++) foldOf[order[position]!] = f;
  }
  return foldOf;
}

function foldsOf(foldOf: Int32Array, k: number): Fold[] {
  const sizes = new Uint32Array(k);
  for (let i = 0; i < foldOf.length; i++) sizes[foldOf[i]!]!++;
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const test = new Uint32Array(sizes[f]!);
    const train = new Uint32Array(foldOf.length - sizes[f]!);
    let t = 0;
    let r = 0;
    for (let i = 0; i < foldOf.length; i++) {
      if (foldOf[i] === f) test[t++] = i;
      else train[r++] = i;
    }
    folds.push({ train, test });
  }
  return folds;
}
