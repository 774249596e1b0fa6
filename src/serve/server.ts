// Node edge: the HTTP prediction service (Fastify). The routes only parse, call the model and format.
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import type { Model } from '../learners/types.js';
import { createModelHolder, type ModelHolder, type ReloadOutcome } from './model-holder.js';
import { type ErrorBody, RequestError } from './request-error.js';
import type { UnknownCategory } from './schema.js';
import { type LoadedModel, serveModel } from './served-model.js';

/** How to build a prediction server. */
export interface ServerOptions {
  /** The model to serve (a model file's LoadedModel also gives `GET /model` its header). */
  readonly model: Model | LoadedModel;
  /** Loads the model again for a hot swap (`reload`, `POST /admin/reload`); without it, reloading is refused. */
  readonly load?: () => Promise<LoadedModel>;
  /** Largest request body in bytes (default 1 MiB); larger ones get 413. */
  readonly bodyLimit?: number;
  /** Fastify's logger option: false (default), true, or pino options such as `{ level: 'warn' }`. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Log every request and response (two lines each); default false: start-up, reloads, shutdown and errors only. */
  readonly logRequests?: boolean;
}

/** A prediction server: the Fastify app (not yet listening) and its model, swappable. */
export interface PredictionServer {
  readonly app: FastifyInstance;
  readonly holder: ModelHolder;
  /** Reloads the model (see ModelHolder.reload) and logs the outcome. */
  reload(): Promise<ReloadOutcome>;
}

export const defaultBodyLimit = 1024 * 1024;

const routes = 'GET /health, GET /model, POST /predict, POST /admin/reload';

/**
 * The prediction service for a model:
 * - `POST /predict[?unknown=missing]`: one row object or an array of them (fields named after the
 *   model's features, any order, extras ignored, null for missing) → `{ predictions: [...] }`,
 *   plus `probabilities: [{ class: p }]` for classifiers; always arrays, one entry per row (one
 *   for a single object). An unseen category is a 400 naming the allowed levels, or with
 *   `?unknown=missing` a missing value.
 * - `GET /health` → `{ status: 'ok' }`; `GET /model` → kind, task, features, classes, spec,
 *   model-file header, input JSON schema.
 * - `POST /admin/reload` (from loopback addresses only): reloads the model file, swapping models
 *   between requests; on failure the old model keeps serving (500 with the reason).
 * Errors are JSON `{ error, message, details? }`. Call `app.listen` to serve, `app.inject` to test.
 *
 * @example
 * const { app } = createServer({ model, logger: { level: 'info' } });
 * await app.listen({ port: 8080, host: '127.0.0.1' });
 */
export function createServer(options: ServerOptions): PredictionServer {
  const loaded: LoadedModel = 'predict' in options.model ? { model: options.model } : options.model;
  const holder = createModelHolder(serveModel(loaded), options.load);
  const bodyLimit = options.bodyLimit ?? defaultBodyLimit;
  // Per-request lines (two per request) only on request: they cost about a third of the throughput.
  const logController = new LogController({ disableRequestLogging: options.logRequests !== true });
  const app = Fastify({ bodyLimit, logger: options.logger ?? false, logController });
  app.removeContentTypeParser('text/plain');

  const reload = async (): Promise<ReloadOutcome> => {
    const outcome = await holder.reload();
    const { kind, source } = outcome.served.description;
    if (outcome.status === 'reloaded') app.log.info({ kind, source }, 'model reloaded');
    else
      app.log.error(
        { err: outcome.error, kind, source },
        'model reload failed; still serving the previous model',
      );
    return outcome;
  };

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/model', async () => holder.current.description);
  app.post('/predict', async (request) => {
    const unknownCategory = unknownParam((request.query as Record<string, unknown>).unknown);
    return holder.current.predict(request.body, unknownCategory);
  });
  app.post('/admin/reload', async (request, reply) => {
    if (!isLoopback(request.ip)) {
      throw new RequestError(
        403,
        'forbidden',
        `reloading is allowed from this machine only; request from ${request.ip}`,
      );
    }
    if (!holder.reloadable) {
      throw new RequestError(
        409,
        'not_reloadable',
        'this server serves a model given in memory: there is no file to reload',
      );
    }
    const outcome = await reload();
    const { kind, source, loadedAt } = outcome.served.description;
    if (outcome.status === 'reloaded') return { status: 'reloaded', kind, source, loadedAt };
    const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    return sendError(reply, 500, {
      error: 'reload_failed',
      message: `reload failed, still serving the previous model: ${reason}`,
      details: { serving: { kind, source, loadedAt } },
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, {
      error: 'not_found',
      message: `no route ${request.method} ${request.url.split('?')[0]}; the routes are ${routes}`,
    }),
  );
  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof RequestError) {
      request.log.info({ error: error.code }, error.message);
      return sendError(reply, error.statusCode, error.toBody());
    }
    const known = frameworkError(error, bodyLimit, request.headers['content-type']);
    if (known) return sendError(reply, known.status, known.body);
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 500, {
      error: 'internal',
      message: 'internal error; the server log has the details',
    });
  });
  return { app, holder, reload };
}

function sendError(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.code(status).type('application/json').send(body);
}

function unknownParam(value: unknown): UnknownCategory {
  if (value === undefined || value === 'error') return 'error';
  if (value === 'missing') return 'missing';
  throw new RequestError(
    400,
    'invalid_query',
    `query parameter "unknown" must be "error" or "missing"; received ${JSON.stringify(value)}`,
  );
}

/** Fastify's own 4xx errors (body parsing and limits) in our words. */
function frameworkError(
  error: unknown,
  bodyLimit: number,
  contentType: string | undefined,
): { status: number; body: ErrorBody } | undefined {
  const { code, statusCode, message } = error as { code?: string; statusCode?: number; message?: string };
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        body: {
          error: 'body_too_large',
          message: `the body is larger than the limit of ${bodyLimit} bytes (stacklearn serve --body-limit)`,
          details: { limit: bodyLimit },
        },
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: {
          error: 'unsupported_media_type',
          message: `the body must be JSON with content-type application/json; received content-type ${JSON.stringify(contentType ?? '')}`,
        },
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        body: {
          error: 'empty_body',
          message: 'the body is empty; send one row object or an array of row objects',
        },
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: { error: 'invalid_json', message: 'the body is not valid JSON' } };
  }
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, body: { error: 'bad_request', message: message ?? 'bad request' } };
  }
  return undefined;
}

function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}
