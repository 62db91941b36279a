/**
 * A file of the build made of a small JSON header and named sections of bytes (string tables,
 * typed arrays), each starting at a multiple of 8 so that typed arrays can be used in place. The
 * tables a start needs are read with one file read and no parsing beyond the header: large JSON
 * objects would cost a cold start their parsing and, in this process's memory, the garbage
 * collector's copying.
 *
 * Layout: magic (8 bytes), header length (u32), header JSON ({ header, sections: { name: [at, length] } }), sections.
 */

const MAGIC = 'CPBUNDL1';
const PREFIX_BYTES = MAGIC.length + 4;

const aligned = (offset: number) => Math.ceil(offset / 8) * 8;

interface Layout<H> {
  readonly header: H;
  readonly sections: Record<string, readonly [number, number]>;
}

/** Writes a header and sections into one buffer. */
export function writeBundle<H>(header: H, sections: Readonly<Record<string, Uint8Array>>): Buffer {
  const names = Object.keys(sections);
  const layoutFor = (first: number): Layout<H> => {
    let at = first;
    const placed: Record<string, readonly [number, number]> = {};
    for (const name of names) {
      placed[name] = [at, sections[name]!.byteLength];
      at = aligned(at + sections[name]!.byteLength);
    }
    return { header, sections: placed };
  };
  // The header holds the offsets, which depend on its own length: measured with large offsets, then padded.
  const headerBytes = Buffer.byteLength(JSON.stringify(layoutFor(2 ** 40)));
  const first = aligned(PREFIX_BYTES + headerBytes);
  const layout = layoutFor(first);
  const end = names.reduce((last, name) => Math.max(last, layout.sections[name]![0] + layout.sections[name]![1]), first);
  const buffer = Buffer.alloc(aligned(end));
  buffer.write(MAGIC, 0, 'latin1');
  buffer.writeUInt32LE(headerBytes, MAGIC.length);
  buffer.write(JSON.stringify(layout).padEnd(headerBytes, ' '), PREFIX_BYTES, 'utf8');
  for (const name of names) buffer.set(sections[name]!, layout.sections[name]![0]);
  return buffer;
}

export interface Bundle<H> {
  readonly header: H;
  /** A section's bytes (a view of the file's buffer, not a copy). */
  section(name: string): Buffer;
}

/** Reads a buffer written by `writeBundle`; throws when it is not one. */
export function readBundle<H>(buffer: Buffer): Bundle<H> {
  if (buffer.length < PREFIX_BYTES || buffer.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a bundle of the build (bad header)');
  const headerBytes = buffer.readUInt32LE(MAGIC.length);
  const layout = JSON.parse(buffer.toString('utf8', PREFIX_BYTES, PREFIX_BYTES + headerBytes)) as Layout<H>;
  return {
    header: layout.header,
    section(name) {
      const placed = layout.sections[name];
      if (!placed || placed[0] + placed[1] > buffer.length) throw new Error(`the bundle has no section "${name}"`);
      return buffer.subarray(placed[0], placed[0] + placed[1]);
    },
  };
}

type TypedArrayType<T> = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; new (length: number): T; readonly BYTES_PER_ELEMENT: number };

/** A typed array over bytes, in place when they are aligned for its element size (a bundle's sections are), else a copy. */
export function typedArrayOf<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(bytes: Uint8Array, type: TypedArrayType<T>): T {
  const length = Math.floor(bytes.byteLength / type.BYTES_PER_ELEMENT);
  if (bytes.byteOffset % type.BYTES_PER_ELEMENT === 0) return new type(bytes.buffer, bytes.byteOffset, length);
  const copy = new type(length);
  new Uint8Array(copy.buffer).set(bytes.subarray(0, length * type.BYTES_PER_ELEMENT));
  return copy;
}

/** The bytes of a typed array (a view, not a copy). */
export const bytesOf = (array: Uint8Array | Uint16Array | Uint32Array | Float64Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
