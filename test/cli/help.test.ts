/** `pygen <command> --help`: what the command does, its options with their defaults, and an example. */
import { afterEach, describe, expect, spyOn, test } from "bun:test";
import { runCli } from "../../src/cli.ts";
import { languageKeys } from "../../src/generators/registry.ts";

const io = { stdout: () => {}, stderr: () => {} };
let printed: ReturnType<typeof spyOn> | undefined;
afterEach(() => printed?.mockRestore());

/** cac prints help with console.info. */
async function help(argv: string[]): Promise<string> {
  const lines: string[] = [];
  printed = spyOn(console, "info").mockImplementation((text: unknown) => void lines.push(String(text)));
  await runCli(argv, io);
  return lines.join("\n");
}

const COMMANDS: [string, string][] = [
  ["generate", "Generate a typed SDK (Python, TypeScript, PySpark) from a data model"],
  ["validate", "Check a data model for what would block or degrade generation"],
  ["inspect", "Show a data model's views, properties, types and relations"],
  ["emulate", "Run a local emulator of CDF's data-modeling API"],
  ["serve", "Run the SDK generation service"],
  ["doctor", "Check this pygen binary"],
];

describe("each command's --help", () => {
  test.each(COMMANDS)("%s: says what it does, then usage, options and an example", async (command, description) => {
    const text = await help([command, "--help"]);
    expect(text).toStartWith(`pygen ${command}: ${description}`);
    // More than the one line of the command list: a paragraph on what it does, before the usage.
    const about = text.slice(0, text.indexOf("Usage:"));
    expect(about.split("\n").filter(Boolean).length).toBeGreaterThan(1);
    expect(text).toContain(`Usage:\n  $ pygen ${command} [options]`);
    expect(text).toContain("Options:\n");
    expect(text).toContain("  -h, --help");
    expect(text).toMatch(new RegExp(`Examples:\\n(.*\\n)*?  (\\S+=\\S+ )?pygen ${command}`));
    expect(text).not.toMatch(/ +$/m);
  });

  test("options show their defaults", async () => {
    expect(await help(["generate", "--help"])).toContain(
      `--language <language>       Target language: ${languageKeys().join(", ")} (default: python)`,
    );
    expect(await help(["serve", "--help"])).toMatch(/--port <port> +Port to listen on; 0 picks a free one \(default: 8000\)/);
    expect(await help(["emulate", "--help"])).toMatch(/--port <port> +Port on 127\.0\.0\.1; 0 \(the default\) picks a free one/);
  });

  test("-h works as --help, and the overview still lists every command with its description", async () => {
    expect(await help(["validate", "-h"])).toStartWith("pygen validate: Check a data model");
    const overview = await help(["--help"]);
    expect(overview).toStartWith("pygen\n\nUsage:\n  $ pygen <command> [options]");
    for (const [command] of COMMANDS) expect(overview).toMatch(new RegExp(`^  ${command} +\\S`, "m"));
  });
});
