import { createProtoWriter, type ProtoWriter } from './protobuf-writer.js';

/** Element types of the tensors we write, with their ONNX TensorProto.DataType codes. */
export const elementTypes = { float: 1, int64: 7, string: 8, bool: 9, double: 11 } as const;
export type ElementType = keyof typeof elementTypes;

/** A constant tensor (an initializer, or a tensor-valued attribute). */
export interface OnnxTensor {
  readonly name: string;
  readonly type: 'float' | 'double' | 'int64';
  readonly dims: readonly number[];
  readonly values: ArrayLike<number>;
}

/** A node attribute, tagged with its ONNX AttributeType. */
export type OnnxAttribute =
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'tensor'; readonly value: OnnxTensor }
  | { readonly type: 'floats'; readonly value: ArrayLike<number> }
  | { readonly type: 'ints'; readonly value: ArrayLike<number> }
  | { readonly type: 'strings'; readonly value: readonly string[] };

export interface OnnxNode {
  readonly opType: string;
  /** '' (or absent) for the standard ai.onnx operators; 'ai.onnx.ml' for the classical-ML ones. */
  readonly domain?: string;
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: Readonly<Record<string, OnnxAttribute>>;
}

/** A graph input or output: a tensor of an element type; a string dimension is symbolic (e.g. 'N'). */
export interface OnnxValueInfo {
  readonly name: string;
  readonly type: ElementType;
  readonly shape: readonly (number | string)[];
  readonly doc?: string;
}

export interface OnnxGraph {
  readonly name: string;
  readonly nodes: readonly OnnxNode[];
  readonly initializers: readonly OnnxTensor[];
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
}

export interface OnnxModel {
  readonly irVersion: number;
  readonly opsets: readonly { readonly domain: string; readonly version: number }[];
  readonly producerName: string;
  readonly producerVersion: string;
  readonly doc: string;
  readonly graph: OnnxGraph;
  /** ModelProto.metadata_props: key → value. */
  readonly metadata: Readonly<Record<string, string>>;
}

const attributeTypes = { float: 1, int: 2, string: 3, tensor: 4, floats: 6, ints: 7, strings: 8 } as const;

/**
 * The bytes of an ONNX ModelProto (the `.onnx` file format), for the subset of fields we use.
 * Field numbers are those of onnx/onnx.proto.
 *
 * @example
 * const bytes = encodeOnnxModel({ irVersion: 8, opsets: [{ domain: '', version: 17 }], ..., graph });
 */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const w = createProtoWriter();
  w.varint(1, model.irVersion);
  w.string(2, model.producerName);
  w.string(3, model.producerVersion);
  if (model.doc) w.string(6, model.doc);
  w.message(7, (g) => writeGraph(g, model.graph));
  for (const { domain, version } of model.opsets) {
    w.message(8, (o) => {
      if (domain) o.string(1, domain);
      o.varint(2, version);
    });
  }
  for (const [key, value] of Object.entries(model.metadata)) {
    w.message(14, (entry) => entry.string(1, key).string(2, value));
  }
  return w.finish();
}

function writeGraph(w: ProtoWriter, graph: OnnxGraph): void {
  for (const node of graph.nodes) w.message(1, (n) => writeNode(n, node));
  w.string(2, graph.name);
  for (const tensor of graph.initializers) w.message(5, (t) => writeTensor(t, tensor));
  for (const input of graph.inputs) w.message(11, (v) => writeValueInfo(v, input));
  for (const output of graph.outputs) w.message(12, (v) => writeValueInfo(v, output));
}

function writeNode(w: ProtoWriter, node: OnnxNode): void {
  for (const input of node.inputs) w.string(1, input);
  for (const output of node.outputs) w.string(2, output);
  w.string(3, node.name);
  w.string(4, node.opType);
  for (const [name, attribute] of Object.entries(node.attributes)) {
    w.message(5, (a) => writeAttribute(a, name, attribute));
  }
  if (node.domain) w.string(7, node.domain);
}

function writeAttribute(w: ProtoWriter, name: string, attribute: OnnxAttribute): void {
  w.string(1, name);
  switch (attribute.type) {
    case 'float':
      w.float(2, attribute.value);
      break;
    case 'int':
      w.varint(3, attribute.value);
      break;
    case 'string':
      w.string(4, attribute.value);
      break;
    case 'tensor':
      w.message(5, (t) => writeTensor(t, attribute.value));
      break;
    case 'floats':
      w.packedFloats(7, attribute.value);
      break;
    case 'ints':
      w.packedVarints(8, attribute.value);
      break;
    case 'strings':
      for (const s of attribute.value) w.string(9, s);
      break;
  }
  w.varint(20, attributeTypes[attribute.type]);
}

function writeTensor(w: ProtoWriter, tensor: OnnxTensor): void {
  w.packedVarints(1, tensor.dims);
  w.varint(2, elementTypes[tensor.type]);
  if (tensor.type === 'int64') w.packedVarints(7, tensor.values);
  else if (tensor.type === 'float') w.packedFloats(4, tensor.values);
  else w.packedDoubles(10, tensor.values);
  if (tensor.name) w.string(8, tensor.name);
}

function writeValueInfo(w: ProtoWriter, info: OnnxValueInfo): void {
  w.string(1, info.name);
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.varint(1, elementTypes[info.type]);
      tensor.message(2, (shape) => {
        for (const dim of info.shape) {
          shape.message(1, (d) => (typeof dim === 'number' ? d.varint(1, dim) : d.string(2, dim)));
        }
      });
    }),
  );
  if (info.doc) w.string(3, info.doc);
}
