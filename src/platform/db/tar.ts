// A minimal tar (ustar) writer: the embedded database's snapshot is its data folder in the archive format that
// PGlite's loadDataDir reads back. Regular files and folders only, which is all a data folder holds.

export interface TarEntry {
  /** Path inside the archive, "/"-separated. */
  name: string;
  /** Undefined for a folder. */
  data?: Uint8Array;
  mode: number;
  mtime: Date;
}

const BLOCK = 512;
const encoder = new TextEncoder();

function field(header: Uint8Array, offset: number, length: number, value: string): void {
  header.set(encoder.encode(value).subarray(0, length), offset);
}

function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

function headerOf(entry: TarEntry): Uint8Array {
  const header = new Uint8Array(BLOCK);
  let name = entry.data ? entry.name : `${entry.name.replace(/\/$/, '')}/`;
  let prefix = '';
  if (encoder.encode(name).length > 100) {
    // ustar splits a long path at a slash: up to 155 bytes of prefix, up to 100 of name.
    const cut = name.lastIndexOf('/', name.length - 2);
    prefix = name.slice(0, cut);
    name = name.slice(cut + 1);
    if (encoder.encode(name).length > 100 || encoder.encode(prefix).length > 155) {
      throw new Error(`path too long for a tar archive: ${entry.name}`);
    }
  }
  field(header, 0, 100, name);
  field(header, 100, 8, octal(entry.mode & 0o7777, 8));
  field(header, 108, 8, octal(0, 8));
  field(header, 116, 8, octal(0, 8));
  field(header, 124, 12, octal(entry.data?.length ?? 0, 12));
  field(header, 136, 12, octal(Math.floor(entry.mtime.getTime() / 1000), 12));
  field(header, 148, 8, '        ');
  field(header, 156, 1, entry.data ? '0' : '5');
  field(header, 257, 6, 'ustar\0');
  field(header, 263, 2, '00');
  field(header, 345, 155, prefix);
  const sum = header.reduce((a, b) => a + b, 0);
  field(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return header;
}

/** The archive of the entries, in their order, ending with the two empty blocks tar expects. */
export function tarOf(entries: TarEntry[]): Uint8Array<ArrayBuffer> {
  const size = entries.reduce(
    (n, e) => n + BLOCK + Math.ceil((e.data?.length ?? 0) / BLOCK) * BLOCK,
    2 * BLOCK,
  );
  const out = new Uint8Array(size);
  let at = 0;
  for (const entry of entries) {
    out.set(headerOf(entry), at);
    at += BLOCK;
    if (entry.data) {
      out.set(entry.data, at);
      at += Math.ceil(entry.data.length / BLOCK) * BLOCK;
    }
  }
  return out;
}
