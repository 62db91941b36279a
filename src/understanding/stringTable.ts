/**
 * A read-only table from strings to rows of numbers, stored as one block of bytes that is used as
 * read: an open-addressing hash table of entry numbers (entries are numbered in the order given, so
 * that other arrays can follow them), the keys in two strings (Latin-1 keys one byte a character,
 * the few others in UTF-16) with where each starts, and the rows' non-zero values packed in one
 * Float64Array (a bit per column says which are there).
 * The language model's tables (tens of thousands of words and letter trigrams, mostly zeros across
 * the three languages) load from it in well under a millisecond, where parsing the same tables as
 * JSON objects costs tens of milliseconds of a cold start, and take a third of the bytes of dense
 * rows; a look-up is a hash, a probe or two and one comparison of the key.
 */
import { bytesOf, readBundle, typedArrayOf, writeBundle } from '../util/bundle';

/** A bit per column says whether the row has a value there: up to 8 columns. */
const MAX_WIDTH = 8;

/** How many bits are set in each byte value. */
const BIT_COUNTS = Uint8Array.from({ length: 256 }, (_, byte) => {
  let count = 0;
  for (let bits = byte; bits > 0; bits >>= 1) count += bits & 1;
  return count;
});

/** 32-bit FNV-1a over the UTF-16 code units of a key, with a final mix. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 15;
  return Math.imul(hash, 0x2c1b3c6d) >>> 0;
}

/** Keys are kept in Latin-1 (one byte a character) where they can be; the few others in UTF-16. */
const isNarrow = (key: string) => !/[^\u0000-\u00ff]/.test(key);

interface Header {
  readonly width: number;
}

/** The bit of a key's length that says the key is in the wide string. */
const WIDE = 0x8000;
/** Longer keys cannot be stored (nor are there any: keys are words, trigrams, stems). */
const MAX_KEY_LENGTH = WIDE - 1;

export class StringTable {
  private constructor(
    /** Entry number + 1 per slot; 0 for an empty slot. The slot count is a power of two. */
    private readonly slots: Uint16Array | Uint32Array,
    /** Where each entry's key starts in its string. */
    private readonly keyStarts: Uint32Array,
    /** Each entry's key length, with the WIDE bit for a key of the wide string. */
    private readonly keyLengths: Uint16Array,
    /** The keys with no character beyond Latin-1, one byte a character. */
    private readonly narrowKeys: string,
    /** The other keys. */
    private readonly wideKeys: string,
    /** Per entry, a bit per column that has a value. */
    private readonly present: Uint8Array,
    /** Where each entry's values start in `packed`. */
    private readonly firstValue: Uint32Array,
    private readonly packed: Float64Array,
    /** Values per entry. */
    readonly width: number,
  ) {}

