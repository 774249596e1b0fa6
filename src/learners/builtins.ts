// Registers every built-in learner and transformer. Importing the package index runs this once.
import { oneHotEncoder } from '../data/encoders/one-hot-encoder.js';
import { ordinalEncoder } from '../data/encoders/ordinal-encoder.js';
import { simpleImputer } from '../data/encoders/simple-imputer.js';
import { standardScaler } from '../data/encoders/standard-scaler.js';
import { decisionTree } from './decision-tree.js';
import { dummy } from './dummy.js';
import { knn } from './knn.js';
import { linearRegression } from './linear-regression.js';
import { logisticRegression } from './logistic-regression.js';
import { pipeline } from './pipeline.js';
import { registerLearner, registerTransformer } from './registry.js';
import { ridge } from './ridge.js';
import { sgdRegressor } from './sgd-regressor.js';

registerLearner(dummy);
registerLearner(pipeline);
registerLearner(knn);
registerLearner(decisionTree);
registerLearner(linearRegression);
registerLearner(ridge);
registerLearner(sgdRegressor);
registerLearner(logisticRegression);
registerTransformer(simpleImputer);
registerTransformer(oneHotEncoder);
registerTransformer(ordinalEncoder);
registerTransformer(standardScaler);
