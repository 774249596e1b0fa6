import { StacklearnError } from '../../errors.js';

/**
 * Checks that user-given class priors have one value per class, naming the parameter and the
 * classes otherwise.
 *
 * @example
 * checkPriorCount('gaussianNB', 'priors', [0.5, 0.5], ['a', 'b']) // ok
 */
export function checkPriorCount(
  kind: string,
  name: string,
  priors: readonly number[],
  classes: readonly string[],
): void {
  if (priors.length !== classes.length) {
    throw new StacklearnError(
      `${kind}: parameter "${name}" has ${priors.length} values but the data have ${classes.length} classes ` +
        `(${classes.join(', ')}); give one prior per class, in that order`,
    );
  }
}

/**
 * The log prior of each class, as scikit-learn's discrete naive Bayes sets it: the given
 * `classPrior`, else the (weighted) class frequencies when `fitPrior`, else uniform.
 *
 * @example
 * classLogPrior('multinomialNB', Float64Array.of(3, 1), true, null, ['a', 'b']) // [log 0.75, log 0.25]
 */
export function classLogPrior(
  kind: string,
  classCount: Float64Array,
  fitPrior: boolean,
  classPrior: readonly number[] | null,
  classes: readonly string[],
): Float64Array {
  const k = classCount.length;
  if (classPrior !== null) {
    checkPriorCount(kind, 'classPrior', classPrior, classes);
    return Float64Array.from(classPrior, Math.log);
  }
  if (!fitPrior) return new Float64Array(k).fill(-Math.log(k));
  let total = 0;
  for (let c = 0; c < k; c++) total += classCount[c]!;
  const logTotal = Math.log(total);
  return classCount.map((count) => Math.log(count) - logTotal);
}
