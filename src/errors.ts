/**
 * The one error type stacklearn throws for bad input: it names the parameter, row or column,
 * what was expected and what was received.
 *
 * @example
 * try { await fit({ kind: 'knn', nNeighbors: 0 }, data) } catch (e) { if (e instanceof StacklearnError) console.error(e.message) }
 */
export class StacklearnError extends Error {
  override readonly name = 'StacklearnError';
}

/** Throws a StacklearnError when `condition` is false. */
export function check(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new StacklearnError(typeof message === 'string' ? message : message());
}
