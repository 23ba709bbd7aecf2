/**
 * `pygen emulate` in a process of its own (from source or a compiled binary), for benchmarks and end-to-end
 * tests that must not share an event loop with the emulator. Resolves once the emulator printed its base URL.
 */
import { join } from "node:path";
import { HTTP_PARSER_HEADER_BYTES } from "../../src/emulator/limits.ts";

export interface EmulatorProcess {
  url: string;
  pid: number;
  /** Interrupts the emulator (as Ctrl-C would) and waits for it to exit. */
  stop(): Promise<void>;
}

const REPO = join(import.meta.dir, "..", "..");

/**
 * Starts `<command> emulate --port 0 <args>`; `command` defaults to running src/main.ts with this Bun, with the
 * HTTP parser limit the compiled binary has (build.ts).
 */
export async function spawnEmulator(args: string[], options: { command?: string[]; cwd?: string } = {}): Promise<EmulatorProcess> {
  const command = options.command ?? [
    process.execPath,
    `--max-http-header-size=${HTTP_PARSER_HEADER_BYTES}`,
    "run",
    join(REPO, "src", "main.ts"),
  ];
  const child = Bun.spawn([...command, "emulate", "--port", "0", ...args], { cwd: options.cwd ?? REPO, stdout: "pipe", stderr: "pipe" });
  const { value } = await child.stdout.getReader().read();
  const url = new TextDecoder().decode(value).split("\n")[0]?.trim() ?? "";
  const stop = async () => {
    child.kill("SIGINT");
    await child.exited;
  };
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) {
    await stop();
    throw new Error(`the emulator did not start: ${url || (await new Response(child.stderr).text())}`);
  }
  return { url, pid: child.pid, stop };
}
