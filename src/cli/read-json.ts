import { readFile } from 'node:fs/promises';
import { StacklearnError } from '../errors.js';

/** A JSON file's contents, with errors that name the file and the flag it came from. */
export async function readJsonFile(path: string, flag: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new StacklearnError(`${flag}: cannot read ${path}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StacklearnError(`${flag}: ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** A JSON object (not an array or a value), e.g. a spec or a search space. */
export async function readJsonObject(path: string, flag: string): Promise<Record<string, unknown>> {
  const value = await readJsonFile(path, flag);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StacklearnError(`${flag}: ${path} must hold one JSON object`);
  }
  return value as Record<string, unknown>;
}
