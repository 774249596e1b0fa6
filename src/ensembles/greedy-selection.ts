import type { TrainingData } from '../learners/types.js';
import { evaluatePredictions, type MetricInfo } from '../metrics/evaluate.js';
import type { Random } from '../random.js';
import { drawIndices } from './bagging-samples.js';

/** What the selection optimises: members' outputs on some rows, the rows' target and a metric. */
export interface SelectionProblem {
  /** The target of the rows (features unused; see targetRows). */
  readonly target: TrainingData;
  /** Per library member: rows × width outputs on those rows. */
  readonly outputs: readonly Float64Array[];
  readonly metric: MetricInfo;
}

/** Settings of Caruana's ensemble selection. */
export interface SelectionSettings {
  /** Picks in all (the size of the ensemble's multiset of members), the sorted initialisation included. */
  readonly nIterations: number;
  /** The best this many members (each once) start the ensemble (sorted initialisation). */
  readonly nInit: number;
  /** Selections on random subsets of the library whose picks are pooled; 1 = no bagging. */
  readonly nBags: number;
  /** Share of the library each bag draws from (when nBags > 1). */
  readonly bagFraction: number;
}

/**
 * Ensemble selection (Caruana, Niculescu-Mizil, Crew & Ksikes, ICML 2004): start from the nInit
 * best members, then repeatedly add — with replacement — the member whose addition makes the
 * averaged outputs score best (the first on ties), until nIterations picks. With nBags > 1 the
 * selection runs on random subsets of the library (bagFraction of it) and the picks are pooled.
 * Returns the weights: each member's picks / all picks.
 *
 * @example
 * selectionWeights({ target, outputs, metric }, { nIterations: 50, nInit: 1, nBags: 1, bagFraction: 0.5 }, random)
 */
export function selectionWeights(
  problem: SelectionProblem,
  settings: SelectionSettings,
  random: Random,
): Float64Array {
  const m = problem.outputs.length;
  const counts = new Float64Array(m);
  const all = Array.from({ length: m }, (_, j) => j);
  for (let bag = 0; bag < settings.nBags; bag++) {
    const library = settings.nBags === 1 ? all : drawLibrary(m, settings.bagFraction, random);
    const picks = greedyPicks(problem, library, settings);
    for (let j = 0; j < m; j++) counts[j] = counts[j]! + picks[j]!;
  }
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => c / total);
}

/** Picks per member of one greedy selection over `library` (member indices). */
function greedyPicks(
  problem: SelectionProblem,
  library: readonly number[],
  settings: SelectionSettings,
): Float64Array {
  const { outputs, metric } = problem;
  const length = outputs[0]!.length;
  const picks = new Float64Array(outputs.length);
  const sum = new Float64Array(length);
  const trial = new Float64Array(length);
  let count = 0;
  const add = (j: number): void => {
    const o = outputs[j]!;
    for (let i = 0; i < length; i++) sum[i] = sum[i]! + o[i]!;
    picks[j]!++;
    count++;
  };
  const scoreWith = (j: number): number => {
    const o = outputs[j]!;
    for (let i = 0; i < length; i++) trial[i] = (sum[i]! + o[i]!) / (count + 1);
    return score(problem, trial);
  };
  const better = (a: number, b: number): boolean =>
    !Number.isNaN(a) && (Number.isNaN(b) || (metric.greaterIsBetter ? a > b : a < b));
  // Sorted initialisation: the best members alone, each once.
  const alone = library.map((j) => ({ j, score: scoreWith(j) }));
  alone.sort((a, b) => (better(a.score, b.score) ? -1 : better(b.score, a.score) ? 1 : a.j - b.j));
  const nInit = Math.min(settings.nInit, library.length, settings.nIterations);
  for (let t = 0; t < nInit; t++) add(alone[t]!.j);
  while (count < settings.nIterations) {
    let best = library[0]!;
    let bestScore = Number.NaN;
    for (const j of library) {
      const s = scoreWith(j);
      if (better(s, bestScore)) {
        best = j;
        bestScore = s;
      }
    }
    add(best);
  }
  return picks;
}

function score(problem: SelectionProblem, values: Float64Array): number {
  const { target, metric } = problem;
  const predicted =
    target.task === 'regression'
      ? values
      : { rows: target.y.length, cols: target.classes.length, data: values };
  return evaluatePredictions(target, predicted, [metric.name])[metric.name]!;
}

/** A random subset of the library: ⌈fraction · m⌉ members (at least 1), ascending. */
function drawLibrary(m: number, fraction: number, random: Random): number[] {
  return Array.from(drawIndices(m, Math.max(1, Math.ceil(fraction * m)), false, random));
}
