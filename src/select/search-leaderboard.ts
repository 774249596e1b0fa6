import type { Leaderboard } from './compare.js';
import type { SearchResult } from './search.js';
import type { SearchPoint } from './search-points.js';
import { describeParams } from './search-space.js';

/**
 * A search result as a compare Leaderboard (one row per candidate, best first; the search metric is
 * the only column), so formatLeaderboard can print it. Rows are named by their parameters, each key
 * cut to its shortest unambiguous tail (`estimator.nNeighbors` → `nNeighbors`).
 *
 * @example
 * console.log(formatLeaderboard(searchLeaderboard(await gridSearch(spec, space, data))));
 */
export function searchLeaderboard(result: SearchResult): Leaderboard {
  const { metric } = result;
  const short = shortKeys(Object.keys(result.candidates[0]?.params ?? {}));
  const name = (params: SearchPoint): string =>
    describeParams(
      Object.fromEntries(Object.entries(params).map(([key, value]) => [short.get(key)!, value])),
    );
  return {
    task: result.task,
    metrics: [metric],
    main: metric,
    evaluation: result.evaluation,
    rows: result.candidates.map((candidate) => ({
      name: name(candidate.params),
      group: 'learner',
      spec: candidate.spec,
      scores: candidate.error ? {} : { [metric.name]: candidate.meanScore },
      std: candidate.error ? undefined : { [metric.name]: candidate.stdScore },
      fitTimeMs: candidate.fitTimeMs,
      predictTimeMs: candidate.scoreTimeMs,
      error: candidate.error,
    })),
  };
}

/** Each dotted key's shortest tail of segments that no other key ends with. */
function shortKeys(keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of keys) {
    const segments = key.split('.');
    let n = 1;
    const tail = (k: string, count: number): string => k.split('.').slice(-count).join('.');
    while (n < segments.length && keys.some((other) => other !== key && tail(other, n) === tail(key, n))) n++;
    out.set(key, tail(key, n));
  }
  return out;
}
