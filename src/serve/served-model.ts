import { StacklearnError } from '../errors.js';
import { compileRowPredictor } from '../learners/compile.js';
import { argmaxRows } from '../learners/fit.js';
import type { Feature, Model, Spec, Task } from '../learners/types.js';
import { RequestError } from './request-error.js';
import { createRowReader } from './row-reader.js';
import { type JsonSchema, requestSchema, type UnknownCategory } from './schema.js';

/** What a model file's header says about the model (absent for a model given in memory). */
export interface ModelFileInfo {
  readonly format: string;
  readonly version: number;
  readonly createdWith: string;
  readonly createdAt: string;
  /** Scores recorded in the file, when the writer recorded any. */
  readonly metrics?: unknown;
}

/** A model to serve, with where it came from. */
export interface LoadedModel {
  readonly model: Model;
  readonly file?: ModelFileInfo;
  /** The model file's path. */
  readonly source?: string;
}

/** The body of `GET /model`. */
export interface ModelDescription {
  readonly kind: string;
  readonly task: Task;
  readonly target?: string;
  readonly features: readonly Feature[];
  readonly classes?: readonly string[];
  readonly spec: Spec;
  readonly fitTimeMs: number;
  readonly source?: string;
  readonly format?: string;
  readonly formatVersion?: number;
  readonly createdWith?: string;
  readonly createdAt?: string;
  readonly metrics?: unknown;
  readonly loadedAt: string;
  /** The JSON schema of a `POST /predict` body. */
  readonly inputSchema: JsonSchema;
}

/** The body of a `POST /predict` answer: labels for classifiers, with one probability record per row. */
export interface PredictionBody {
  readonly predictions: (number | string)[];
  readonly probabilities?: Record<string, number>[];
}

/** A model ready to answer requests: its description and its prediction of request bodies. */
export interface ServedModel {
  readonly model: Model;
  readonly description: ModelDescription;
  /** Predictions for a request body (one row object or an array of them); throws RequestError. */
  predict(body: unknown, unknownCategory: UnknownCategory): PredictionBody;
}

/**
 * Prepares a model for serving: compiles its row schema and its single-row predictor (used when a
 * request holds one row object; arrays go through `predict` on a matrix).
 *
 * @example
 * const served = serveModel({ model });
 * served.predict({ Cylinders: 8, Origin: 'USA', ... }, 'error'); // { predictions: [17.3] }
 */
export function serveModel(loaded: LoadedModel, now: Date = new Date()): ServedModel {
  const { model, file, source } = loaded;
  const { features } = model.info;
  const reader = createRowReader(features);
  const row = new Float64Array(features.length);
  const description: ModelDescription = {
    kind: model.kind,
    task: model.task,
    ...(model.info.target === undefined ? {} : { target: model.info.target }),
    features: features.map((f) =>
      f.kind === 'categorical'
        ? { name: f.name, kind: f.kind, levels: f.levels ?? [] }
        : { name: f.name, kind: f.kind },
    ),
    ...(model.task === 'regression' ? {} : { classes: model.classes }),
    spec: model.spec,
    fitTimeMs: model.fitTimeMs,
    ...(source === undefined ? {} : { source }),
    ...(file === undefined
      ? {}
      : {
          format: file.format,
          formatVersion: file.version,
          createdWith: file.createdWith,
          createdAt: file.createdAt,
          ...(file.metrics === undefined ? {} : { metrics: file.metrics }),
        }),
    loadedAt: now.toISOString(),
    inputSchema: requestSchema(features),
  };

  let predictRows: (body: unknown, unknownCategory: UnknownCategory) => PredictionBody;
  if (model.task === 'regression') {
    const predictRow = compileRowPredictor(model);
    predictRows = (body, unknownCategory) => {
      const { X, single } = reader.read(body, unknownCategory, row);
      return { predictions: single ? [predictRow(X.data)] : Array.from(model.predict(X)) };
    };
  } else {
    const predictRow = compileRowPredictor(model);
    const { classes } = model;
    const k = classes.length;
    const proba = new Float64Array(k);
    predictRows = (body, unknownCategory) => {
      const { X, single } = reader.read(body, unknownCategory, row);
      const values = single ? predictRow(X.data, proba) : model.predictProba(X).data;
      const codes = argmaxRows(values, X.rows, k);
      const probabilities: Record<string, number>[] = [];
      for (let i = 0; i < X.rows; i++) {
        const record: Record<string, number> = {};
        for (let c = 0; c < k; c++) record[classes[c]!] = values[i * k + c]!;
        probabilities.push(record);
      }
      return { predictions: Array.from(codes, (code) => classes[code]!), probabilities };
    };
  }

  return {
    model,
    description,
    predict(body, unknownCategory) {
      try {
        return predictRows(body, unknownCategory);
      } catch (error) {
        // The rows passed the schema, so what the model refuses (a missing value it cannot take) is the input's fault.
        if (error instanceof StacklearnError && !(error instanceof RequestError)) {
          throw new RequestError(400, 'invalid_input', error.message);
        }
        throw error;
      }
    },
  };
}
