import { StacklearnError } from '../errors.js';
import { resolveParams } from '../learners/params.js';
import { getLearner } from '../learners/registry.js';
import type { Model, Spec, TrainingData } from '../learners/types.js';
import { deriveSeed } from '../random.js';
import { restorePrefitted } from './prefitted.js';

/**
 * An ensemble's named members: an object (its key order is the member order) or, as scikit-learn
 * writes them, a list of `[name, spec]` pairs (keeps numeric-looking names in order).
 *
 * @example
 * const members: MemberSpecs = { ridge: { kind: 'ridge' }, knn: { kind: 'knn', nNeighbors: 7 } };
 */
export type MemberSpecs = Readonly<Record<string, Spec>> | readonly (readonly [string, Spec])[];

/** One member, checked: its name, its spec, and the model itself when it came already fitted. */
export interface Member {
  readonly name: string;
  readonly spec: Spec;
  readonly prefitted?: Model;
}

/**
 * Checks an ensemble's members against the data before anything is fitted: at least one, unique
 * non-empty names, each a spec of a known learner that does the data's task and whose parameters
 * are valid. Errors name the ensemble, the parameter and the member.
 *
 * @example
 * resolveMembers('voting', 'estimators', { a: { kind: 'ridge' } }, data) // [{ name: 'a', spec: { kind: 'ridge' } }]
 */
export function resolveMembers(
  owner: string,
  param: string,
  specs: MemberSpecs,
  data: TrainingData,
): Member[] {
  const pairs = Array.isArray(specs)
    ? (specs as readonly unknown[]).map((pair, index) => checkPair(owner, param, pair, index))
    : Object.entries(specs as Record<string, Spec>);
  if (pairs.length === 0) {
    throw new StacklearnError(
      `${owner}: parameter "${param}" needs at least one member, e.g. { "ridge": { "kind": "ridge" } }; received none`,
    );
  }
  const seen = new Set<string>();
  return pairs.map(([name, spec]) => {
    if (name === '')
      throw new StacklearnError(`${owner}: parameter "${param}" has a member with an empty name`);
    if (seen.has(name)) {
      throw new StacklearnError(
        `${owner}: parameter "${param}" names the member "${name}" twice; names must be unique`,
      );
    }
    seen.add(name);
    return resolveMember(owner, `member "${name}"`, name, spec, data);
  });
}

/**
 * Checks one member spec (a bagged estimator, a final estimator): a known learner for the data's
 * task, valid parameters. A `prefitted` spec is restored and checked against the data.
 *
 * @example
 * resolveMember('stacking', 'finalEstimator', 'finalEstimator', { kind: 'ridge' }, data)
 */
export function resolveMember(
  owner: string,
  what: string,
  name: string,
  spec: unknown,
  data: TrainingData,
): Member {
  if (typeof spec !== 'object' || spec === null || typeof (spec as Spec).kind !== 'string') {
    throw new StacklearnError(
      `${owner}: ${what} must be a learner spec with a "kind"; received ${JSON.stringify(spec) ?? String(spec)}`,
    );
  }
  const checked = spec as Spec;
  try {
    if (checked.kind === 'prefitted') {
      return { name, spec: checked, prefitted: restorePrefitted(checked, data) };
    }
    const def = getLearner(checked.kind);
    const family = data.task === 'regression' ? 'regression' : 'classification';
    if (!def.tasks.includes(family)) {
      throw new StacklearnError(`"${def.kind}" does not do ${family} (it does ${def.tasks.join(' and ')})`);
    }
    resolveParams(def.kind, def.params, checked as Record<string, unknown>);
  } catch (error) {
    if (error instanceof StacklearnError) throw new StacklearnError(`${owner}: ${what}: ${error.message}`);
    throw error;
  }
  return { name, spec: checked };
}

/**
 * The spec with a seed derived from `seed` and `parts` when its learner is randomised and the
 * user set no seed (a seed the user wrote is kept). Pipelines pass the seed to their estimator.
 *
 * @example
 * seededSpec({ kind: 'decisionTree' }, 7, 'tree', 2) // { kind: 'decisionTree', seed: deriveSeed(7, 'tree', 2) }
 */
export function seededSpec(spec: Spec, seed: number, ...parts: readonly (string | number)[]): Spec {
  if (spec.kind === 'pipeline' && typeof spec.estimator === 'object' && spec.estimator !== null) {
    return { ...spec, estimator: seededSpec(spec.estimator as Spec, seed, ...parts) };
  }
  if (spec.seed !== undefined || getLearner(spec.kind).randomized !== true) return spec;
  return { ...spec, seed: deriveSeed(seed, ...parts) };
}

function checkPair(owner: string, param: string, pair: unknown, index: number): [string, Spec] {
  if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') {
    throw new StacklearnError(
      `${owner}: parameter "${param}" as a list needs [name, spec] pairs; item ${index} is ${JSON.stringify(pair)}`,
    );
  }
  return [pair[0], pair[1] as Spec];
}
