import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ParseError } from "../src/errors.ts";
import { loadExampleModel, loadModelFile, modelFileLines, parseModelDocument } from "../src/sources.ts";
import { rejected, thrown } from "./support/failures.ts";

const model = (externalId: string) => ({
  space: "sp",
  externalId,
  version: "1",
  views: [{ space: "sp", externalId: "Pump", version: "1", properties: {} }],
});

const text = { container: { space: "sp", externalId: "C" }, containerPropertyIdentifier: "p", type: { type: "text" } };
const withBrokenPump = {
  items: [
    model("A"),
    {
      ...model("B"),
      views: [
        {
          space: "sp",
          externalId: "Pump",
          version: "1",
          properties: { p: { ...text, type: { type: "float", list: false } }, ok: text },
        },
      ],
    },
  ],
};

describe("document shapes", () => {
  test("a single model, an {items} wrapper and a bare list", () => {
    expect(parseModelDocument(JSON.stringify(model("A")), "m.json").map((m) => m.externalId)).toEqual(["A"]);
    expect(parseModelDocument(JSON.stringify({ items: [model("A"), model("B")] }), "m.json").map((m) => m.externalId)).toEqual(["A", "B"]);
    expect(parseModelDocument(JSON.stringify([model("A")]), "m.json").map((m) => m.externalId)).toEqual(["A"]);
  });

  test("strict: any schema issue refuses the file, with the file and the path and the view's externalId", () => {
    const error = thrown(() => parseModelDocument(JSON.stringify(withBrokenPump), "m.json", { strict: true }), ParseError);
    expect(error.message).toStartWith(
      "m.json: invalid data model at items[1].views[0] (Pump).properties.p.type.type: unknown property type",
    );
    expect(error.location).toBe("m.json");
  });

  test("by default a part that cannot be read is left out and listed, with its path; the rest loads", () => {
    const [first, second] = parseModelDocument(JSON.stringify(withBrokenPump), "m.json");
    expect(first?.rejected).toBeUndefined();
    expect(Object.keys(second?.views[0]?.properties ?? {})).toEqual(["ok"]);
    expect(second?.rejected).toEqual([
      {
        view: { space: "sp", externalId: "Pump", version: "1" },
        property: "p",
        path: "items[1].views[0] (Pump).properties.p",
        problems: [expect.stringMatching(/^items\[1\]\.views\[0\] \(Pump\)\.properties\.p\.type\.type: unknown property type/)],
        unknownType: "float",
      },
    ]);
  });

  test("a missing key reads by its meaning: an edge without type names the edge type, not a data type", () => {
    const edge = { connectionType: "multi_edge_connection", source: { space: "sp", externalId: "Pump", version: "1" } };
    const document = { ...model("A"), views: [{ space: "sp", externalId: "Pump", version: "1", properties: { feeds: edge, ok: text } }] };
    const [loaded] = parseModelDocument(JSON.stringify(document), "m.yaml");
    const [problem] = loaded?.rejected?.[0]?.problems ?? [];
    expect(problem).toStartWith("views[0] (Pump).properties.feeds.type: the edge type is missing: an edge connection names");
    expect(problem).toContain("a node reference such as { space: my_space, externalId: Pump.feeds }, not a data type");
    expect(problem).not.toContain("Invalid key");
    // Elsewhere a missing key is said plainly, at its path.
    const { container: _container, ...noContainer } = text;
    const mapped = { ...model("A"), views: [{ space: "sp", externalId: "Pump", version: "1", properties: { flow: noContainer } }] };
    expect(parseModelDocument(JSON.stringify(mapped), "m.yaml")[0]?.rejected?.[0]?.problems).toEqual([
      "views[0] (Pump).properties.flow.container: is missing",
    ]);
  });

  test("a view that cannot be read is left out whole; identifiers CDF refuses are loaded for the validator", () => {
    const document = {
      ...model("A"),
      views: [
        { space: "sp", externalId: "../../etc/passwd", version: "1", properties: { "1st": text, "a/b": text } },
        { space: "sp", externalId: "Valve", version: "1", implements: "Pump", properties: {} },
        {
          space: "sp",
          externalId: "Tank",
          version: "1",
          properties: { state: { ...text, type: { type: "enum", values: { "1st": {} } } } },
        },
        "not a view",
      ],
    };
    const [loaded] = parseModelDocument(JSON.stringify(document), "m.yaml");
    expect(loaded?.views.map((view) => view.externalId)).toEqual(["../../etc/passwd", "Tank"]);
    expect(Object.keys(loaded?.views[0]?.properties ?? {})).toEqual(["1st", "a/b"]);
    expect(loaded?.rejected?.map((part) => [part.view, part.path, part.problems.length])).toEqual([
      [{ space: "sp", externalId: "Valve", version: "1" }, "views[1] (Valve)", 1],
      [{}, "views[3]", 1],
    ]);
  });

  test("a file whose own identity or list of views is broken is not a data model: refused", () => {
    expect(thrown(() => parseModelDocument(JSON.stringify({ ...model("A"), externalId: "../x" }), "m.json")).message).toStartWith(
      "m.json: invalid data model at externalId:",
    );
    expect(thrown(() => parseModelDocument(JSON.stringify({ ...model("A"), views: { Pump: {} } }), "m.json")).message).toStartWith(
      "m.json: invalid data model at views:",
    );
  });

  test("every issue is listed, not just the first", () => {
    const broken = { ...model("A"), space: "1bad", version: "" };
    const error = thrown(() => parseModelDocument(JSON.stringify(broken), "m.json"), ParseError);
    expect(error.message).toContain("space:");
    expect(error.details.join("\n")).toContain("version:");
  });

  test("view references without inline views are refused with a hint", () => {
    const refs = { ...model("A"), views: [{ type: "view", space: "sp", externalId: "Pump", version: "1" }] };
    expect(thrown(() => parseModelDocument(JSON.stringify(refs), "m.json")).message).toBe(
      "m.json: views[0] (Pump) is a view reference without properties; model files need inline views (fetch the model with inlineViews=true)",
    );
  });

  test("empty and non-model documents are refused", () => {
    expect(thrown(() => parseModelDocument('{"items": []}', "m.json")).message).toContain("holds no data model");
    expect(thrown(() => parseModelDocument("42", "m.json")).message).toContain("expected a data model");
    expect(thrown(() => parseModelDocument("", "m.yaml")).message).toContain("the input is empty");
  });
});

