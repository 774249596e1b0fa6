import { takeRows } from '../../data/matrix.js';
import { createRandom, deriveSeed } from '../../random.js';
import type { ClassificationData } from '../types.js';
import { fitBinarySvc, plattSigmoid } from './binary-svc.js';
import type { KernelData } from './kernel.js';
import type { SolverSettings } from './shared-params.js';
import type { SvcState } from './svc-predict.js';

/** Training rows grouped by class, as libsvm's svm_group_classes (order kept within a class). */
export interface ClassGroups {
  /** Class code of each class that has rows ("model classes"). */
  readonly classIndex: Int32Array;
  /** Rows of model class a are grouped[start[a] … start[a + 1]). */
  readonly start: Int32Array;
  readonly grouped: Int32Array;
}

/**
 * Groups training rows by class; classes without rows are left out.
 *
 * @example
 * groupByClass(data, Int32Array.of(0, 1, 2, 3))
 */
export function groupByClass(data: ClassificationData, rows: Int32Array): ClassGroups {
  const k = data.classes.length;
  const count = new Int32Array(k);
  for (const row of rows) count[data.y[row]!]!++;
  const classIndex = Int32Array.from(count.keys()).filter((c) => count[c]! > 0);
  const m = classIndex.length;
  const start = new Int32Array(m + 1);
  const next = new Int32Array(k);
  for (let a = 0; a < m; a++) {
    start[a + 1] = start[a]! + count[classIndex[a]!]!;
    next[classIndex[a]!] = start[a]!;
  }
  const grouped = new Int32Array(rows.length);
  for (const row of rows) grouped[next[data.y[row]!]!++] = row;
  return { classIndex, start, grouped };
}

/** What SVC training needs besides the grouped rows. */
export interface OneVsOneSettings {
  readonly solver: SolverSettings;
  /** C per class code (C times the class weight). */
  readonly classC: Float64Array;
  /** Per-row C multiplier (the sample weight). */
  readonly weight: Float64Array;
  /** Fit Platt sigmoids (seeded per pair from `seed`). */
  readonly probability: boolean;
  readonly seed: number;
  readonly onProgress?: (fraction: number) => void;
}

/**
 * The k(k−1)/2 binary SVMs of one-vs-one (libsvm's svm_train for C-SVC): pair (a, b) trains class a
 * as +1 against class b as −1, with C_a or C_b times each row's weight. The support vectors are the
 * rows with a non-zero coefficient in any pair, stored in libsvm's layout.
 *
 * @example
 * const fitted = fitOneVsOne(data, kd, groupByClass(data, rows), settings);
 */
export function fitOneVsOne(
  data: ClassificationData,
  kd: KernelData,
  groups: ClassGroups,
  settings: OneVsOneSettings,
): Omit<SvcState, 'kernel'> {
  const { classIndex, start, grouped } = groups;
  const m = classIndex.length;
  const nPairs = (m * (m - 1)) / 2;
  const coefs: Float64Array[] = [];
  const intercept = new Float64Array(nPairs);
  const probA = new Float64Array(settings.probability ? nPairs : 0);
  const probB = new Float64Array(settings.probability ? nPairs : 0);
  const iterations = new Int32Array(nPairs);
  let converged = true;
  const nonzero = new Uint8Array(grouped.length);
  let pair = 0;
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      // Position in `grouped` of each row of the pair's problem: class a's rows, then class b's.
      const na = start[a + 1]! - start[a]!;
      const position = new Int32Array(na + start[b + 1]! - start[b]!);
      for (let t = 0; t < position.length; t++) position[t] = t < na ? start[a]! + t : start[b]! + t - na;
      const rows = position.map((g) => grouped[g]!);
      const y = new Int8Array(rows.length).fill(-1).fill(1, 0, na);
      const C = new Float64Array(rows.length);
      for (let t = 0; t < rows.length; t++) {
        C[t] = settings.classC[classIndex[t < na ? a : b]!]! * settings.weight[rows[t]!]!;
      }
      if (settings.probability) {
        const random = createRandom(deriveSeed(settings.seed, 'svc-platt', classIndex[a]!, classIndex[b]!));
        const sigmoid = plattSigmoid(kd, rows, y, C, settings.solver, random);
        probA[pair] = sigmoid.A;
        probB[pair] = sigmoid.B;
      }
      const fitted = fitBinarySvc(kd, rows, y, C, settings.solver);
      for (let t = 0; t < rows.length; t++) if (fitted.coef[t] !== 0) nonzero[position[t]!] = 1;
      coefs.push(fitted.coef);
      intercept[pair] = -fitted.rho;
      iterations[pair] = fitted.iterations;
      converged &&= fitted.converged;
      pair++;
      settings.onProgress?.(pair / nPairs);
    }
  }
  return {
    classIndex,
    ...supportVectors(data, groups, nonzero, coefs),
    intercept,
    probA,
    probB,
    iterations,
    converged,
  };
}

/** The support vectors (rows with a non-zero coefficient in any pair) and libsvm's sv_coef layout. */
function supportVectors(
  data: ClassificationData,
  { start, grouped }: ClassGroups,
  nonzero: Uint8Array,
  coefs: readonly Float64Array[],
): Pick<SvcState, 'nSupport' | 'supportVectors' | 'support' | 'dualCoef'> {
  const m = start.length - 1;
  const nSupport = new Int32Array(m);
  // Position of each grouped row among the support vectors.
  const position = new Int32Array(grouped.length).fill(-1);
  const support: number[] = [];
  for (let a = 0; a < m; a++) {
    for (let g = start[a]!; g < start[a + 1]!; g++) {
      if (!nonzero[g]) continue;
      position[g] = support.length;
      support.push(grouped[g]!);
      nSupport[a]!++;
    }
  }
  const nSV = support.length;
  const dualCoef = new Float64Array(Math.max(m - 1, 0) * nSV);
  let pair = 0;
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const coef = coefs[pair++]!;
      const na = start[a + 1]! - start[a]!;
      for (let t = 0; t < coef.length; t++) {
        const g = t < na ? start[a]! + t : start[b]! + t - na;
        if (position[g]! < 0) continue;
        // Class a's coefficients go to row b − 1, class b's to row a.
        dualCoef[(t < na ? b - 1 : a) * nSV + position[g]!] = coef[t]!;
      }
    }
  }
  return {
    nSupport,
    supportVectors: takeRows(data.X, support).data,
    support: Int32Array.from(support),
    dualCoef,
  };
}
