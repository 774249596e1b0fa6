/**
 * Whether boosting should stop, as scikit-learn decides: none of the last `nIterNoChange` losses
 * improves on the one before them by more than `tol` (needs nIterNoChange + 1 losses).
 *
 * @example
 * shouldStop([1, 0.5, 0.5, 0.5], 2, 1e-7) // true
 */
export function shouldStop(losses: readonly number[], nIterNoChange: number, tol: number): boolean {
  const reference = nIterNoChange + 1;
  if (losses.length < reference) return false;
  // scikit-learn compares scores, the negated losses.
  const referenceScore = -losses[losses.length - reference]! + tol;
  for (let i = losses.length - reference + 1; i < losses.length; i++) {
    if (-losses[i]! > referenceScore) return false;
  }
  return true;
}
