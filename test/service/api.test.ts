/** The service's endpoints and error paths over real HTTP, with archives opened by unzip, tar and Python. */
import { describe, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { API_KEY, call, EXAMPLE_MODEL_TEXT, post, submitExample, useService, waitForJob } from "./harness.ts";

const OTHER_KEY = "other-key-9876543210";
const running = useService({ maxBodyBytes: 512 * 1024, apiKeys: [API_KEY, OTHER_KEY] });

describe("open endpoints", () => {
  test("GET /health reports the embedded queue", async () => {
    const answer = await call(`${running.url}/health`, { key: null });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: "ok", queue: { backend: "embedded", ok: true } });
  });

  test("GET /version lists the languages and formats", async () => {
    const answer = await call(`${running.url}/version`, { key: null });
    expect(answer.body.languages).toEqual(["python", "typescript", "pyspark"]);
    expect(answer.body.output_formats).toEqual(["zip", "tarball", "code"]);
    expect(answer.body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  test("GET /openapi.json is an OpenAPI 3.1 document whose request schema is the one the server checks", async () => {
    const answer = await call(`${running.url}/openapi.json`, { key: null });
    expect(answer.body.openapi).toBe("3.1.0");
    expect(Object.keys(answer.body.paths).sort()).toEqual(
      ["/generate", "/generate/{job_id}", "/generate/{job_id}/download", "/health", "/metrics", "/validate", "/version"].sort(),
    );
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(answer.body.components.schemas.GenerateRequest);
    expect(validate({ model: "x", language: "python", output_format: "zip" })).toBe(true);
    expect(validate({ model: "x", language: "cobol" })).toBe(false);
    expect(validate({ model: "x", surprise: 1 })).toBe(false);
    expect(answer.body.components.schemas.GenerateRequest.properties.output_format.enum).toEqual(["zip", "tarball", "code"]);
  });

  test("GET / serves the page", async () => {
    const answer = await call(`${running.url}/`, { key: null });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("text/html");
    expect(answer.text).toContain("<title>pygen");
  });

  test("GET /metrics speaks Prometheus text", async () => {
    await submitExample(running.url).then((id) => waitForJob(running.url, id));
    const answer = await call(`${running.url}/metrics`, { key: null });
    expect(answer.headers.get("content-type")).toContain("text/plain");
    expect(answer.text).toMatch(/^pygen_jobs\{state="completed"\} [1-9]\d*$/m);
    expect(answer.text).toMatch(/^pygen_queue_depth \d+$/m);
    expect(answer.text).toMatch(/^pygen_job_duration_seconds_count [1-9]\d*$/m);
    expect(answer.text).toMatch(/^pygen_http_requests_total\{method="POST",route="\/generate",status="202"\} [1-9]\d*$/m);
  });
});

describe("a generation job", () => {
  test("is queued, completes with a summary, and downloads as a zip that unzip and Python open", async () => {
    const accepted = await post(`${running.url}/generate`, { model: EXAMPLE_MODEL_TEXT, options: { top_level_package: "plant_sdk" } });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ job_id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: "queued" });
    const done = await waitForJob(running.url, accepted.body.job_id);
    expect(done.body.status).toBe("completed");
    expect(done.body.download_url).toBe(`/generate/${accepted.body.job_id}/download`);
    expect(done.body.summary).toMatchObject({ package: "plant_sdk", client_name: "HydroPlantModelClient", classes: 12 });
    expect(done.body.errors).toEqual([]);

    const download = await fetch(`${running.url}${done.body.download_url}`, { headers: { authorization: `Bearer ${API_KEY}` } });
    expect(download.headers.get("content-type")).toBe("application/zip");
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="plant_sdk.zip"');
    const dir = mkdtempSync(join(tmpdir(), "pygen-zip-"));
    await Bun.write(join(dir, "sdk.zip"), await download.arrayBuffer());
    const unzip = Bun.spawnSync(["unzip", "-q", "sdk.zip", "-d", "out"], { cwd: dir });
    expect(unzip.exitCode).toBe(0);
    expect(readdirSync(join(dir, "out", "plant_sdk"))).toContain("pyproject.toml");
    expect(readFileSync(join(dir, "out", "plant_sdk", "plant_sdk", "__init__.py"), "utf8")).toContain("HydroPlantModelClient");
    const python = Bun.spawnSync(
      [
        "python3",
        "-c",
        "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.namelist()))",
        "sdk.zip",
      ],
      { cwd: dir },
    );
    expect(python.stderr.toString()).toBe("");
    expect(Number(python.stdout.toString())).toBe(done.body.summary.files);
  });

  test("a tarball job downloads a tar.gz that tar extracts, byte-identical to the code format", async () => {
    const id = await submitExample(running.url, { output_format: "tarball" });
    const done = await waitForJob(running.url, id);
    expect(done.body.output_format).toBe("tarball");
    const download = await fetch(`${running.url}/generate/${id}/download`, { headers: { "x-api-key": API_KEY } });
    expect(download.headers.get("content-type")).toBe("application/gzip");
    const dir = mkdtempSync(join(tmpdir(), "pygen-tar-"));
    await Bun.write(join(dir, "sdk.tar.gz"), await download.arrayBuffer());
    expect(Bun.spawnSync(["tar", "-xzf", "sdk.tar.gz"], { cwd: dir }).exitCode).toBe(0);
    const code = await call(`${running.url}/generate/${id}/download?format=code`);
    expect(code.body.files.length).toBe(done.body.summary.files);
    for (const file of code.body.files as { path: string; content: string }[]) {
      expect(readFileSync(join(dir, "hydro_plant_model", file.path), "utf8")).toBe(file.content);
    }
  });

  test("the same job downloads the same bytes twice", async () => {
    const id = await submitExample(running.url);
    await waitForJob(running.url, id);
    const first = await call(`${running.url}/generate/${id}/download?format=code`);
    const second = await call(`${running.url}/generate/${id}/download?format=code`);
    expect(second.text).toBe(first.text);
  });

  test("an inline model as parsed JSON works like its text, with view filters and warnings", async () => {
    const parsed = Bun.YAML.parse(EXAMPLE_MODEL_TEXT);
    const id = (
      await post(`${running.url}/generate`, {
        model: parsed,
        output_format: "code",
        options: { include_views: ["Hydro*", "Generator", "NoSuchView"] },
      })
    ).body.job_id;
    const done = await waitForJob(running.url, id);
    expect(done.body.status).toBe("completed");
    expect(done.body.warnings).toContainEqual(expect.objectContaining({ code: "UNMATCHED_VIEW_PATTERN", location: "NoSuchView" }));
  });

  test("a strict job on a model with warnings fails with the validator's findings", async () => {
    const model = Bun.YAML.parse(EXAMPLE_MODEL_TEXT) as { views: { properties: Record<string, unknown> }[] };
    const view = model.views[0] as { properties: Record<string, unknown> };
    view.properties.class = view.properties[Object.keys(view.properties)[0] as string];
    const id = (await post(`${running.url}/generate`, { model, options: { strict: true } })).body.job_id;
    const done = await waitForJob(running.url, id);
    expect(done.body.status).toBe("failed");
    expect(done.body.errors[0].code).toBe("validation_error");
    const download = await call(`${running.url}/generate/${id}/download`);
    expect(download.status).toBe(409);
    expect(download.body.error.code).toBe("job_not_completed");
  });
});

