import { StacklearnError } from '../../errors.js';
import type { SavedModel } from '../../learners/types.js';
import { convertContext } from './convert-model.js';
import { attr, createGraphBuilder, type OnnxPrecision, valueInfo } from './graph-builder.js';
import { encodeOnnxModel, type OnnxValueInfo } from './onnx-proto.js';

/** Options of {@link toOnnx}. */
export interface OnnxOptions {
  /** The ai.onnx operator-set version the graph declares: 13 … 21 (default 17). */
  readonly opset?: number;
  /**
   * The element type of the input, the constants and the outputs: "float32" (default; what most
   * ONNX runtimes and tools expect) or "float64" (tree decisions exactly as the library's; the
   * tree operator's own output is still float32).
   */
  readonly precision?: OnnxPrecision;
  /** Recorded as the ONNX producer_version, e.g. "0.1.0". */
  readonly producerVersion?: string;
}

const minOpset = 13;
const maxOpset = 21;
// The ai.onnx.ml version: 3 has TreeEnsembleRegressor's double-valued *_as_tensor attributes.
const mlOpset = 3;

/**
 * A fitted model as the bytes of an ONNX file (browser-safe: no Node imports). The graph takes one
 * input "X": a [N, features] tensor (float32, or float64 with `precision: "float64"`) holding the
 * rows exactly as `model.predict` takes them — the model's features in `model.info.features`
 * order, a categorical column as its level code (the index of the value in that feature's
 * `levels`), NaN for a missing value. Outputs: regression — "prediction" [N]; classification —
 * "label" [N] (int64: the class code, an index into `model.classes`; the first on ties, as
 * `model.predict`) and "probabilities" [N, classes]. The features with their levels, the classes,
 * the task and the model kind are in the file's metadata (keys "stacklearn.*"). Models that ONNX
 * cannot express, or whose conversion is not written, are refused with a StacklearnError naming
 * the kind and why (see the README's ONNX table).
 *
 * @example
 * const bytes = toOnnx(model);                       // float32, opset 17
 * const exact = toOnnx(model, { precision: 'float64' });
 */
export function toOnnx(
  model: Pick<SavedModel, 'kind' | 'info' | 'state'>,
  options: OnnxOptions = {},
): Uint8Array {
  const { opset = 17, precision = 'float32', producerVersion = '' } = options;
  if (!Number.isInteger(opset) || opset < minOpset || opset > maxOpset) {
    throw new StacklearnError(
      `toOnnx: option "opset" must be an integer from ${minOpset} to ${maxOpset}; received ${String(opset)}`,
    );
  }
  if (precision !== 'float32' && precision !== 'float64') {
    throw new StacklearnError(
      `toOnnx: option "precision" must be "float32" or "float64"; received ${JSON.stringify(precision)}`,
    );
  }
  const { info } = model;
  const graph = createGraphBuilder(precision);
  const input = valueInfo(graph, 'X', ['N', info.features.length], inputDoc(info.features.length));
  const output = convertContext(graph).convert(model, input.name);
  const outputs: OnnxValueInfo[] = [];
  if (info.task === 'regression') {
    graph.node('Reshape', [output, graph.int64([-1])], {}, { outputNames: ['prediction'] });
    outputs.push(valueInfo(graph, 'prediction', ['N'], 'the predicted value per row'));
  } else {
    const k = info.classes?.length ?? 0;
    graph.node('ArgMax', [output], { axis: attr.int(1), keepdims: attr.int(0) }, { outputNames: ['label'] });
    graph.node('Identity', [output], {}, { outputNames: ['probabilities'] });
    outputs.push({
      name: 'label',
      type: 'int64',
      shape: ['N'],
      doc: 'the class code per row: an index into the metadata "stacklearn.classes"',
    });
    outputs.push(
      valueInfo(graph, 'probabilities', ['N', k], 'one probability per class, in class-code order'),
    );
  }
  const opsets = [{ domain: '', version: opset }];
  if (graph.domains.has('ai.onnx.ml')) opsets.push({ domain: 'ai.onnx.ml', version: mlOpset });
  return encodeOnnxModel({
    irVersion: irVersionFor(opset),
    opsets,
    producerName: 'stacklearn',
    producerVersion,
    doc: `stacklearn ${model.kind} (${info.task}). ${input.doc}`,
    graph: {
      name: model.kind,
      nodes: graph.nodes,
      initializers: graph.initializers,
      inputs: [input],
      outputs,
    },
    metadata: {
      'stacklearn.kind': model.kind,
      'stacklearn.task': info.task,
      'stacklearn.features': JSON.stringify(info.features),
      ...(info.classes ? { 'stacklearn.classes': JSON.stringify(info.classes) } : {}),
      ...(info.target !== undefined ? { 'stacklearn.target': info.target } : {}),
    },
  });
}

function inputDoc(nFeatures: number): string {
  return (
    `Input X: [N, ${nFeatures}], the model's features in the order of the metadata "stacklearn.features"; ` +
    'a categorical column holds the level code (index into that feature\'s "levels"); NaN is a missing value.'
  );
}

/** The IR version of the ONNX release that introduced `opset` (runtimes check it). */
function irVersionFor(opset: number): number {
  if (opset <= 14) return 7;
  if (opset <= 18) return 8;
  if (opset <= 20) return 9;
  return 10;
}
