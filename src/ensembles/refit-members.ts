import type { Model, SavedModel, TrainingData } from '../learners/types.js';
import { type EnsembleRun, fitMany } from './fit-many.js';
import { type Member, seededSpec } from './members.js';
import { savedMember } from './saved-member.js';

/**
 * The members of positive weight (all when `weights` is null) fitted on all rows — a randomised
 * member m with the seed deriveSeed(run.seed, m, 'all') unless it sets one — and prefitted members as
 * they are, as saved models by name.
 *
 * @example
 * const models = await refitMembers(run, members, weights, data);
 */
export async function refitMembers(
  run: EnsembleRun,
  members: readonly Member[],
  weights: ArrayLike<number> | null,
  data: TrainingData,
): Promise<Map<string, SavedModel>> {
  const kept = members.filter((_, m) => weights === null || weights[m]! > 0);
  const toFit = kept.filter((member) => !member.prefitted);
  const fitted = await fitMany(
    run,
    data,
    toFit.map((member) => ({
      label: `member "${member.name}", all rows`,
      spec: seededSpec(member.spec, run.seed, member.name, 'all'),
    })),
  );
  const out = new Map<string, SavedModel>();
  for (const member of kept) {
    const model: Model = member.prefitted ?? fitted[toFit.indexOf(member)]!;
    out.set(member.name, savedMember(model));
  }
  return out;
}
