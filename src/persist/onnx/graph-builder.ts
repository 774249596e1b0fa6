import type { OnnxAttribute, OnnxNode, OnnxTensor, OnnxValueInfo } from './onnx-proto.js';

/** The element type of the exported model's numbers: its input, constants and outputs. */
export type OnnxPrecision = 'float32' | 'float64';

export type Attributes = Readonly<Record<string, OnnxAttribute>>;

/** Shorthands for node attributes. */
export const attr = {
  int: (value: number): OnnxAttribute => ({ type: 'int', value }),
  float: (value: number): OnnxAttribute => ({ type: 'float', value }),
  string: (value: string): OnnxAttribute => ({ type: 'string', value }),
  ints: (value: ArrayLike<number>): OnnxAttribute => ({ type: 'ints', value }),
  floats: (value: ArrayLike<number>): OnnxAttribute => ({ type: 'floats', value }),
  strings: (value: readonly string[]): OnnxAttribute => ({ type: 'strings', value }),
  tensor: (value: OnnxTensor): OnnxAttribute => ({ type: 'tensor', value }),
} as const;

/** The graph under construction: converters add nodes and constants and pass tensor names along. */
export interface GraphBuilder {
  readonly precision: OnnxPrecision;
  /** The ONNX element type of `precision`: 'float' or 'double'. */
  readonly elementType: 'float' | 'double';
  /** Adds a node with `nOutputs` fresh outputs (or the given `outputNames`) and returns their names. */
  node(
    opType: string,
    inputs: readonly string[],
    attributes?: Attributes,
    options?: {
      readonly domain?: string;
      readonly nOutputs?: number;
      readonly outputNames?: readonly string[];
    },
  ): string[];
  /** Adds a single-output node of the standard domain and returns its output's name. */
  op(opType: string, inputs: readonly string[], attributes?: Attributes): string;
  /** A constant tensor of the model's element type (an initializer). */
  constant(values: ArrayLike<number>, dims: readonly number[]): string;
  /** A constant int64 tensor (indices, axes, shapes). */
  int64(values: ArrayLike<number>, dims?: readonly number[]): string;
  /** A constant bool tensor (masks). */
  bool(values: ArrayLike<number>, dims?: readonly number[]): string;
  /** Casts a tensor to the model's element type. */
  castToModel(input: string): string;
  readonly nodes: readonly OnnxNode[];
  readonly initializers: readonly OnnxTensor[];
  /** The operator-set domains the nodes use, besides the standard one. */
  readonly domains: ReadonlySet<string>;
}

/** ONNX TensorProto.DataType codes, for Cast's `to`. */
export const castTo = { float: 1, int64: 7, bool: 9, double: 11 } as const;

/**
 * An empty graph whose numbers are `precision` floats. Tensor and node names are generated
 * (`Gemm_3`, `c_4`), so converters never clash however deeply models nest.
 *
 * @example
 * const g = createGraphBuilder('float32');
 * const y = g.op('Add', ['X', g.constant([1, 2], [2])]);
 */
export function createGraphBuilder(precision: OnnxPrecision): GraphBuilder {
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  const domains = new Set<string>();
  let counter = 0;
  const elementType = precision === 'float32' ? 'float' : 'double';
  const addConstant = (type: OnnxTensor['type'], values: ArrayLike<number>, dims: readonly number[]) => {
    const name = `c_${counter++}`;
    initializers.push({ name, type, dims, values });
    return name;
  };
  const builder: GraphBuilder = {
    precision,
    elementType,
    node(opType, inputs, attributes = {}, options = {}) {
      const id = counter++;
      const outputs =
        options.outputNames?.slice() ??
        Array.from({ length: options.nOutputs ?? 1 }, (_, o) => `${opType}_${id}_${o}`);
      const domain = options.domain ?? '';
      if (domain) domains.add(domain);
      nodes.push({ opType, domain, name: `${opType}_${id}`, inputs, outputs, attributes });
      return outputs;
    },
    op(opType, inputs, attributes) {
      return builder.node(opType, inputs, attributes)[0]!;
    },
    constant(values, dims) {
      return addConstant(elementType, values, dims);
    },
    int64(values, dims = [values.length]) {
      return addConstant('int64', values, dims);
    },
    bool(values, dims = [values.length]) {
      // ONNX has no bool initializer form we write; an int64 tensor cast to bool is equivalent.
      return builder.op('Cast', [addConstant('int64', values, dims)], { to: attr.int(castTo.bool) });
    },
    castToModel(input) {
      return builder.op('Cast', [input], { to: attr.int(castTo[elementType]) });
    },
    nodes,
    initializers,
    domains,
  };
  return builder;
}

/** A graph input or output of the model's element type. */
export function valueInfo(
  graph: GraphBuilder,
  name: string,
  shape: readonly (number | string)[],
  doc?: string,
): OnnxValueInfo {
  return { name, type: graph.elementType, shape, ...(doc ? { doc } : {}) };
}
