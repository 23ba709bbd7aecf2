/**
 * The emulator's state. bun:sqlite holds it durably (in memory by default, in a file with --db); every project's
 * state is also kept in memory maps, loaded once at start, because filters and graph queries run in JavaScript
 * with CDF's semantics and re-reading rows for every request would be slow. Handlers compute all their changes
 * first and hand them to `commit`, which writes SQLite in one transaction and then updates the maps: a request
 * either changes everything it asked for or nothing.
 */
import { Database } from "bun:sqlite";
import type { DirectRelationReference, Filter, PropertyType, ViewReference } from "../client/models.ts";
import { parseJson, stringifyJson } from "../data-formats.ts";

export interface StoredSpace {
  space: string;
  name?: string;
  description?: string;
  createdTime: number;
  lastUpdatedTime: number;
}

export interface StoredContainerProperty {
  type: PropertyType;
  nullable: boolean;
  immutable: boolean;
  autoIncrement: boolean;
  defaultValue?: unknown;
  name?: string;
  description?: string;
}

export interface StoredContainer {
  space: string;
  externalId: string;
  name?: string;
  description?: string;
  usedFor: "node" | "edge" | "all";
  properties: Record<string, StoredContainerProperty>;
  constraints: Record<string, Record<string, unknown>>;
  indexes: Record<string, Record<string, unknown>>;
  createdTime: number;
  lastUpdatedTime: number;
}

export interface ContainerRef {
  type: "container";
  space: string;
  externalId: string;
}

/** A view property as it was created: mapped, an edge connection, or a reverse direct relation. */
export type ViewPropertyDefinition =
  | {
      kind: "mapped";
      container: ContainerRef;
      containerPropertyIdentifier: string;
      name?: string;
      description?: string;
      source?: ViewReference;
    }
  | {
      kind: "edge";
      connectionType: "single_edge_connection" | "multi_edge_connection";
      type: DirectRelationReference;
      source: ViewReference;
      edgeSource?: ViewReference;
      direction: "outwards" | "inwards";
      name?: string;
      description?: string;
    }
  | {
      kind: "reverse";
      connectionType: "single_reverse_direct_relation" | "multi_reverse_direct_relation";
      source: ViewReference;
      through: { source: ViewReference | ContainerRef; identifier: string };
      name?: string;
      description?: string;
    };

export interface StoredView {
  space: string;
  externalId: string;
  version: string;
  name?: string;
  description?: string;
  filter?: Filter;
  implements: ViewReference[];
  properties: Record<string, ViewPropertyDefinition>;
  createdTime: number;
  lastUpdatedTime: number;
}

export interface StoredDataModel {
  space: string;
  externalId: string;
  version: string;
  name?: string;
  description?: string;
  views: ViewReference[];
  createdTime: number;
  lastUpdatedTime: number;
}

/** Property values per container, keyed `space:containerExternalId`, then by container property id. */
export type InstanceData = Record<string, Record<string, unknown>>;

export interface StoredInstance {
  instanceType: "node" | "edge";
  space: string;
  externalId: string;
  version: number;
  type?: DirectRelationReference;
  startNode?: DirectRelationReference;
  endNode?: DirectRelationReference;
  createdTime: number;
  lastUpdatedTime: number;
  deletedTime?: number;
  data: InstanceData;
  /** Creation order: the default order of lists and the key of their cursors. */
  seq: number;
  /** Order of the last change (write or delete): the key of sync cursors. */
  changeSeq: number;
}

export type SchemaKind = "space" | "container" | "view" | "dataModel";

export class ProjectState {
  readonly spaces = new Map<string, StoredSpace>();
  readonly containers = new Map<string, StoredContainer>();
  readonly views = new Map<string, StoredView>();
  readonly dataModels = new Map<string, StoredDataModel>();
  /** Live and soft-deleted instances, keyed by `instanceKey`, in creation order. */
  readonly instances = new Map<string, StoredInstance>();

  constructor(readonly name: string) {}

  schemaMap(kind: SchemaKind): Map<string, StoredSpace | StoredContainer | StoredView | StoredDataModel> {
    switch (kind) {
      case "space":
        return this.spaces;
      case "container":
        return this.containers;
      case "view":
        return this.views;
      case "dataModel":
        return this.dataModels;
    }
  }

  liveInstance(space: string, externalId: string): StoredInstance | undefined {
    const instance = this.instances.get(instanceKey(space, externalId));
    return instance && instance.deletedTime === undefined ? instance : undefined;
  }
}

