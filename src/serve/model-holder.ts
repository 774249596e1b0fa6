import type { LoadedModel, ServedModel } from './served-model.js';
import { serveModel } from './served-model.js';

/** What a reload did: the new model now serving, or the error while the old one keeps serving. */
export type ReloadOutcome =
  | { readonly status: 'reloaded'; readonly served: ServedModel }
  | { readonly status: 'failed'; readonly error: unknown; readonly served: ServedModel };

/** The model being served, swapped atomically by `reload`. */
export interface ModelHolder {
  /** The model serving now; a request takes it once and uses it to the end. */
  readonly current: ServedModel;
  /** Whether there is a loader (a model file) to reload from. */
  readonly reloadable: boolean;
  /**
   * Loads the model again and swaps it in once it is fully prepared; on failure the current model
   * stays. Reloads run one after another (a reload asked for during one runs after it).
   */
  reload(): Promise<ReloadOutcome>;
}

/**
 * A holder for `initial`, reloading with `load` (e.g. reading the model file again).
 *
 * @example
 * const holder = createModelHolder(serveModel(await loadModelFile(path)), () => loadModelFile(path));
 * process.on('SIGHUP', () => holder.reload());
 */
export function createModelHolder(initial: ServedModel, load?: () => Promise<LoadedModel>): ModelHolder {
  let current = initial;
  let queue: Promise<unknown> = Promise.resolve();
  const swap = async (): Promise<ReloadOutcome> => {
    if (!load) return { status: 'failed', error: new Error('no model file to reload from'), served: current };
    try {
      // Prepared completely before the swap: requests never see a half-built model.
      const next = serveModel(await load());
      current = next;
      return { status: 'reloaded', served: next };
    } catch (error) {
      return { status: 'failed', error, served: current };
    }
  };
  return {
    get current() {
      return current;
    },
    reloadable: load !== undefined,
    reload() {
      const outcome = queue.then(swap);
      queue = outcome;
      return outcome;
    },
  };
}
