// Node edge: a model file read for serving, with its header (format, version, createdWith ...).
import { readFile } from 'node:fs/promises';
import { StacklearnError } from '../errors.js';
import { decodeModel, readEnvelope } from '../persist/model-file.js';
import type { LoadedModel } from './served-model.js';

/**
 * Reads a model file once and returns the model with what its header records. Refuses what
 * `decodeModel` refuses, with the path in the message.
 *
 * @example
 * const loaded = await loadModelFile('model.slm'); // { model, file: { version: 1, createdAt, ... }, source }
 */
export async function loadModelFile(path: string): Promise<LoadedModel> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StacklearnError(
      code === 'ENOENT' ? `no model file at ${path}` : `cannot read ${path}: ${(error as Error).message}`,
    );
  }
  try {
    const envelope = readEnvelope(bytes) as ReturnType<typeof readEnvelope> & { metrics?: unknown };
    const { format, version, createdWith, createdAt, metrics } = envelope;
    const file = { format, version, createdWith, createdAt, ...(metrics === undefined ? {} : { metrics }) };
    return { model: decodeModel(bytes), file, source: path };
  } catch (error) {
    if (error instanceof StacklearnError) throw new StacklearnError(`${path}: ${error.message}`);
    throw error;
  }
}
