import { describe, expect, test } from "bun:test";
import { cdfConfigured, connectionLayers, describeSources, mergeLayers, overlay } from "../../src/cli/connection.ts";

describe("connection layers", () => {
  test("a higher layer wins key by key", () => {
    expect(overlay({ project: "low", clientId: "id" }, { project: "high" })).toEqual({ project: "high", clientId: "id" });
  });

  test("alternatives replace each other: base URL or cluster, token URL or tenant, token or client credentials", () => {
    expect(overlay({ cluster: "westeurope-1" }, { baseUrl: "http://127.0.0.1:1" })).toEqual({ baseUrl: "http://127.0.0.1:1" });
    expect(overlay({ baseUrl: "http://127.0.0.1:1" }, { cluster: "westeurope-1" })).toEqual({ cluster: "westeurope-1" });
    expect(overlay({ tenantId: "t" }, { tokenUrl: "http://idp/token" })).toEqual({ tokenUrl: "http://idp/token" });
    expect(overlay({ token: "low-token" }, { clientId: "id" })).toEqual({ clientId: "id" });
    expect(overlay({ clientId: "id", clientSecret: "s" }, { token: "t" })).toEqual({ token: "t" });
  });

  test("order: config file < environment < credentials file < flags", async () => {
    const layers = await connectionLayers(
      { project: "flag-project" },
      { client: { project: "file", cluster: "c", scopes: ["a", "b"] } },
      {
        CDF_PROJECT: "env-project",
        CDF_CLIENT_ID: "env-id",
      },
    );
    expect(layers.map((layer) => layer.name)).toEqual(["config file", "environment", "flags"]);
    expect(mergeLayers(layers)).toEqual({ project: "flag-project", cluster: "c", scopes: "a b", clientId: "env-id" });
    expect(describeSources(layers)).toBe(
      "project from flags, cluster from config file, scopes from config file, clientId from environment",
    );
  });

  test("CDF counts as configured once anything says where it is", () => {
    expect(cdfConfigured({})).toBe(false);
    expect(cdfConfigured({ clientId: "id" })).toBe(false);
    expect(cdfConfigured({ project: "p" })).toBe(true);
    expect(cdfConfigured({ cluster: "c" })).toBe(true);
  });
});
