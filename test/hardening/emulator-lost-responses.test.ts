/** Faults after apply: the emulator applies the request, then answers with an injected error (a lost response). */
import { describe, expect, test } from "bun:test";
import { startEmulator } from "../../src/emulator/server.ts";
import { Api } from "../emulator/harness.ts";

describe("--fault-after-apply", () => {
  test("every request is applied, then answered with the injected status", async () => {
    const emulator = await startEmulator({ faults: { afterApplyRate: 1, statuses: [503] } });
    try {
      const api = new Api(emulator);
      const created = await api.post("spaces", { items: [{ space: "sp_lost" }] });
      expect(created.status).toBe(503);
      expect(created.headers.get("cdf-is-auto-retryable")).toBe("true");
      expect(created.body.error.message).toContain("after the request was applied");
      const read = await api.post("spaces/byids", { items: [{ space: "sp_lost" }] });
      expect(read.status).toBe(503);
    } finally {
      await emulator.stop();
    }
  });

  test("the write of a failed response is there afterwards", async () => {
    // Seeded, so the mix of failed and answered creates is the same every run.
    const emulator = await startEmulator({ faults: { afterApplyRate: 0.5, statuses: [502], seed: 7 } });
    try {
      const api = new Api(emulator);
      const outcomes: number[] = [];
      for (let index = 0; index < 20; index++) outcomes.push((await api.post("spaces", { items: [{ space: `sp_${index}` }] })).status);
      expect(outcomes).toContain(502);
      expect(outcomes).toContain(200);
      let listed: { space: string }[] = [];
      for (let attempt = 0; attempt < 50 && listed.length === 0; attempt++) {
        const response = await api.get("spaces?limit=1000");
        if (response.status === 200) listed = response.body.items;
      }
      expect(listed.map((space) => space.space).filter((space) => space.startsWith("sp_")).length).toBe(20);
    } finally {
      await emulator.stop();
    }
  });
});
