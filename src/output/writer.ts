/**
 * Writes generated files into the output directory safely:
 * - every path is checked to stay inside the output directory (no `..`, no absolute paths, no symlinked folder
 *   leading elsewhere);
 * - a folder pygen did not create (no manifest) that already holds files is refused unless `overwrite`;
 * - files pygen generated last time and no longer generates are removed; nothing else is touched;
 * - the new files are staged beside the output first and swapped in with renames; if anything fails, the
 *   previous output is restored, so a failure half-way never leaves a mix of old and new.
 * The manifest (`.pygen-manifest.json`) lists what pygen wrote, so the next run knows what it owns.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, isAbsolute, join, resolve, sep } from "node:path";
import { GenerationError } from "../errors.ts";
import { PYGEN_VERSION } from "../version.ts";

export interface GeneratedFile {
  /** Relative to the output directory, with forward slashes. */
  path: string;
  content: string;
}

export interface WriteOptions {
  /** Write into a non-empty folder that pygen did not create. */
  overwrite?: boolean;
  /** Work out what would change without touching the disk. */
  dryRun?: boolean;
  /** When the SDK says it was generated, recorded in the manifest so `generate --check` can compare like for like. */
  generatedAt?: string;
}

export interface WriteReport {
  outputDir: string;
  /** Files written (new or changed content), relative paths. */
  written: string[];
  /** Files whose content was already identical. */
  unchanged: string[];
  /** Files pygen generated earlier and no longer generates, now removed. */
  removed: string[];
  dryRun: boolean;
}

export const MANIFEST_NAME = ".pygen-manifest.json";

interface Manifest {
  generator: string;
  generatedAt?: string;
  files: string[];
}

/** Rejects any path that could land outside the output directory or is not a plain relative file path. */
export function checkRelativePath(path: string): void {
  const problem =
    path === ""
      ? "is empty"
      : path.includes("\0")
        ? "contains a NUL character"
        : path.includes("\\")
          ? "contains a backslash"
          : isAbsolute(path) || /^[A-Za-z]:/.test(path)
            ? "is absolute"
            : path.split("/").some((part) => part === "" || part === "." || part === "..")
              ? "has an empty, '.' or '..' part"
              : path === MANIFEST_NAME
                ? "is pygen's manifest"
                : undefined;
  if (problem) throw new GenerationError(`refusing to write "${path}": the path ${problem}`);
}

function readManifest(outputDir: string): Manifest | undefined {
  const path = join(outputDir, MANIFEST_NAME);
  if (!existsSync(path)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
    if (!Array.isArray(manifest.files)) throw new Error("no file list");
    // A tampered manifest must not make pygen delete files outside the folder.
    for (const file of manifest.files) checkRelativePath(file);
    return manifest;
  } catch (error) {
    throw new GenerationError(
      `${path} is not a manifest pygen can read (${(error as Error).message}); remove it or choose another output folder`,
    );
  }
}

/** The generation time the output folder's manifest records, if it is pygen's and records one. */
export function recordedGenerationTime(outputDir: string): string | undefined {
  const root = resolve(outputDir);
  if (!lstatExists(root) || !lstatSync(root).isDirectory()) return undefined;
  const recorded = readManifest(root)?.generatedAt;
  return typeof recorded === "string" ? recorded : undefined;
}

