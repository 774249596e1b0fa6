import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { listNames } from '../data/columns.js';
import type { Matrix } from '../data/matrix.js';
import type { Feature } from '../learners/types.js';
import { RequestError } from './request-error.js';
import { rowSchema, type UnknownCategory } from './schema.js';

/** The rows of a request body in a model's column order; `single` when the body was one row object. */
export interface RequestRows {
  readonly X: Matrix;
  readonly single: boolean;
}

/** Reads `POST /predict` bodies for one model's features. */
export interface RowReader {
  /**
   * Checks a body against the model's row schema and encodes it (null → NaN, categories → level
   * codes). A single row is written into `buffer` (length = number of features) when given.
   * Throws a RequestError naming the row, the fields and what was expected.
   */
  read(body: unknown, unknownCategory: UnknownCategory, buffer?: Float64Array): RequestRows;
}

/** A problem with one field of a row (in `details.invalid` of a 400 response). */
export interface FieldProblem {
  readonly field: string;
  readonly error: 'invalid_value' | 'unknown_category';
  readonly message: string;
  readonly received: unknown;
  readonly allowed?: readonly string[];
}

/**
 * A reader validating rows with the JSON schema of `rowSchema` (compiled by Ajv) and encoding them.
 *
 * @example
 * const reader = createRowReader(model.info.features);
 * const { X } = reader.read([{ Cylinders: 8, Origin: 'USA' }], 'error');
 */
export function createRowReader(features: readonly Feature[]): RowReader {
  const ajv = new Ajv({ allErrors: true });
  const validators: Record<UnknownCategory, ValidateFunction> = {
    error: ajv.compile(rowSchema(features, 'error')),
    missing: ajv.compile(rowSchema(features, 'missing')),
  };
  const cols = features.length;
  const names = features.map((f) => f.name);
  const codes = features.map((f) =>
    f.kind === 'categorical' ? new Map((f.levels ?? []).map((level, code) => [level, code])) : undefined,
  );
  const byName = new Map(features.map((f) => [f.name, f]));

  const check = (row: unknown, index: number | undefined, unknownCategory: UnknownCategory): void => {
    const at = index === undefined ? '' : `row ${index}: `;
    if (!isRecord(row)) {
      throw new RequestError(
        400,
        'invalid_row',
        `${at}expected an object of feature values; received ${describe(row)}`,
        { row: index ?? 0 },
      );
    }
    const validate = validators[unknownCategory];
    if (validate(row)) return;
    throw rowError(validate.errors ?? [], row, index ?? 0, at, byName);
  };

  const encode = (row: Record<string, unknown>, out: Float64Array, offset: number): void => {
    for (let j = 0; j < cols; j++) {
      const value = row[names[j]!];
      const levels = codes[j];
      if (value === null) out[offset + j] = Number.NaN;
      else if (levels === undefined) out[offset + j] = value as number;
      else out[offset + j] = levels.get(value as string) ?? Number.NaN;
    }
  };

  return {
    read(body, unknownCategory, buffer) {
      if (Array.isArray(body)) {
        if (body.length === 0) {
          throw new RequestError(400, 'invalid_body', 'the body is an empty array; send at least one row');
        }
        const data = new Float64Array(body.length * cols);
        body.forEach((row, i) => {
          check(row, i, unknownCategory);
          encode(row as Record<string, unknown>, data, i * cols);
        });
        return { X: { rows: body.length, cols, data }, single: false };
      }
      if (!isRecord(body)) {
        throw new RequestError(
          400,
          'invalid_body',
          `the body must be one row object or an array of row objects; received ${describe(body)}`,
        );
      }
      check(body, undefined, unknownCategory);
      const data = buffer ?? new Float64Array(cols);
      encode(body, data, 0);
      return { X: { rows: 1, cols, data }, single: true };
    },
  };
}

/** One error for all that is wrong with a row: the missing fields, then each invalid field once. */
function rowError(
  errors: readonly ErrorObject[],
  row: Record<string, unknown>,
  index: number,
  at: string,
  byName: ReadonlyMap<string, Feature>,
): RequestError {
  const missing: string[] = [];
  const invalid = new Map<string, FieldProblem>();
  for (const error of errors) {
    if (error.keyword === 'required') {
      missing.push(String(error.params.missingProperty));
      continue;
    }
    const field = fieldOf(error.instancePath);
    const feature = byName.get(field);
    if (!feature || invalid.has(field)) continue;
    invalid.set(field, fieldProblem(feature, row[field], error.keyword === 'enum'));
  }
  const parts: string[] = [];
  if (missing.length > 0) {
    parts.push(
      `missing field${missing.length > 1 ? 's' : ''} ${listNames(missing)} (every feature must be present; null marks a missing value)`,
    );
  }
  for (const problem of invalid.values()) parts.push(problem.message);
  const first = invalid.values().next().value;
  const code = missing.length > 0 ? 'missing_fields' : (first?.error ?? 'invalid_row');
  const details = {
    row: index,
    ...(missing.length > 0 ? { missing } : {}),
    ...(invalid.size > 0 ? { invalid: [...invalid.values()] } : {}),
  };
  return new RequestError(400, code, `${at}${parts.join('; ') || 'invalid row'}`, details);
}

function fieldProblem(feature: Feature, value: unknown, unseen: boolean): FieldProblem {
  const field = feature.name;
  if (feature.kind === 'numeric') {
    return {
      field,
      error: 'invalid_value',
      message: `field "${field}": expected a number or null; received ${describe(value)}`,
      received: value,
    };
  }
  const allowed = feature.levels ?? [];
  if (unseen && typeof value === 'string') {
    return {
      field,
      error: 'unknown_category',
      message:
        `field "${field}": ${JSON.stringify(value)} is not one of the training levels ${listNames(allowed)} (or null); ` +
        'send ?unknown=missing to treat unseen categories as missing values',
      received: value,
      allowed,
    };
  }
  return {
    field,
    error: 'invalid_value',
    message: `field "${field}": expected a string (one of ${listNames(allowed)}) or null; received ${describe(value)}`,
    received: value,
    allowed,
  };
}

/** The field a JSON pointer such as "/Origin" names (the pointer's ~1 and ~0 escapes undone). */
function fieldOf(instancePath: string): string {
  return instancePath.slice(1).split('/')[0]!.replace(/~1/g, '/').replace(/~0/g, '~');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A received value in a message: `"8" (a string)`, `[1,2] (an array)`. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  const kind = Array.isArray(value)
    ? 'an array'
    : typeof value === 'object'
      ? 'an object'
      : `a ${typeof value}`;
  return `${shown} (${kind})`;
}
