// Shared by the benchmarks: the Python peer (Debian's /usr/bin/python3 with scikit-learn) and the
// binary data file both sides read (float64 little-endian: X row-major, then y).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PYTHON = '/usr/bin/python3';

// The benchmarks run compiled (dist/bench/*.js, like an installed package: under tsx's loader V8
// keeps typed-array accesses on a slower path, see README); their Python peers stay in bench/.
const here = new URL('.', import.meta.url);
const sourceFolder = here.pathname.endsWith('/dist/bench/') ? new URL('../../bench/', here) : here;

/** Whether this benchmark runs compiled (from dist/bench) rather than from its TypeScript source. */
export const COMPILED = import.meta.url.endsWith('.js');

/**
 * The absolute path of a file of the bench/ source folder (e.g. a Python peer), from either place.
 *
 * @example
 * benchSource('peers/hgb.py')
 */
export function benchSource(relative: string): string {
  return fileURLToPath(new URL(relative, sourceFolder));
}

/** Whether the peer can run (scikit-learn importable by Debian's python). */
export function peerAvailable(module = 'sklearn'): boolean {
  try {
    execFileSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes X then y as float64 to a fresh temporary file and returns its path. */
export function writeDataFile(name: string, X: Float64Array, y: Float64Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'stacklearn-bench-')), name);
  const values = new Float64Array(X.length + y.length);
  values.set(X);
  values.set(y, X.length);
  writeFileSync(path, new Uint8Array(values.buffer));
  return path;
}

/** Runs bench/peers/<script> with the arguments and parses the JSON line it prints. */
export function runPeer<T>(script: string, args: readonly string[]): T {
  const path = benchSource(`peers/${script}`);
  return JSON.parse(execFileSync(PYTHON, [path, ...args], { encoding: 'utf8' })) as T;
}
