import type { TransformerConverter } from './converter.js';

/** simpleImputer's state (see src/data/encoders/simple-imputer.ts). */
interface SimpleImputerState {
  /** The value (or level code) that replaces NaN, per column. */
  readonly fill: Float64Array;
}

/**
 * simpleImputer: each missing value (NaN) replaced by its column's fill value (Where(IsNaN(x), fill, x)).
 * A categorical column's fill is a level code, possibly the code of the level "constant" appended.
 *
 * @example
 * const imputed = convertSimpleImputer(step.state, 'X', graph);
 */
export const convertSimpleImputer: TransformerConverter<SimpleImputerState> = ({ fill }, input, graph) =>
  graph.op('Where', [graph.op('IsNaN', [input]), graph.constant(fill, [fill.length]), input]);
