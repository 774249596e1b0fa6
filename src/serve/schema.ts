import type { Feature } from '../learners/types.js';

/** How an unseen category is treated: refused (400 naming the allowed values) or made missing. */
export type UnknownCategory = 'error' | 'missing';

/** The subset of JSON Schema (draft-07) the service emits. */
export interface JsonSchema {
  readonly $schema?: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly (string | null)[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly anyOf?: readonly JsonSchema[];
}

/**
 * The JSON schema of one row of a model's input: an object with every feature as a required field
 * (null for a missing value); numeric features are numbers, categorical ones one of their training
 * levels (any string with `unknownCategory: 'missing'`, unseen ones counting as missing). Extra
 * fields are allowed (and ignored).
 *
 * @example
 * rowSchema([{ name: 'Origin', kind: 'categorical', levels: ['Europe', 'USA'] }])
 * // { type: 'object', properties: { Origin: { type: ['string', 'null'], enum: ['Europe', 'USA', null] } }, required: ['Origin'], ... }
 */
export function rowSchema(
  features: readonly Feature[],
  unknownCategory: UnknownCategory = 'error',
): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const feature of features) properties[feature.name] = featureSchema(feature, unknownCategory);
  return {
    type: 'object',
    properties,
    required: features.map((f) => f.name),
    additionalProperties: true,
  };
}

/**
 * The JSON schema of a `POST /predict` body: one row, or a non-empty array of rows.
 *
 * @example
 * requestSchema(model.info.features) // { $schema: '...draft-07...', anyOf: [row, { type: 'array', items: row, minItems: 1 }] }
 */
export function requestSchema(
  features: readonly Feature[],
  unknownCategory: UnknownCategory = 'error',
): JsonSchema {
  const row = rowSchema(features, unknownCategory);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'POST /predict body',
    description: 'one row object, or an array of row objects; null marks a missing value',
    anyOf: [row, { type: 'array', items: row, minItems: 1 }],
  };
}

function featureSchema(feature: Feature, unknownCategory: UnknownCategory): JsonSchema {
  if (feature.kind === 'numeric') return { type: ['number', 'null'] };
  const levels = feature.levels ?? [];
  if (unknownCategory === 'missing') {
    return {
      type: ['string', 'null'],
      description: `training levels: ${levels.join(', ')}; any other value counts as missing`,
    };
  }
  return { type: ['string', 'null'], enum: [...levels, null] };
}
