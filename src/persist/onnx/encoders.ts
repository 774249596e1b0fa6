import type { TransformerConverter } from './converter.js';
import { attr, castTo } from './graph-builder.js';

/** oneHotEncoder's state (see src/data/encoders/one-hot-encoder.ts). */
interface OneHotEncoderState {
  /** Levels per input column; -1 marks a numeric column. */
  readonly nLevels: Int32Array;
  /** 1 where the first level's indicator is dropped. */
  readonly dropFirst: Uint8Array;
}

/**
 * oneHotEncoder on level codes: every output column gathers its input column, then indicator
 * columns compare it with their level code (Equal, exact on integer codes) and numeric columns
 * keep it — four nodes however many columns. ONNX cannot raise an error, so an unknown code or a
 * missing value gives a row of zeros in its column's indicators (handleUnknown "ignore"), where the
 * library with handleUnknown "error" refuses the row.
 *
 * @example
 * const encoded = convertOneHotEncoder(step.state, 'X', graph);
 */
export const convertOneHotEncoder: TransformerConverter<OneHotEncoderState> = (
  { nLevels, dropFirst },
  input,
  graph,
) => {
  const source: number[] = [];
  const level: number[] = [];
  const isIndicator: number[] = [];
  for (let j = 0; j < nLevels.length; j++) {
    const k = nLevels[j]!;
    if (k < 0) {
      source.push(j);
      level.push(0);
      isIndicator.push(0);
      continue;
    }
    for (let c = dropFirst[j]!; c < k; c++) {
      source.push(j);
      level.push(c);
      isIndicator.push(1);
    }
  }
  const width = source.length;
  const gathered = graph.op('Gather', [input, graph.int64(source)], { axis: attr.int(1) });
  const equal = graph.op('Equal', [gathered, graph.constant(level, [width])]);
  const indicators = graph.op('Cast', [equal], { to: attr.int(castTo[graph.elementType]) });
  return graph.op('Where', [graph.bool(isIndicator), indicators, gathered]);
};

/** ordinalEncoder's state (see src/data/encoders/ordinal-encoder.ts). */
interface OrdinalEncoderState {
  readonly nLevels: Int32Array;
  /** NaN when unknown codes are an error. */
  readonly unknownValue: number;
}

/**
 * ordinalEncoder: level codes pass through as numbers. With handleUnknown "use_encoded_value", a
 * categorical value that is not a code 0 … k−1 (nor missing) becomes unknownValue: valid =
 * lo ≤ x < hi and (x integer or numeric column), with lo = −∞ and hi = +∞ for numeric columns.
 * With handleUnknown "error" the values pass through unchanged (ONNX cannot raise an error).
 *
 * @example
 * const encoded = convertOrdinalEncoder(step.state, 'X', graph);
 */
export const convertOrdinalEncoder: TransformerConverter<OrdinalEncoderState> = (
  { nLevels, unknownValue },
  input,
  graph,
) => {
  if (Number.isNaN(unknownValue) || !nLevels.some((k) => k >= 0)) return graph.op('Identity', [input]);
  const n = nLevels.length;
  const numeric = Array.from(nLevels, (k) => (k < 0 ? 1 : 0));
  const lo = graph.constant(
    Array.from(nLevels, (k) => (k < 0 ? Number.NEGATIVE_INFINITY : 0)),
    [n],
  );
  const hi = graph.constant(
    Array.from(nLevels, (k) => (k < 0 ? Number.POSITIVE_INFINITY : k)),
    [n],
  );
  const inRange = graph.op('And', [graph.op('GreaterOrEqual', [input, lo]), graph.op('Less', [input, hi])]);
  const integer = graph.op('Or', [
    graph.op('Equal', [graph.op('Floor', [input]), input]),
    graph.bool(numeric),
  ]);
  const invalid = graph.op('Not', [graph.op('And', [inRange, integer])]);
  const replace = graph.op('And', [invalid, graph.op('Not', [graph.op('IsNaN', [input])])]);
  return graph.op('Where', [replace, graph.constant([unknownValue], [1]), input]);
};