  /** A table of these rows (each `width` numbers long; 0 for a set of keys), entries numbered in the order given. */
  static of(rows: Iterable<readonly [string, readonly number[]]>, width: number): StringTable {
    if (width > MAX_WIDTH) throw new Error(`a string table has at most ${MAX_WIDTH} columns, not ${width}`);
    const entries = [...rows];
    let slotCount = 2;
    // At most half full, so that a probe ends after one or two slots.
    while (slotCount < entries.length * 2) slotCount *= 2;
    const slots = entries.length < 0xffff ? new Uint16Array(slotCount) : new Uint32Array(slotCount);
    const keyStarts = new Uint32Array(entries.length);
    const keyLengths = new Uint16Array(entries.length);
    const present = new Uint8Array(entries.length);
    const firstValue = new Uint32Array(entries.length + 1);
    const packed: number[] = [];
    let narrowKeys = '';
    let wideKeys = '';
    entries.forEach(([key, row], entry) => {
      if (row.length !== width) throw new Error(`row of "${key}" has ${row.length} values, expected ${width}`);
      if (key.length > MAX_KEY_LENGTH) throw new Error(`a key of ${key.length} characters is too long for a string table`);
      if (isNarrow(key)) {
        keyStarts[entry] = narrowKeys.length;
        keyLengths[entry] = key.length;
        narrowKeys += key;
      } else {
        keyStarts[entry] = wideKeys.length;
        keyLengths[entry] = key.length | WIDE;
        wideKeys += key;
      }
      firstValue[entry] = packed.length;
      row.forEach((value, column) => {
        // Only +0 is left out (read back as 0); -0 is a value like any other.
        if (Object.is(value, 0)) return;
        present[entry]! |= 1 << column;
        packed.push(value);
      });
      let slot = hashKey(key) & (slotCount - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (slotCount - 1);
      slots[slot] = entry + 1;
    });
    firstValue[entries.length] = packed.length;
    return new StringTable(slots, keyStarts, keyLengths, narrowKeys, wideKeys, present, firstValue, Float64Array.from(packed), width);
  }

  get size(): number {
    return this.present.length;
  }

  /** The key of an entry. */
  private keyOf(entry: number): string {
    const length = this.keyLengths[entry]!;
    const start = this.keyStarts[entry]!;
    return (length & WIDE ? this.wideKeys : this.narrowKeys).slice(start, start + (length & MAX_KEY_LENGTH));
  }

  /** The entry number of a key, or -1 when the table does not have it. */
  entry(key: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hashKey(key) & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot]!;
      if (stored === 0) return -1;
      const entry = stored - 1;
      const length = this.keyLengths[entry]!;
      if ((length & MAX_KEY_LENGTH) === key.length && (length & WIDE ? this.wideKeys : this.narrowKeys).startsWith(key, this.keyStarts[entry]!)) return entry;
    }
  }

  /** A value of an entry (from `entry`, not -1); 0 where the row has none. */
  value(entry: number, column: number): number {
    const bits = this.present[entry]!;
    const bit = 1 << column;
    if ((bits & bit) === 0) return 0;
    return this.packed[this.firstValue[entry]! + BIT_COUNTS[bits & (bit - 1)]!]!;
  }

  /** A key's value in a column, 0 when the table does not have the key. */
  get(key: string, column: number): number {
    const entry = this.entry(key);
    return entry < 0 ? 0 : this.value(entry, column);
  }

  /** Every key with its row, in entry order. */
  *rows(): IterableIterator<[string, number[]]> {
    for (let entry = 0; entry < this.size; entry++) {
      yield [this.keyOf(entry), Array.from({ length: this.width }, (_, column) => this.value(entry, column))];
    }
  }

  /** The table as bytes (a bundle: its sizes as header, its arrays and key strings as sections). */
  toBuffer(): Buffer {
    const header: Header = { width: this.width };
    return writeBundle(header, {
      slots: bytesOf(this.slots),
      keyStarts: bytesOf(this.keyStarts),
      keyLengths: bytesOf(this.keyLengths),
      present: this.present,
      firstValue: bytesOf(this.firstValue),
      packed: bytesOf(this.packed),
      narrowKeys: Buffer.from(this.narrowKeys, 'latin1'),
      wideKeys: Buffer.from(this.wideKeys, 'utf16le'),
    });
  }

  /** Reads a table written by `toBuffer`; its arrays are used in place (a copy only where the bytes are misaligned). */
  static fromBuffer(buffer: Buffer): StringTable {
    const bundle = readBundle<Header>(buffer);
    const { width } = bundle.header;
    const slotBytes = bundle.section('slots');
    const present = typedArrayOf(bundle.section('present'), Uint8Array);
    const slots = present.length < 0xffff ? typedArrayOf(slotBytes, Uint16Array) : typedArrayOf(slotBytes, Uint32Array);
    const keyStarts = typedArrayOf(bundle.section('keyStarts'), Uint32Array);
    const keyLengths = typedArrayOf(bundle.section('keyLengths'), Uint16Array);
    const firstValue = typedArrayOf(bundle.section('firstValue'), Uint32Array);
    const packed = typedArrayOf(bundle.section('packed'), Float64Array);
    if (slots.length & (slots.length - 1) || slots.length < present.length || keyStarts.length !== present.length || keyLengths.length !== present.length || firstValue.length !== present.length + 1) {
      throw new Error('not a string table (bad sizes)');
    }
    return new StringTable(slots, keyStarts, keyLengths, bundle.section('narrowKeys').toString('latin1'), bundle.section('wideKeys').toString('utf16le'), present, firstValue, packed, width);
  }
}
