// stacklearn/serve: the HTTP prediction service as a library (Fastify; Node only).

export { loadModelFile } from './load-model-file.js';
export { createModelHolder } from './model-holder.js';
export { createServer, defaultBodyLimit, type PredictionServer, type ServerOptions } from './server.js';
