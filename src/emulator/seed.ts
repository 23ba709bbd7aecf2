/**
 * Seeding the emulator from files. `--model` takes a data model with inline views (pygen's model files) and
 * creates what it needs: the spaces, the containers (derived from the views' mapped properties: their types,
 * nullability and defaults), the views and the data model. `--instances` takes nodes and edges in the API's
 * read shape (properties grouped by view, like Omni/nodes.yaml) or write shape (sources) and applies them.
 */
import type { DataModel, View, ViewProperty } from "../client/models.ts";
import { parseDocument } from "../data-formats.ts";
import { ParseError } from "../errors.ts";
import { loadModelFile } from "../sources.ts";
import { parseRequest } from "./api-error.ts";
import type { RequestContext } from "./context.ts";
import { applyInstanceRequest } from "./instances.ts";
import { canonicalJson } from "./json-values.ts";
import { ContainerCreateSchema, DataModelCreateSchema, InstanceApplySchema, ViewCreateSchema } from "./requests.ts";
import { prepareContainers, prepareDataModels, prepareViews } from "./schema-resources.ts";
import { type Change, containerKey, type EmulatorStore, type StoredContainerProperty, viewKey } from "./store.ts";

/** Instances are applied in chunks of the API's maximum request size. */
const APPLY_CHUNK = 1000;

function seedingContext(store: EmulatorStore, project: string): RequestContext {
  return { store, state: store.project(project), body: undefined, query: new URLSearchParams() };
}

function createSpaces(context: RequestContext, spaces: Iterable<string>): Change[] {
  const now = context.store.now();
  return [...new Set(spaces)]
    .filter((space) => !context.state.spaces.has(space))
    .map((space) => ({ kind: "space", key: space, value: { space, createdTime: now, lastUpdatedTime: now } }));
}

type ContainerDraft = {
  space: string;
  externalId: string;
  usedFor: "node" | "edge" | "all";
  properties: Record<string, StoredContainerProperty>;
};

/** Containers as the mapped properties of every view describe them, merged with any that already exist. */
function deriveContainers(context: RequestContext, views: View[]): ContainerDraft[] {
  const drafts = new Map<string, ContainerDraft>();
  for (const view of views) {
    for (const property of Object.values(view.properties)) {
      if (property.kind !== "mapped") continue;
      const { space, externalId } = property.container;
      const key = containerKey(space, externalId);
      const existing = context.state.containers.get(key);
      const usedFor = view.usedFor === "record" ? "node" : view.usedFor;
      const draft = drafts.get(key) ?? {
        space,
        externalId,
        usedFor: existing?.usedFor ?? usedFor,
        properties: { ...existing?.properties },
      };
      if (draft.usedFor !== usedFor) draft.usedFor = "all";
      // A direct relation's view hint belongs to the view, not to the container.
      const { source: _hint, ...type } = property.type as typeof property.type & { source?: unknown };
      draft.properties[property.containerPropertyIdentifier] = {
        type: type as StoredContainerProperty["type"],
        nullable: property.nullable,
        immutable: property.immutable,
        autoIncrement: property.autoIncrement,
        defaultValue: property.defaultValue,
      };
      drafts.set(key, draft);
    }
  }
  return [...drafts.values()];
}

function viewPropertyCreate(property: ViewProperty): Record<string, unknown> {
  const naming = { name: property.name, description: property.description };
  switch (property.kind) {
    case "mapped":
      return {
        container: property.container,
        containerPropertyIdentifier: property.containerPropertyIdentifier,
        ...naming,
        source: property.type.type === "direct" ? property.type.source : undefined,
      };
    case "edge":
      return {
        connectionType: property.connectionType,
        type: property.type,
        source: property.source,
        edgeSource: property.edgeSource,
        direction: property.direction,
        ...naming,
      };
    case "reverse":
      return { connectionType: property.connectionType, source: property.source, through: property.through, ...naming };
  }
}

/**
 * A view's own properties. A model file holds views as CDF returns them, with the properties they inherit; a
 * property defined exactly as in every implemented view of the file that has it is inherited, not the view's own,
 * so `includeInheritedProperties=false` leaves it out as CDF does.
 */
function ownProperties(view: View, modelViews: Map<string, View>): [string, ViewProperty][] {
  const parents = view.implements.flatMap((ref) => modelViews.get(viewKey(ref.space, ref.externalId, ref.version)) ?? []);
  return Object.entries(view.properties).filter(([id, property]) => {
    const inherited = parents.flatMap((parent) => parent.properties[id] ?? []);
    const definition = canonicalJson(viewPropertyCreate(property));
    return inherited.length === 0 || inherited.some((parentProperty) => canonicalJson(viewPropertyCreate(parentProperty)) !== definition);
  });
}

