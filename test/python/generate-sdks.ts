/**
 * Generates the Python SDKs the Python checks run on (scripts/python-checks.sh): the bundled example and every
 * shared model (../shared/models, when present), each into `<out>/<name>/` as a complete package root, plus the
 * example laid out for a short line and two-space indents in a nested (dotted) package, the example generated with
 * examples/templates, the OmniMulti models together in one SDK, and SDKs in the other layouts (`<name>_flat`:
 * flat_structure, `<name>_single`: single_file) and PySpark packages (`<name>_pyspark`: the Python SDK with Spark data
 * sources) of the example, the core-shaped model and the shared models. Prints one line per SDK:
 * `<name> <package> <language>`.
 *
 *   bun test/python/generate-sdks.ts OUT_DIR
 */
import { join } from "node:path";
import { syntheticModel } from "../../bench/synthetic-model.ts";
import type { DataModel } from "../../src/client/models.ts";
import { writeGeneratedFiles } from "../../src/output/writer.ts";
import { type GenerationInput, generateSdk, type PipelineOptions } from "../../src/pipeline.ts";
import { loadExampleModel, loadModelFile } from "../../src/sources.ts";
import { GOLDEN_MODELS, REPOSITORY } from "../support/golden.ts";
import { hostileGroupModel, hostileModel, longIdModel, moduleNameModel } from "../support/hostile-model.ts";
import { direct, edge, enumOf, model, primitive, text, view } from "../support/model-builder.ts";
import { sharedModelNames, sharedModelPath } from "../support/shared-models.ts";

/** Instance spaces the end-to-end tests seed; other SDKs get none, so `space` is required there. */
const INSTANCE_SPACES: Record<string, string> = {
  example: "example_instances",
  example_flat: "example_instances",
  example_single: "example_instances",
  example_pyspark: "example_instances",
  Omni: "sp_omni_instances",
  WindTurbine: "windfarm",
  used_for_all: "all_instances",
  core_shaped: "plant_instances",
  core_shaped_flat: "plant_instances",
};

const outDir = process.argv[2] ?? "";
if (outDir === "") throw new Error("usage: bun test/python/generate-sdks.ts OUT_DIR");

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

async function write(name: string, input: GenerationInput, options: PipelineOptions = {}): Promise<void> {
  const result = generateSdk(input, { topLevelPackage: `sdk_${snake(name)}`, defaultSpace: INSTANCE_SPACES[name], ...options });
  await writeGeneratedFiles(join(outDir, name), result.files, { overwrite: true });
  console.log(`${name} ${result.config.topLevelPackage} ${result.language.key}`);
}

await write("example", loadExampleModel());
// The golden pumps SDK, generated afresh: the unit tests in test/python import it (conftest.py) from here.
const pumps = GOLDEN_MODELS.find((golden) => golden.name === "pumps");
if (pumps?.file === undefined) throw new Error("GOLDEN_MODELS lists no pumps model");
// Not "pumps": a shared model is called Pumps, and not every file system tells the two apart.
await write("golden_pumps", await loadModelFile(join(REPOSITORY, pumps.file)), pumps.options);
// With the user template override the README shows (examples/templates): its SDK must pass the same checks.
await write("example_templates", loadExampleModel(), { templateDir: join(REPOSITORY, "examples", "templates") });
// Without docstrings (--no-docstrings): still a valid SDK (test_docstrings.py checks that it has none).
await write("example_no_docstrings", loadExampleModel(), { docstrings: false });
// Also under a dotted package, pygen v1's nested packages: example_narrow/sdk/ inside example_narrow/.
await write("example_narrow", loadExampleModel(), { lineLength: 80, indent: 2, topLevelPackage: "example_narrow.sdk" });
// Names and shapes that stress the generator: reserved words, odd enum values, quotes in descriptions, a view
// with no properties, one with nothing to sort by, a read-only one, and very long names.
const longName = "TurbineBladeVibrationMeasurementSensorConfiguration";
// A property description that could end a docstring early or break its layout: test_docstrings.py reads it back.
const hostileDescription = `Triple quotes """ inside, a backslash \\ and non-ASCII (æøå, 水) ${"and a very long line ".repeat(12)}https://example.com/${"x".repeat(150)} "ending in a quote"`;
const oddities = model(
  [
    view(
      "Reserved",
      {
        type: text({ description: hostileDescription }),
        version: primitive("int32"),
        space: text(),
        id: text(),
        cdf_name: text(),
        date: primitive("date"),
        class: enumOf(["in_progress", "class", "None", "_hidden"]),
        // CDF identifiers spelled like another field's Python name: the base's `node_type`, and `flowRate`'s.
        node_type: text(),
        flowRate: primitive("float64"),
        flow_rate: primitive("float64"),
      },
      { description: 'Quotes """ inside, a backslash \\ and "a quoted end"' },
    ),
    view("Nothing"),
    view("OnlyJson", { blob: primitive("json") }),
    view("ReadOnly", { total: primitive("float64") }, { writable: false }),
    view(longName, { vibrationAmplitudeClassification: enumOf(["alpha", "beta"]), measurementDescription: text({ nullable: false }) }),
  ],
  { externalId: "Oddities" },
);
await write("oddities", { models: [oddities], origin: "generate-sdks.ts" });

