import { Command, InvalidArgumentError } from 'commander';
import { StacklearnError } from '../errors.js';
import { loadModelFile } from '../serve/load-model-file.js';
import { createServer, defaultBodyLimit } from '../serve/server.js';
import { oneOf, parseInteger } from './parse-flags.js';

interface ServeFlags {
  model: string;
  port: number;
  host: string;
  bodyLimit: number;
  logLevel: string;
  logRequests?: boolean;
  shutdownTimeout: number;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * `stacklearn serve`: the HTTP prediction service for a model file (see createServer for the
 * routes). Logs are JSON lines on stdout (per request only with --log-requests). SIGHUP reloads the model
 * file (as `POST /admin/reload` from this machine does); SIGTERM / SIGINT stop accepting
 * connections, let requests in flight finish, and exit 0.
 */
export function serveCommand(): Command {
  return new Command('serve')
    .description('serve a model file over HTTP: POST /predict, GET /model, GET /health')
    .requiredOption('-m, --model <file>', 'the model file (stacklearn fit --out)')
    .option('-p, --port <n>', 'TCP port; 0 picks a free one (logged)', parsePort, 8080)
    .option('--host <address>', 'address to listen on (0.0.0.0: every interface)', '127.0.0.1')
    .option(
      '--body-limit <size>',
      'largest request body: bytes, or with a unit (512kb, 1mb)',
      parseByteSize,
      defaultBodyLimit,
    )
    .option('--log-level <level>', `log level: ${logLevels.join(', ')}`, oneOf(...logLevels), 'info')
    .option(
      '--log-requests',
      'also log every request and response (two JSON lines each; costs about half the throughput)',
    )
    .option(
      '--shutdown-timeout <ms>',
      'on SIGTERM, wait this long for requests in flight, then exit 1',
      parseInteger,
      10_000,
    )
    .addHelpText(
      'after',
      '\nRoutes: POST /predict[?unknown=missing] (one row object or an array of them → { predictions,\n' +
        '  probabilities }), GET /model, GET /health, POST /admin/reload (from this machine only).\n' +
        'Logs: JSON lines on stdout: start-up, reloads, shutdown and errors; --log-requests adds two per request.\n' +
        'SIGHUP reloads the model file; SIGTERM / SIGINT finish the requests in flight and exit 0.\n' +
        '\nExamples:\n  stacklearn serve --model cars.slm --port 8080\n' +
        `  curl -s localhost:8080/predict -H 'content-type: application/json' \\\n` +
        `    -d '{"Cylinders":8,"Displacement":307,"Horsepower":130,"Weight_in_lbs":3504,"Acceleration":12,"Year":1970,"Origin":"USA"}'\n` +
        '  kill -HUP <pid>   # reload the model file after replacing it\n',
    )
    .action(async (flags: ServeFlags) => {
      const path = flags.model;
      const loaded = await loadModelFile(path);
      const server = createServer({
        model: loaded,
        load: () => loadModelFile(path),
        bodyLimit: flags.bodyLimit,
        logger: { level: flags.logLevel },
        logRequests: flags.logRequests === true,
      });
      const { app } = server;
      let address: string;
      try {
        address = await app.listen({ port: flags.port, host: flags.host });
      } catch (error) {
        const { code, message } = error as NodeJS.ErrnoException;
        throw new StacklearnError(
          code === 'EADDRINUSE'
            ? `cannot listen on ${flags.host}:${flags.port}: the port is in use (--port 0 picks a free one)`
            : `cannot listen on ${flags.host}:${flags.port}: ${message}`,
        );
      }
      const { kind, task } = loaded.model;
      app.log.info({ address, model: path, kind, task }, `serving ${kind} from ${path} at ${address}`);
      const onHangup = (): void => void server.reload();
      process.on('SIGHUP', onHangup);
      const stop = (signal: string): void => {
        process.off('SIGHUP', onHangup);
        app.log.info({ signal }, 'shutting down: finishing requests in flight');
        const timer = setTimeout(() => {
          app.log.error(
            { timeoutMs: flags.shutdownTimeout },
            'requests still in flight at the shutdown timeout',
          );
          process.exit(1);
        }, flags.shutdownTimeout);
        timer.unref();
        app.close().then(
          () => app.log.info('stopped'),
          (error: unknown) => {
            app.log.error({ err: error }, 'error while shutting down');
            process.exitCode = 1;
          },
        );
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
}

function parsePort(value: string): number {
  const port = parseInteger(value);
  if (port > 65535) throw new InvalidArgumentError(`expected a port from 0 to 65535, received "${value}"`);
  return port;
}

const units: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** A size such as "1mb", "512kb" or "4096" in bytes (units are powers of 1024). */
export function parseByteSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = units[match?.[2]?.toLowerCase() ?? 'none'];
  const bytes = match && unit !== undefined ? Math.floor(Number(match[1]) * unit) : Number.NaN;
  if (!(bytes >= 1)) {
    throw new InvalidArgumentError(`expected a size such as 4096, 512kb or 1mb, received "${value}"`);
  }
  return bytes;
}
