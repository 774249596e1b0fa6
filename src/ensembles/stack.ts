import { takeRows, takeValues } from '../data/matrix.js';
import { StacklearnError } from '../errors.js';
import { checkedRowPathOf } from '../learners/compile.js';
import { restoreModel } from '../learners/fit.js';
import type {
  FitContext,
  ModelInfo,
  PredictFn,
  RowPredictFn,
  SavedModel,
  Spec,
  TrainingData,
} from '../learners/types.js';
import { averageOutputs } from './combine.js';
import { combinerFolds, crossValidateCombiner } from './combiner-folds.js';
import { type EnsembleDiagnostics, outputDiagnostics } from './diagnostics.js';
import { fitMany } from './fit-many.js';
import { type MemberSpecs, resolveMember, resolveMembers, seededSpec } from './members.js';
import {
  buildMeta,
  type MetaColumns,
  metaColumns,
  metaFeatures,
  passthroughColumns,
  type StackMethod,
} from './meta-features.js';
import { modelOutputs, outputWidth } from './model-outputs.js';
import { outOfFold } from './out-of-fold.js';
import { refitMembers } from './refit-members.js';
import { scatterRows } from './row-values.js';
import { savedMember } from './saved-member.js';
import { type EnsembleCv, sharedFolds } from './shared-folds.js';

/** What stacking and blending share. */
export interface StackOptions {
  readonly estimators: MemberSpecs;
  readonly finalEstimator: Spec | null;
  readonly cv: EnsembleCv;
  readonly stackMethod: StackMethod;
  readonly passthrough: boolean | readonly string[];
  /** "full": members refitted on all rows; "foldAverage": their fold models, averaged. */
  readonly refit: 'full' | 'foldAverage';
  readonly seed: number;
  readonly nJobs: number | null;
}

/** A member of a fitted stack: one model, or its fold models whose outputs are averaged. */
interface StackMember {
  readonly name: string;
  readonly models: readonly SavedModel[];
  readonly meta: MetaColumns;
}

/** The state of a stacking or blending model. */
export interface StackState {
  readonly members: readonly StackMember[];
  /** Raw feature columns appended to the meta-features. */
  readonly passthrough: Uint32Array;
  readonly finalEstimator: SavedModel;
  readonly diagnostics: EnsembleDiagnostics;
}

/**
 * Fits a stack: every member's out-of-fold outputs on the shared folds (a holdout for blending)
 * become the meta-features the final estimator learns from — never in-sample predictions, which
 * would reward members that memorise the training rows. Then the members are refitted on all rows
 * (or their fold models kept). Diagnostics: the final estimator is cross-validated on the meta
 * data with the same folds (for a holdout, folds of the held-out rows).
 *
 * @example
 * const state = await fitStack('stacking', options, data, context);
 */
export async function fitStack(
  owner: string,
  options: StackOptions,
  data: TrainingData,
  context: FitContext,
): Promise<StackState> {
  const { seed } = options;
  const run = { owner, seed, nJobs: options.nJobs, context };
  const members = resolveMembers(owner, 'estimators', options.estimators, data);
  const finalSpec = options.finalEstimator ?? {
    kind: data.task === 'regression' ? 'ridge' : 'logisticRegression',
  };
  if (finalSpec.kind === 'prefitted') {
    throw new StacklearnError(
      `${owner}: parameter "finalEstimator" cannot be prefitted: it learns from the members' outputs`,
    );
  }
  resolveMember(owner, 'parameter "finalEstimator"', 'finalEstimator', finalSpec, data);
  const meta = metaColumns(owner, options.stackMethod, data);
  const passthrough = passthroughColumns(owner, options.passthrough, data.features);
  const shared = sharedFolds(owner, options.cv, data, seed);
  const oof = await outOfFold(run, members, data, shared);

  const width = outputWidth(data);
  const names = members.map((m) => m.name);
  const metas = members.map(() => meta);
  const { covered } = shared;
  const metaData: TrainingData = {
    ...data,
    X: buildMeta(oof.outputs, width, metas, data.X, passthrough, covered),
    features: metaFeatures(names, metas, data, passthrough),
    y: takeValues(data.y, covered),
    sampleWeight: data.sampleWeight ? takeValues(data.sampleWeight, covered) : undefined,
    groups: data.groups ? takeValues(data.groups, covered) : undefined,
  } as TrainingData;
  const [finalModel] = await fitMany(run, metaData, [
    { label: 'finalEstimator', spec: seededSpec(finalSpec, seed, 'finalEstimator', 'all') },
  ]);

  // The stack's own out-of-sample score: the final estimator cross-validated on the meta data.
  const folds = combinerFolds(shared, data, seed);
  let ensemble: Float64Array | null = null;
  if (folds) {
    const finals = await fitMany(
      run,
      metaData,
      folds.map((fold, f) => ({
        label: `finalEstimator, fold ${f}`,
        spec: seededSpec(finalSpec, seed, 'finalEstimator', f),
        rows: fold.train,
      })),
    );
    const predicted = await crossValidateCombiner(folds, covered.length, width, (_, test, f) =>
      modelOutputs(finals[f]!, takeRows(metaData.X, test)),
    );
    ensemble = scatterRows(predicted, covered, width, data.y.length);
  }
  const diagnostics = outputDiagnostics(
    data,
    names,
    oof.outputs,
    ensemble,
    shared.source,
    ensemble
      ? 'the final estimator cross-validated on the out-of-fold meta-features (same folds; a holdout: folds of the held-out rows)'
      : 'none: too few held-out rows to cross-validate the final estimator',
  );

  const refitted = options.refit === 'full' ? await refitMembers(run, members, null, data) : null;
  return {
    members: members.map((member, m) => ({
      name: member.name,
      models: refitted
        ? [refitted.get(member.name)!]
        : member.prefitted
          ? [savedMember(member.prefitted)]
          : oof.foldModels[m]!.map(savedMember),
      meta,
    })),
    passthrough,
    finalEstimator: savedMember(finalModel!),
    diagnostics,
  };
}

