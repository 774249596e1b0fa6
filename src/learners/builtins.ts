// Registers every built-in learner and transformer. Importing the package index runs this once.
import { dummy } from './dummy.js';
import { pipeline } from './pipeline.js';
import { registerLearner } from './registry.js';

registerLearner(dummy);
registerLearner(pipeline);
