// `npm run bench`: every benchmark, one after another (each compares against its peer in the same run).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benches = ['forest.ts', 'svr.ts', 'ensembles.ts', 'hgb.ts', 'serve.ts'];
for (const bench of benches) {
  console.log(`\n=== bench/${bench}`);
  const path = fileURLToPath(new URL(`./${bench}`, import.meta.url));
  execFileSync(process.execPath, ['--import', 'tsx', path], { stdio: 'inherit' });
}
