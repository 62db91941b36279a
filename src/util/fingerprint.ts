/**
 * A 64-bit fingerprint of content, for telling whether a file the build precomputed was made from
 * the same inputs as those in hand (data/ files, a knowledge base). Not a cryptographic hash: no
 * one has a reason to forge a collision with their own build, and loading node:crypto costs a cold
 * start more than hashing everything a start reads with this: MurmurHash3's 32-bit mixing, four
 * bytes at a time, in two lanes with different seeds.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

const rotateLeft = (value: number, bits: number) => (value << bits) | (value >>> (32 - bits));

/** Mixes one 32-bit block into a lane (MurmurHash3 x86_32's body). */
function mix(lane: number, block: number): number {
  let k = Math.imul(block, C1);
  k = rotateLeft(k, 15);
  k = Math.imul(k, C2);
  const h = rotateLeft(lane ^ k, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finalizer: every input bit affects every output bit. */
function finish(lane: number, length: number): number {
  let h = lane ^ length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

class Fingerprinter {
  private low = 0x9747b28c;
  private high = 0x3c6ef372;
  private length = 0;

  /** Adds a text (two UTF-16 code units per block), then its length, so that ("ab", "c") differs from ("a", "bc"). */
  text(value: string): void {
    let low = this.low;
    let high = this.high;
    const pairs = value.length >>> 1;
    for (let i = 0; i < pairs; i++) {
      const block = value.charCodeAt(2 * i) | (value.charCodeAt(2 * i + 1) << 16);
      low = mix(low, block);
      high = mix(high, block);
    }
    const last = value.length & 1 ? value.charCodeAt(value.length - 1) : 0;
    this.low = mix(mix(low, last), value.length);
    this.high = mix(mix(high, last), value.length);
    this.length += value.length;
  }

  /** Adds bytes (a file as read), then their length. */
  bytes(value: Uint8Array): void {
    const blocks = value.length >>> 2;
    // Four bytes at a time where the memory is aligned for it (file reads are), one at a time otherwise.
    const words = value.byteOffset % 4 === 0 ? new Int32Array(value.buffer, value.byteOffset, blocks) : undefined;
    let low = this.low;
    let high = this.high;
    for (let i = 0; i < blocks; i++) {
      const block = words ? words[i]! : value[4 * i]! | (value[4 * i + 1]! << 8) | (value[4 * i + 2]! << 16) | (value[4 * i + 3]! << 24);
      low = mix(low, block);
      high = mix(high, block);
    }
    let tail = 0;
    for (let i = blocks * 4; i < value.length; i++) tail = (tail << 8) | value[i]!;
    this.low = mix(mix(low, tail), value.length);
    this.high = mix(mix(high, tail), value.length);
    this.length += value.length;
  }

  digest(): string {
    const low = finish(this.low, this.length);
    const high = finish(this.high ^ low, this.length);
    return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
  }
}

/** A fingerprint of texts and byte contents, in order (16 hex digits). */
export function fingerprint(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hasher = new Fingerprinter();
  for (const part of parts) {
    if (typeof part === 'string') hasher.text(part);
    else hasher.bytes(part);
  }
  return hasher.digest();
}
