import { HISTOGRAM_WASM_PLAIN, HISTOGRAM_WASM_SHARED } from './histogram-wasm.js';

/**
 * The histogram kernel compiled to WebAssembly (histogram.wat): the loops of histogramRowMajor and
 * histogramRowMajorList on packed 64-bit words (the same integers, so the same bits), quantizeRows,
 * the word additions of partial and sibling histograms, the partition halves and the leaf-value updates.
 * It works on one WebAssembly memory, so the arrays it reads (bins, packed words, the row partition,
 * the features) and the histograms it writes live in an arena carved from that memory; every
 * argument is a byte address in it. Where WebAssembly (or a shared memory, for threads) is
 * unavailable, the arena is null and the TypeScript loops do the work.
 */
export interface HistogramKernel {
  /** histogramRowMajor over features f0 … f1-1 (qh = 0: constant hessians). */
  histogramRange(
    rows: number,
    count: number,
    bins: number,
    nCols: number,
    q: number,
    qh: number,
    hist: number,
    block: number,
    f0: number,
    f1: number,
  ): void;
  /** histogramRowMajorList over the features at features[a0 … a1) (an Int32Array's address). */
  histogramList(
    rows: number,
    count: number,
    bins: number,
    nCols: number,
    q: number,
    qh: number,
    hist: number,
    block: number,
    features: number,
    a0: number,
    a1: number,
  ): void;
  /** quantizeRows: `count` f32 values at `src` to i64 words at `dst`. */
  quantize(src: number, count: number, scale: number, shift: number, one: number, dst: number): void;
  /** absSum over `count` f32 values at `src`. */
  absSum(src: number, count: number): number;
  /** dst[i] += src[i] over `words` i64 words. */
  addWords(dst: number, src: number, words: number): void;
  /** out[i] = a[i] − b[i] over `words` i64 words. */
  subtractWords(a: number, b: number, out: number, words: number): void;
  /** partitionHalf's half 0: the u32 rows at `source` forward to the cursors `left`, `right`. */
  partitionForward: PartitionLoop;
  /** partitionHalf's half 1: the rows at `source` backward, below the end cursors `left`, `right`. */
  partitionBackward: PartitionLoop;
  /** raw[r] += value (f64 raw scores at `raw`) for the u32 rows at rows[0 … count). */
  addLeafValue(rows: number, count: number, raw: number, value: number): void;
}

/** One half of a partition (byte addresses): `count` rows from `source`; returns how many went left. */
export type PartitionLoop = (
  source: number,
  count: number,
  column: number,
  goesLeft: number,
  left: number,
  right: number,
) => number;

/** A WebAssembly memory, as far as the kernel needs it (typed here: the ES library has no WebAssembly types). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}

/** The parts of the global WebAssembly object the kernel uses. */
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
}

const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** Typed arrays carved from one WebAssembly memory, 64-byte aligned (address 0 is never handed out). */
export interface WasmArena {
  readonly memory: WasmMemory;
  u8(length: number): Uint8Array;
  f32(length: number): Float32Array;
  u32(length: number): Uint32Array;
  i32(length: number): Int32Array;
  f64(length: number): Float64Array;
}

const PAGE = 65_536;
const MAX_PAGES = 65_536;
const ALIGN = 64;

let enabled = true;
let created = 0;

/**
 * How many arenas this thread has created so far (tests check that a fit took the kernel's path).
 *
 * @example
 * const before = arenasCreated(); await fit(spec, data); arenasCreated() > before // true
 */
export function arenasCreated(): number {
  return created;
}

/**
 * Turns the WebAssembly kernel on or off for the fits that start afterwards (tests compare the two
 * paths; benchmarks time both). On by default.
 *
 * @example
 * setWasmKernel(false); // the TypeScript loops only
 */
export function setWasmKernel(on: boolean): void {
  enabled = on;
}

/**
 * The bytes an arena needs for arrays of these byte lengths — one entry per array, as each is
 * rounded up to the alignment on its own.
 *
 * @example
 * arenaBytes([n * nCols, 4 * n]);
 */
export function arenaBytes(lengths: readonly number[]): number {
  return lengths.reduce((sum, bytes) => sum + Math.ceil(bytes / ALIGN) * ALIGN, ALIGN);
}

/**
 * An arena of at least `bytes` bytes in a new WebAssembly memory (shared between threads when
 * `shared`), or null when the kernel is off, WebAssembly or shared memory is unavailable, or the
 * size exceeds a 32-bit memory.
 *
 * @example
 * const arena = createArena(arenaBytes([n * nCols]), false);
 */
export function createArena(bytes: number, shared: boolean): WasmArena | null {
  if (!enabled || wasm === undefined) return null;
  const pages = Math.ceil(bytes / PAGE);
  if (pages > MAX_PAGES) return null;
  let memory: WasmMemory;
  try {
    memory = new wasm.Memory({ initial: pages, maximum: pages, shared });
    kernelFor(memory);
  } catch {
    return null;
  }
  created++;
  let next = ALIGN;
  const take = (byteLength: number): number => {
    const at = next;
    next += Math.ceil(byteLength / ALIGN) * ALIGN;
    if (next > memory.buffer.byteLength) throw new Error('hgb: WebAssembly arena too small');
    return at;
  };
  const buffer = memory.buffer;
  return {
    memory,
    u8: (length) => new Uint8Array(buffer, take(length), length),
    f32: (length) => new Float32Array(buffer, take(4 * length), length),
    u32: (length) => new Uint32Array(buffer, take(4 * length), length),
    i32: (length) => new Int32Array(buffer, take(4 * length), length),
    f64: (length) => new Float64Array(buffer, take(8 * length), length),
  };
}

const kernels = new WeakMap<WasmMemory, HistogramKernel>();
const modules = new Map<boolean, object>();

/**
 * The kernel instantiated on `memory` in this thread (once per memory object).
 *
 * @example
 * kernelFor(data.memory).histogramRange(...);
 */
export function kernelFor(memory: WasmMemory): HistogramKernel {
  let kernel = kernels.get(memory);
  if (!kernel) {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    let module = modules.get(shared);
    if (!module) {
      module = new wasm!.Module(decode(shared ? HISTOGRAM_WASM_SHARED : HISTOGRAM_WASM_PLAIN));
      modules.set(shared, module);
    }
    const instance = new wasm!.Instance(module, { env: { memory } });
    kernel = instance.exports as unknown as HistogramKernel;
    kernels.set(memory, kernel);
  }
  return kernel;
}

function decode(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
