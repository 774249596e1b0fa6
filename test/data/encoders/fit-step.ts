// Test helper: fits one transformer from its spec, as a pipeline would, and checks that its state
// survives a JSON round trip (the transform of the restored state is the same).
import assert from 'node:assert/strict';
import type { Matrix } from '../../../src/data/matrix.js';
import '../../../src/learners/builtins.js';
import { resolveParams } from '../../../src/learners/params.js';
import { getTransformer } from '../../../src/learners/registry.js';
import type { Feature, Spec } from '../../../src/learners/types.js';
import { fromPlain, toPlain } from '../../../src/persist/plain.js';

export interface FittedStep {
  readonly state: unknown;
  readonly features: Feature[];
  readonly transform: (X: Matrix) => Matrix;
}

export function fitStep(spec: Spec, X: Matrix, features: readonly Feature[]): FittedStep {
  const def = getTransformer(spec.kind);
  const params = resolveParams(def.kind, def.params, spec as Record<string, unknown>);
  const state = def.fit(params, { X, features });
  const restored = def.transformer(fromPlain(JSON.parse(JSON.stringify(toPlain(state)))));
  const transform = def.transformer(state);
  return {
    state,
    features: def.outputFeatures(state, features),
    transform: (input) => {
      const out = transform(input);
      assert.deepEqual(restored(input), out, 'the restored state transforms differently');
      return out;
    },
  };
}

/** |a − b| ≤ tolerance · max(|a|, |b|), element by element. */
export function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-12): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const b = expected[i]!;
    const scale = Math.max(Math.abs(a), Math.abs(b));
    assert.ok(Math.abs(a - b) <= tolerance * scale, `index ${i}: ${a} differs from ${b}`);
  }
}
