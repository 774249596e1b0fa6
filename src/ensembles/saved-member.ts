import { toSavedModel } from '../learners/fit.js';
import type { Model, SavedModel } from '../learners/types.js';

/**
 * A member model as an ensemble's state stores it: its saved form with every fit time set to 0 —
 * its own and those of models saved inside its state (a pipeline's estimator) — so that fits
 * with the same seed give byte-identical states.
 *
 * @example
 * const stored = savedMember(model); // { kind, spec, info, state, fitTimeMs: 0 }
 */
export function savedMember(model: Model): SavedModel {
  return withoutFitTimes(toSavedModel(model)) as SavedModel;
}

function withoutFitTimes(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.some(isComposite) ? value.map(withoutFitTimes) : value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) out[key] = withoutFitTimes(item);
  if (typeof record.kind === 'string' && 'state' in record && typeof record.fitTimeMs === 'number') {
    out.fitTimeMs = 0;
  }
  return out;
}

/** Whether an array item may hold a saved model (plain numbers and strings cannot). */
function isComposite(item: unknown): boolean {
  return typeof item === 'object' && item !== null && !ArrayBuffer.isView(item);
}
