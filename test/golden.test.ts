/**
 * The golden record (test/support/golden.ts): the SDKs generated from the golden models must be exactly the
 * files checked in under test/golden/<name>/. A difference fails with the files that differ and a short diff;
 * `npm run golden:update` writes the record anew when the change is intended.
 */
import { describe, expect, test } from "bun:test";
import { realpathSync } from "node:fs";
import { join } from "node:path";
import {
  compareGolden,
  describeDifference,
  GOLDEN_DIR,
  generateGolden,
  isSame,
  RUNTIME_SOURCE,
  readGolden,
  recordedModels,
  runtimeDrift,
  shortDiff,
} from "./support/golden.ts";

const { models, missing } = recordedModels();

describe("the golden record", () => {
  for (const model of models) {
    test(`${model.name}: the generated SDK is the one recorded in test/golden/${model.name}/`, async () => {
      const recorded = readGolden(model.name);
      if (recorded.size === 0) throw new Error(`test/golden/${model.name}/ is missing: run npm run golden:update`);
      const generated = await generateGolden(model);
      const difference = compareGolden(recorded, generated.files);
      if (!isSame(difference)) throw new Error(describeDifference(model.name, difference));
      // The runtime is vendored verbatim, and the record links to it.
      expect(runtimeDrift(generated.runtime)).toEqual([]);
      for (const folder of generated.runtimeFolders) {
        expect(realpathSync(join(GOLDEN_DIR, model.name, folder))).toBe(realpathSync(RUNTIME_SOURCE));
      }
    });
  }

  for (const model of missing) test.skip(`${model.name}: not recorded, ${model.file} does not exist yet`, () => {});
});

describe("the comparison", () => {
  const recorded = new Map([
    ["pkg/a.py", "one\ntwo\nthree\nfour\n"],
    ["pkg/gone.py", "x\n"],
  ]);
  const generated = new Map([
    ["pkg/a.py", "one\ntwo\nTHREE\nfour\n"],
    ["pkg/new.py", "y\n"],
  ]);

  test("names new, vanished and changed files, with the changed lines", () => {
    const difference = compareGolden(recorded, generated);
    expect(difference.missing).toEqual(["pkg/new.py"]);
    expect(difference.extra).toEqual(["pkg/gone.py"]);
    expect(difference.changed).toEqual([{ path: "pkg/a.py", diff: "@@ line 3\n- three\n+ THREE" }]);
    const message = describeDifference("demo", difference);
    expect(message).toContain("new file (not recorded): pkg/new.py");
    expect(message).toContain("recorded, no longer generated: pkg/gone.py");
    expect(message).toContain("npm run golden:update");
    expect(isSame(compareGolden(recorded, recorded))).toBe(true);
  });

  test("a long change is cut to a few lines", () => {
    const many = Array.from({ length: 30 }, (_, index) => `line ${index}`).join("\n");
    const diff = shortDiff("", many).split("\n");
    expect(diff).toHaveLength(1 + 1 + 8 + 1);
    expect(diff.at(-1)).toBe("+ … 22 more lines");
  });
});
