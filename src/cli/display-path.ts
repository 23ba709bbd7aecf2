import { isAbsolute, relative, resolve } from "node:path";

/** A path as the user would type it: relative when it is below the current folder, absolute otherwise. */
export function displayPath(path: string): string {
  const relativePath = relative(process.cwd(), resolve(path));
  if (relativePath === "") return ".";
  return relativePath.startsWith("..") || isAbsolute(relativePath) ? resolve(path) : `./${relativePath}`;
}