/**
 * The prediction function of a stack: members' outputs (fold models averaged), meta-features,
 * then the final estimator's output.
 *
 * @example
 * const predict = stackPredictor(state, info);
 */
export function stackPredictor(state: StackState, info: ModelInfo): PredictFn {
  const members = state.members.map((member) => member.models.map(restoreModel));
  const final = restoreModel(state.finalEstimator);
  const width = info.task === 'regression' ? 1 : (info.classes?.length ?? 0);
  const metas = state.members.map((member) => member.meta);
  return (X) => {
    const outputs = members.map((models) => {
      const each = models.map((model) => modelOutputs(model, X));
      return each.length === 1 ? each[0]! : averageOutputs(each, new Float64Array(each.length).fill(1));
    });
    return modelOutputs(final, buildMeta(outputs, width, metas, X, state.passthrough, null));
  };
}

/**
 * The row path of a stack (see LearnerDef.rowPredictor): the members' (fold models') row paths into
 * preallocated outputs, the meta-features into a preallocated row, then the final estimator's row
 * path — the same values and errors as stackPredictor. Undefined when a model has no row path.
 *
 * @example
 * const predictRow = stackRowPredictor(state, info); // used by compileRowPredictor
 */
export function stackRowPredictor(state: StackState, info: ModelInfo): RowPredictFn | undefined {
  const final = checkedRowPathOf(state.finalEstimator);
  if (final === undefined) return undefined;
  const width = info.task === 'regression' ? 1 : (info.classes?.length ?? 0);
  const members: { paths: RowPredictFn[]; outputs: Float64Array[]; mean: Float64Array; meta: MetaColumns }[] =
    [];
  let cols = state.passthrough.length;
  for (const member of state.members) {
    const paths: RowPredictFn[] = [];
    for (const model of member.models) {
      const path = checkedRowPathOf(model, true);
      if (path === undefined) return undefined;
      paths.push(path);
    }
    const outputs = paths.map(() => new Float64Array(width));
    members.push({ paths, outputs, mean: new Float64Array(width), meta: member.meta });
    cols += member.meta.kind === 'proba' ? member.meta.columns.length : 1;
  }
  const metaRow = new Float64Array(cols);
  const { passthrough } = state;
  return (row, out) => {
    let o = 0;
    for (let m = 0; m < members.length; m++) {
      const { paths, outputs, mean, meta } = members[m]!;
      for (let f = 0; f < paths.length; f++) paths[f]!(row, outputs[f]!);
      const output = paths.length === 1 ? outputs[0]! : averageRow(outputs, mean);
      if (meta.kind === 'value') metaRow[o++] = output[0]!;
      else if (meta.kind === 'proba') {
        const { columns } = meta;
        for (let c = 0; c < columns.length; c++) metaRow[o++] = output[columns[c]!]!;
      } else {
        let best = 0;
        for (let c = 1; c < width; c++) if (output[c]! > output[best]!) best = c;
        metaRow[o++] = best;
      }
    }
    for (let p = 0; p < passthrough.length; p++) metaRow[o++] = row[passthrough[p]!]!;
    final(metaRow, out);
  };
}

/** averageOutputs with weights 1, into `out`: the same arithmetic, so the same values. */
function averageRow(outputs: readonly Float64Array[], out: Float64Array): Float64Array {
  out.fill(0);
  for (let f = 0; f < outputs.length; f++) {
    const o = outputs[f]!;
    for (let c = 0; c < out.length; c++) out[c] = out[c]! + 1 * o[c]!;
  }
  for (let c = 0; c < out.length; c++) out[c] = out[c]! / outputs.length;
  return out;
}
