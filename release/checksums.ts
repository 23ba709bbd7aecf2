/** SHA256SUMS in the format `sha256sum -c` reads: `<hex>  <file name>` per line, sorted by name. */

export const sha256Hex = (data: Uint8Array | string): string => new Bun.CryptoHasher("sha256").update(data).digest("hex");

export function formatChecksums(sums: ReadonlyMap<string, string>): string {
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, hex]) => `${hex}  ${name}\n`)
    .join("");
}

/** File name → hex digest; a malformed line is an error naming it. */
export function parseChecksums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const [index, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match?.[1] || !match[2]) throw new Error(`SHA256SUMS line ${index + 1} is not "<sha256>  <file>": ${line}`);
    sums.set(match[2], match[1]);
  }
  return sums;
}
