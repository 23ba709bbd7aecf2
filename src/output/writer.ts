/**
 * Writes generated files into the output directory safely:
 * - every path is checked to stay inside the output directory (no `..`, no absolute paths), and nothing is ever
 *   written through a symbolic link;
 * - a folder pygen did not create (no manifest) that already holds files is refused unless `overwrite`;
 * - files pygen generated last time and no longer generates are removed; nothing else is touched;
 * - the output folder holds the complete old output or the complete new one at every moment, whatever happens
 *   to the process: an error, a signal, `kill -9`.
 *
 * How: the complete new output is built in a staging folder beside it, `.<name>.pygen-staging-<pid>-<ms>`: new
 * and changed files written, everything else the new output keeps (unchanged generated files, files that are
 * not pygen's) hard-linked from the current output, or copied where the file system refuses links. Then one
 * system call exchanges the two folders (renameat2 RENAME_EXCHANGE on Linux, renamex_np RENAME_SWAP on macOS;
 * exchange.ts), and the staging name, now holding the old output, is deleted. Before the exchange the output
 * is untouched; after it, it is complete and new.
 *
 * Where no exchange is available, two renames do it: the output moves aside to
 * `.<name>.pygen-previous-<pid>-<ms>`, then the staging folder moves in. A process killed between those two
 * leaves no output folder for that moment, and the next run puts the previous output back first thing.
 *
 * Each write starts by cleaning up after runs that were killed: staging and previous folders of exactly these
 * names, for this output, whose process is gone (a running pygen's are left alone). Nothing else is removed.
 *
 * The manifest (`.pygen-manifest.json`) lists what pygen wrote, so the next run knows what it owns. The output
 * folder is replaced as a whole: a shell sitting in it sees the old folder until it enters it again.
 */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  rmSync,
  type Stats,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { GenerationError } from "../errors.ts";
import { PYGEN_VERSION } from "../version.ts";
import { exchangePaths } from "./exchange.ts";

export interface GeneratedFile {
  /** Relative to the output directory, with forward slashes. */
  path: string;
  content: string;
}

/** Called between files while the output is compared and the new one staged, and once more just before the swap. */
export type Checkpoint = () => Promise<void>;

export interface WriteOptions {
  /** Write into a non-empty folder that pygen did not create. */
  overwrite?: boolean;
  /** Work out what would change without touching the disk. */
  dryRun?: boolean;
  /** When the SDK says it was generated, recorded in the manifest so `generate --check` can compare like for like. */
  generatedAt?: string;
  /** May yield to the event loop (so signals are handled) and throw to stop: the output is then untouched. */
  checkpoint?: Checkpoint;
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
  if (!lstatOrUndefined(root)?.isDirectory()) return undefined;
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

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
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
  if (!options.dryRun) recoverInterruptedWrites(root);
  const rootStat = lstatOrUndefined(root);
  if (rootStat && !rootStat.isDirectory()) throw new GenerationError(`the output ${root} exists and is not a folder`);

  const manifest = rootStat ? readManifest(root) : undefined;
  const entries = rootStat ? readdirSync(root) : [];
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
    if (entries.length > 0) await options.checkpoint?.();
  }
  const removed = (manifest?.files ?? []).filter((path) => !contents.has(path) && lstatOrUndefined(join(root, path)) !== undefined);
  const report = { outputDir: root, written, unchanged, removed, dryRun: options.dryRun ?? false };
  if (options.dryRun) return report;
  // Nothing to change: the folder is left alone, so every file and folder keeps its modification time.
  const manifestNow = manifestText(contents, options.generatedAt);
  if (written.length + removed.length === 0 && readExisting(join(root, MANIFEST_NAME)) === manifestNow) return report;

  for (const path of written) {
    // Only files (or links) are ever replaced: a folder in the way may hold the user's work.
    if (lstatOrUndefined(join(root, path))?.isDirectory()) {
      throw new GenerationError(`cannot write ${join(root, path)}: a folder of that name is in the way`);
    }
  }

  const stamp = `${process.pid}-${Date.now()}`;
  const staging = join(dirname(root), `.${basename(root)}.pygen-staging-${stamp}`);
  try {
    mkdirSync(dirname(root), { recursive: true });
    mkdirSync(staging);
    if (rootStat) chmodSync(staging, rootStat.mode & 0o7777);
    await stageFiles(staging, written, contents, options.checkpoint);
    writeFileSync(join(staging, MANIFEST_NAME), manifestNow);
    if (entries.length > 0) await carryOver(root, staging, "", new Set([...written, ...removed, MANIFEST_NAME]), options.checkpoint);
    await options.checkpoint?.();
    swapIn(staging, root, rootStat !== undefined, `.${basename(root)}.pygen-previous-${stamp}`);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof GenerationError || !(error instanceof Error) || !("code" in error)) throw error;
    throw new GenerationError(`writing ${root} failed; the output folder was not touched: ${error.message}`, { cause: error });
  }
  // The staging name now holds the old output, if there was one: its removal is no longer part of the write.
  rmSync(staging, { recursive: true, force: true });
  return report;
}

