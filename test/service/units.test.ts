/** The service's small parts: archive paths, flag parsing, key lists. */
import { describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GenerationError, UsageError } from "../../src/errors.ts";
import { tarGz, zip } from "../../src/service/archive.ts";
import { serviceOptionsFromFlags } from "../../src/service/command.ts";
import { parseKeyList } from "../../src/service/security.ts";

describe("archives", () => {
  test("refuse entries that are not plain relative paths", async () => {
    for (const path of ["../escape.py", "/etc/passwd", "a/../../b", "a\\b", "C:/x", "a//b"]) {
      expect(() => zip("pkg", [{ path, content: "" }])).toThrow(GenerationError);
      await expect(tarGz("pkg", [{ path, content: "" }])).rejects.toThrow(GenerationError);
    }
    expect(() => zip("..", [{ path: "a.py", content: "" }])).toThrow(GenerationError);
  });

  test("the same files give the same zip bytes", () => {
    const files = [{ path: "pkg/a.py", content: "x = 1\n".repeat(50) }];
    expect(zip("root", files)).toEqual(zip("root", files));
  });
});

describe("serve flags", () => {
  test("keys come from the environment and a file, without duplicates or comments", () => {
    const dir = mkdtempSync(join(tmpdir(), "pygen-keys-"));
    writeFileSync(join(dir, "keys"), "# ops team\nkey-b\n\nkey-c  # CI\nkey-a\n");
    const options = serviceOptionsFromFlags({ apiKeysFile: join(dir, "keys") }, { PYGEN_API_KEYS: "key-a, key-b" });
    expect(options.apiKeys).toEqual(["key-a", "key-b", "key-c"]);
    expect(options.noAuth).toBe(false);
  });

  test("no keys without --no-auth, and not both", () => {
    expect(() => serviceOptionsFromFlags({}, {})).toThrow("no API keys");
    expect(() => serviceOptionsFromFlags({ auth: false }, { PYGEN_API_KEYS: "k" })).toThrow("--no-auth contradicts");
    expect(serviceOptionsFromFlags({ auth: false }, {}).apiKeys).toEqual([]);
  });

  test("defaults, units and the allowlist", () => {
    const options = serviceOptionsFromFlags({ auth: false, maxBodyMb: "1.5", allowCdfUrl: ["*.example.org", "https://cdf.local"] }, {});
    expect(options).toMatchObject({ host: "127.0.0.1", port: 8000, workers: 2, rateLimitPerMinute: 120, jobTimeoutMs: 300_000 });
    expect(options.maxBodyBytes).toBe(1_572_864);
    expect(options.urls.allowedHosts).toEqual(["*.cognitedata.com", "login.microsoftonline.com", "*.example.org", "https://cdf.local"]);
    expect(options.urls.allowLoopback).toBe(false);
  });

  test("bad values are usage errors naming the flag", () => {
    const cases: [Parameters<typeof serviceOptionsFromFlags>[0], string][] = [
      [{ port: "70000" }, "--port"],
      [{ workers: "2.5" }, "--workers"],
      [{ jobTimeout: "-1" }, "--job-timeout"],
      [{ rateLimit: "lots" }, "--rate-limit"],
      [{ lockSeconds: "0" }, "--lock-seconds"],
      // Plain decimals only, as every command's numeric options: these parse as numbers in JavaScript.
      [{ port: "0x50" }, "--port"],
      [{ maxBodyMb: "1e3" }, "--max-body-mb"],
    ];
    for (const [flags, name] of cases) {
      expect(() => serviceOptionsFromFlags({ auth: false, ...flags }, {})).toThrow(UsageError);
      expect(() => serviceOptionsFromFlags({ auth: false, ...flags }, {})).toThrow(name);
    }
  });

  test("key lists ignore blanks and comments", () => {
    expect(parseKeyList(" a ,, b # note", /,/)).toEqual(["a", "b"]);
  });
});
