/**
 * Ad-hoc code signatures of macOS binaries, checked and made without macOS.
 *
 * Apple silicon refuses to start a binary whose signature does not match its bytes (exit 137), and a signature
 * with the hardened-runtime flag is enforced on Intel too. Bun 1.4.5 signs its darwin-arm64 output ad hoc, but
 * leaves the darwin-x64 runtime's own (Developer ID, hardened) signature in place after adding pygen to it, so
 * that one no longer matches. `adHocSign` replaces the signature with a fresh ad-hoc one, the same kind Bun and
 * Apple's linker write: a SuperBlob holding one CodeDirectory with a SHA-256 hash of every 4 KiB page up to the
 * signature. Mach-O load commands are little-endian; signature blobs are big-endian.
 */

const MH_MAGIC_64 = 0xfeedfacf;
const LC_SEGMENT_64 = 0x19;
const LC_CODE_SIGNATURE = 0x1d;
const SUPERBLOB = 0xfade0cc0;
const CODE_DIRECTORY = 0xfade0c02;
const CD_VERSION = 0x20400; // with the executable-segment fields
const CS_ADHOC = 0x2;
const CS_LINKER_SIGNED = 0x20000;
const CS_EXECSEG_MAIN_BINARY = 1n;
const PAGE_BITS = 12;
const PAGE = 1 << PAGE_BITS;
const HASH_SIZE = 32;
const CD_HEADER = 88;
/** Segments are laid out in 16 KiB pages (arm64's; a multiple of x64's 4 KiB). */
const SEGMENT_ALIGN = 16384n;

interface Layout {
  /** Offset of LC_CODE_SIGNATURE's command and of the signature data, and its size. */
  signatureCommand: number;
  signatureOffset: number;
  signatureSize: number;
  linkeditCommand: number;
  text: { fileoff: bigint; filesize: bigint };
}

function layoutOf(file: Buffer): Layout {
  if (file.readUInt32LE(0) !== MH_MAGIC_64) throw new Error("not a 64-bit Mach-O file");
  const layout: Partial<Layout> = {};
  let command = 32;
  for (let index = 0; index < file.readUInt32LE(16); index++) {
    const kind = file.readUInt32LE(command);
    if (kind === LC_CODE_SIGNATURE) {
      layout.signatureCommand = command;
      layout.signatureOffset = file.readUInt32LE(command + 8);
      layout.signatureSize = file.readUInt32LE(command + 12);
    } else if (kind === LC_SEGMENT_64) {
      const name = file
        .subarray(command + 8, command + 24)
        .toString("latin1")
        .replace(/\0+$/, "");
      if (name === "__LINKEDIT") layout.linkeditCommand = command;
      if (name === "__TEXT") layout.text = { fileoff: file.readBigUInt64LE(command + 40), filesize: file.readBigUInt64LE(command + 48) };
    }
    command += file.readUInt32LE(command + 4);
  }
  if (layout.signatureCommand === undefined || layout.linkeditCommand === undefined || !layout.text) {
    throw new Error("no code signature, __LINKEDIT or __TEXT load command");
  }
  return layout as Layout;
}

const pageHash = (file: Buffer, slot: number, codeLimit: number) =>
  new Bun.CryptoHasher("sha256").update(file.subarray(slot * PAGE, Math.min((slot + 1) * PAGE, codeLimit))).digest();

