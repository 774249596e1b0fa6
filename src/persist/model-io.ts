// Node edge: model files on disk. Writes are atomic (a temporary file renamed into place).
import { readFile } from 'node:fs/promises';
import { StacklearnError } from '../errors.js';
import type { Model } from '../learners/types.js';
import { writeFileAtomic } from './atomic-write.js';
import { decodeModel, type EncodeModelOptions, encodeModel } from './model-file.js';

/**
 * Writes a model file atomically: a reader sees the old file or the new one, never half of one.
 *
 * @example
 * await saveModel(model, 'model.slm');
 */
export async function saveModel(model: Model, path: string, options: EncodeModelOptions = {}): Promise<void> {
  await writeFileAtomic(path, encodeModel(model, { createdAt: new Date().toISOString(), ...options }));
}

/**
 * Reads a model file (see decodeModel for what it refuses).
 *
 * @example
 * const model = await loadModel('model.slm');
 */
export async function loadModel(path: string): Promise<Model> {
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
    return decodeModel(bytes);
  } catch (error) {
    if (error instanceof StacklearnError) throw new StacklearnError(`${path}: ${error.message}`);
    throw error;
  }
}
