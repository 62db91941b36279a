/**
 * A read-only table from strings to rows of numbers, stored as one block of bytes that is used as
 * read: an open-addressing hash table of entry numbers, the keys as one string with their offsets,
 * and the values as one Float64Array. The language model's tables (tens of thousands of words and
 * letter trigrams) load from it in well under a millisecond, where parsing the same tables as JSON
 * objects costs tens of milliseconds of a cold start; a look-up is a hash, a probe or two and one
 * comparison of the key.
 */

const MAGIC = 'CPTABLE1';
/** Magic, then four unsigned 32-bit numbers: slots, entries, values per entry, key characters. */
const HEADER_BYTES = MAGIC.length + 16;

/** 32-bit FNV-1a over the UTF-16 code units of a key. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 15;
  return Math.imul(hash, 0x2c1b3c6d) >>> 0;
}

/** Rounds a byte offset up to a multiple of 8, so that a Float64Array can start there. */
const aligned = (offset: number) => Math.ceil(offset / 8) * 8;

export class StringTable {
  private constructor(
    /** Entry number + 1 per slot; 0 for an empty slot. The slot count is a power of two. */
    private readonly slots: Uint32Array,
    /** Where each entry's key starts in `keys`; one more offset closes the last key. */
    private readonly offsets: Uint32Array,
    private readonly keys: string,
    private readonly values: Float64Array,
    /** Values per entry. */
    readonly width: number,
  ) {}

  /** A table of these rows (each `width` numbers long), keys in the order given. */
  static of(rows: Iterable<readonly [string, readonly number[]]>, width: number): StringTable {
    const entries = [...rows];
    let slotCount = 1;
    // At most half full, so that a probe ends after one or two slots.
    while (slotCount < entries.length * 2) slotCount *= 2;
    const slots = new Uint32Array(slotCount);
    const offsets = new Uint32Array(entries.length + 1);
    const values = new Float64Array(entries.length * width);
    let keys = '';
    entries.forEach(([key, row], entry) => {
      if (row.length !== width) throw new Error(`row of "${key}" has ${row.length} values, expected ${width}`);
      offsets[entry] = keys.length;
      keys += key;
      values.set(row, entry * width);
      let slot = hashKey(key) & (slotCount - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (slotCount - 1);
      slots[slot] = entry + 1;
    });
    offsets[entries.length] = keys.length;
    return new StringTable(slots, offsets, keys, values, width);
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  /** The entry number of a key, or -1 when the table does not have it. */
  entry(key: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hashKey(key) & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot]!;
      if (stored === 0) return -1;
      const entry = stored - 1;
      const start = this.offsets[entry]!;
      if (this.offsets[entry + 1]! - start === key.length && this.keys.startsWith(key, start)) return entry;
    }
  }

  /** A value of an entry (from `entry`, not -1). */
  value(entry: number, column: number): number {
    return this.values[entry * this.width + column]!;
  }

  /** A key's value in a column, 0 when the table does not have the key. */
  get(key: string, column: number): number {
    const entry = this.entry(key);
    return entry < 0 ? 0 : this.values[entry * this.width + column]!;
  }

  /** Every key with its row, in entry order. */
  *rows(): IterableIterator<[string, number[]]> {
    for (let entry = 0; entry < this.size; entry++) {
      yield [this.keys.slice(this.offsets[entry]!, this.offsets[entry + 1]!), [...this.values.subarray(entry * this.width, (entry + 1) * this.width)]];
    }
  }

  /** The table as bytes: header, slots, offsets, values (8-byte aligned), keys as UTF-16. */
  toBuffer(): Buffer {
    const slotsAt = HEADER_BYTES;
    const offsetsAt = slotsAt + this.slots.byteLength;
    const valuesAt = aligned(offsetsAt + this.offsets.byteLength);
    const keysAt = valuesAt + this.values.byteLength;
    const buffer = Buffer.alloc(keysAt + this.keys.length * 2);
    buffer.write(MAGIC, 0, 'latin1');
    buffer.writeUInt32LE(this.slots.length, MAGIC.length);
    buffer.writeUInt32LE(this.size, MAGIC.length + 4);
    buffer.writeUInt32LE(this.width, MAGIC.length + 8);
    buffer.writeUInt32LE(this.keys.length, MAGIC.length + 12);
    buffer.set(new Uint8Array(this.slots.buffer, this.slots.byteOffset, this.slots.byteLength), slotsAt);
    buffer.set(new Uint8Array(this.offsets.buffer, this.offsets.byteOffset, this.offsets.byteLength), offsetsAt);
    buffer.set(new Uint8Array(this.values.buffer, this.values.byteOffset, this.values.byteLength), valuesAt);
    buffer.write(this.keys, keysAt, 'utf16le');
    return buffer;
  }

  /** How many bytes the table written by `toBuffer` takes, read from its header. */
  static byteLength(buffer: Buffer, at = 0): number {
    const { slotCount, entryCount, width, keyLength } = readHeader(buffer, at);
    return aligned(HEADER_BYTES + slotCount * 4 + (entryCount + 1) * 4) + entryCount * width * 8 + keyLength * 2;
  }

  /**
   * Reads a table written by `toBuffer`, starting at byte `at` of the buffer. The numbers are used
   * in place when the buffer's memory is suitably aligned (Node's file reads are), copied otherwise.
   */
  static fromBuffer(buffer: Buffer, at = 0): StringTable {
    const { slotCount, entryCount, width, keyLength } = readHeader(buffer, at);
    const slotsAt = at + HEADER_BYTES;
    const offsetsAt = slotsAt + slotCount * 4;
    const valuesAt = at + aligned(HEADER_BYTES + slotCount * 4 + (entryCount + 1) * 4);
    const keysAt = valuesAt + entryCount * width * 8;
    if (keysAt + keyLength * 2 > buffer.length || (slotCount & (slotCount - 1)) !== 0 || slotCount < entryCount) throw new Error('not a string table (bad sizes)');
    const slots = typedView(buffer, slotsAt, slotCount, Uint32Array);
    const offsets = typedView(buffer, offsetsAt, entryCount + 1, Uint32Array);
    const values = typedView(buffer, valuesAt, entryCount * width, Float64Array);
    const keys = buffer.toString('utf16le', keysAt, keysAt + keyLength * 2);
    return new StringTable(slots, offsets, keys, values, width);
  }
}

function readHeader(buffer: Buffer, at: number) {
  if (buffer.length < at + HEADER_BYTES || buffer.toString('latin1', at, at + MAGIC.length) !== MAGIC) throw new Error('not a string table (bad header)');
  return {
    slotCount: buffer.readUInt32LE(at + MAGIC.length),
    entryCount: buffer.readUInt32LE(at + MAGIC.length + 4),
    width: buffer.readUInt32LE(at + MAGIC.length + 8),
    keyLength: buffer.readUInt32LE(at + MAGIC.length + 12),
  };
}

type TypedArrayOf<T> = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; new (length: number): T; readonly BYTES_PER_ELEMENT: number };

/** A typed array over part of a buffer, in place when aligned for its element size, else a copy. */
function typedView<T extends Uint32Array | Float64Array>(buffer: Buffer, at: number, length: number, type: TypedArrayOf<T>): T {
  const byteOffset = buffer.byteOffset + at;
  if (byteOffset % type.BYTES_PER_ELEMENT === 0) return new type(buffer.buffer, byteOffset, length);
  const copy = new type(length);
  new Uint8Array(copy.buffer).set(buffer.subarray(at, at + length * type.BYTES_PER_ELEMENT));
  return copy;
}
