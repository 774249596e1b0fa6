/**
 * scikit-learn's early-stopping rule for gradient boosting: keep going while the validation loss
 * beats at least one of the last `nIterNoChange` recorded losses by more than `tol` (the loss is then
 * recorded); stop otherwise. The stage that fails is kept, as in scikit-learn.
 *
 * @example
 * const keepGoing = createStoppingRule(5, 1e-4);
 * if (!keepGoing(validationLoss, stage)) break;
 */
export function createStoppingRule(
  nIterNoChange: number,
  tol: number,
): (loss: number, stage: number) => boolean {
  const history = new Float64Array(nIterNoChange).fill(Number.POSITIVE_INFINITY);
  return (loss, stage) => {
    for (let i = 0; i < nIterNoChange; i++) {
      if (loss + tol < history[i]!) {
        history[stage % nIterNoChange] = loss;
        return true;
      }
    }
    return false;
  };
}
