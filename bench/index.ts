// `npm run bench`: every benchmark, one after another (each compares against its peer in the same run).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { COMPILED as compiled } from './peer.js';

// Compiled (dist/bench/*.js, as `npm run bench` runs it) or from the sources through tsx.
const benches = ['forest', 'svr', 'ensembles', 'hgb', 'serve'];
for (const bench of benches) {
  console.log(`\n=== bench/${bench}.ts`);
  const path = fileURLToPath(new URL(`./${bench}.${compiled ? 'js' : 'ts'}`, import.meta.url));
  execFileSync(process.execPath, compiled ? [path] : ['--import', 'tsx', path], { stdio: 'inherit' });
}
