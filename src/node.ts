// stacklearn for Node: everything of the browser-safe API plus file reading and the bundled data sets.

export { type BundledDataset, bundledDatasets, loadBundled, readDataset } from './data/read-file.js';
export * from './index.js';