/**
 * Cleans up after runs that were killed: their staging folders go, and if the output folder itself is missing
 * because a run died between the two renames of the fallback swap, the previous output is put back. Only folders
 * of exactly pygen's names for this output whose process no longer runs are touched.
 */
export function recoverInterruptedWrites(root: string): void {
  const parent = dirname(root);
  const ours = new RegExp(`^\\.${RegExp.escape(basename(root))}\\.pygen-(staging|previous)-(\\d+)-(\\d+)$`);
  let siblings: string[];
  try {
    siblings = readdirSync(parent);
  } catch {
    return;
  }
  const stale = siblings
    .map((sibling) => ({ path: join(parent, sibling), match: ours.exec(sibling) }))
    .filter((entry): entry is { path: string; match: RegExpExecArray } => entry.match !== null && !processRuns(Number(entry.match[2])))
    // Newest first: if the output must be restored, the latest previous output is the one.
    .sort((a, b) => Number(b.match[3]) - Number(a.match[3]));
  for (const { path, match } of stale) {
    if (match[1] === "previous" && lstatOrUndefined(root) === undefined) renameSync(path, root);
    else rmSync(path, { recursive: true, force: true });
  }
}

function processRuns(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Puts the complete staging folder at `root`: one rename, one exchange, or (fallback) two renames. */
function swapIn(staging: string, root: string, rootExists: boolean, previousName: string): void {
  if (!rootExists) {
    renameSync(staging, root);
    return;
  }
  if (exchangePaths(staging, root)) return;
  const previous = join(dirname(root), previousName);
  renameSync(root, previous);
  try {
    renameSync(staging, root);
  } catch (error) {
    renameSync(previous, root);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}

/** Writes the given files under the staging folder, creating their folders. */
async function stageFiles(staging: string, paths: string[], contents: Map<string, string>, checkpoint?: Checkpoint): Promise<void> {
  const folders = new Set<string>();
  for (const path of paths) {
    const folder = dirname(join(staging, path));
    // Files share folders: each is created once.
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(join(staging, path), contents.get(path) ?? "");
    await checkpoint?.();
  }
}

function manifestText(contents: Map<string, string>, generatedAt: string | undefined): string {
  const manifest: Manifest = {
    generator: `pygen ${PYGEN_VERSION}`,
    ...(generatedAt ? { generatedAt } : {}),
    files: [...contents.keys()].sort(),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Brings into the staging folder everything of the current output that the new output keeps: every entry but
 * the files rewritten or removed and the manifest. Files are hard-linked (same content and timestamps, nothing
 * copied) or copied where the file system refuses links; symbolic links are recreated, never followed. A folder
 * is kept if anything in it is kept or if it was empty already: folders emptied by removed files go.
 */
async function carryOver(root: string, staging: string, folder: string, skip: Set<string>, checkpoint?: Checkpoint): Promise<void> {
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (skip.has(path)) continue;
    const from = join(root, path);
    const to = join(staging, path);
    const there = lstatOrUndefined(to);
    if (entry.isDirectory()) {
      if (there && !there.isDirectory()) throw new GenerationError(`cannot write ${from}: a file of that name is in the way`);
      if (!there) mkdirSync(to);
      await carryOver(root, staging, path, skip, checkpoint);
      if (!there && readdirSync(to).length === 0 && readdirSync(from).length > 0) rmdirSync(to);
      continue;
    }
    if (there) {
      const kind = entry.isSymbolicLink() ? "a symbolic link" : "a file";
      throw new GenerationError(`cannot write into ${from}: it is ${kind} where the SDK needs a folder`);
    }
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else linkOrCopy(from, to);
    await checkpoint?.();
  }
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
    chmodSync(to, statSync(from).mode & 0o7777);
  }
}
