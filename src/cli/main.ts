#!/usr/bin/env node
import { Command } from 'commander';
import '../learners/builtins.js';
// Worker threads for nJobs > 1 (forests, ensembles).
import '../parallel/node-executor.js';
import { StacklearnError } from '../errors.js';
import { compareCommand } from './compare-command.js';
import { exportCommand } from './export-command.js';
import { fitCommand } from './fit-command.js';
import { predictCommand } from './predict-command.js';
import { searchCommand } from './search-command.js';
import { serveCommand } from './serve-command.js';

/** The `stacklearn` command line: parses arguments, calls the library, prints. */
export async function main(argv: readonly string[]): Promise<void> {
  const program = new Command('stacklearn')
    .description('tabular machine learning for TypeScript, built around model ensembles')
    .showHelpAfterError('(add --help for usage)')
    .addCommand(compareCommand())
    .addCommand(exportCommand())
    .addCommand(fitCommand())
    .addCommand(predictCommand())
    .addCommand(searchCommand())
    .addCommand(serveCommand());
  await program.parseAsync(argv as string[]);
}

main(process.argv).catch((error: unknown) => {
  if (error instanceof StacklearnError) {
    process.stderr.write(`stacklearn: ${error.message}\n`);
  } else {
    process.stderr.write(
      `stacklearn: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exitCode = 1;
});
