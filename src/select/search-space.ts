import { StacklearnError } from '../errors.js';
import { describeType, matchesType, type ParamType } from '../learners/params.js';
import type { Spec } from '../learners/types.js';
import { type ParamPath, resolveParamPath } from './param-path.js';

/** The distributions random search samples from: `{ distribution: 'logUniform', low: 1e-4, high: 10 }`. */
export interface Distribution {
  /** uniform: in [low, high); logUniform: its log uniform (low > 0); intUniform: an integer in [low, high]. */
  readonly distribution: 'uniform' | 'logUniform' | 'intUniform';
  readonly low: number;
  readonly high: number;
}

/**
 * What to search, as plain JSON: parameter paths mapped to a list of values (a grid axis; random
 * search picks one uniformly) or, for random search, a distribution. Paths reach into composite
 * specs: `estimator.nNeighbors` (a pipeline's learner), `steps.0.strategy`, `estimators.rf.maxDepth`.
 *
 * @example
 * const space: SearchSpace = { nNeighbors: [1, 3, 5, 7], weights: ['uniform', 'distance'] };
 * const random: SearchSpace = { alpha: { distribution: 'logUniform', low: 1e-4, high: 10 } };
 */
export type SearchSpace = Readonly<Record<string, readonly unknown[] | Distribution>>;

/** One validated entry of a search space. */
export type Dimension =
  | { readonly path: ParamPath; readonly kind: 'values'; readonly values: readonly unknown[] }
  | { readonly path: ParamPath; readonly kind: 'distribution'; readonly distribution: Distribution };

const distributionNames = ['uniform', 'logUniform', 'intUniform'] as const;

/**
 * Checks a search space against the spec it varies (names through the registry, values against
 * each parameter's type, distribution bounds) and returns its dimensions in key order. `caller`
 * prefixes the messages; distributions are refused unless `allowDistributions`.
 *
 * @example
 * parseSearchSpace({ kind: 'knn' }, { nNeighbors: [1, 3] }, 'gridSearch', false)
 */
export function parseSearchSpace(
  spec: Spec,
  space: SearchSpace,
  caller: string,
  allowDistributions: boolean,
): Dimension[] {
  const accepted = allowDistributions ? 'lists of values or distributions' : 'lists of values';
  if (typeof space !== 'object' || space === null || Array.isArray(space)) {
    throw new StacklearnError(
      `${caller}: the search space must be an object mapping parameter names to ${accepted}; ` +
        `received ${show(space)}`,
    );
  }
  const dimensions = Object.entries(space).map(([key, entry]): Dimension => {
    const path = resolveParamPath(spec, key, caller);
    if (Array.isArray(entry)) return { path, kind: 'values', values: checkValues(path, entry, caller) };
    if (typeof entry === 'object' && entry !== null && 'distribution' in entry) {
      if (!allowDistributions) {
        throw new StacklearnError(
          `${caller}: "${key}" is a distribution, but a grid takes lists of values; ` +
            'use randomSearch to sample distributions',
        );
      }
      return { path, kind: 'distribution', distribution: checkDistribution(path, entry, caller) };
    }
    throw new StacklearnError(
      `${caller}: "${key}" must be a non-empty list of values${
        allowDistributions ? ' or a distribution { distribution, low, high }' : ''
      }; received ${show(entry)}`,
    );
  });
  checkNoOverlap(dimensions, caller);
  return dimensions;
}

function checkValues(path: ParamPath, values: readonly unknown[], caller: string): readonly unknown[] {
  if (values.length === 0) {
    throw new StacklearnError(`${caller}: "${path.key}" is an empty list; give at least one value`);
  }
  for (const value of values) {
    if (!matchesType(value, path.def.type)) {
      throw new StacklearnError(
        `${caller}: "${path.key}" lists ${show(value)}, but ${path.kind} parameter "${path.param}" ` +
          `must be ${describeType(path.def.type)}`,
      );
    }
  }
  return values;
}

function checkDistribution(path: ParamPath, entry: object, caller: string): Distribution {
  const { key, kind, param, def } = path;
  const { distribution, low, high, ...rest } = entry as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) {
    throw new StacklearnError(
      `${caller}: "${key}": unknown distribution field "${extra[0]}"; known fields: distribution, low, high`,
    );
  }
  if (!distributionNames.includes(distribution as Distribution['distribution'])) {
    throw new StacklearnError(
      `${caller}: "${key}": distribution must be one of ${distributionNames.map((d) => `"${d}"`).join(', ')}; ` +
        `received ${show(distribution)}`,
    );
  }
  const name = distribution as Distribution['distribution'];
  for (const [field, value] of [
    ['low', low],
    ['high', high],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new StacklearnError(
        `${caller}: "${key}": ${field} must be a finite number; received ${show(value)}`,
      );
    }
    if (name === 'intUniform' && !Number.isInteger(value)) {
      throw new StacklearnError(
        `${caller}: "${key}": intUniform needs an integer ${field}; received ${value}`,
      );
    }
    if (!matchesType(value, def.type)) {
      throw new StacklearnError(
        `${caller}: "${key}": ${field} = ${value} is not allowed; ${kind} parameter "${param}" must be ` +
          describeType(def.type),
      );
    }
  }
  const lo = low as number;
  const hi = high as number;
  if (lo >= hi) {
    throw new StacklearnError(
      `${caller}: "${key}": low must be less than high; received low ${lo}, high ${hi}`,
    );
  }
  if (name === 'logUniform' && lo <= 0) {
    throw new StacklearnError(`${caller}: "${key}": logUniform needs low > 0; received low ${lo}`);
  }
  if (name !== 'intUniform' && !takesFractions(def.type)) {
    throw new StacklearnError(
      `${caller}: "${key}": ${kind} parameter "${param}" takes integers (${describeType(def.type)}), ` +
        `so ${name} cannot sample it; use intUniform`,
    );
  }
  return { distribution: name, low: lo, high: hi };
}

/** Whether a parameter type admits non-integer numbers. */
function takesFractions(type: ParamType): boolean {
  if ('anyOf' in type) return type.anyOf.some(takesFractions);
  return type.type === 'number' && !type.integer;
}

function checkNoOverlap(dimensions: readonly Dimension[], caller: string): void {
  for (const a of dimensions) {
    for (const b of dimensions) {
      const inner = b.path.segments;
      if (a !== b && a.path.segments.every((s, i) => inner[i] === s)) {
        throw new StacklearnError(
          `${caller}: search-space keys "${a.path.key}" and "${b.path.key}" overlap: ` +
            `"${b.path.key}" lies inside the value "${a.path.key}" sets`,
        );
      }
    }
  }
}

/**
 * A short description of a candidate's parameters, for leaderboards and progress lines:
 * `nNeighbors=5, weights=distance`; numbers to 4 significant digits; "defaults" when empty.
 *
 * @example
 * describeParams({ alpha: 0.0123456, weights: 'distance' }) // 'alpha=0.01235, weights=distance'
 */
export function describeParams(params: Readonly<Record<string, unknown>>): string {
  const parts = Object.entries(params).map(([key, value]) => `${key}=${describeValue(value)}`);
  return parts.length > 0 ? parts.join(', ') : 'defaults';
}

function describeValue(value: unknown): string {
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as Spec).kind === 'string') {
    return (value as Spec).kind;
  }
  return show(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