export const instanceKey = (space: string, externalId: string): string => `${space}\u0000${externalId}`;
export const containerKey = (space: string, externalId: string): string => `${space}:${externalId}`;
export const viewKey = (space: string, externalId: string, version: string): string => `${space}:${externalId}/${version}`;

/** One change to commit: a schema item or instance to write (upsert) or a schema item to remove. */
export type Change =
  | { kind: SchemaKind; key: string; value: StoredSpace | StoredContainer | StoredView | StoredDataModel }
  | { kind: SchemaKind; key: string; remove: true }
  | { kind: "instance"; value: StoredInstance };

export class EmulatorStore {
  private readonly db: Database;
  private readonly projects = new Map<string, ProjectState>();
  private sequence = 0;
  private lastTime = 0;

  /** `path` is a SQLite file; without it the database lives in memory and is gone when the emulator stops. */
  constructor(path?: string) {
    this.db = new Database(path ?? ":memory:", { create: true, strict: true });
    this.db.run("PRAGMA journal_mode = WAL");
    this.db.run("PRAGMA synchronous = NORMAL");
    this.db.run("CREATE TABLE IF NOT EXISTS schema_items (project TEXT, kind TEXT, key TEXT, body TEXT, PRIMARY KEY (project, kind, key))");
    this.db.run("CREATE TABLE IF NOT EXISTS instances (project TEXT, key TEXT, seq INTEGER, body TEXT, PRIMARY KEY (project, key))");
    this.db.run("CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER)");
    const counter = this.db.query<{ value: number }, []>("SELECT value FROM counters WHERE name = 'sequence'").get();
    this.sequence = counter?.value ?? 0;
    this.load();
  }

  project(name: string): ProjectState {
    let state = this.projects.get(name);
    if (!state) {
      state = new ProjectState(name);
      this.projects.set(name, state);
    }
    return state;
  }

  /** The next number of the project-independent change sequence. */
  nextSequence(): number {
    this.sequence += 1;
    return this.sequence;
  }

  get currentSequence(): number {
    return this.sequence;
  }

  /** Epoch milliseconds that never go backwards, so "last updated" ordering stays consistent. */
  now(): number {
    this.lastTime = Math.max(this.lastTime, Date.now());
    return this.lastTime;
  }

  commit(state: ProjectState, changes: Change[]): void {
    const upsertSchema = this.db.prepare("INSERT OR REPLACE INTO schema_items (project, kind, key, body) VALUES (?, ?, ?, ?)");
    const removeSchema = this.db.prepare("DELETE FROM schema_items WHERE project = ? AND kind = ? AND key = ?");
    const upsertInstance = this.db.prepare("INSERT OR REPLACE INTO instances (project, key, seq, body) VALUES (?, ?, ?, ?)");
    const saveSequence = this.db.prepare("INSERT OR REPLACE INTO counters (name, value) VALUES ('sequence', ?)");
    this.db.transaction(() => {
      for (const change of changes) {
        if (change.kind === "instance") {
          const { value } = change;
          upsertInstance.run(state.name, instanceKey(value.space, value.externalId), value.seq, stringifyJson(value));
        } else if ("remove" in change) {
          removeSchema.run(state.name, change.kind, change.key);
        } else {
          upsertSchema.run(state.name, change.kind, change.key, stringifyJson(change.value));
        }
      }
      saveSequence.run(this.sequence);
    })();
    for (const change of changes) {
      if (change.kind === "instance") {
        const key = instanceKey(change.value.space, change.value.externalId);
        const previous = state.instances.get(key);
        // A re-created instance moves to the end of the creation order, as its new seq says.
        if (previous && previous.seq !== change.value.seq) state.instances.delete(key);
        state.instances.set(key, change.value);
      } else if ("remove" in change) {
        state.schemaMap(change.kind).delete(change.key);
      } else {
        state.schemaMap(change.kind).set(change.key, change.value);
      }
    }
  }

  close(): void {
    this.db.close();
  }

  private load(): void {
    for (const row of this.db
      .query<{ project: string; kind: SchemaKind; key: string; body: string }, []>("SELECT * FROM schema_items")
      .all()) {
      this.project(row.project)
        .schemaMap(row.kind)
        .set(row.key, parseJson(row.body, "emulator database") as StoredSpace);
    }
    const rows = this.db
      .query<{ project: string; key: string; body: string }, []>("SELECT project, key, body FROM instances ORDER BY seq")
      .all();
    for (const row of rows) {
      const instance = parseJson(row.body, "emulator database") as StoredInstance;
      this.project(row.project).instances.set(row.key, instance);
      this.lastTime = Math.max(this.lastTime, instance.lastUpdatedTime);
    }
  }
}
