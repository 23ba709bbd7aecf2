import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config.ts";
import { ParseError } from "../src/errors.ts";
import { rejected } from "./support/failures.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pygen-config-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

describe("pygen.yaml", () => {
  test("unknown keys are refused with their path", async () => {
    write("pygen.yaml", "generation:\n  output: ./sdk\n  note: x\n");
    const error = await rejected(loadConfig({ cwd: dir }));
    expect(error.message).toContain("generation.note: is not a known key (check its spelling)");
  });

  test("sections are read, ${ENV} is interpolated, $$ escapes, relative paths resolved", async () => {
    write(
      "pygen.yaml",
      "client:\n  clientSecret: ${MY_SECRET}\n  clientName: pay$$me\nmodel:\n  ids: [{space: sp, externalId: Omni, version: 1}]\ngeneration:\n  output: ./sdk\n  includeViews: Pump*\n",
    );
    const loaded = await loadConfig({ cwd: dir, env: { MY_SECRET: "s" } });
    expect(loaded.path).toBe(join(dir, "pygen.yaml"));
    expect(loaded.warnings).toEqual([]);
    expect(loaded.config).toEqual({
      client: { clientSecret: "s", clientName: "pay$me" },
      model: { ids: [{ space: "sp", externalId: "Omni", version: "1" }] },
      generation: { output: join(dir, "sdk"), includeViews: ["Pump*"] },
    });
  });

  test("a missing environment variable is named", async () => {
    write("pygen.yaml", "client:\n  token: ${CDF_TOKEN}\n");
    const error = await rejected(loadConfig({ cwd: dir, env: {} }));
    expect(error).toBeInstanceOf(ParseError);
    expect(error.message).toBe(`${join(dir, "pygen.yaml")}: client.token needs the environment variable CDF_TOKEN, which is not set`);
  });

  test("a literal secret is a warning that says how to move it, without the value", async () => {
    write("pygen.yaml", "client:\n  clientSecret: hunter2\n  token: abc\n");
    const { warnings } = await loadConfig({ cwd: dir, env: {} });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain("client.clientSecret is written into the file");
    expect(warnings[0]).toContain("set CDF_CLIENT_SECRET in the environment and write clientSecret: ${CDF_CLIENT_SECRET}");
    expect(warnings.join("\n")).not.toContain("hunter2");
  });

  test("an explicit path must exist; no file at all is an empty config", async () => {
    expect(await rejected(loadConfig({ cwd: dir, explicitPath: "nope.yaml" }))).toBeInstanceOf(ParseError);
    expect(await loadConfig({ cwd: dir })).toEqual({ path: undefined, config: {}, warnings: [] });
  });

  test("pygen.yaml wins over pyproject.toml", async () => {
    write("pygen.yaml", "generation:\n  clientName: FromYaml\n");
    write("pyproject.toml", '[tool.pygen]\nclient_name = "FromToml"\n');
    expect((await loadConfig({ cwd: dir })).config.generation?.clientName).toBe("FromYaml");
  });
});

describe("pygen v1 pyproject.toml", () => {
  test("[tool.pygen] keys map onto the new config, .secret.toml supplies the secret", async () => {
    write(
      "pyproject.toml",
      [
        "[project]",
        'name = "app"',
        "[tool.pygen]",
        'data_models = [["IntegrationTestsImmutable", "Movie", "2"]]',
        'tenant_id = "tenant"',
        'client_id = "app-id"',
        'cdf_cluster = "bluefield"',
        'cdf_project = "movies"',
        'top_level_package = "movie_domain.client"',
        'client_name = "MovieClient"',
      ].join("\n"),
    );
    write(".secret.toml", '[cognite]\nclient_secret = "from-secret-file"\n');
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.path).toBe(join(dir, "pyproject.toml"));
    expect(loaded.warnings).toEqual([]);
    expect(loaded.config).toEqual({
      client: { tenantId: "tenant", clientId: "app-id", cluster: "bluefield", project: "movies", clientSecret: "from-secret-file" },
      model: { ids: [{ space: "IntegrationTestsImmutable", externalId: "Movie", version: "2" }] },
      generation: { topLevelPackage: "movie_domain.client", clientName: "MovieClient" },
    });
  });

  test("the older single-model keys work too", async () => {
    write("pyproject.toml", '[tool.pygen]\nspace = "sp"\nexternal_id = "Movie"\nversion = "2"\n');
    expect((await loadConfig({ cwd: dir })).config.model?.ids).toEqual([{ space: "sp", externalId: "Movie", version: "2" }]);
  });

  test("every setting of v1 1.4.2 is read: the rest of the connection, overwrite; format_code is named and ignored", async () => {
    write(
      "pyproject.toml",
      [
        "[tool.pygen]",
        'cdf_url = "https://plink.example.com"',
        'token_url = "https://idp.example.com/token"',
        'scopes = "https://x/.default, offline_access"',
        'audience = "https://x"',
        'overwrite = "true"',
        "format_code = true",
      ].join("\n"),
    );
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.config).toEqual({
      client: {
        baseUrl: "https://plink.example.com",
        tokenUrl: "https://idp.example.com/token",
        scopes: ["https://x/.default", "offline_access"],
        audience: "https://x",
      },
      generation: { overwrite: true },
    });
    expect(loaded.warnings).toEqual([
      `${join(dir, "pyproject.toml")}: [tool.pygen] format_code is ignored: pygen always formats the SDK it generates (ruff-format clean, with the formatter inside the binary)`,
    ]);
  });

  test("a key v1 did not know either is ignored with a warning that names it; broken TOML is an error", async () => {
    write("pyproject.toml", '[tool.pygen]\nclient_nam = "x"\nskip_formatting = true\n');
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.config).toEqual({});
    expect(loaded.warnings[1]).toContain("[tool.pygen] skip_formatting is ignored: pygen always formats");
    expect(loaded.warnings[0]).toContain('[tool.pygen] has an unknown key "client_nam", which is ignored; known: cdf_cluster,');
    write("pyproject.toml", '[tool.pygen]\noverwrite = "maybe"\n');
    expect((await rejected(loadConfig({ cwd: dir }))).message).toContain("generation.overwrite");
    write("pyproject.toml", "[tool.pygen\n");
    expect((await rejected(loadConfig({ cwd: dir }))).message).toContain("invalid TOML");
    write("pyproject.toml", '[project]\nname = "x"\n');
    expect((await loadConfig({ cwd: dir })).path).toBeUndefined();
    const named = await rejected(loadConfig({ cwd: dir, explicitPath: "pyproject.toml" }));
    expect(named.message).toBe("pyproject.toml: has no [tool.pygen] section");
  });
});