describe("files", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "pygen-sources-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a YAML file loads", async () => {
    const path = join(dir, "m.yaml");
    writeFileSync(path, "space: sp\nexternalId: M\nversion: 3\nviews: []\n");
    const loaded = await loadModelFile(path);
    expect(loaded.origin).toBe(path);
    expect(loaded.models[0]).toMatchObject({ externalId: "M", version: "3", views: [] });
  });

  test("a missing file is a ParseError that names it", async () => {
    const path = join(dir, "missing.yaml");
    expect((await rejected(loadModelFile(path))).message).toBe(`${path}: model file not found`);
  });

  test("a directory is not a model file", async () => {
    expect((await rejected(loadModelFile(dir))).message).toBe(`${dir}: model file is a folder, not a file`);
  });
});

describe("bundled example", () => {
  test("uses every property type and every connection kind", () => {
    const [example] = loadExampleModel().models;
    const properties = example?.views.flatMap((view) => Object.values(view.properties)) ?? [];
    const kinds = new Set<string>(
      properties.map((property) => (property.kind === "mapped" ? property.type.type : property.connectionType)),
    );
    expect([...kinds].sort()).toEqual(
      [
        "boolean",
        "date",
        "direct",
        "enum",
        "file",
        "float32",
        "float64",
        "int32",
        "int64",
        "json",
        "sequence",
        "text",
        "timeseries",
        "timestamp",
        "multi_edge_connection",
        "single_edge_connection",
        "multi_reverse_direct_relation",
        "single_reverse_direct_relation",
      ].sort(),
    );
    expect(properties.some((property) => property.kind === "edge" && property.edgeSource !== undefined)).toBe(true);
    expect(properties.some((property) => property.kind === "edge" && property.direction === "inwards")).toBe(true);
    expect(example?.views.some((view) => view.implements.length > 0)).toBe(true);
    expect(example?.views.some((view) => view.usedFor === "edge")).toBe(true);
  });
});

describe("where each part of a model file is", () => {
  test("the line of each data model, view and property, in YAML and in JSON, in an {items} wrapper too", () => {
    const yaml = [
      "items:",
      "  - space: sp",
      "    externalId: M",
      "    version: '1'",
      "    views:",
      "      - space: sp",
      "        externalId: Pump",
      "        version: '1'",
      "        properties:",
      "          flow: {}",
      "          'odd name': {}",
      "",
    ].join("\n");
    expect(modelFileLines(yaml, "m.yaml")).toEqual([
      { space: "sp", externalId: "M", line: 3 },
      { space: "sp", externalId: "Pump", line: 6 },
      { space: "sp", externalId: "Pump", property: "flow", line: 10 },
      { space: "sp", externalId: "Pump", property: "odd name", line: 11 },
    ]);
    const json = [
      '{"space": "sp", "externalId": "A", "version": "1", "views": [',
      '  {"space": "sp", "externalId": "Pump", "version": "1",',
      '   "properties": {"flow": {}}}',
      "]}",
    ].join("\n");
    expect(modelFileLines(json, "m.json")).toEqual([
      { space: "sp", externalId: "A", line: 1 },
      { space: "sp", externalId: "Pump", line: 2 },
      { space: "sp", externalId: "Pump", property: "flow", line: 3 },
    ]);
  });
});
