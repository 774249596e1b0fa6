// Shared by the benchmarks: the Python peer (Debian's /usr/bin/python3 with scikit-learn) and the
// binary data file both sides read (float64 little-endian: X row-major, then y).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PYTHON = '/usr/bin/python3';

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
  const path = fileURLToPath(new URL(`./peers/${script}`, import.meta.url));
  return JSON.parse(execFileSync(PYTHON, [path, ...args], { encoding: 'utf8' })) as T;
}
