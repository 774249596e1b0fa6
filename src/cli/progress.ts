/**
 * Progress for long work: a line redrawn in place on a terminal, plain log lines otherwise (CI,
 * pipes). Writes to stderr so that stdout stays clean for --json.
 */
export interface Progress {
  update(done: number, total: number, label: string): void;
  finish(message?: string): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  const start = performance.now();
  const elapsed = (): string => `${((performance.now() - start) / 1000).toFixed(1)}s`;
  if (quiet) return { update() {}, finish() {} };
  if (stream.isTTY) {
    return {
      update(done, total, label) {
        const width = 24;
        const filled = Math.round((done / Math.max(total, 1)) * width);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
        stream.write(`\r\x1b[2K${bar} ${done}/${total} ${label} (${elapsed()})`);
      },
      finish(message) {
        stream.write(`\r\x1b[2K${message ? `${message} (${elapsed()})\n` : ''}`);
      },
    };
  }
  return {
    update(done, total, label) {
      if (done < total) stream.write(`[${done + 1}/${total}] ${label} (${elapsed()})\n`);
    },
    finish(message) {
      if (message) stream.write(`${message} (${elapsed()})\n`);
    },
  };
}
