// Benchmark (not a test): svr (rbf) against scikit-learn's SVR (libsvm) on the same data in the same
// run: fit and predict time, ratios, test R², support vectors.
//
//   npm run bench:svr            (peer: Debian's /usr/bin/python3 with scikit-learn; skipped without)
//
// Data: Friedman #1 (10 features, noise 1), standardised targets, train sizes 1,000 / 3,000 / 6,000,
// 1,000 test rows; seeded and written to a file both sides read.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fit, makeFriedman1, type Regressor, r2Score } from '../src/node.js';
import { peerAvailable, runPeer, writeDataFile } from './peer.js';

const SIZES = (process.env.BENCH_SIZES ?? '1000,3000,6000').split(',').map(Number);
const N_TEST = 1000;
const N_FEATURES = 10;
const C = 10;
const EPSILON = 0.1;

interface Timing {
  readonly fitSeconds: number;
  readonly predictMs: number;
  readonly r2: number;
  readonly nSupport: number;
}

async function main(): Promise<void> {
  const peer = peerAvailable();
  if (!peer) console.log('(no scikit-learn for /usr/bin/python3: the peer columns are skipped)');
  console.log(
    'train rows  fit ours  fit sk  ratio  predict ours  predict sk  ratio  R² ours  R² sk  SVs ours  SVs sk',
  );
  for (const nTrain of SIZES) {
    const all = makeFriedman1({ nSamples: nTrain + N_TEST, nFeatures: N_FEATURES, noise: 1, seed: 7 });
    const path = writeDataFile('friedman1.f64', all.X.data, all.y);
    const theirs = peer
      ? runPeer<Timing>('svr.py', [
          path,
          String(nTrain),
          String(N_TEST),
          String(N_FEATURES),
          String(C),
          String(EPSILON),
        ])
      : undefined;
    rmSync(dirname(path), { recursive: true, force: true });
    const cut = nTrain * N_FEATURES;
    const train = {
      ...all,
      X: { rows: nTrain, cols: N_FEATURES, data: all.X.data.subarray(0, cut) },
      y: all.y.subarray(0, nTrain),
    };
    const XTest = { rows: N_TEST, cols: N_FEATURES, data: all.X.data.subarray(cut) };
    const start = performance.now();
    const model = (await fit({ kind: 'svr', kernel: 'rbf', C, epsilon: EPSILON }, train)) as Regressor;
    const fitSeconds = (performance.now() - start) / 1000;
    const predictStart = performance.now();
    const predicted = model.predict(XTest);
    const predictMs = performance.now() - predictStart;
    const r2 = r2Score(all.y.subarray(nTrain), predicted);
    const nSupport = (model.state as { support: Int32Array }).support.length;
    const ratio = (a: number, b: number | undefined) => (b === undefined ? '-' : (a / b).toFixed(2));
    console.log(
      [
        String(nTrain).padStart(10),
        `${fitSeconds.toFixed(2)} s`.padStart(9),
        (theirs ? `${theirs.fitSeconds.toFixed(2)} s` : '-').padStart(7),
        ratio(fitSeconds, theirs?.fitSeconds).padStart(6),
        `${predictMs.toFixed(1)} ms`.padStart(13),
        (theirs ? `${theirs.predictMs.toFixed(1)} ms` : '-').padStart(11),
        ratio(predictMs, theirs?.predictMs).padStart(6),
        r2.toFixed(4).padStart(8),
        (theirs ? theirs.r2.toFixed(4) : '-').padStart(6),
        String(nSupport).padStart(9),
        String(theirs?.nSupport ?? '-').padStart(7),
      ].join(' '),
    );
  }
  console.log('ratio = ours / scikit-learn (below 1: we are faster); both single-threaded (libsvm is).');
}

await main();
