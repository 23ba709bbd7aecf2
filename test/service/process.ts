/**
 * `pygen serve` in a process of its own (from source or the compiled binary), for tests that kill or restart instances. Resolves once
 * it printed its URL; its JSON log lines on stderr are collected as they come.
 */
import { join } from "node:path";
import type { Subprocess } from "bun";

const REPO = join(import.meta.dir, "..", "..");

export interface ServiceProcess {
  url: string;
  child: Subprocess<"ignore", "pipe", "pipe">;
  /** Log lines so far, parsed. */
  logs: Record<string, unknown>[];
  /** Raw stderr so far. */
  stderr(): string;
  /** SIGTERM (graceful) and wait for the exit code. */
  stop(): Promise<number>;
  kill9(): Promise<void>;
}

/** Starts `<command> serve --port 0 <args>`; `command` defaults to running src/main.ts with this Bun. */
export async function spawnService(
  args: string[],
  env: Record<string, string> = {},
  command: string[] = [process.execPath, "run", join(REPO, "src", "main.ts")],
): Promise<ServiceProcess> {
  const child = Bun.spawn([...command, "serve", "--port", "0", ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp", ...env },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  let raw = "";
  const logs: Record<string, unknown>[] = [];
  void (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of child.stderr) {
      const text = decoder.decode(chunk, { stream: true });
      raw += text;
      const lines = raw.split("\n");
      logs.length = 0;
      for (const line of lines) {
        if (line.startsWith("{")) {
          try {
            logs.push(JSON.parse(line));
          } catch {}
        }
      }
    }
  })();
  const reader = child.stdout.getReader();
  const { value } = await reader.read();
  reader.releaseLock();
  const url =
    new TextDecoder()
      .decode(value ?? new Uint8Array())
      .split("\n")[0]
      ?.trim() ?? "";
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) {
    child.kill("SIGKILL");
    await child.exited;
    throw new Error(`pygen serve did not start: ${url}\n${raw}`);
  }
  return {
    url,
    child,
    logs,
    stderr: () => raw,
    async stop() {
      child.kill("SIGTERM");
      return child.exited;
    },
    async kill9() {
      child.kill("SIGKILL");
      await child.exited;
    },
  };
}

/** Log lines with this message, by job id. */
export function jobIdsLogged(logs: Record<string, unknown>[], message: string): string[] {
  return logs.filter((line) => line.msg === message).map((line) => String(line.job_id));
}
