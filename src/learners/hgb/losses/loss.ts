/** How raw scores map to predictions: identity, exp (log link), the logistic function, softmax. */
export type Link = 'identity' | 'log' | 'logit' | 'softmax';

/** The names of the losses, scikit-learn's (huber is ours: scikit-learn 1.2's HGB has none). */
export type LossName = 'squared_error' | 'absolute_error' | 'huber' | 'poisson' | 'log_loss';

/** The target of a fit: y (class codes as numbers for classification) and optional row weights. */
export interface LossTarget {
  readonly y: Float64Array;
  readonly sampleWeight: Float64Array | undefined;
}

/** The rows of one leaf (partition[start … start+count)) and where its value goes. */
export interface LeafRows {
  readonly partition: Uint32Array;
  readonly start: number;
  readonly count: number;
}

/**
 * One boosting loss, as scikit-learn's `_loss` module: raw scores are class-major (nTrees × nRows,
 * raw[k · nRows + i]); gradients and hessians are float32, as scikit-learn's.
 */
export interface HgbLoss {
  readonly name: LossName;
  /** Trees per iteration: 1, or the number of classes (multiclass log loss). */
  readonly nTrees: number;
  readonly link: Link;
  /** Hessians are all 1 (no sample weights): histograms skip them. */
  readonly constantHessian: boolean;
  /**
   * Each row's gradient, hessian and loss depend on that row alone (one tree per iteration): the
   * gradients of a range of rows are `gradients` on subarrays, so threads can share them.
   */
  readonly rowwise: boolean;
  /** The raw scores of the best constant model, one per tree. */
  baseline(target: LossTarget): Float64Array;
  /**
   * Gradients and hessians at `raw` into g and h (h is left alone when hessians are constant);
   * returns the weighted mean loss at `raw`, so the training curve costs no extra pass.
   */
  gradients(target: LossTarget, raw: Float64Array, g: Float32Array, h: Float32Array): number;
  /** The weighted mean loss at `raw`. */
  loss(target: LossTarget, raw: Float64Array): number;
  /**
   * Leaf values that minimise the loss itself, for losses whose Newton step does not (absolute
   * error: the median residual); the returned value is shrunk by the caller.
   */
  leafValue?(target: LossTarget, raw: Float64Array, leaf: LeafRows): number;
}