/** What is wrong with the binary's signature, as macOS would find it; empty when it is valid. */
export function signatureProblems(file: Buffer): string[] {
  let layout: Layout;
  try {
    layout = layoutOf(file);
  } catch (error) {
    return [(error as Error).message];
  }
  const { signatureOffset: start, signatureSize } = layout;
  if (file.readUInt32BE(start) !== SUPERBLOB) return ["the signature is not a SuperBlob"];
  const problems: string[] = [];
  let directories = 0;
  for (let index = 0; index < file.readUInt32BE(start + 8); index++) {
    const directory = start + file.readUInt32BE(start + 16 + index * 8);
    if (file.readUInt32BE(directory) !== CODE_DIRECTORY) continue;
    directories++;
    const hashOffset = file.readUInt32BE(directory + 16);
    const codeSlots = file.readUInt32BE(directory + 28);
    const codeLimit = file.readUInt32BE(directory + 32);
    const [hashSize, hashType, , pageBits] = [file[directory + 36], file[directory + 37], file[directory + 38], file[directory + 39]];
    if (hashType !== 2 || hashSize !== HASH_SIZE || pageBits !== PAGE_BITS) {
      problems.push(
        `CodeDirectory ${index}: hash type ${hashType}, size ${hashSize}, page 2^${pageBits} (only SHA-256 over 4 KiB pages is checked)`,
      );
      continue;
    }
    if (codeLimit !== start) problems.push(`CodeDirectory ${index} covers ${codeLimit} bytes, but the code runs to ${start}`);
    if (codeSlots !== Math.ceil(codeLimit / PAGE))
      problems.push(`CodeDirectory ${index} has ${codeSlots} page hashes for ${codeLimit} bytes`);
    let mismatched = 0;
    for (let slot = 0; slot < codeSlots; slot++) {
      const stored = file.subarray(directory + hashOffset + slot * HASH_SIZE, directory + hashOffset + (slot + 1) * HASH_SIZE);
      if (!pageHash(file, slot, codeLimit).equals(stored)) mismatched++;
    }
    if (mismatched > 0) problems.push(`CodeDirectory ${index}: ${mismatched} of ${codeSlots} page hashes do not match`);
  }
  if (directories === 0) problems.push("no CodeDirectory");
  if (file.length > start + signatureSize) problems.push(`${file.length - start - signatureSize} bytes after the signature`);
  return problems;
}

/** The binary with its signature replaced by a fresh ad-hoc one named `identifier`. */
export function adHocSign(input: Uint8Array, identifier: string): Buffer {
  const original = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const layout = layoutOf(original);
  const codeLimit = layout.signatureOffset;
  const ident = Buffer.from(`${identifier}\0`, "latin1");
  const codeSlots = Math.ceil(codeLimit / PAGE);
  const hashOffset = CD_HEADER + ident.length;
  const directoryLength = hashOffset + codeSlots * HASH_SIZE;
  const superLength = 20 + directoryLength;
  // Exactly the SuperBlob, no padding: byte for byte what Bun writes for darwin-arm64.
  const signatureSize = superLength;

  const file = Buffer.alloc(codeLimit + signatureSize);
  original.copy(file, 0, 0, codeLimit);
  // The load commands sit in the first page, so they are updated before anything is hashed.
  file.writeUInt32LE(signatureSize, layout.signatureCommand + 12);
  const linkeditOffset = file.readBigUInt64LE(layout.linkeditCommand + 40);
  const linkeditSize = BigInt(codeLimit + signatureSize) - linkeditOffset;
  file.writeBigUInt64LE(linkeditSize, layout.linkeditCommand + 48);
  file.writeBigUInt64LE(((linkeditSize + SEGMENT_ALIGN - 1n) / SEGMENT_ALIGN) * SEGMENT_ALIGN, layout.linkeditCommand + 32);

  let at = codeLimit;
  file.writeUInt32BE(SUPERBLOB, at);
  file.writeUInt32BE(superLength, at + 4);
  file.writeUInt32BE(1, at + 8);
  file.writeUInt32BE(0, at + 12); // slot 0: the CodeDirectory
  file.writeUInt32BE(20, at + 16);
  at += 20;
  file.writeUInt32BE(CODE_DIRECTORY, at);
  file.writeUInt32BE(directoryLength, at + 4);
  file.writeUInt32BE(CD_VERSION, at + 8);
  file.writeUInt32BE(CS_ADHOC | CS_LINKER_SIGNED, at + 12);
  file.writeUInt32BE(hashOffset, at + 16);
  file.writeUInt32BE(CD_HEADER, at + 20); // the identifier follows the header
  file.writeUInt32BE(0, at + 24); // no special slots
  file.writeUInt32BE(codeSlots, at + 28);
  file.writeUInt32BE(codeLimit, at + 32);
  file.writeUInt8(HASH_SIZE, at + 36);
  file.writeUInt8(2, at + 37); // SHA-256
  file.writeUInt8(PAGE_BITS, at + 39);
  file.writeBigUInt64BE(layout.text.fileoff, at + 64);
  file.writeBigUInt64BE(layout.text.filesize, at + 72);
  file.writeBigUInt64BE(CS_EXECSEG_MAIN_BINARY, at + 80);
  ident.copy(file, at + CD_HEADER);
  for (let slot = 0; slot < codeSlots; slot++) pageHash(file, slot, codeLimit).copy(file, at + hashOffset + slot * HASH_SIZE);
  return file;
}
