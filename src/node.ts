// stacklearn for Node: everything of the browser-safe API plus file reading, the bundled data sets
// and model files on disk.

export { type BundledDataset, bundledDatasets, loadBundled, readDataset } from './data/read-file.js';
export * from './index.js';
export { writeFileAtomic } from './persist/atomic-write.js';
export { loadModel, saveModel } from './persist/model-io.js';
