import { describe, expect, test } from "bun:test";
import { type CliIO, groupDigits, Reporter } from "../../src/cli/reporter.ts";

function capture(stderrColor = false): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (text) => out.push(text), stderr: (text) => err.push(text), stderrColor }, out, err };
}

describe("the reporter", () => {
  test("results on stdout; notes, timed steps and warnings on stderr", async () => {
    const { io, out, err } = capture();
    const reporter = new Reporter(io, {});
    reporter.result("the result");
    reporter.note("a note");
    expect(
      await reporter.step(
        (value: number) => `counted ${value}`,
        () => 3,
      ),
    ).toBe(3);
    reporter.warn("fix this");
    expect(out).toEqual(["the result"]);
    expect(err[0]).toBe("a note");
    expect(err[1]).toMatch(/^counted 3 … \d+ ms$/);
    expect(err[2]).toBe("warning: fix this");
  });

  test("--quiet drops notes and progress, never warnings or results", async () => {
    const { io, out, err } = capture();
    const reporter = new Reporter(io, { quiet: true });
    reporter.note("a note");
    await reporter.step("a step", () => undefined);
    // With nothing to print, a label that depends on the result is not even computed.
    await reporter.step(
      () => {
        throw new Error("label computed");
      },
      () => 1,
    );
    reporter.warn("fix this");
    reporter.result("the result");
    expect(err).toEqual(["warning: fix this"]);
    expect(out).toEqual(["the result"]);
  });

  test("counts are grouped by thousands as en-US groups them", () => {
    for (const count of [0, 7, 999, 1000, 3080, 26_700, 1_234_567]) expect(groupDigits(count)).toBe(count.toLocaleString("en-US"));
  });

  test("colour only when stderr allows it", () => {
    const plain = capture(false);
    new Reporter(plain.io, {}).warn("w");
    expect(plain.err[0]).not.toContain("\u001b[");
    const coloured = capture(true);
    new Reporter(coloured.io, {}).warn("w");
    expect(coloured.err[0]).toBe("\u001b[33mwarning:\u001b[0m w");
  });
});
