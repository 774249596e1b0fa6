// Benchmark (not a test): our histogram gradient-boosting fit alone, repeated in one process with
// warm worker threads — the minimum and median over the repeats, to tell small changes from this
// machine's run-to-run noise (±5%) when trying an optimisation. Settings as bench/hgb.ts.
//
//   npm run bench:hgb-fit                          500k rows, 5 fits, 2 threads
//   npm run bench:hgb-fit -- --rows=1000000 --repeat=9 --threads=1
import { fit, makeFriedman1, nodeExecutor, shutdownWorkers } from '../src/node.js';
import { HGB_BENCH_SPEC } from './hgb-spec.js';

const flag = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);

const rows = flag('rows', 500_000);
const repeat = flag('repeat', 5);
const threads = flag('threads', 2);
const data = makeFriedman1({ nSamples: rows, nFeatures: 20, noise: 1, seed: 0 });
const executor = nodeExecutor(2);
const spec = { ...HGB_BENCH_SPEC, nJobs: threads };
// Starts the worker before timing.
await fit({ ...spec, maxIter: 1 }, data, { executor });
const seconds: number[] = [];
for (let r = 0; r < repeat; r++) {
  const start = performance.now();
  await fit(spec, data, { executor });
  seconds.push((performance.now() - start) / 1000);
  process.stderr.write(`fit ${r + 1}/${repeat}: ${seconds.at(-1)!.toFixed(2)} s\n`);
}
seconds.sort((a, b) => a - b);
console.log(
  `${rows.toLocaleString('en')} rows, ${threads} thread(s): min ${seconds[0]!.toFixed(2)} s, ` +
    `median ${seconds[Math.floor(repeat / 2)]!.toFixed(2)} s over ${repeat} fits`,
);
await shutdownWorkers();