/** The create request of a view; `implements` keeps only views that will exist (the model's own or stored ones). */
function viewCreate(context: RequestContext, view: View, modelViews: Map<string, View>): unknown {
  return {
    space: view.space,
    externalId: view.externalId,
    version: view.version,
    name: view.name,
    description: view.description,
    filter: view.filter,
    implements: view.implements.filter(
      (ref) =>
        modelViews.has(viewKey(ref.space, ref.externalId, ref.version)) ||
        context.state.views.has(viewKey(ref.space, ref.externalId, ref.version)),
    ),
    properties: Object.fromEntries(ownProperties(view, modelViews).map(([id, property]) => [id, viewPropertyCreate(property)])),
  };
}

function seedDataModels(store: EmulatorStore, project: string, models: DataModel[]): void {
  const context = seedingContext(store, project);
  const views = models.flatMap((model) => model.views);
  const spaces = createSpaces(context, [
    ...models.map((model) => model.space),
    ...views.map((view) => view.space),
    ...views.flatMap((view) =>
      Object.values(view.properties).flatMap((property) => (property.kind === "mapped" ? [property.container.space] : [])),
    ),
  ]);
  store.commit(context.state, spaces);
  const containers = prepareContainers(
    context,
    deriveContainers(context, views).map((draft) => parseRequest(ContainerCreateSchema, draft)),
  );
  const modelViews = new Map(views.map((view) => [viewKey(view.space, view.externalId, view.version), view]));
  const storedViews = prepareViews(
    context,
    [...modelViews.values()].map((view) => parseRequest(ViewCreateSchema, viewCreate(context, view, modelViews))),
    containers,
  );
  const modelChanges = prepareDataModels(
    context,
    models.map((model) =>
      parseRequest(DataModelCreateSchema, {
        space: model.space,
        externalId: model.externalId,
        version: model.version,
        name: model.name,
        description: model.description,
        views: model.views.map((view) => ({ type: "view", space: view.space, externalId: view.externalId, version: view.version })),
      }),
    ),
    storedViews,
  );
  store.commit(context.state, [
    ...containers.map((value): Change => ({ kind: "container", key: containerKey(value.space, value.externalId), value })),
    ...storedViews.map((value): Change => ({ kind: "view", key: viewKey(value.space, value.externalId, value.version), value })),
    ...modelChanges,
  ]);
}

export async function seedModels(store: EmulatorStore, project: string, file: string): Promise<void> {
  // The emulator stands in for CDF, which refuses a model with any invalid part: no part is left out here.
  seedDataModels(store, project, (await loadModelFile(file, { strict: true })).models);
}

const READ_ONLY_FIELDS = new Set(["version", "createdTime", "lastUpdatedTime", "deletedTime", "properties"]);

/** An instance in read shape (properties grouped by view) becomes a write with one source per view. */
function toWrite(instance: Record<string, unknown>): Record<string, unknown> {
  if (!("properties" in instance)) return instance;
  const write = Object.fromEntries(Object.entries(instance).filter(([key]) => !READ_ONLY_FIELDS.has(key)));
  const grouped = (instance.properties ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  // A view listed without values (`View/1: {}`) holds the instance through its filter; there is nothing to write.
  write.sources = Object.entries(grouped).flatMap(([space, byView]) =>
    Object.entries(byView)
      .filter(([, properties]) => Object.keys(properties ?? {}).length > 0)
      .map(([label, properties]) => {
        const slash = label.lastIndexOf("/");
        return { source: { type: "view", space, externalId: label.slice(0, slash), version: label.slice(slash + 1) }, properties };
      }),
  );
  return write;
}

export async function seedInstances(store: EmulatorStore, project: string, file: string): Promise<void> {
  let text: string;
  try {
    text = await Bun.file(file).text();
  } catch (error) {
    throw new ParseError("cannot read the instances file", { location: file, cause: error });
  }
  const document = parseDocument(text, file);
  const items = Array.isArray(document) ? document : ((document as { items?: unknown[] } | null)?.items ?? [document]);
  if (!items.every((item) => item !== null && typeof item === "object")) {
    throw new ParseError("expected a list of nodes and edges (or {items: [...]})", { location: file });
  }
  const writes = (items as Record<string, unknown>[]).map(toWrite);
  const context = seedingContext(store, project);
  store.commit(
    context.state,
    createSpaces(
      context,
      writes.map((write) => String(write.space)),
    ),
  );
  for (let start = 0; start < writes.length; start += APPLY_CHUNK) {
    const request = parseRequest(InstanceApplySchema, {
      items: writes.slice(start, start + APPLY_CHUNK),
      autoCreateStartNodes: true,
      autoCreateEndNodes: true,
    });
    applyInstanceRequest(context, request);
  }
}
