// Node edge: atomic file writes (a temporary file in the same folder, renamed into place).
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { StacklearnError } from '../errors.js';

/**
 * Writes `contents` to `path` so that a reader sees the old file or the new one, never half of one.
 *
 * @example
 * await writeFileAtomic('predictions.csv', text);
 */
export async function writeFileAtomic(path: string, contents: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, contents, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new StacklearnError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
