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
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastLabel = '';
  if (stream.isTTY) {
    return {
      update(done, total, label) {
        // Redraw at most ten times a second.
        const now = performance.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
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
      // A plain line when the step changes, or every two seconds within a long step.
      const now = performance.now();
      if (done >= total || (label === lastLabel && now - lastDraw < 2000)) return;
      lastDraw = now;
      lastLabel = label;
      stream.write(`[${Math.floor(done) + 1}/${total}] ${label} (${elapsed()})\n`);
    },
    finish(message) {
      if (message) stream.write(`${message} (${elapsed()})\n`);
    },
  };
}