function readExisting(path: string): string | undefined {
  try {
    return lstatSync(path).isFile() ? readFileSync(path, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

/** The parent folder of `path` resolved through symlinks must still be inside the output directory. */
function checkInside(outputReal: string, target: string): void {
  let folder = dirname(target);
  while (!existsSync(folder)) folder = dirname(folder);
  const real = realpathSync(folder);
  if (real !== outputReal && !real.startsWith(outputReal + sep)) {
    throw new GenerationError(`refusing to write ${target}: a symbolic link leads it outside ${outputReal}`);
  }
}

export async function writeGeneratedFiles(
  outputDir: string,
  files: readonly GeneratedFile[],
  options: WriteOptions = {},
): Promise<WriteReport> {
  const root = resolve(outputDir);
  const contents = new Map<string, string>();
  for (const file of files) {
    checkRelativePath(file.path);
    if (contents.has(file.path)) throw new GenerationError(`the generator produced ${file.path} twice`);
    contents.set(file.path, file.content);
  }
  const rootExists = lstatExists(root);
  if (rootExists && !lstatSync(root).isDirectory()) throw new GenerationError(`the output ${root} exists and is not a folder`);

  const manifest = rootExists ? readManifest(root) : undefined;
  const entries = rootExists ? readdirSync(root) : [];
  if (!manifest && entries.length > 0 && !options.overwrite) {
    throw new GenerationError(
      `the output folder ${root} is not empty and was not created by pygen; use --overwrite to write into it anyway`,
    );
  }

  const written: string[] = [];
  const unchanged: string[] = [];
  // In an empty or missing folder every file is new: nothing to read back.
  for (const file of files) {
    (entries.length > 0 && readExisting(join(root, file.path)) === file.content ? unchanged : written).push(file.path);
  }
  const removed = (manifest?.files ?? []).filter((path) => !contents.has(path) && lstatExists(join(root, path)));
  const report = { outputDir: root, written, unchanged, removed, dryRun: options.dryRun ?? false };
  if (options.dryRun) return report;

  const staging = join(dirname(root), `.${basename(root)}.pygen-staging-${process.pid}-${Date.now()}`);
  if (entries.length === 0) {
    writeFreshFolder(root, staging, contents, options.generatedAt);
    return report;
  }

  const outputReal = realpathSync(root);
  for (const path of [...written, ...removed]) {
    const target = join(root, path);
    checkInside(outputReal, target);
    // Only files (or links) are ever replaced: a folder in the way may hold the user's work.
    if (lstatExists(target) && lstatSync(target).isDirectory())
      throw new GenerationError(`cannot write ${target}: a folder of that name is in the way`);
  }

  const backup = `${staging}-previous`;
  const swapped: string[] = [];
  try {
    stageFiles(staging, written, contents);
    // Swap: move what is replaced or removed aside, then move the staged files in.
    for (const path of [...written, ...removed]) {
      const target = join(root, path);
      if (lstatExists(target)) {
        mkdirSync(dirname(join(backup, path)), { recursive: true });
        renameSync(target, join(backup, path));
      }
      swapped.push(path);
    }
    for (const path of written) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      renameSync(join(staging, path), join(root, path));
    }
    writeManifest(root, contents, options.generatedAt);
  } catch (error) {
    restore(root, backup, swapped, new Set(written));
    throw new GenerationError(`writing ${root} failed, the previous output was restored: ${(error as Error).message}`, { cause: error });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(backup, { recursive: true, force: true });
  removeEmptyFolders(root, removed);
  return report;
}

/** Writes the given files under the staging folder, creating their folders. */
function stageFiles(staging: string, paths: Iterable<string>, contents: Map<string, string>): void {
  const folders = new Set<string>();
  for (const path of paths) {
    const folder = dirname(join(staging, path));
    // Files share folders: each is created once.
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(join(staging, path), contents.get(path) ?? "");
  }
}

function writeManifest(folder: string, contents: Map<string, string>, generatedAt: string | undefined): void {
  const manifest: Manifest = {
    generator: `pygen ${PYGEN_VERSION}`,
    ...(generatedAt ? { generatedAt } : {}),
    files: [...contents.keys()].sort(),
  };
  writeFileSync(join(folder, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * A missing or empty output folder: build the whole tree in the staging folder (created here, so nothing in it
 * can be a link leading elsewhere) and move it into place with one rename.
 */
function writeFreshFolder(root: string, staging: string, contents: Map<string, string>, generatedAt: string | undefined): void {
  try {
    stageFiles(staging, contents.keys(), contents);
    writeManifest(staging, contents, generatedAt);
    mkdirSync(dirname(root), { recursive: true });
    if (existsSync(root)) rmdirSync(root);
    renameSync(staging, root);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new GenerationError(`writing ${root} failed, nothing was written: ${(error as Error).message}`, { cause: error });
  }
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Puts every file moved aside back, dropping the new ones that were already moved in. */
function restore(root: string, backup: string, swapped: string[], newFiles: Set<string>): void {
  for (const path of swapped) {
    const target = join(root, path);
    if (newFiles.has(path)) rmSync(target, { force: true });
    if (lstatExists(join(backup, path))) renameSync(join(backup, path), target);
  }
  rmSync(backup, { recursive: true, force: true });
}

/** Folders left empty by removed files go too (only those, never the output folder itself). */
function removeEmptyFolders(root: string, removed: string[]): void {
  const folders = new Set(
    removed.flatMap((path) =>
      path
        .split("/")
        .slice(0, -1)
        .map((_, index, parts) => parts.slice(0, index + 1).join("/")),
    ),
  );
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    const path = join(root, folder);
    if (existsSync(path) && readdirSync(path).length === 0) rmSync(path, { recursive: true });
  }
}
