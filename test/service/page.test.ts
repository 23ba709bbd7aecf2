/**
 * The page at GET /, in a real browser: Debian's Chromium driven headless by playwright-core (.ci/run installs
 * it; the test skips where it is missing). A person picks the example model, generates, and downloads the SDK,
 * which unzip then opens.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { EXAMPLE_MODEL_NAME } from "../../src/sources.ts";
import { API_KEY, useService } from "./harness.ts";

const CHROMIUM = process.env.PYGEN_TEST_CHROMIUM ?? Bun.which("chromium") ?? Bun.which("chromium-browser");
const REPO = join(import.meta.dir, "..", "..");
if (!CHROMIUM && process.env.PYGEN_REQUIRE_SERVICE_DEPS === "1") {
  throw new Error("the page test must run here (PYGEN_REQUIRE_SERVICE_DEPS=1) but Chromium is missing (PYGEN_TEST_CHROMIUM)");
}

describe.skipIf(!CHROMIUM)("the web page in Chromium", () => {
  const running = useService();
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), "pygen-page-"));

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM as string,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("upload the example model, generate, download and unzip the SDK", async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    await page.goto(`${running.url}/`);
    await expect(page.title()).resolves.toContain("pygen");
    // The language list comes from GET /version.
    await page.locator("#language option").first().waitFor({ state: "attached" });
    await page.setInputFiles("#file", join(REPO, EXAMPLE_MODEL_NAME));
    await page.locator("#generate:enabled").waitFor();
    await page.selectOption("#language", "python");
    await page.fill("#package", "browser_sdk");
    await page.fill("#key", API_KEY);
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), page.click("#generate")]);
    expect(download.suggestedFilename()).toBe("browser_sdk.zip");
    const zipPath = join(dir, "sdk.zip");
    await download.saveAs(zipPath);
    await page.locator("#status", { hasText: /^Done/ }).waitFor();
    expect(await page.textContent("#status")).toMatch(/^Done: browser_sdk\.zip \(\d+ files, \d+ lines\)/);
    expect(Bun.spawnSync(["unzip", "-q", zipPath, "-d", join(dir, "out")]).exitCode).toBe(0);
    expect(existsSync(join(dir, "out", "browser_sdk", "browser_sdk", "_client.py"))).toBe(true);
    expect(readdirSync(join(dir, "out", "browser_sdk"))).toContain("pyproject.toml");
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  test("a wrong key and a broken model are shown as errors on the page", async () => {
    const page = await browser.newPage();
    await page.goto(`${running.url}/`);
    // Dropped on the drop zone this time, as a person drags a file from their desktop.
    const dataTransfer = await page.evaluateHandle((text: string) => {
      // biome-ignore lint/suspicious/noExplicitAny: runs in the browser; the test's TypeScript has no DOM types.
      const browser = globalThis as any;
      const transfer = new browser.DataTransfer();
      transfer.items.add(new browser.File([text], "broken.yaml", { type: "application/yaml" }));
      return transfer;
    }, "space: sp\nexternalId: M\nversion: '1'\nviews: [{space: sp}]\n");
    await page.dispatchEvent("#drop", "drop", { dataTransfer });
    await page.locator("#file-name", { hasText: "broken.yaml" }).waitFor();
    await page.locator("#generate:enabled").waitFor();
    await page.fill("#key", "not-the-key");
    await page.click("#generate");
    await page.waitForSelector("#status.error");
    expect(await page.textContent("#status")).toContain("API key is not valid");
    await page.fill("#key", API_KEY);
    await page.click("#generate");
    await page.locator("#status", { hasText: "views[0]" }).waitFor();
    expect(await page.getAttribute("#status", "class")).toBe("error");
    await page.close();
  }, 60_000);
});
