/** A stochastic optimiser over one flat parameter array (scikit-learn's _stochastic_optimizers). */
export interface Optimizer {
  /** One step: moves `params` against `grads` (same layout). */
  update(params: Float64Array, grads: Float64Array): void;
  /** Called after each epoch with the number of samples seen so far. */
  iterationEnds(samplesSeen: number): void;
  /**
   * Called when the loss (or validation score) has stalled: true to stop training, false when the
   * optimiser adapted itself (lowered its learning rate) and training should go on.
   */
  triggerStopping(): boolean;
}
