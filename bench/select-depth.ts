/**
 * Memory of a select() chain ten steps deep (not a test: it prints a table).
 *
 *   bun run bench/select-depth.ts [--views 12] [--depth 10]
 *
 * pygen v1 built every query path of a view up front and had to cap their depth at 3; ours builds a step only
 * when a traversal is read. The bench generates an SDK from a ring of highly connected views (each with three
 * edge connections, a direct relation back, a list of direct relations forward and a reverse relation: six
 * connections, so 6^10 paths ten steps deep), seeds three nodes per view linked to the next view's, and runs
 * bench/select_depth_probe.py with .venv/bin/python (made by scripts/python-checks.sh). The probe reports, each
 * in a fresh process: tracemalloc's peak and the growth of the maximum RSS while building chains of 1, `depth`
 * and 10 × `depth` steps (a name filter on every step), and while running the `depth`-step chain against the
 * emulator with list() and list_root().
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { DataModel, MappedProperty, PropertyType, View, ViewProperty, ViewReference } from "../src/client/models.ts";
import { writeGeneratedFiles } from "../src/output/writer.ts";
import { generateSdk } from "../src/pipeline.ts";
import { spawnEmulator } from "../test/support/emulator-process.ts";

const { values } = parseArgs({ options: { views: { type: "string", default: "12" }, depth: { type: "string", default: "10" } } });
const VIEWS = Number(values.views);
const DEPTH = Number(values.depth);
const NODES_PER_VIEW = 3;
const EDGE_CONNECTIONS = 3;
const SPACE = "sp_ring";
const INSTANCES = "ring_instances";
const TOKEN = "bench-token";
const PROJECT = "bench";
const REPO = join(import.meta.dir, "..");
const PYTHON = join(REPO, ".venv", "bin", "python");

if (!(await Bun.file(PYTHON).exists())) throw new Error("no .venv: run scripts/python-checks.sh once");

const viewRef = (index: number): ViewReference => ({ type: "view", space: SPACE, externalId: `Step${index % VIEWS}`, version: "1" });

function stored(view: number, property: string, type: PropertyType): MappedProperty {
  const container = { type: "container" as const, space: SPACE, externalId: `Step${view}` };
  return { kind: "mapped", container, containerPropertyIdentifier: property, type, nullable: true, immutable: false, autoIncrement: false };
}

function ringView(index: number): View {
  const properties: Record<string, ViewProperty> = {
    name: stored(index, "name", { type: "text", list: false }),
    parent: stored(index, "parent", { type: "direct", list: false, source: viewRef(index + VIEWS - 1) }),
    related: stored(index, "related", { type: "direct", list: true, source: viewRef(index + 1) }),
    children: {
      kind: "reverse",
      connectionType: "multi_reverse_direct_relation",
      source: viewRef(index + 1),
      through: { source: viewRef(index + 1), identifier: "parent" },
    },
  };
  for (let hop = 1; hop <= EDGE_CONNECTIONS; hop++) {
    properties[`linked${hop}`] = {
      kind: "edge",
      connectionType: "multi_edge_connection",
      type: { space: SPACE, externalId: `Step${index}.linked${hop}` },
      source: viewRef(index + hop),
      direction: "outwards",
    };
  }
  return {
    space: SPACE,
    externalId: `Step${index}`,
    version: "1",
    implements: [],
    writable: true,
    usedFor: "node",
    isGlobal: false,
    properties,
  };
}

const model: DataModel = {
  space: SPACE,
  externalId: "Ring",
  version: "1",
  isGlobal: false,
  views: Array.from({ length: VIEWS }, (_, index) => ringView(index)),
};

/** The traversals of the chain: the next view by an edge, then by a list of direct relations, then by a reverse. */
const PATH = Array.from({ length: DEPTH }, (_, index) => ["linked1", "related", "children"][index % 3] as string);

const node = (view: number, index: number) => ({ space: INSTANCES, externalId: `s${view % VIEWS}-${index}` });

function seedItems(): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (let view = 0; view < VIEWS; view++) {
    for (let index = 0; index < NODES_PER_VIEW; index++) {
      const properties = {
        name: `s${view}-${index}`,
        parent: node(view + VIEWS - 1, index),
        related: Array.from({ length: NODES_PER_VIEW }, (_, next) => node(view + 1, next)),
      };
      items.push({ instanceType: "node", ...node(view, index), sources: [{ source: viewRef(view), properties }] });
      for (let next = 0; next < NODES_PER_VIEW; next++) {
        items.push({
          instanceType: "edge",
          space: INSTANCES,
          externalId: `s${view}-${index}:s${(view + 1) % VIEWS}-${next}`,
          type: { space: SPACE, externalId: `Step${view}.linked1` },
          startNode: node(view, index),
          endNode: node(view + 1, next),
        });
      }
    }
  }
  return items;
}

const workDir = await mkdtemp(join(tmpdir(), "pygen-select-depth-"));
const sdkDir = join(workDir, "sdk");
const generated = generateSdk({ models: [model], origin: "bench" }, { topLevelPackage: "sdk_ring", defaultSpace: INSTANCES });
await writeGeneratedFiles(sdkDir, generated.files, { overwrite: true });

interface Report {
  measure: string;
  steps: number;
  tracemalloc_peak_kib: number;
  rss_growth_kib: number;
  max_rss_mib: number;
  items?: number;
}

async function probe(...args: string[]): Promise<Report> {
  const command = [PYTHON, join(REPO, "bench", "select_depth_probe.py"), "--sdk", sdkDir, "--package", "sdk_ring"];
  const child = Bun.spawn([...command, "--client", generated.config.clientName, "--path", PATH.join(","), ...args], {
    stdout: "pipe",
    stderr: "inherit",
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
  });
  const output = await new Response(child.stdout).text();
  if ((await child.exited) !== 0) throw new Error("select_depth_probe.py failed");
  return JSON.parse(output) as Report;
}

const reports: Report[] = [];
for (const repeat of [1, DEPTH, 10 * DEPTH]) reports.push(await probe("--measure", "build", "--steps", String(repeat)));
const [modelFile, instancesFile] = [join(workDir, "ring.model.json"), join(workDir, "ring.instances.json")];
await Bun.write(modelFile, JSON.stringify(model));
await Bun.write(instancesFile, JSON.stringify(seedItems()));
const emulator = await spawnEmulator(["--token", TOKEN, "--project", PROJECT, "--model", modelFile, "--instances", instancesFile]);
try {
  const server = ["--base-url", emulator.url, "--project", PROJECT, "--token", TOKEN];
  for (const measure of ["list", "list_root"]) reports.push(await probe("--measure", measure, "--steps", String(DEPTH), ...server));
} finally {
  await emulator.stop();
  await rm(workDir, { recursive: true, force: true });
}
console.log(
  `select() chains on a ring of ${VIEWS} views with ${3 + EDGE_CONNECTIONS} connections each (${generated.lines} generated lines)`,
);
console.table(
  reports.map((report) => ({
    measure: report.measure,
    steps: report.steps,
    "tracemalloc peak KiB": report.tracemalloc_peak_kib.toFixed(1),
    "max RSS growth KiB": report.rss_growth_kib.toFixed(0),
    "max RSS MiB": report.max_rss_mib.toFixed(1),
    items: report.items ?? "",
  })),
);
