// LZ4 frame decompression (the format of the `lz4` command and of pyarrow's default Feather
// compression), per the LZ4 Frame Format Description 1.6.x and LZ4 Block Format Description.
// Checksums are skipped, not verified: Arrow IPC buffers carry their own lengths.

const frameMagic = 0x184d2204;
const blockSizes: Record<number, number> = { 4: 1 << 16, 5: 1 << 18, 6: 1 << 20, 7: 1 << 22 };

/**
 * The bytes an LZ4 frame (or several concatenated frames) compresses; throws on a malformed frame.
 *
 * @example
 * decodeLz4Frame(execFileSync('lz4', ['-c'], { input: 'hello' })) // the bytes of 'hello'
 */
export function decodeLz4Frame(input: Uint8Array): Uint8Array {
  let output: Uint8Array = new Uint8Array(Math.max(input.length * 4, 1024));
  let o = 0;
  let i = 0;
  while (i < input.length) {
    const magic = readUint32(input, i);
    // Skippable frames (0x184D2A50 … 0x184D2A5F) carry user data.
    if ((magic & 0xfffffff0) === 0x184d2a50) {
      i += 8 + readUint32(input, i + 4);
      continue;
    }
    if (magic !== frameMagic) throw new Error(`not an LZ4 frame (magic number 0x${magic.toString(16)})`);
    const flags = input[i + 4]!;
    const blockMax = blockSizes[(input[i + 5]! >> 4) & 7];
    if (flags >> 6 !== 1 || blockMax === undefined)
      throw new Error('unsupported LZ4 frame version or block size');
    if (flags & 1) throw new Error('LZ4 frames with a dictionary are not supported');
    const blockChecksum = (flags & 0x10) !== 0;
    const contentChecksum = (flags & 0x04) !== 0;
    i += 6 + (flags & 0x08 ? 8 : 0) + 1; // magic, FLG, BD, [content size], header checksum
    for (;;) {
      const word = readUint32(input, i);
      i += 4;
      if (word === 0) break;
      const size = word & 0x7fffffff;
      if (i + size > input.length) throw new Error('truncated LZ4 block');
      if (output.length - o < blockMax) output = grow(output, o + blockMax);
      if (word & 0x80000000) {
        output.set(input.subarray(i, i + size), o);
        o += size;
      } else {
        o = decodeBlock(input, i, i + size, output, o);
      }
      i += size + (blockChecksum ? 4 : 0);
    }
    i += contentChecksum ? 4 : 0;
  }
  // Copy out when much of the buffer is unused, so the caller does not keep the slack alive.
  return o < output.length * 0.75 ? output.slice(0, o) : output.subarray(0, o);
}

/** Decodes the LZ4 block input[start, end) into output at o; returns the new end of output. */
function decodeBlock(input: Uint8Array, start: number, end: number, output: Uint8Array, o: number): number {
  let i = start;
  while (i < end) {
    const token = input[i++]!;
    let literals = token >> 4;
    if (literals === 15) {
      let byte: number;
      do {
        byte = input[i++]!;
        literals += byte;
      } while (byte === 255 && i < end);
    }
    if (i + literals > end || o + literals > output.length) throw new Error('corrupt LZ4 block (literals)');
    output.set(input.subarray(i, i + literals), o);
    i += literals;
    o += literals;
    if (i >= end) break; // the last sequence has literals only
    const offset = input[i]! | (input[i + 1]! << 8);
    i += 2;
    let length = token & 15;
    if (length === 15) {
      let byte: number;
      do {
        byte = input[i++]!;
        length += byte;
      } while (byte === 255 && i < end);
    }
    length += 4;
    if (offset === 0 || offset > o || o + length > output.length)
      throw new Error('corrupt LZ4 block (match)');
    // Byte by byte: a match may overlap the bytes it produces (offset < length repeats a pattern).
    for (let k = 0; k < length; k++) output[o + k] = output[o - offset + k]!;
    o += length;
  }
  return o;
}

function readUint32(bytes: Uint8Array, i: number): number {
  if (i + 4 > bytes.length) throw new Error('truncated LZ4 frame');
  return (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0;
}

function grow(bytes: Uint8Array, needed: number): Uint8Array {
  const grown = new Uint8Array(Math.max(needed, bytes.length * 2));
  grown.set(bytes);
  return grown;
}
