/** The two facts of an ELF executable the release tests check: its CPU and the loader it asks for. */
import { readFileSync } from "node:fs";

export const ELF_MACHINE = { x64: 62, arm64: 183 } as const;

export function elfFacts(path: string): { machine: number; interpreter: string | undefined } {
  const file = readFileSync(path);
  if (file.readUInt32BE(0) !== 0x7f454c46) throw new Error(`${path} is not an ELF file`);
  const programHeaders = Number(file.readBigUInt64LE(0x20));
  const entrySize = file.readUInt16LE(0x36);
  let interpreter: string | undefined;
  for (let index = 0; index < file.readUInt16LE(0x38); index++) {
    const header = programHeaders + index * entrySize;
    if (file.readUInt32LE(header) !== 3) continue; // PT_INTERP
    const offset = Number(file.readBigUInt64LE(header + 8));
    const size = Number(file.readBigUInt64LE(header + 32));
    interpreter = file
      .subarray(offset, offset + size)
      .toString("latin1")
      .replace(/\0+$/, "");
  }
  return { machine: file.readUInt16LE(18), interpreter };
}
