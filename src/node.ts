// stacklearn for Node: everything of the browser-safe API plus file reading, the bundled data sets,
// model files on disk, and worker threads: importing this entry installs the worker-pool executor,
// so learners with nJobs > 1 (randomForest, extraTrees) grow their parts on worker threads.

export { type BundledDataset, bundledDatasets, loadBundled, readDataset } from './data/read-file.js';
export * from './index.js';
export { nodeExecutor, shutdownWorkers, startWorkers } from './parallel/node-executor.js';
export { writeFileAtomic } from './persist/atomic-write.js';
export { loadModel, saveModel } from './persist/model-io.js';
