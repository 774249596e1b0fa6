// The histogram gradient-boosting settings of bench:hgb and bench:hgb-fit (the peers in
// bench/peers/hgb.py use the same): 100 iterations, learning rate 0.1, 31 leaves (best-first), 255
// bins, 20 rows per leaf, no early stopping.
export const HGB_BENCH_SPEC = {
  kind: 'histGradientBoosting',
  maxIter: 100,
  learningRate: 0.1,
  maxLeafNodes: 31,
  maxBins: 255,
  minSamplesLeaf: 20,
  earlyStopping: false,
} as const;
