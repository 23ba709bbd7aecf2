/**
 * The embedded queue: jobs and results in bun:sqlite under --data, run by this process. A job that was running
 * when the process died goes back to the queue at the next start; results stay downloadable until they expire
 * and are then deleted. One instance per data folder (a lock file says which).
 */
import { Database } from "bun:sqlite";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.ts";
import { decode, encode, type JobOutcome, type JobPayload, type JobRecord } from "./jobs.ts";
import { isHandedBack, type JobQueue, type QueueSettings } from "./queue.ts";
import type { JobState, OutputFormat } from "./schemas.ts";

interface Row {
  id: string;
  state: JobState;
  owner: string;
  language: string;
  output_format: OutputFormat;
  outcome: Uint8Array<ArrayBuffer> | null;
  files: Uint8Array<ArrayBuffer> | null;
  created_at: number;
  finished_at: number | null;
  expires_at: number | null;
}

/** Expired results are deleted every minute, or sooner when results live less than that. */
const cleanupInterval = (ttlMs: number) => Math.min(60_000, Math.max(1_000, ttlMs));

export class SqliteQueue implements JobQueue {
  readonly backend = "embedded";
  private readonly db: Database;
  private readonly lockPath: string;
  private running = 0;
  private closing = false;
  private closed = false;
  private readonly idle = new Set<() => void>();
  private readonly cleanupTimer: ReturnType<typeof setInterval>;

  constructor(
    dataDir: string,
    private readonly settings: QueueSettings,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.lockPath = join(dataDir, "serve.lock");
    takeLock(this.lockPath);
    this.db = new Database(join(dataDir, "jobs.db"), { create: true, strict: true });
    this.db.run("PRAGMA journal_mode = WAL");
    this.db.run(`CREATE TABLE IF NOT EXISTS jobs (
      id TEXT PRIMARY KEY, state TEXT NOT NULL, owner TEXT NOT NULL, language TEXT NOT NULL, output_format TEXT NOT NULL,
      payload BLOB, outcome BLOB, files BLOB, created_at INTEGER NOT NULL, started_at INTEGER, finished_at INTEGER, expires_at INTEGER)`);
    this.db.run("CREATE INDEX IF NOT EXISTS jobs_queued ON jobs (state, created_at)");
    // Jobs that were running when the last process died run again, from their stored payload.
    this.db.run("UPDATE jobs SET state = 'queued', started_at = NULL WHERE state = 'processing'");
    this.cleanup();
    this.cleanupTimer = setInterval(() => this.cleanup(), cleanupInterval(settings.resultTtlMs));
    this.pump();
  }

  async submit(id: string, payload: JobPayload): Promise<void> {
    this.db
      .query("INSERT INTO jobs (id, state, owner, language, output_format, payload, created_at) VALUES (?, 'queued', ?, ?, ?, ?, ?)")
      .run(id, payload.owner, payload.language, payload.outputFormat, encode(payload), Date.now());
    // On the next turn: the request that queued the job answers (and logs) first.
    setImmediate(() => this.pump());
  }

  async get(id: string, withFiles = false): Promise<JobRecord | undefined> {
    // The files are most of a result: read and unpacked only for a download, not for every status poll.
    const row = this.db
      .query<Row, [string, number]>(
        `SELECT id, state, owner, language, output_format, outcome, ${withFiles ? "files" : "NULL AS files"}, created_at, finished_at, expires_at
         FROM jobs WHERE id = ? AND (expires_at IS NULL OR expires_at > ?)`,
      )
      .get(id, Date.now());
    if (!row) return undefined;
    const outcome = row.outcome ? decode<JobOutcome>(row.outcome) : undefined;
    if (outcome?.ok && row.files) outcome.files = decode(row.files);
    return {
      id: row.id,
      state: row.state,
      owner: row.owner,
      language: row.language,
      outputFormat: row.output_format,
      createdAt: row.created_at,
      ...(row.finished_at !== null ? { finishedAt: row.finished_at } : {}),
      ...(row.expires_at !== null ? { expiresAt: row.expires_at } : {}),
      ...(outcome ? { outcome } : {}),
    };
  }

  async counts(): Promise<Record<JobState, number>> {
    const counts: Record<JobState, number> = { queued: 0, processing: 0, completed: 0, failed: 0 };
    const rows = this.db.query<{ state: JobState; count: number }, []>("SELECT state, count(*) AS count FROM jobs GROUP BY state").all();
    for (const row of rows) counts[row.state] = row.count;
    return counts;
  }

  async health(): Promise<{ ok: boolean; message?: string }> {
    try {
      this.db.query("SELECT 1").get();
      return { ok: true };
    } catch (error) {
      return { ok: false, message: `the job database cannot be read: ${(error as Error).message}` };
    }
  }

  async close(graceMs: number): Promise<void> {
    this.closing = true;
    clearInterval(this.cleanupTimer);
    if (this.running > 0) {
      await Promise.race([new Promise<void>((resolve) => this.idle.add(resolve)), Bun.sleep(graceMs)]);
    }
    // Jobs still running are handed back (their outcome arrives, if ever, after the database closed).
    this.db.run("UPDATE jobs SET state = 'queued', started_at = NULL WHERE state = 'processing'");
    this.db.close();
    this.closed = true;
    rmSync(this.lockPath, { force: true });
  }

  /** Starts queued jobs while fewer than `concurrency` run. */
  private pump(): void {
    while (!this.closing && this.running < this.settings.concurrency) {
      const claimed = this.db
        .query<{ id: string; payload: Uint8Array<ArrayBuffer> }, [number]>(
          `UPDATE jobs SET state = 'processing', started_at = ?
           WHERE id = (SELECT id FROM jobs WHERE state = 'queued' ORDER BY created_at, rowid LIMIT 1) RETURNING id, payload`,
        )
        .get(Date.now());
      if (!claimed) return;
      this.running++;
      void this.execute(claimed.id, decode<JobPayload>(claimed.payload));
    }
  }

  private async execute(id: string, payload: JobPayload): Promise<void> {
    const outcome = await this.settings.run(id, payload);
    this.running--;
    // After close() the job was already handed back with the others still running.
    if (this.closed) return;
    if (isHandedBack(outcome)) {
      this.db.query("UPDATE jobs SET state = 'queued', started_at = NULL WHERE id = ?").run(id);
    } else {
      const now = Date.now();
      // The payload is dropped once the result is stored: the model is kept no longer than the job needs it.
      this.db
        .query(
          "UPDATE jobs SET state = ?, outcome = ?, files = ?, payload = NULL, finished_at = ?, expires_at = ? WHERE id = ? AND state = 'processing'",
        )
        .run(
          outcome.ok ? "completed" : "failed",
          encode(outcome.ok ? { ...outcome, files: [] } : outcome),
          outcome.ok ? encode(outcome.files) : null,
          now,
          now + this.settings.resultTtlMs,
          id,
        );
    }
    if (this.running === 0) for (const resolve of this.idle) resolve();
    this.pump();
  }

  private cleanup(): void {
    this.db.query("DELETE FROM jobs WHERE expires_at IS NOT NULL AND expires_at <= ?").run(Date.now());
  }
}

/** One instance per data folder: a second one would run the same queued jobs. A stale lock (dead pid) is taken over. */
function takeLock(path: string): void {
  if (existsSync(path)) {
    const pid = Number(readFileSync(path, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new UsageError(
        `another pygen serve (pid ${pid}) uses this data folder (${path}); give each instance its own --data, or share work through --queue redis://…`,
      );
    }
  }
  writeFileSync(path, `${process.pid}\n`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
