import { beforeAll, describe, expect, test } from "bun:test";
import { ASSET_VIEW, applyTestSchema, DATA, PUMP_VIEW, SPACE, useEmulator } from "./harness.ts";

const setup = useEmulator();
beforeAll(() => applyTestSchema(setup.api));

describe("spaces", () => {
  test("apply is an upsert; unchanged definitions keep lastUpdatedTime", async () => {
    const first = (await setup.api.ok("spaces", { items: [{ space: "sp_one", name: "One" }] })).items[0];
    await Bun.sleep(5);
    const same = (await setup.api.ok("spaces", { items: [{ space: "sp_one", name: "One" }] })).items[0];
    expect(same.lastUpdatedTime).toBe(first.lastUpdatedTime);
    const renamed = (await setup.api.ok("spaces", { items: [{ space: "sp_one", name: "Uno" }] })).items[0];
    expect(renamed.lastUpdatedTime).toBeGreaterThan(first.lastUpdatedTime);
    expect(renamed).toMatchObject({ space: "sp_one", name: "Uno", isGlobal: false, createdTime: first.createdTime });
  });

  test("identifiers and reserved names are checked", async () => {
    for (const space of ["1bad", "space", "a".repeat(44)]) {
      const response = await setup.api.post("spaces", { items: [{ space }] });
      expect(response.status, space).toBe(400);
    }
    const longName = await setup.api.post("spaces", { items: [{ space: "sp_x", name: "n".repeat(256) }] });
    expect(longName.body.error.message).toContain("name size must be between 0 and 255");
  });

  test("list pages with cursors; byids and delete skip missing ids; non-empty spaces stay", async () => {
    await setup.api.ok("spaces", {
      items: Array.from({ length: 12 }, (_, index) => ({ space: `sp_page${String(index).padStart(2, "0")}` })),
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const response = await setup.api.get(`spaces?limit=5${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status).toBe(200);
      seen.push(...response.body.items.map((item: { space: string }) => item.space));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...new Set(seen)]);
    expect(seen.filter((space) => space.startsWith("sp_page"))).toHaveLength(12);
    const byIds = await setup.api.ok("spaces/byids", { items: [{ space: "sp_page00" }, { space: "sp_nope" }] });
    expect(byIds.items.map((item: { space: string }) => item.space)).toEqual(["sp_page00"]);
    const deleted = await setup.api.ok("spaces/delete", { items: [{ space: "sp_page00" }, { space: "sp_nope" }] });
    expect(deleted.items).toEqual([{ space: "sp_page00" }]);
    const inUse = await setup.api.post("spaces/delete", { items: [{ space: SPACE }] });
    expect(inUse.status).toBe(400);
  });
});

describe("containers", () => {
  test("reads carry defaults, constraint states and usedFor; list filters by space", async () => {
    const body = await setup.api.ok("containers/byids", { items: [{ space: SPACE, externalId: "Pump" }] });
    expect(body.items[0]).toMatchObject({ usedFor: "node", isGlobal: false });
    expect(body.items[0].properties.active).toMatchObject({
      type: { type: "boolean", list: false },
      nullable: true,
      defaultValue: true,
      constraintState: {},
    });
    const listed = await setup.api.get(`containers?space=${SPACE}&limit=100`);
    expect(listed.body.items.map((item: { externalId: string }) => item.externalId).sort()).toEqual(["Asset", "Flow", "Pump"]);
    const edges = await setup.api.get(`containers?space=${SPACE}&usedFor=edge`);
    expect(edges.body.items.map((item: { externalId: string }) => item.externalId)).toEqual(["Flow"]);
  });

  test("deleting a container deletes the data instances hold in it", async () => {
    await setup.api.ok("containers", {
      items: [{ space: SPACE, externalId: "Scratch", properties: { note: { type: { type: "text" } } } }],
    });
    const scratch = { type: "container", space: SPACE, externalId: "Scratch" };
    await setup.api.ok("instances", {
      items: [{ instanceType: "node", space: DATA, externalId: "scribbled", sources: [{ source: scratch, properties: { note: "hi" } }] }],
    });
    await setup.api.ok("containers/delete", { items: [{ space: SPACE, externalId: "Scratch" }] });
    await setup.api.ok("containers", {
      items: [{ space: SPACE, externalId: "Scratch", properties: { note: { type: { type: "text" } } } }],
    });
    const listed = await setup.api.ok("instances/list", { filter: { hasData: [scratch] } });
    expect(listed.items).toEqual([]);
  });

  test("bad definitions are rejected: autoIncrement on text, type changes, unknown space", async () => {
    const autoIncrement = await setup.api.post("containers", {
      items: [{ space: SPACE, externalId: "Bad", properties: { x: { type: { type: "text" }, autoIncrement: true } } }],
    });
    expect(autoIncrement.status).toBe(400);
    const typeChange = await setup.api.post("containers", {
      items: [{ space: SPACE, externalId: "Flow", usedFor: "edge", properties: { rate: { type: { type: "text" } } } }],
    });
    expect(typeChange.status).toBe(409);
    const space = await setup.api.post("containers", {
      items: [{ space: "sp_ghost", externalId: "C", properties: { x: { type: { type: "text" } } } }],
    });
    expect(space.body.error.message).toContain("One or more spaces do not exist");
  });
});

describe("views", () => {
  test("properties resolve through containers and implements; direct-relation hints sit inside type", async () => {
    const body = await setup.api.ok("views/byids", { items: [{ space: SPACE, externalId: "Pump", version: "v1" }] });
    const view = body.items[0];
    expect(view).toMatchObject({ implements: [ASSET_VIEW], writable: true, queryable: true, usedFor: "node" });
    expect(Object.keys(view.properties)).toContain("name");
    expect(view.properties.parent.type).toEqual({ type: "direct", list: false, source: ASSET_VIEW });
    expect(view.properties.serial).toMatchObject({ type: { type: "int64", list: false }, containerPropertyIdentifier: "serial" });
    expect(view.properties.feeds).toMatchObject({ connectionType: "multi_edge_connection", direction: "outwards" });
    expect(view.properties.children).toMatchObject({ connectionType: "multi_reverse_direct_relation", targetsList: false });
    expect(view.mappedContainers.map((ref: { externalId: string }) => ref.externalId).sort()).toEqual(["Asset", "Pump"]);
    const own = await setup.api.request("POST", "views/byids?includeInheritedProperties=false", {
      items: [{ space: SPACE, externalId: "Pump", version: "v1" }],
    });
    expect(Object.keys(own.body.items[0].properties)).not.toContain("name");
  });

  test("a newer version hides older ones unless allVersions; byids without version returns all", async () => {
    await Bun.sleep(2);
    await setup.api.ok("views", { items: [{ space: SPACE, externalId: "Pump", version: "v2", implements: [ASSET_VIEW] }] });
    const latest = await setup.api.get(`views?space=${SPACE}&limit=100`);
    const pumps = latest.body.items.filter((view: { externalId: string }) => view.externalId === "Pump");
    expect(pumps.map((view: { version: string }) => view.version)).toEqual(["v2"]);
    const all = await setup.api.get(`views?space=${SPACE}&limit=100&allVersions=true`);
    expect(all.body.items.filter((view: { externalId: string }) => view.externalId === "Pump")).toHaveLength(2);
    const byIds = await setup.api.ok("views/byids", { items: [{ space: SPACE, externalId: "Pump" }] });
    expect(byIds.items).toHaveLength(2);
    const deleted = await setup.api.ok("views/delete", { items: [{ space: SPACE, externalId: "Pump", version: "v2" }] });
    expect(deleted.items).toEqual([{ space: SPACE, externalId: "Pump", version: "v2" }]);
  });

  test("views over missing containers or implementing missing views are rejected", async () => {
    const container = await setup.api.post("views", {
      items: [
        {
          space: SPACE,
          externalId: "Broken",
          version: "v1",
          properties: { x: { container: { type: "container", space: SPACE, externalId: "Nope" }, containerPropertyIdentifier: "x" } },
        },
      ],
    });
    expect(container.body.error.message).toContain("Referenced container does not exist");
    const parent = await setup.api.post("views", {
      items: [{ space: SPACE, externalId: "Orphan", version: "v1", implements: [{ ...PUMP_VIEW, version: "v9" }] }],
    });
    expect(parent.body.error.message).toContain("One or more views do not exist");
  });
});

describe("data models", () => {
  test("views as references by default and inline with inlineViews=true", async () => {
    const references = await setup.api.ok("datamodels/byids", { items: [{ space: SPACE, externalId: "Plant", version: "v1" }] });
    expect(references.items[0].views[0]).toEqual(ASSET_VIEW);
    const inline = await setup.api.request("POST", "datamodels/byids?inlineViews=true", { items: [{ space: SPACE, externalId: "Plant" }] });
    expect(inline.body.items[0].views[1]).toMatchObject({ externalId: "Pump", properties: expect.any(Object) });
    const listed = await setup.api.get("datamodels?inlineViews=true");
    expect(listed.body.items[0].views).toHaveLength(3);
  });

  test("a data model can create its views inline", async () => {
    const body = await setup.api.ok("datamodels", {
      items: [
        {
          space: SPACE,
          externalId: "Inline",
          version: "1",
          views: [
            {
              space: SPACE,
              externalId: "Tiny",
              version: "1",
              properties: {
                name: { container: { type: "container", space: SPACE, externalId: "Asset" }, containerPropertyIdentifier: "name" },
              },
            },
          ],
        },
      ],
    });
    expect(body.items[0].views).toEqual([{ type: "view", space: SPACE, externalId: "Tiny", version: "1" }]);
    const view = await setup.api.ok("views/byids", { items: [{ space: SPACE, externalId: "Tiny", version: "1" }] });
    expect(view.items).toHaveLength(1);
    const deleted = await setup.api.ok("datamodels/delete", { items: [{ space: SPACE, externalId: "Inline", version: "1" }] });
    expect(deleted.items).toHaveLength(1);
    const stillThere = await setup.api.ok("views/byids", { items: [{ space: SPACE, externalId: "Tiny", version: "1" }] });
    expect(stillThere.items).toHaveLength(1);
  });
});
