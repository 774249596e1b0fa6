import type { TransformerDef } from '../data/transformer.js';
import { StacklearnError } from '../errors.js';
import type { LearnerDef } from './types.js';

const learners = new Map<string, LearnerDef>();
const transformers = new Map<string, TransformerDef>();

/** Adds a learner family to the registry (built-ins register themselves in builtins.ts). */
export function registerLearner<P, S>(def: LearnerDef<P, S>): void {
  if (learners.has(def.kind) || transformers.has(def.kind)) {
    throw new StacklearnError(`registerLearner: kind "${def.kind}" is already registered`);
  }
  learners.set(def.kind, def as unknown as LearnerDef);
}

/** Adds a transformer (encoder, scaler, imputer) to the registry. */
export function registerTransformer<P, S>(def: TransformerDef<P, S>): void {
  if (learners.has(def.kind) || transformers.has(def.kind)) {
    throw new StacklearnError(`registerTransformer: kind "${def.kind}" is already registered`);
  }
  transformers.set(def.kind, def as unknown as TransformerDef);
}

/** The learner family of `kind`, or a StacklearnError listing the known kinds. */
export function getLearner(kind: unknown): LearnerDef {
  const def = typeof kind === 'string' ? learners.get(kind) : undefined;
  if (!def) {
    const hint =
      typeof kind === 'string' && transformers.has(kind)
        ? ' (it is a transformer: use it in a pipeline)'
        : '';
    throw new StacklearnError(
      `unknown learner kind ${JSON.stringify(kind)}${hint}; known kinds: ${[...learners.keys()].sort().join(', ')}`,
    );
  }
  return def;
}

/** Whether a learner of `kind` is registered. */
export function hasLearner(kind: string): boolean {
  return learners.has(kind);
}

/** Whether a transformer of `kind` is registered. */
export function hasTransformer(kind: string): boolean {
  return transformers.has(kind);
}

/** The transformer of `kind`, or a StacklearnError listing the known kinds. */
export function getTransformer(kind: unknown): TransformerDef {
  const def = typeof kind === 'string' ? transformers.get(kind) : undefined;
  if (!def) {
    throw new StacklearnError(
      `unknown transformer kind ${JSON.stringify(kind)}; known kinds: ${[...transformers.keys()].sort().join(', ')}`,
    );
  }
  return def;
}

/** Every registered learner family, sorted by kind. */
export function listLearners(): LearnerDef[] {
  return [...learners.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

/** Every registered transformer, sorted by kind. */
export function listTransformers(): TransformerDef[] {
  return [...transformers.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}
