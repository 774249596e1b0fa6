/** f(x), with the gradient at x written into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/** Where a line search ended: the accepted step and f there (x and its gradient are in the buffers). */
export interface LineStep {
  readonly step: number;
  readonly f: number;
}

/** The usual constants: sufficient decrease c₁ and curvature c₂ (quasi-Newton methods take 0.9). */
const c1 = 1e-4;
const c2 = 0.9;
const maxBracketing = 25;
const maxZoom = 40;

/**
 * A line search along `direction` from x that returns a step satisfying the strong Wolfe
 * conditions — f(x + αd) ≤ f(x) + c₁·α·∇f·d and |∇f(x + αd)·d| ≤ c₂·|∇f·d| — by bracketing then
 * zooming with safeguarded cubic interpolation (Nocedal & Wright, Algorithms 3.5 and 3.6). The
 * accepted point and its gradient are left in `xNew` and `gNew`. When no such step is found (at
 * round-off level near a minimum) it settles for the best point with sufficient decrease, or
 * returns undefined if there is none — or if `direction` is not a descent direction.
 *
 * @example
 * const found = wolfeLineSearch(objective, x, f, g, d, xNew, gNew, 1);
 */
export function wolfeLineSearch(
  objective: Objective,
  x: Float64Array,
  f0: number,
  g0: Float64Array,
  direction: Float64Array,
  xNew: Float64Array,
  gNew: Float64Array,
  initialStep: number,
): LineStep | undefined {
  const slope0 = dot(g0, direction);
  if (!(slope0 < 0)) return undefined;
  const evaluate = (step: number): { f: number; slope: number } => {
    for (let i = 0; i < x.length; i++) xNew[i] = x[i]! + step * direction[i]!;
    const f = objective(xNew, gNew);
    return { f: Number.isNaN(f) ? Number.POSITIVE_INFINITY : f, slope: dot(gNew, direction) };
  };
  const armijo = (step: number, f: number): boolean => f <= f0 + c1 * step * slope0;
  const curvature = (slope: number): boolean => Math.abs(slope) <= -c2 * slope0;

  const zoom = (lo: Point, hi: Point): LineStep | undefined => {
    for (let i = 0; i < maxZoom; i++) {
      const step = interpolate(lo, hi);
      if (step === lo.step || step === hi.step) break;
      const { f, slope } = evaluate(step);
      if (!armijo(step, f) || f >= lo.f) {
        hi = { step, f, slope };
      } else {
        if (curvature(slope)) return { step, f };
        if (slope * (hi.step - lo.step) >= 0) hi = lo;
        lo = { step, f, slope };
      }
    }
    if (lo.step === 0) return undefined;
    // Sufficient decrease without the curvature condition: still progress.
    return { step: lo.step, f: evaluate(lo.step).f };
  };

  let previous: Point = { step: 0, f: f0, slope: slope0 };
  let step = initialStep;
  for (let i = 0; i < maxBracketing; i++) {
    const { f, slope } = evaluate(step);
    const current = { step, f, slope };
    if (!armijo(step, f) || (i > 0 && f >= previous.f)) return zoom(previous, current);
    if (curvature(slope)) return { step, f };
    if (slope >= 0) return zoom(current, previous);
    previous = current;
    step *= 2;
  }
  return previous.step === 0 ? undefined : { step: previous.step, f: evaluate(previous.step).f };
}

interface Point {
  readonly step: number;
  readonly f: number;
  readonly slope: number;
}

/** The minimiser of the cubic through two points and their slopes, kept inside the interval's middle 80 %. */
function interpolate(a: Point, b: Point): number {
  const low = Math.min(a.step, b.step);
  const width = Math.abs(b.step - a.step);
  const middle = (a.step + b.step) / 2;
  if (!Number.isFinite(a.f) || !Number.isFinite(b.f)) return middle;
  const d1 = a.slope + b.slope - (3 * (a.f - b.f)) / (a.step - b.step);
  const root = d1 * d1 - a.slope * b.slope;
  if (!(root >= 0)) return middle;
  const d2 = Math.sign(b.step - a.step) * Math.sqrt(root);
  const step = b.step - ((b.step - a.step) * (b.slope + d2 - d1)) / (b.slope - a.slope + 2 * d2);
  if (!(step >= low + 0.1 * width && step <= low + 0.9 * width)) return middle;
  return step;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
