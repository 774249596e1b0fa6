/** A regression loss for SGD: its value and its derivative in the prediction p. */
export interface SgdLoss {
  loss(p: number, y: number): number;
  dloss(p: number, y: number): number;
}

/** The loss names SGDRegressor takes. */
export type SgdLossName = 'squared_error' | 'huber' | 'epsilon_insensitive';

/**
 * scikit-learn's SGD regression losses: ½(p − y)²; Huber (quadratic within `epsilon` of the
 * target, linear beyond); epsilon-insensitive max(0, |y − p| − epsilon), as in SVR.
 *
 * @example
 * sgdLoss('huber', 1.35).dloss(5, 0) // 1.35
 */
export function sgdLoss(name: SgdLossName, epsilon: number): SgdLoss {
  switch (name) {
    case 'squared_error':
      return { loss: (p, y) => 0.5 * (p - y) * (p - y), dloss: (p, y) => p - y };
    case 'huber':
      return {
        loss: (p, y) => {
          const r = Math.abs(p - y);
          return r <= epsilon ? 0.5 * r * r : epsilon * r - 0.5 * epsilon * epsilon;
        },
        dloss: (p, y) => {
          const r = p - y;
          return Math.abs(r) <= epsilon ? r : r > 0 ? epsilon : -epsilon;
        },
      };
    case 'epsilon_insensitive':
      return {
        loss: (p, y) => Math.max(0, Math.abs(y - p) - epsilon),
        dloss: (p, y) => (y - p > epsilon ? -1 : p - y > epsilon ? 1 : 0),
      };
  }
}
