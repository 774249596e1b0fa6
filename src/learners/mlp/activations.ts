/** The activation of the hidden layers (scikit-learn's names). */
export type Activation = 'relu' | 'tanh' | 'logistic' | 'identity';

/** The activation of the output layer: identity (regression), logistic (binary), softmax (multiclass). */
export type OutputActivation = 'identity' | 'logistic' | 'softmax';

/**
 * Applies a hidden activation to the first `length` values, in place.
 *
 * @example
 * activateInPlace('relu', Float64Array.of(-1, 2), 2) // [0, 2]
 */
export function activateInPlace(kind: Activation, values: Float64Array, length: number): void {
  switch (kind) {
    case 'identity':
      return;
    case 'relu':
      for (let i = 0; i < length; i++) if (values[i]! < 0) values[i] = 0;
      return;
    case 'tanh':
      for (let i = 0; i < length; i++) values[i] = Math.tanh(values[i]!);
      return;
    case 'logistic':
      logisticInPlace(values, length);
      return;
  }
}

/**
 * Multiplies `delta` by the activation's derivative, written in terms of the activated values
 * f(a) (which backpropagation has at hand): relu 1[f > 0], tanh 1 − f², logistic f(1 − f).
 *
 * @example
 * multiplyByDerivative('tanh', activated, delta, rows * width)
 */
export function multiplyByDerivative(
  kind: Activation,
  activated: Float64Array,
  delta: Float64Array,
  length: number,
): void {
  switch (kind) {
    case 'identity':
      return;
    case 'relu':
      for (let i = 0; i < length; i++) if (activated[i] === 0) delta[i] = 0;
      return;
    case 'tanh':
      for (let i = 0; i < length; i++) {
        const f = activated[i]!;
        delta[i] = delta[i]! * (1 - f * f);
      }
      return;
    case 'logistic':
      for (let i = 0; i < length; i++) {
        const f = activated[i]!;
        delta[i] = delta[i]! * f * (1 - f);
      }
      return;
  }
}

/**
 * The logistic function 1 / (1 + e⁻ˣ) on the first `length` values, in place.
 *
 * @example
 * logisticInPlace(Float64Array.of(0), 1) // [0.5]
 */
export function logisticInPlace(values: Float64Array, length: number): void {
  for (let i = 0; i < length; i++) values[i] = 1 / (1 + Math.exp(-values[i]!));
}
