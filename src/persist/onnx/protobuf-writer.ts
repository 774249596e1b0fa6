/** Writes protocol-buffers fields; every method returns the writer, so calls chain. */
export interface ProtoWriter {
  /** A varint field (int32, int64, enum, bool); a negative number as 64-bit two's complement, as protobuf does. */
  varint(field: number, value: number): ProtoWriter;
  /** A float (32-bit) field. */
  float(field: number, value: number): ProtoWriter;
  /** A length-delimited bytes field. */
  bytes(field: number, value: Uint8Array): ProtoWriter;
  /** A UTF-8 string field. */
  string(field: number, value: string): ProtoWriter;
  /** A nested message field, filled by `write`. */
  message(field: number, write: (inner: ProtoWriter) => void): ProtoWriter;
  /** A packed repeated varint field (int64s, int32s). */
  packedVarints(field: number, values: ArrayLike<number>): ProtoWriter;
  /** A packed repeated float (32-bit) field. */
  packedFloats(field: number, values: ArrayLike<number>): ProtoWriter;
  /** A packed repeated double field. */
  packedDoubles(field: number, values: ArrayLike<number>): ProtoWriter;
  /** The bytes written so far. */
  finish(): Uint8Array;
}

/**
 * A minimal protocol-buffers writer for the wire types ONNX files use (varint, length-delimited,
 * 32-bit; packed repeated numbers; nested messages). Browser-safe: bytes go into a growable
 * Uint8Array, numbers little-endian through a DataView, strings through TextEncoder. Fields are
 * written in call order. A nested message is written into its own writer, then copied in after its
 * length, which protobuf needs first.
 *
 * @example
 * const bytes = createProtoWriter()
 *   .varint(1, 8)
 *   .string(2, 'stacklearn')
 *   .message(7, (graph) => graph.string(2, 'main'))
 *   .finish();
 */
export function createProtoWriter(): ProtoWriter {
  const sink = byteSink();
  const tag = (field: number, wireType: number): void => sink.varint(field * 8 + wireType);
  const writer: ProtoWriter = {
    varint(field, value) {
      tag(field, 0);
      sink.varint(value);
      return writer;
    },
    float(field, value) {
      tag(field, 5);
      sink.float32(value);
      return writer;
    },
    bytes(field, value) {
      tag(field, 2);
      sink.varint(value.length);
      sink.append(value);
      return writer;
    },
    string(field, value) {
      return writer.bytes(field, utf8.encode(value));
    },
    message(field, write) {
      const inner = createProtoWriter();
      write(inner);
      return writer.bytes(field, inner.finish());
    },
    packedVarints(field, values) {
      const inner = byteSink();
      for (let i = 0; i < values.length; i++) inner.varint(values[i]!);
      return writer.bytes(field, inner.finish());
    },
    packedFloats(field, values) {
      const inner = byteSink();
      for (let i = 0; i < values.length; i++) inner.float32(values[i]!);
      return writer.bytes(field, inner.finish());
    },
    packedDoubles(field, values) {
      const inner = byteSink();
      for (let i = 0; i < values.length; i++) inner.float64(values[i]!);
      return writer.bytes(field, inner.finish());
    },
    finish: () => sink.finish(),
  };
  return writer;
}

const utf8 = new TextEncoder();

interface ByteSink {
  varint(value: number): void;
  float32(value: number): void;
  float64(value: number): void;
  append(chunk: Uint8Array): void;
  finish(): Uint8Array;
}

/** Raw bytes, growing by doubling. */
function byteSink(): ByteSink {
  let bytes = new Uint8Array(64);
  let view = new DataView(bytes.buffer);
  let size = 0;
  const reserve = (n: number): void => {
    if (size + n <= bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * bytes.length, size + n));
    grown.set(bytes.subarray(0, size));
    bytes = grown;
    view = new DataView(bytes.buffer);
  };
  return {
    varint(value) {
      if (!Number.isSafeInteger(value))
        throw new RangeError(`protobuf varint: ${value} is not a safe integer`);
      reserve(10);
      if (value >= 0) {
        let v = value;
        while (v >= 0x80) {
          bytes[size++] = (v % 0x80) | 0x80;
          v = Math.floor(v / 0x80);
        }
        bytes[size++] = v;
        return;
      }
      // Negative: 2^64 + value, 10 bytes; BigInt keeps the 64 bits exact.
      let v = BigInt.asUintN(64, BigInt(value));
      while (v >= 0x80n) {
        bytes[size++] = Number(v & 0x7fn) | 0x80;
        v >>= 7n;
      }
      bytes[size++] = Number(v);
    },
    float32(value) {
      reserve(4);
      view.setFloat32(size, value, true);
      size += 4;
    },
    float64(value) {
      reserve(8);
      view.setFloat64(size, value, true);
      size += 8;
    },
    append(chunk) {
      reserve(chunk.length);
      bytes.set(chunk, size);
      size += chunk.length;
    },
    finish: () => bytes.slice(0, size),
  };
}
