import { type ParamDef, types } from '../learners/params.js';
import type { Spec } from '../learners/types.js';
import type { MemberSpecs } from './members.js';
import { cvType, type EnsembleCv } from './shared-folds.js';

/** `estimators`: the named member specs of an ensemble. */
export const estimatorsParam: ParamDef<MemberSpecs> = {
  type: types.anyOf({ type: 'object' }, { type: 'array', items: { type: 'array' } }),
  default: {},
  doc: 'the members: { name: spec, … } (key order is member order) or [[name, spec], …]',
};

/** `cv`: the folds all members share. */
export const cvParam: ParamDef<EnsembleCv> = {
  type: cvType,
  default: 5,
  doc:
    'folds shared by all members: k (shuffled, stratified for classification), a splitter spec ' +
    '({ kind: "kFold", nSplits: 5 }) or { kind: "holdout", testSize: 0.2 }',
};

/** `seed`: folds and the seeds of randomised members derive from it. */
export const seedParam: ParamDef<number> = {
  type: types.seed(),
  default: 0,
  doc: 'seed of the folds and of randomised members that set no seed of their own',
};

/** `finalEstimator` / a combiner spec: null means the task's default. */
export const finalEstimatorParam: ParamDef<Spec | null> = {
  type: types.nullable({ type: 'object' }),
  default: null,
  doc: "the learner fitted on the members' out-of-fold outputs; null: ridge (regression) or logisticRegression",
};

/** `nJobs`: fits run at once on worker threads. */
export const nJobsParam: ParamDef<number | null> = {
  type: types.nullable(types.int(1)),
  default: null,
  doc: "member fits run at once on worker threads (Node, with stacklearn/node); null or 1: in the calling thread (null uses the fit's executor if given)",
};
