import type { Random } from '../../random.js';
import type { Layer } from './network.js';

/**
 * Fills weights and intercepts as scikit-learn does (Glorot & Bengio): uniform in ±√(6 / (fanIn +
 * fanOut)), or ±√(2 / (fanIn + fanOut)) when the hidden activation is logistic.
 *
 * @example
 * glorotInit(layerViews(shape, params), shape.activation === 'logistic', createRandom(seed));
 */
export function glorotInit(layers: readonly Layer[], logistic: boolean, random: Random): void {
  const factor = logistic ? 2 : 6;
  for (const layer of layers) {
    const bound = Math.sqrt(factor / (layer.fanIn + layer.fanOut));
    for (let i = 0; i < layer.coef.length; i++) layer.coef[i] = (2 * random.next() - 1) * bound;
    for (let i = 0; i < layer.intercept.length; i++) layer.intercept[i] = (2 * random.next() - 1) * bound;
  }
}
