/**
 * A Bloom filter over words: "is this a word of the language?" answered from a few bits per word.
 * The three languages' dictionaries hold about three million word forms; kept as a JavaScript Set
 * they would cost a second of start-up and over a hundred megabytes. Built at build time and read
 * back as one typed array, the filter loads in a millisecond and takes about 1.8 bytes a word.
 * A "yes" is wrong for about one word in a thousand that is not in the dictionary (such a word is
 * then left uncorrected); a "no" is always right.
 */

const MAGIC = 'CPBLOOM1';
const HEADER_BYTES = MAGIC.length + 4 + 4 + 4;

/** Bits per word and hash count for a false-positive rate of about 0.1%. */
export const BITS_PER_WORD = 14.4;
export const HASH_COUNT = 10;

/** 32-bit FNV-1a over the UTF-16 code units of a word, with a seed. */
function fnv1a(word: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < word.length; i++) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // A final avalanche, so that words differing in their last letter spread over the whole table.
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d) >>> 0;
  hash ^= hash >>> 12;
  return hash >>> 0;
}

export class BloomFilter {
  private constructor(
    private readonly bits: Uint8Array,
    private readonly bitCount: number,
    private readonly hashCount: number,
    /** How many words were added when the filter was built. */
    readonly size: number,
  ) {}

  /** An empty filter sized for `expectedWords`. */
  static forWords(expectedWords: number, bitsPerWord = BITS_PER_WORD, hashCount = HASH_COUNT): BloomFilter {
    const bitCount = Math.max(64, Math.ceil(expectedWords * bitsPerWord));
    return new BloomFilter(new Uint8Array(Math.ceil(bitCount / 8)), bitCount, hashCount, 0);
  }

  /** A filter holding these words. */
  static of(words: Iterable<string>, expectedWords: number): BloomFilter {
    const filter = BloomFilter.forWords(expectedWords);
    for (const word of words) filter.add(word);
    return filter;
  }

  /** The bits a word sets: double hashing, k positions from two hashes. */
  private bitsOf(word: string): number[] {
    const first = fnv1a(word, 0);
    const step = fnv1a(word, 0x5bd1e995) | 1;
    const bits: number[] = [];
    for (let i = 0; i < this.hashCount; i++) bits.push(((first + Math.imul(i, step)) >>> 0) % this.bitCount);
    return bits;
  }

  add(word: string): void {
    for (const index of this.bitsOf(word)) this.bits[index >>> 3]! |= 1 << (index & 7);
    (this as { size: number }).size += 1;
  }

  has(word: string): boolean {
    return this.bitsOf(word).every((index) => (this.bits[index >>> 3]! & (1 << (index & 7))) !== 0);
  }

  /** The filter as bytes: a magic string, the bit count, the hash count, the word count, the bits. */
  toBuffer(): Buffer {
    const buffer = Buffer.alloc(HEADER_BYTES + this.bits.length);
    buffer.write(MAGIC, 0, 'latin1');
    buffer.writeUInt32LE(this.bitCount, MAGIC.length);
    buffer.writeUInt32LE(this.hashCount, MAGIC.length + 4);
    buffer.writeUInt32LE(this.size, MAGIC.length + 8);
    buffer.set(this.bits, HEADER_BYTES);
    return buffer;
  }

  /** Reads a filter written by `toBuffer`; the bits are used in place, not copied. */
  static fromBuffer(buffer: Buffer): BloomFilter {
    if (buffer.length < HEADER_BYTES || buffer.toString('latin1', 0, MAGIC.length) !== MAGIC) {
      throw new Error('not a word filter (bad header)');
    }
    const bitCount = buffer.readUInt32LE(MAGIC.length);
    const hashCount = buffer.readUInt32LE(MAGIC.length + 4);
    const size = buffer.readUInt32LE(MAGIC.length + 8);
    const bits = new Uint8Array(buffer.buffer, buffer.byteOffset + HEADER_BYTES, buffer.length - HEADER_BYTES);
    if (bits.length * 8 < bitCount || hashCount < 1 || hashCount > 32) throw new Error('not a word filter (bad sizes)');
    return new BloomFilter(bits, bitCount, hashCount, size);
  }
}