/**
 * A model built in code as the end-to-end tests serve it from the emulator: each stored property in a container
 * property of its own (prefixed, since CDF reserves container property names such as `space`).
 */
async function writeStored(name: string, built: DataModel): Promise<void> {
  const stored = {
    ...built,
    views: built.views.map((view) => ({
      ...view,
      properties: Object.fromEntries(
        Object.entries(view.properties).map(([identifier, property]) => [
          identifier,
          property.kind !== "mapped"
            ? property
            : {
                ...property,
                container: { type: "container", space: view.space, externalId: view.externalId },
                containerPropertyIdentifier: `p_${identifier}`,
              },
        ]),
      ),
    })),
  };
  await Bun.write(join(outDir, `${name}.model.json`), JSON.stringify(stored, null, 2));
}
await writeStored("oddities", oddities);
// Only an edge view: edge classes and a client without view APIs, still a package that installs and imports.
const onlyEdges = model([view("Link", { weight: primitive("float64") }, { usedFor: "edge" })], { externalId: "OnlyEdges" });
await write("only_edges", { models: [onlyEdges], origin: "generate-sdks.ts" });
// A view used for nodes and edges (usedFor=all): a node class with an API, and the edge class of the edges whose
// properties it holds, outwards and inwards.
const usedForAll = model(
  [
    view("Station", {
      name: text(),
      outlets: edge("Station", { edgeSource: "Flow" }),
      inlet: edge("Station", { single: true, direction: "inwards", edgeSource: "Flow" }),
    }),
    view("Flow", { rate: primitive("float64"), meter: direct("Station") }, { usedFor: "all" }),
  ],
  { externalId: "UsedForAll" },
);
await write("used_for_all", { models: [usedForAll], origin: "generate-sdks.ts" });
await writeStored("used_for_all", usedForAll);
// Names spelled like everything the SDK already spells (test/support/hostile-model.ts), alone and beside a second
// data model whose group attribute is spelled like a view's API attribute.
await write("hostile", { models: [hostileModel], origin: "generate-sdks.ts" });
await write("hostile_multi", { models: [hostileModel, hostileGroupModel, longIdModel], origin: "generate-sdks.ts" });

// The flat layout (flat_structure): the example (test_layouts.py runs it against the emulator), the hostile
// models, views named like the flat package's own modules and like each other's API modules, and below, the
// core-shaped and Omni models.
await write("example_flat", loadExampleModel(), { flatStructure: true });
await write(
  "hostile_flat",
  { models: [hostileModel, hostileGroupModel, longIdModel], origin: "generate-sdks.ts" },
  { flatStructure: true },
);
await write("module_names_flat", { models: [moduleNameModel], origin: "generate-sdks.ts" }, { flatStructure: true });
// single_file: the example (test_layouts.py), the hostile models and below, the Omni model, each in one module.
await write("example_single", loadExampleModel(), { singleFile: true });
await write("hostile_single", { models: [hostileModel, hostileGroupModel, longIdModel], origin: "generate-sdks.ts" }, { singleFile: true });

// A model of our own shaped like CDF's core data model and a user model extending it (test/fixtures/models): the
// shape most users generate from.
const coreShaped = await loadModelFile(join(import.meta.dir, "..", "fixtures", "models", "core-shaped.model.yaml"));
await write("core_shaped", coreShaped);
await write("core_shaped_flat", coreShaped, { flatStructure: true });

// PySpark packages: the Python SDK plus Spark data sources (test/python/spark/test_generated_package.py runs the
// example's in Spark local mode); the shared models' below.
await write("example_pyspark", loadExampleModel(), { language: "pyspark" });
await write("core_shaped_pyspark", coreShaped, { language: "pyspark" });
// Names spelled like everything the SDK spells, on short lines with two-space indents.
await write(
  "hostile_pyspark",
  { models: [hostileModel, hostileGroupModel, longIdModel], origin: "generate-sdks.ts" },
  { language: "pyspark", lineLength: 80, indent: 2 },
);

// A ring of 300 views, each connected to the next and the one before (test_large_sdk.py imports it). Written, not
// listed: ruff and mypy on it would take minutes of CI for nothing the small SDKs do not check.
const ring = generateSdk({ models: [syntheticModel(300)], origin: "generate-sdks.ts" }, { topLevelPackage: "sdk_ring" });
await writeGeneratedFiles(join(outDir, "ring"), ring.files, { overwrite: true });

const shared = sharedModelNames();
for (const name of shared) {
  const loaded = await loadModelFile(sharedModelPath(name));
  await write(name, loaded);
  await write(`${name}_pyspark`, loaded, { language: "pyspark" });
}
if (shared.includes("Omni")) {
  await write("Omni_flat", await loadModelFile(sharedModelPath("Omni")), { flatStructure: true });
  await write("Omni_single", await loadModelFile(sharedModelPath("Omni")), { singleFile: true });
}
// Several data models in one SDK: views with the same external id in other spaces must stay apart.
const multi = shared.filter((name) => name.startsWith("OmniMulti"));
if (multi.length > 1) {
  const models = (await Promise.all(multi.map((name) => loadModelFile(sharedModelPath(name))))).flatMap((loaded) => loaded.models);
  await write("OmniMultiAll", { models, origin: multi.join(", ") });
}
