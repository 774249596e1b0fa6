import { StacklearnError } from '../errors.js';

/** The type of one parameter: a small subset of JSON Schema, so a spec's schema can be emitted from it. */
export type ParamType =
  | {
      readonly type: 'number';
      readonly integer?: boolean;
      readonly min?: number;
      readonly max?: number;
      readonly exclusiveMin?: boolean;
      readonly exclusiveMax?: boolean;
    }
  | { readonly type: 'string'; readonly values?: readonly string[] }
  | { readonly type: 'boolean' }
  | { readonly type: 'null' }
  /** A nested spec (an ensemble's member) or a plain JSON object the learner checks itself. */
  | { readonly type: 'object' }
  | { readonly type: 'array'; readonly items?: ParamType }
  | { readonly anyOf: readonly ParamType[] };

/** One parameter, declared once: from it come validation, defaults, docs and the JSON schema. */
export interface ParamDef<V = unknown> {
  readonly type: ParamType;
  readonly default: V;
  readonly doc: string;
}

/** A learner's parameter table, keyed by the parameter names of its params type. */
export type ParamTable<P> = { readonly [K in keyof P]-?: ParamDef<P[K]> };

/** Short helpers for the common parameter types. */
export const types = {
  int: (min?: number, max?: number): ParamType => ({ type: 'number', integer: true, min, max }),
  number: (min?: number, max?: number, exclusiveMin = false): ParamType => ({
    type: 'number',
    min,
    max,
    exclusiveMin,
  }),
  positive: (): ParamType => ({ type: 'number', min: 0, exclusiveMin: true }),
  oneOf: (...values: string[]): ParamType => ({ type: 'string', values }),
  bool: (): ParamType => ({ type: 'boolean' }),
  nullable: (type: ParamType): ParamType => ({ anyOf: [type, { type: 'null' }] }),
  anyOf: (...options: ParamType[]): ParamType => ({ anyOf: options }),
  seed: (): ParamType => ({ type: 'number', integer: true, min: 0, max: 2 ** 32 - 1 }),
} as const;

/** Human wording of what a type allows, e.g. "an integer ≥ 1 or null". */
export function describeType(type: ParamType): string {
  if ('anyOf' in type) return type.anyOf.map(describeType).join(' or ');
  switch (type.type) {
    case 'number': {
      const bounds: string[] = [];
      if (type.min !== undefined) bounds.push(`${type.exclusiveMin ? '>' : '≥'} ${type.min}`);
      if (type.max !== undefined) bounds.push(`${type.exclusiveMax ? '<' : '≤'} ${type.max}`);
      return `${type.integer ? 'an integer' : 'a number'}${bounds.length ? ` ${bounds.join(' and ')}` : ''}`;
    }
    case 'string':
      return type.values ? `one of ${type.values.map((v) => JSON.stringify(v)).join(', ')}` : 'a string';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'object':
      return 'an object';
    case 'array':
      return type.items ? `an array of ${describeType(type.items)}` : 'an array';
  }
}

/** Whether `value` matches `type`. */
export function matchesType(value: unknown, type: ParamType): boolean {
  if ('anyOf' in type) return type.anyOf.some((option) => matchesType(value, option));
  switch (type.type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (type.integer && !Number.isInteger(value)) return false;
      if (type.min !== undefined && (type.exclusiveMin ? value <= type.min : value < type.min)) return false;
      if (type.max !== undefined && (type.exclusiveMax ? value >= type.max : value > type.max)) return false;
      return true;
    }
    case 'string':
      return typeof value === 'string' && (!type.values || type.values.includes(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value) && (!type.items || value.every((item) => matchesType(item, type.items!)));
  }
}

/**
 * Checks a spec against a parameter table and fills in defaults. Throws a StacklearnError naming
 * the parameter, the value received and what is allowed; unknown parameters are refused, with the
 * closest known name suggested.
 *
 * @example
 * resolveParams('knn', knnParams, { kind: 'knn', nNeighbors: 3 }) // { nNeighbors: 3, weights: 'uniform', ... }
 */
export function resolveParams<P>(kind: string, table: ParamTable<P>, spec: Record<string, unknown>): P {
  const names = Object.keys(table);
  for (const key of Object.keys(spec)) {
    if (key === 'kind' || names.includes(key)) continue;
    const near = closest(key, names);
    throw new StacklearnError(
      `${kind}: unknown parameter "${key}"${near ? ` (did you mean "${near}"?)` : ''}; ` +
        `known parameters: ${names.join(', ') || 'none'}`,
    );
  }
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const def = (table as Record<string, ParamDef>)[name]!;
    const value = spec[name] === undefined ? def.default : spec[name];
    if (!matchesType(value, def.type)) {
      throw new StacklearnError(
        `${kind}: parameter "${name}" must be ${describeType(def.type)}; received ${show(value)}`,
      );
    }
    out[name] = value;
  }
  return out as P;
}

function show(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
