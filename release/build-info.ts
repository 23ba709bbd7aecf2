/**
 * What `pygen --version` names besides the version: the commit and the build date. The date is the commit's
 * (or SOURCE_DATE_EPOCH's), never the clock's, so building the same commit twice gives the same bytes.
 */

export interface BuildInfo {
  /** Short commit hash, with `-dirty` when the working tree had uncommitted changes. */
  commit: string;
  /** YYYY-MM-DD (UTC). */
  date: string;
  /** Seconds since 1970: archive entries get this time. */
  epoch: number;
}

function git(args: string[], cwd: string): string | undefined {
  const result = Bun.spawnSync(["git", ...args], { cwd, stdout: "pipe", stderr: "ignore" });
  return result.exitCode === 0 ? result.stdout.toString().trim() : undefined;
}

export function readBuildInfo(repo: string, env: Record<string, string | undefined> = process.env): BuildInfo {
  const head = git(["rev-parse", "--short=12", "HEAD"], repo);
  const dirty = head !== undefined && git(["status", "--porcelain", "--untracked-files=no"], repo) !== "";
  const fromEnv = env.SOURCE_DATE_EPOCH;
  if (fromEnv !== undefined && !/^\d+$/.test(fromEnv)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds, not "${fromEnv}"`);
  const epoch = Number(fromEnv ?? git(["log", "-1", "--format=%ct"], repo) ?? 0);
  return {
    commit: head ? `${head}${dirty ? "-dirty" : ""}` : "unknown",
    date: new Date(epoch * 1000).toISOString().slice(0, 10),
    epoch,
  };
}
