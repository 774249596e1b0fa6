import type { Leaderboard } from '../select/compare.js';

/**
 * The leaderboard as an aligned text table: rank, model, every metric of the task, fit and predict
 * time. Under cross-validation each score is the mean over folds, followed by ± its standard deviation.
 *
 * @example
 * console.log(formatLeaderboard(await compare(candidates, train, { test })));
 */
export function formatLeaderboard(board: Leaderboard): string {
  const header = ['#', 'model', ...board.metrics.map((m) => m.label), 'fit ms', 'predict ms'];
  const body = board.rows.map((row, index) => {
    const rank = row.error ? '-' : String(index + 1);
    const name =
      row.group === 'baseline' ? `${row.name} *` : row.group === 'ensemble' ? `${row.name} +` : row.name;
    if (row.error) return [rank, name, `failed: ${row.error}`];
    const scores = board.metrics.map((m) => {
      const value = row.scores[m.name];
      const spread = row.std?.[m.name];
      if (value === undefined || Number.isNaN(value)) return 'n/a';
      return spread === undefined ? formatNumber(value) : `${formatNumber(value)} ± ${formatNumber(spread)}`;
    });
    return [rank, name, ...scores, formatTime(row.fitTimeMs), formatTime(row.predictTimeMs)];
  });
  const widths = header.map((h, j) =>
    Math.max(h.length, ...body.filter((r) => r.length === header.length).map((r) => r[j]!.length)),
  );
  const numeric = (j: number): boolean => j === 0 || j >= 2;
  const line = (cells: readonly string[]): string =>
    cells.length < header.length
      ? cells.map((c, j) => (j < 2 ? c.padEnd(widths[j]!) : c)).join('  ')
      : cells.map((c, j) => (numeric(j) ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const how =
    board.evaluation.kind === 'holdout'
      ? `${board.evaluation.trainRows} training rows, ${board.evaluation.testRows} test rows`
      : `${board.evaluation.folds}-fold cross-validation on ${board.evaluation.rows} rows (mean ± std)`;
  const direction = board.main.greaterIsBetter ? 'higher is better' : 'lower is better';
  return [
    `${board.task} — ${how}; sorted by ${board.main.label} (${direction}); + = ensemble, * = baseline`,
    line(header),
    rule,
    ...body.map(line),
  ].join('\n');
}

/** Four significant digits, without exponent notation for everyday magnitudes. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e7 || magnitude < 1e-4)) return value.toExponential(3);
  if (magnitude >= 1000) return value.toFixed(1);
  return Number(value.toPrecision(4)).toString();
}

function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(3);
}