describe("POST /validate", () => {
  test("returns the validator's report", async () => {
    const answer = await post(`${running.url}/validate`, { model: EXAMPLE_MODEL_TEXT });
    expect(answer.status).toBe(200);
    expect(answer.body.isValid).toBe(true);
    expect(answer.body.counts).toEqual({ errors: 0, warnings: expect.any(Number), infos: expect.any(Number) });
  });

  test("a broken model is a 400 that says where", async () => {
    const answer = await post(`${running.url}/validate`, { model: "space: sp\nexternalId: M\nversion: '1'\nviews: [{space: sp}]\n" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("invalid_model");
    expect(answer.body.error.message).toContain("views[0]");
  });
});

describe("errors", () => {
  const expectError = (answer: { status: number; body: { error?: { code?: string; message?: string } } }, status: number, code: string) => {
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status, code });
    expect(answer.body.error?.message).toBeString();
  };

  test("bad JSON", async () => expectError(await post(`${running.url}/generate`, "{not json"), 400, "invalid_json"));
  test("an empty body", async () => expectError(await post(`${running.url}/generate`, ""), 400, "invalid_json"));
  test("an unknown language", async () => {
    const answer = await post(`${running.url}/generate`, { model: EXAMPLE_MODEL_TEXT, language: "cobol" });
    expectError(answer, 400, "invalid_request");
    expect(answer.body.error.message).toContain("language");
  });
  test("an unknown output format", async () =>
    expectError(await post(`${running.url}/generate`, { model: "x", output_format: "rar" }), 400, "invalid_request"));
  test("no model at all", async () => {
    const answer = await post(`${running.url}/generate`, {});
    expectError(answer, 400, "invalid_request");
    expect(answer.body.error.message).toContain("either `model`");
  });
  test("a CDF model without credentials", async () => {
    const answer = await post(`${running.url}/generate`, {
      space: "sp",
      external_id: "M",
      version: "1",
      project: "p",
      cdf_url: "https://api.cognitedata.com",
    });
    expectError(answer, 400, "invalid_request");
    expect(answer.body.error.message).toContain("cdf_credentials");
  });
  test("an unknown field", async () => {
    const answer = await post(`${running.url}/generate`, { model: "x", colour: "blue" });
    expectError(answer, 400, "invalid_request");
    expect(answer.body.error.message).toBe("colour: unknown field");
  });
  test("an oversized body", async () => {
    const answer = await post(`${running.url}/generate`, { model: "x".repeat(600 * 1024) });
    expectError(answer, 413, "body_too_large");
  });
  test("no API key", async () => expectError(await post(`${running.url}/generate`, { model: "x" }, null), 401, "unauthorized"));
  test("a wrong API key", async () => {
    const answer = await post(`${running.url}/generate`, { model: "x" }, "wrong-key");
    expectError(answer, 401, "unauthorized");
    expect(answer.text).not.toContain("wrong-key");
  });
  test("an unknown job id", async () => {
    expectError(await call(`${running.url}/generate/00000000-0000-0000-0000-000000000000`), 404, "job_not_found");
    expectError(await call(`${running.url}/generate/no-such-job/download`), 404, "job_not_found");
    expectError(await call(`${running.url}/generate/${encodeURIComponent("../../etc")}`), 404, "job_not_found");
  });
  test("another key's job is not found", async () => {
    const id = await submitExample(running.url);
    await waitForJob(running.url, id);
    expectError(await call(`${running.url}/generate/${id}`, { key: OTHER_KEY }), 404, "job_not_found");
    expectError(await call(`${running.url}/generate/${id}/download`, { key: OTHER_KEY }), 404, "job_not_found");
  });
  test("an unknown endpoint and a wrong method", async () => {
    expectError(await call(`${running.url}/nope`), 404, "not_found");
    const answer = await call(`${running.url}/generate`);
    expectError(answer, 405, "method_not_allowed");
    expect(answer.headers.get("allow")).toBe("POST");
  });
  test("a bad download format", async () => {
    const id = await submitExample(running.url);
    await waitForJob(running.url, id);
    expectError(await call(`${running.url}/generate/${id}/download?format=rar`), 400, "invalid_request");
  });
  test("an SSRF target is refused before any request", async () => {
    for (const cdfUrl of [
      "http://api.cognitedata.com",
      "https://169.254.169.254",
      "https://127.0.0.1:6379",
      "https://internal.example.com",
      "https://user:pw@api.cognitedata.com",
    ]) {
      const answer = await post(`${running.url}/generate`, {
        space: "sp",
        external_id: "M",
        version: "1",
        project: "p",
        cdf_url: cdfUrl,
        cdf_credentials: { token: "t0ken-value" },
      });
      expectError(answer, 403, "url_not_allowed");
    }
  });
  test("every answer carries a request id, and a client's own is kept", async () => {
    const answer = await call(`${running.url}/generate/x`, { headers: { "x-request-id": "trace-42" } });
    expect(answer.headers.get("x-request-id")).toBe("trace-42");
    expect(running.logs.some((line) => line.includes('"request_id":"trace-42"'))).toBe(true);
  });
});
