#!/usr/bin/env node
// The installed command runs the compiled CLI (npm run build); in a checkout, `npm run stacklearn -- ...` runs the sources.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write(
    'stacklearn: the compiled CLI is missing; run `npm run build` first (or `npm run stacklearn -- <args>`)\n',
  );
  process.exit(1);
}
await import(compiled.href);
