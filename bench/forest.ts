// Benchmark (not a test): randomForest / extraTrees against scikit-learn's forests on the same data in
// the same run: fit time on 2 threads (our nJobs 2, their n_jobs=2), predict time and test R².
//
//   npm run bench:forest            (peer: Debian's /usr/bin/python3 with scikit-learn; skipped without)
//
// Data: Friedman #1, 20,000 training and 5,000 test rows × 20 features (5 informative), seeded;
// written once to a temporary file that both sides read (the peer: bench/peers/forest.py). Each
// setting runs the peer, then ours; our worker threads are started before timing.
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fit, makeFriedman1, type Regressor, r2Score, type Spec, shutdownWorkers } from '../src/node.js';
import { PYTHON, peerAvailable, runPeer, writeDataFile } from './peer.js';

const N_TRAIN = 20_000;
const N_TEST = 5_000;
const N_FEATURES = 20;
const SEED = 0;

interface Setting {
  readonly kind: 'randomForest' | 'extraTrees';
  readonly maxDepth: number | null;
  readonly maxFeatures: number | 'sqrt';
}

const settings: readonly Setting[] = [
  { kind: 'randomForest', maxDepth: null, maxFeatures: 1 },
  { kind: 'randomForest', maxDepth: null, maxFeatures: 'sqrt' },
  { kind: 'randomForest', maxDepth: 10, maxFeatures: 'sqrt' },
  { kind: 'extraTrees', maxDepth: null, maxFeatures: 1 },
];

interface Timing {
  readonly fitSeconds: number;
  /** CPU time of every thread: less sensitive than wall time to other processes on a shared machine. */
  readonly fitCpuSeconds: number;
  readonly predictMs: number;
  readonly r2: number;
}

function runForestPeer(path: string, setting: Setting): Timing {
  const args = [
    path,
    String(N_TRAIN),
    String(N_TEST),
    String(N_FEATURES),
    JSON.stringify(setting),
    String(SEED),
  ];
  return runPeer<Timing>('forest.py', args);
}

async function runOurs(setting: Setting, data: ReturnType<typeof split>): Promise<Timing> {
  const spec: Spec = { ...setting, nEstimators: 100, nJobs: 2, seed: SEED };
  const start = performance.now();
  const cpu = process.cpuUsage();
  const model = (await fit(spec, data.train)) as Regressor;
  const fitSeconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const fitCpuSeconds = (used.user + used.system) / 1e6;
  const predictStart = performance.now();
  const prediction = model.predict(data.XTest);
  const predictMs = performance.now() - predictStart;
  return { fitSeconds, fitCpuSeconds, predictMs, r2: r2Score(data.yTest, prediction) };
}

function split(all: ReturnType<typeof makeFriedman1>) {
  const cut = N_TRAIN * N_FEATURES;
  return {
    train: {
      ...all,
      X: { rows: N_TRAIN, cols: N_FEATURES, data: all.X.data.subarray(0, cut) },
      y: all.y.subarray(0, N_TRAIN),
    },
    XTest: { rows: N_TEST, cols: N_FEATURES, data: all.X.data.subarray(cut) },
    yTest: all.y.subarray(N_TRAIN),
  };
}

function describe(setting: Setting): string {
  return `${setting.kind}, maxDepth ${setting.maxDepth ?? 'none'}, maxFeatures ${setting.maxFeatures}`;
}

function row(cells: readonly string[]): string {
  const widths = [44, 9, 9, 6, 9, 9, 6, 10, 10, 8, 8];
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' ');
}

async function main(): Promise<void> {
  const all = makeFriedman1({ nSamples: N_TRAIN + N_TEST, nFeatures: N_FEATURES, noise: 1, seed: SEED });
  const data = split(all);
  const path = writeDataFile('friedman1.f64', all.X.data, all.y);
  const peer = peerAvailable();
  console.log(
    `Friedman #1: ${N_TRAIN} train / ${N_TEST} test rows × ${N_FEATURES} features; 100 trees; ` +
      `${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} at start`,
  );
  if (!peer) console.log(`(no scikit-learn for ${PYTHON}: the peer columns are skipped)`);
  // Start the worker threads before timing (scikit-learn's threads start in microseconds).
  await fit({ kind: 'randomForest', nEstimators: 2, nJobs: 2 }, makeFriedman1({ nSamples: 50, seed: 1 }));
  console.log(
    row([
      'setting (2 threads each)',
      'fit ours',
      'fit sk',
      'ratio',
      'CPU ours',
      'CPU sk',
      'ratio',
      'predict ours',
      'predict sk',
      'ratio',
      'R² ours',
      'R² sk',
    ]),
  );
  try {
    for (const setting of settings) {
      const theirs = peer ? runForestPeer(path, setting) : undefined;
      const ours = await runOurs(setting, data);
      const ratio = (a: number, b: number | undefined) => (b === undefined ? '-' : (a / b).toFixed(2));
      console.log(
        row([
          describe(setting),
          `${ours.fitSeconds.toFixed(2)} s`,
          theirs ? `${theirs.fitSeconds.toFixed(2)} s` : '-',
          ratio(ours.fitSeconds, theirs?.fitSeconds),
          `${ours.fitCpuSeconds.toFixed(1)} s`,
          theirs ? `${theirs.fitCpuSeconds.toFixed(1)} s` : '-',
          ratio(ours.fitCpuSeconds, theirs?.fitCpuSeconds),
          `${ours.predictMs.toFixed(0)} ms`,
          theirs ? `${theirs.predictMs.toFixed(0)} ms` : '-',
          ratio(ours.predictMs, theirs?.predictMs),
          ours.r2.toFixed(4),
          theirs ? theirs.r2.toFixed(4) : '-',
        ]),
      );
    }
  } finally {
    rmSync(dirname(path), { recursive: true, force: true });
    await shutdownWorkers();
  }
  console.log(
    'ratio = ours / scikit-learn (below 1: we are faster). fit: wall time; CPU: of all threads, steadier ' +
      'on a busy machine. Our predict runs on one thread, theirs on two.',
  );
}

await main();
