/**
 * Test harness: starts an in-process emulator and talks to it over real HTTP with lossless JSON, and applies a
 * small schema (a `Pump` view over two containers plus an edge-property view) that the behaviour tests share.
 */
import { afterAll, beforeAll } from "bun:test";
import { parseJson, stringifyJson } from "../../src/data-formats.ts";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../src/emulator/server.ts";

export interface ApiResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON response fields.
  body: any;
  headers: Headers;
}

export class Api {
  constructor(
    readonly emulator: RunningEmulator,
    readonly project = "test",
    private readonly headers: Record<string, string> = {},
  ) {}

  url(path: string): string {
    return `${this.emulator.url}/api/v1/projects/${this.project}/models/${path}`;
  }

  async request(method: "GET" | "POST", path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    const response = await fetch(this.url(path), {
      method,
      headers: { "content-type": "application/json", ...this.headers, ...headers },
      body: body === undefined ? undefined : stringifyJson(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? parseJson(text, path) : undefined, headers: response.headers };
  }

  get(path: string): Promise<ApiResponse> {
    return this.request("GET", path);
  }

  post(path: string, body: unknown): Promise<ApiResponse> {
    return this.request("POST", path, body);
  }

  /** POST that must succeed; the error body is shown when it does not. */
  async ok(path: string, body: unknown): Promise<ApiResponse["body"]> {
    const response = await this.post(path, body);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${stringifyJson(response.body)}`);
    return response.body;
  }
}

/** Starts one emulator for the test file (beforeAll) and stops it afterwards. */
export function useEmulator(options: EmulatorOptions = {}): { readonly api: Api; readonly emulator: RunningEmulator } {
  const holder = {} as { api: Api; emulator: RunningEmulator };
  beforeAll(async () => {
    holder.emulator = await startEmulator(options);
    holder.api = new Api(holder.emulator);
  });
  afterAll(async () => {
    await holder.emulator.stop();
  });
  return holder;
}

export const SPACE = "sp_test";
export const DATA = "sp_data";
export const PUMP_VIEW = { type: "view", space: SPACE, externalId: "Pump", version: "v1" } as const;
export const ASSET_VIEW = { type: "view", space: SPACE, externalId: "Asset", version: "v1" } as const;
export const FLOW_VIEW = { type: "view", space: SPACE, externalId: "Flow", version: "v1" } as const;
export const ASSET_CONTAINER = { type: "container", space: SPACE, externalId: "Asset" } as const;
export const PUMP_CONTAINER = { type: "container", space: SPACE, externalId: "Pump" } as const;

/** Spaces, containers (every property type), views (Pump implements Asset) and a data model. */
export async function applyTestSchema(api: Api): Promise<void> {
  await api.ok("spaces", { items: [{ space: SPACE }, { space: DATA }] });
  await api.ok("containers", {
    items: [
      {
        space: SPACE,
        externalId: "Asset",
        properties: {
          name: { type: { type: "text" }, nullable: false },
          tags: { type: { type: "text", list: true, maxListSize: 5 } },
          parent: { type: { type: "direct" } },
        },
      },
      {
        space: SPACE,
        externalId: "Pump",
        properties: {
          flow: { type: { type: "float64" } },
          serial: { type: { type: "int64" } },
          level: { type: { type: "int32" } },
          active: { type: { type: "boolean" }, defaultValue: true },
          installed: { type: { type: "timestamp" } },
          commissioned: { type: { type: "date" } },
          spec: { type: { type: "json" } },
          status: {
            type: {
              type: "enum",
              values: { running: { name: "Running" }, stopped: { name: "Stopped" }, unknown: { name: "Unknown" } },
              unknownValue: "unknown",
            },
          },
          readings: { type: { type: "float64", list: true } },
          validFrom: { type: { type: "int32" } },
          validTo: { type: { type: "int32" } },
          code: { type: { type: "text" }, immutable: true },
        },
      },
      { space: SPACE, externalId: "Flow", usedFor: "edge", properties: { rate: { type: { type: "float64" } } } },
    ],
  });
  const mapped = (container: typeof ASSET_CONTAINER | typeof PUMP_CONTAINER, ids: string[]) =>
    Object.fromEntries(ids.map((id) => [id, { container, containerPropertyIdentifier: id }]));
  await api.ok("views", {
    items: [
      {
        space: SPACE,
        externalId: "Asset",
        version: "v1",
        properties: {
          ...mapped(ASSET_CONTAINER, ["name", "tags"]),
          parent: { container: ASSET_CONTAINER, containerPropertyIdentifier: "parent", source: ASSET_VIEW },
        },
      },
      {
        space: SPACE,
        externalId: "Pump",
        version: "v1",
        implements: [ASSET_VIEW],
        properties: {
          ...mapped(PUMP_CONTAINER, [
            "flow",
            "serial",
            "level",
            "active",
            "installed",
            "commissioned",
            "spec",
            "status",
            "readings",
            "validFrom",
            "validTo",
            "code",
          ]),
          feeds: {
            connectionType: "multi_edge_connection",
            type: { space: SPACE, externalId: "feeds" },
            source: PUMP_VIEW,
            edgeSource: FLOW_VIEW,
            direction: "outwards",
          },
          children: {
            connectionType: "multi_reverse_direct_relation",
            source: ASSET_VIEW,
            through: { source: ASSET_VIEW, identifier: "parent" },
          },
        },
      },
      {
        space: SPACE,
        externalId: "Flow",
        version: "v1",
        properties: { rate: { container: { type: "container", space: SPACE, externalId: "Flow" }, containerPropertyIdentifier: "rate" } },
      },
    ],
  });
  await api.ok("datamodels", { items: [{ space: SPACE, externalId: "Plant", version: "v1", views: [ASSET_VIEW, PUMP_VIEW, FLOW_VIEW] }] });
}

/** A node write through the Pump view. */
export function pump(externalId: string, properties: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    instanceType: "node",
    space: DATA,
    externalId,
    sources: [{ source: PUMP_VIEW, properties: { name: externalId, ...properties } }],
  };
}

export function flowEdge(from: string, to: string, rate?: number): Record<string, unknown> {
  return {
    instanceType: "edge",
    space: DATA,
    externalId: `${from}->${to}`,
    type: { space: SPACE, externalId: "feeds" },
    startNode: { space: DATA, externalId: from },
    endNode: { space: DATA, externalId: to },
    sources: rate === undefined ? undefined : [{ source: FLOW_VIEW, properties: { rate } }],
  };
}

export const prop = (view: { space: string; externalId: string; version: string }, id: string) => [
  view.space,
  `${view.externalId}/${view.version}`,
  id,
];

/** The externalIds of a list/query answer, in order. */
export const ids = (items: { externalId: string }[]): string[] => items.map((item) => item.externalId);
