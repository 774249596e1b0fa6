import { StacklearnError } from '../errors.js';
import type { ParamDef } from '../learners/params.js';
import { getLearner, getTransformer, listTransformers } from '../learners/registry.js';
import type { Spec } from '../learners/types.js';

/** A parameter inside a (possibly composite) spec, found from a dotted key like `estimator.nNeighbors`. */
export interface ParamPath {
  /** The key as written. */
  readonly key: string;
  readonly segments: readonly string[];
  /** The kind of the spec that owns the parameter ('knn'). */
  readonly kind: string;
  /** The parameter's name in that spec ('nNeighbors'). */
  readonly param: string;
  readonly def: ParamDef;
  /** The segment prefixes that lead to specs on the way, the root ([]) first: each is validated per candidate. */
  readonly specPaths: readonly (readonly string[])[];
}

type Node = Record<string, unknown>;

/**
 * Resolves a dotted parameter key against a spec through the registry: each segment is a parameter
 * of the spec reached so far, or a key / index inside a plain object or array that a parameter holds
 * (`estimators.rf.maxDepth`, `steps.0.strategy`); members given as `[[name, spec], …]` are found by
 * name too (the returned segments then hold their indices). Nested specs missing from `spec` are
 * their parameter's default. Throws a StacklearnError naming the key and listing the known names.
 *
 * @example
 * resolveParamPath({ kind: 'pipeline', estimator: { kind: 'knn' } }, 'estimator.nNeighbors', 'gridSearch')
 * // { kind: 'knn', param: 'nNeighbors', specPaths: [[], ['estimator']], ... }
 */
export function resolveParamPath(spec: Spec, key: string, caller: string): ParamPath {
  const segments = key.split('.');
  if (segments.some((s) => s === '')) {
    throw new StacklearnError(`${caller}: search-space key ${JSON.stringify(key)} has an empty path segment`);
  }
  const specPaths: string[][] = [];
  let node: unknown = spec;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const where = segments.slice(0, i).join('.');
    const last = i === segments.length - 1;
    if (isSpec(node)) {
      const table = paramTableOf(node.kind);
      specPaths.push(segments.slice(0, i));
      if (!Object.hasOwn(table, segment)) {
        throw new StacklearnError(
          `${caller}: unknown parameter "${segment}" of ${node.kind}${where ? ` (at "${where}")` : ''} ` +
            `in search-space key "${key}"; known parameters: ${Object.keys(table).join(', ') || 'none'}`,
        );
      }
      if (last) return { key, segments, kind: node.kind, param: segment, def: table[segment]!, specPaths };
      node = childOf(node, segment);
    } else if (typeof node === 'object' && node !== null && !last) {
      // A named member in [[name, spec], …] form: address it by name, like { name: spec }.
      const pair = Array.isArray(node)
        ? node.findIndex((item) => isNamedPair(item) && item[0] === segment)
        : -1;
      if (pair >= 0 && !Object.hasOwn(node, segment)) {
        segments.splice(i, 1, String(pair), '1');
        node = ((node as unknown[])[pair] as [string, unknown])[1];
        i++;
        continue;
      }
      if (!Object.hasOwn(node, segment)) {
        const names =
          Array.isArray(node) && node.every(isNamedPair) ? node.map((p) => p[0]) : Object.keys(node);
        throw new StacklearnError(
          `${caller}: search-space key "${key}": "${where}" has no element "${segment}"; ` +
            `it has: ${names.join(', ') || 'none'}`,
        );
      }
      node = (node as Node)[segment];
    } else {
      throw new StacklearnError(
        `${caller}: search-space key "${key}" must end at a parameter of a spec, but "${where}" is ` +
          `${describeNode(node)}`,
      );
    }
  }
  // split('.') gives at least one segment, and the loop returns at the last one or throws.
  throw new StacklearnError(`${caller}: search-space key "${key}" names no parameter`);
}

/**
 * A copy of `spec` with the value at `segments` replaced; only the objects along the path are copied.
 * Nested specs missing on the way are their parameter's default.
 *
 * @example
 * setParamPath({ kind: 'pipeline', estimator: { kind: 'knn' } }, ['estimator', 'nNeighbors'], 3)
 * // { kind: 'pipeline', estimator: { kind: 'knn', nNeighbors: 3 } }
 */
export function setParamPath(spec: Spec, segments: readonly string[], value: unknown): Spec {
  return setIn(spec, segments, 0, value) as Spec;
}

/** The value at `segments` inside `spec` (defaults filled in for missing parameters). */
export function valueAtPath(spec: Spec, segments: readonly string[]): unknown {
  let node: unknown = spec;
  for (const segment of segments) node = childOf(node, segment);
  return node;
}

/** The parameter table of a learner or a transformer kind (a StacklearnError for unknown kinds). */
export function paramTableOf(kind: string): Readonly<Record<string, ParamDef>> {
  const table = listTransformers().some((t) => t.kind === kind)
    ? getTransformer(kind).params
    : getLearner(kind).params;
  return table as Readonly<Record<string, ParamDef>>;
}

function setIn(node: unknown, segments: readonly string[], i: number, value: unknown): unknown {
  if (i === segments.length) return value;
  const segment = segments[i]!;
  const child = setIn(childOf(node, segment), segments, i + 1, value);
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[Number(segment)] = child;
    return copy;
  }
  return { ...(node as Node), [segment]: child };
}

function childOf(node: unknown, segment: string): unknown {
  const value = (node as Node)[segment];
  if (value !== undefined || !isSpec(node)) return value;
  return paramTableOf(node.kind)[segment]?.default;
}

function isNamedPair(item: unknown): item is [string, unknown] {
  return Array.isArray(item) && item.length === 2 && typeof item[0] === 'string';
}

function isSpec(node: unknown): node is Spec {
  return (
    typeof node === 'object' &&
    node !== null &&
    !Array.isArray(node) &&
    typeof (node as Node).kind === 'string'
  );
}

function describeNode(node: unknown): string {
  if (Array.isArray(node)) return 'an array';
  if (typeof node === 'object' && node !== null) return 'an object without a "kind"';
  return `the value ${JSON.stringify(node) ?? String(node)}`;
}
