import { afterAll, expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "../../src/data-formats.ts";
import { startEmulator } from "../../src/emulator/server.ts";
import { ParseError } from "../../src/errors.ts";
import { parseModelDocument } from "../../src/sources.ts";
import { describeShared, sharedModelNames, sharedModelPath } from "../support/shared-models.ts";
import { Api } from "./harness.ts";

const stops: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(stops.map((stop) => stop())));

async function seeded(options: Parameters<typeof startEmulator>[0]): Promise<Api> {
  const emulator = await startEmulator({ project: "seeded", ...options });
  stops.push(() => emulator.stop());
  return new Api(emulator, "seeded");
}

describeShared("seeding from ../shared/models", () => {
  for (const name of sharedModelNames()) {
    test(`${name}: --model creates spaces, containers, views and the data model; views read back as the file has them`, async () => {
      const file = sharedModelPath(name);
      const api = await seeded({ modelFiles: [file] });
      const [model] = parseModelDocument(await Bun.file(file).text(), file);
      if (!model) throw new Error(`${file} holds no model`);
      const body = await api.request("POST", "datamodels/byids?inlineViews=true", {
        items: [{ space: model.space, externalId: model.externalId, version: model.version }],
      });
      expect(body.status).toBe(200);
      const views = body.body.items[0].views as { externalId: string; properties: Record<string, { type?: { type?: string } }> }[];
      expect(views.map((view) => view.externalId).sort()).toEqual(model.views.map((view) => view.externalId).sort());
      for (const expected of model.views) {
        const actual = views.find((view) => view.externalId === expected.externalId);
        expect(Object.keys(actual?.properties ?? {}).sort(), expected.externalId).toEqual(Object.keys(expected.properties).sort());
        for (const [id, property] of Object.entries(expected.properties)) {
          if (property.kind === "mapped")
            expect(actual?.properties[id]?.type?.type, `${expected.externalId}.${id}`).toBe(property.type.type);
        }
      }
    });
  }

  test("all models load together into one emulator", async () => {
    const api = await seeded({ modelFiles: sharedModelNames().map((name) => sharedModelPath(name)) });
    const listed = await api.get("datamodels?limit=1000");
    expect(listed.body.items.length).toBeGreaterThanOrEqual(sharedModelNames().length);
  });

  test("Omni: --instances loads nodes.yaml (read shape) with values intact, int64 exact", async () => {
    const instancesFile = sharedModelPath("Omni", "nodes.yaml");
    const api = await seeded({ modelFiles: [sharedModelPath("Omni")], instanceFiles: [instancesFile] });
    const expected = parseDocument(await Bun.file(instancesFile).text(), instancesFile) as {
      externalId: string;
      properties?: Record<string, Record<string, Record<string, unknown>>>;
    }[];
    const heather = expected.find((node) => node.externalId === "PrimitiveNullable:Heather");
    const body = await api.ok("instances/byids", {
      items: [{ instanceType: "node", space: "sp_omni_instances", externalId: "PrimitiveNullable:Heather" }],
      sources: [{ source: { type: "view", space: "sp_pygen_models", externalId: "PrimitiveNullable", version: "1" } }],
    });
    expect(body.items[0].properties).toEqual(heather?.properties);
    expect(body.items[0].properties.sp_pygen_models["PrimitiveNullable/1"].int64).toBe(1323009607114000794n);
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await api.ok("instances/list", {
        filter: { equals: { property: ["node", "space"], value: "sp_omni_instances" } },
        cursor,
      });
      count += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(count).toBeGreaterThanOrEqual(expected.length);
  });

  test("Omni: the write payloads under write/ apply through the API", async () => {
    const api = await seeded({ modelFiles: [sharedModelPath("Omni")] });
    await api.ok("spaces", { items: [{ space: "sp_omni_instances" }] });
    const folder = join(sharedModelPath("Omni", "write"));
    const files = readdirSync(folder).filter((file) => /\.(node|edge)\.yaml$/.test(file));
    // Nodes first, so edges find their end nodes.
    files.sort((a, b) => Number(a.includes(".edge.")) - Number(b.includes(".edge.")));
    for (const file of files) {
      const items = parseDocument(await Bun.file(join(folder, file)).text(), file);
      const response = await api.post("instances", { items, autoCreateStartNodes: true, autoCreateEndNodes: true });
      expect(response.status, `${file}: ${JSON.stringify(response.body?.error)}`).toBe(200);
    }
  });
});

test("--instances also takes write-shape nodes and edges, creating their spaces", async () => {
  const file = join(tmpdir(), `pygen-write-shape-${process.pid}.json`);
  await Bun.write(
    file,
    JSON.stringify({
      items: [
        { instanceType: "node", space: "sp_seeded", externalId: "n1" },
        { instanceType: "node", space: "sp_seeded", externalId: "n2" },
        {
          instanceType: "edge",
          space: "sp_seeded",
          externalId: "n1-n2",
          type: { space: "sp_seeded", externalId: "link" },
          startNode: { space: "sp_seeded", externalId: "n1" },
          endNode: { space: "sp_seeded", externalId: "n2" },
        },
      ],
    }),
  );
  try {
    const api = await seeded({ instanceFiles: [file] });
    const edges = await api.ok("instances/list", { instanceType: "edge" });
    expect(edges.items.map((edge: { externalId: string }) => edge.externalId)).toEqual(["n1-n2"]);
    const spaces = await api.ok("spaces/byids", { items: [{ space: "sp_seeded" }] });
    expect(spaces.items).toHaveLength(1);
  } finally {
    await Bun.file(file).delete();
  }
});

test("a broken --model file is a ParseError naming the file", async () => {
  const file = join(tmpdir(), `pygen-broken-model-${process.pid}.yaml`);
  await Bun.write(file, "space: [unclosed\n");
  try {
    await expect(startEmulator({ modelFiles: [file] })).rejects.toBeInstanceOf(ParseError);
  } finally {
    await Bun.file(file).delete();
  }
});
