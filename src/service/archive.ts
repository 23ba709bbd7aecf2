/**
 * The generated SDK as an archive: a zip (written here: local headers, deflate through Bun's zlib, a central
 * directory) or a gzipped tar (Bun.Archive). Every entry is first checked to be a plain relative path, the
 * same rule the writer applies on disk, and sits under one top folder named after the package.
 */
import { checkRelativePath, type GeneratedFile } from "../output/writer.ts";

const encoder = new TextEncoder();

/** Entries as `<root>/<path>` bytes, each path checked. */
function entries(root: string, files: readonly GeneratedFile[]): { name: string; data: Uint8Array<ArrayBuffer> }[] {
  checkRelativePath(root);
  return files.map((file) => {
    checkRelativePath(file.path);
    return { name: `${root}/${file.path}`, data: encoder.encode(file.content) };
  });
}

/** A gzipped tar (Bun.Archive; `bytes()` because writing the archive object itself skips the gzip in Bun 1.4.5). */
export async function tarGz(root: string, files: readonly GeneratedFile[]): Promise<Uint8Array> {
  const record = Object.fromEntries(entries(root, files).map((entry) => [entry.name, entry.data]));
  return new Bun.Archive(record, { compress: "gzip" }).bytes();
}

/** DOS date and time of 1980-01-01 00:00, the zip epoch: a fixed stamp keeps archives of the same files identical. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 1 << 11;

/** A zip of the files: deflated where that makes them smaller, stored otherwise. */
export function zip(root: string, files: readonly GeneratedFile[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const items = entries(root, files);
  for (const { name, data } of items) {
    const nameBytes = encoder.encode(name);
    const deflated = Bun.deflateSync(data, { windowBits: -15, level: 6 });
    const useDeflate = deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const crc = Bun.hash.crc32(data);
    const method = useDeflate ? 8 : 0;

    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    local.setUint16(6, UTF8_NAMES, true);
    local.setUint16(8, method, true);
    local.setUint16(10, DOS_TIME, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    local.setUint16(28, 0, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, body);

    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, (3 << 8) | 20, true); // made by: Unix, zip 2.0 (so the permissions below are read)
    header.setUint16(6, 20, true);
    header.setUint16(8, UTF8_NAMES, true);
    header.setUint16(10, method, true);
    header.setUint16(12, DOS_TIME, true);
    header.setUint16(14, DOS_DATE, true);
    header.setUint32(16, crc, true);
    header.setUint32(20, body.length, true);
    header.setUint32(24, data.length, true);
    header.setUint16(28, nameBytes.length, true);
    header.setUint32(38, (0o100644 << 16) >>> 0, true); // a regular file, rw-r--r--
    header.setUint32(42, offset, true);
    central.push(new Uint8Array(header.buffer), nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const centralSize = central.reduce((total, chunk) => total + chunk.length, 0);
  if (items.length > 0xffff || offset > 0xffffffff) throw new Error("the SDK is too large for a zip without zip64");
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, items.length, true);
  end.setUint16(10, items.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return concat([...chunks, ...central, new Uint8Array(end.buffer)]);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
