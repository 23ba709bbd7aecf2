/**
 * Where data models come from: a model file (YAML or JSON, the API's shape with inline views, as the Python SDK
 * dumps it, optionally wrapped in `{items: [...]}`), the example bundled into the binary, or CDF itself.
 */
import * as v from "valibot";
import exampleModelText from "../examples/hydro-plant.model.yaml" with { type: "text" };
import type { ResolvedConnection } from "./client/auth.ts";
import type { Logger } from "./client/logging.ts";
import {
  type DataModel,
  DataModelSchema,
  ModelFileSchema,
  ModelFileViewPropertySchema,
  ModelFileViewSchema,
  type RejectedPart,
  readableIssueMessage,
  type View,
  type ViewProperty,
} from "./client/models.ts";
import type { RetryPolicy } from "./client/retry.ts";
import { parseDocument, sourceLines } from "./data-formats.ts";
import { ParseError, ResourceNotFoundError } from "./errors.ts";
import { readTextFile } from "./text-file.ts";

export const EXAMPLE_MODEL_NAME = "examples/hydro-plant.model.yaml";

export interface LoadedModels {
  /** Where the models came from, for messages: a file path or the bundled example's name. */
  origin: string;
  models: DataModel[];
}

export interface ParseOptions {
  /**
   * Refuse the file for any schema issue, as CDF would refuse the request (the emulator seeds this way). By default
   * only a file that is not a data model at all is refused; a view or property that cannot be read is left out
   * and listed in the model's `rejected`, for the validator to report.
   */
  strict?: boolean;
}

/** Reads a model file from disk. A missing, unreadable or non-UTF-8 file is a ParseError that names it. */
export async function loadModelFile(path: string, options: ParseOptions = {}): Promise<LoadedModels> {
  return { origin: path, models: parseModelDocument(await readTextFile(path, "model file"), path, options) };
}

/** Reads several model files into one list of models. */
export async function loadModelFiles(paths: string[], options: ParseOptions = {}): Promise<LoadedModels> {
  const loaded = await Promise.all(paths.map((path) => loadModelFile(path, options)));
  return { origin: paths.join(", "), models: loaded.flatMap((file) => file.models) };
}

/** The example data model shipped inside the binary. */
export function loadExampleModel(): LoadedModels {
  return { origin: EXAMPLE_MODEL_NAME, models: parseModelDocument(exampleModelText, EXAMPLE_MODEL_NAME) };
}

export interface DataModelId {
  space: string;
  externalId: string;
  version: string;
}

export const modelIdText = (id: DataModelId) => `${id.space}:${id.externalId}/${id.version}`;

export interface FetchOptions {
  /** Sent as x-cdp-app. */
  clientName: string;
  timeoutMs: number;
  retry: Partial<RetryPolicy>;
  logger?: Logger;
}

/** Fetches data models with inline views from CDF; a model that is not there is a ResourceNotFoundError naming it. */
export async function fetchModelsFromCdf(connection: ResolvedConnection, ids: DataModelId[], options: FetchOptions): Promise<LoadedModels> {
  // Loaded on use: the client brings ky, which commands that read model files need not pay for at start-up.
  const { PygenClient } = await import("./client/pygen-client.ts");
  await using cdf = new PygenClient({ ...connection, ...options });
  const models = await cdf.dataModels.retrieve(ids);
  const found = new Set(models.map(modelIdText));
  const missing = ids.filter((id) => !found.has(modelIdText(id)));
  if (missing.length > 0) {
    const names = missing.map(modelIdText).join(", ");
    throw new ResourceNotFoundError(`data model ${names} not found in CDF project ${connection.project} at ${connection.baseUrl}`, {
      status: 404,
    });
  }
  return { origin: `CDF project ${connection.project} (${ids.map(modelIdText).join(", ")})`, models };
}

/** Parses the text of a model document into one or more data models, with precise errors. */
export function parseModelDocument(text: string, fileName: string, options: ParseOptions = {}): DataModel[] {
  const document = parseDocument(text, fileName);
  const { items, pathPrefix } = unwrapItems(document, fileName);
  const parse = options.strict ? parseDataModel : parseDataModelByParts;
  return items.map((item, index) => parse(item, fileName, pathPrefix === undefined ? [] : [pathPrefix, index]));
}

/** A data model, view or property of a model file, and the line it starts on. */
export interface PartLine {
  space: string;
  externalId: string;
  /** Set for a property: its identifier. */
  property?: string;
  line: number;
}

/**
 * The line of each data model, view and property of a model file (its `externalId`, its list item, its key), for
 * findings that say where to look. Parts whose identity is not text are skipped.
 */
export function modelFileLines(text: string, fileName: string): PartLine[] {
  const { items, pathPrefix } = unwrapItems(parseDocument(text, fileName), fileName);
  // items/0/views/0/properties/name is the deepest path asked for.
  const lines = sourceLines(text, 6);
  const found: PartLine[] = [];
  const add = (owner: unknown, path: (string | number)[], property?: string) => {
    const { space, externalId } = (owner ?? {}) as { space?: unknown; externalId?: unknown };
    const line = lines.get(path.join("/"));
    if (typeof space !== "string" || typeof externalId !== "string" || line === undefined) return;
    found.push({ space, externalId, ...(property === undefined ? {} : { property }), line });
  };
  items.forEach((model, index) => {
    const base = pathPrefix === undefined ? [] : pathPrefix === "" ? [index] : [pathPrefix, index];
    add(model, [...base, "externalId"]);
    const views = (model as { views?: unknown } | null)?.views;
    if (!Array.isArray(views)) return;
    views.forEach((view, viewIndex) => {
      add(view, [...base, "views", viewIndex]);
      const properties = (view as { properties?: unknown } | null)?.properties;
      if (properties === null || typeof properties !== "object") return;
      for (const property of Object.keys(properties)) add(view, [...base, "views", viewIndex, "properties", property], property);
    });
  });
  return found;
}

/** Accepts a single data model, `{items: [...]}` as list endpoints return it, or a bare list. */
function unwrapItems(document: unknown, fileName: string): { items: unknown[]; pathPrefix?: string | number } {
  if (Array.isArray(document)) return { items: document, pathPrefix: "" };
  if (document !== null && typeof document === "object" && "items" in document && !("externalId" in document)) {
    const items = (document as { items: unknown }).items;
    if (!Array.isArray(items)) throw new ParseError("`items` must be a list of data models", { location: `${fileName}: items` });
    if (items.length === 0) throw new ParseError("`items` is empty: the file holds no data model", { location: fileName });
    return { items, pathPrefix: "items" };
  }
  if (document === null || document === undefined || typeof document !== "object") {
    throw new ParseError("expected a data model (a mapping with space, externalId, version and views)", { location: fileName });
  }
  return { items: [document] };
}

/** The whole model against the API's schema: any issue refuses the file. */
function parseDataModel(input: unknown, fileName: string, prefix: (string | number)[]): DataModel {
  rejectViewReferencesOnly(input, fileName, prefix);
  const result = v.safeParse(DataModelSchema, input);
  if (result.success) return result.output;
  throw notADataModel(result.issues, input, fileName, prefix);
}

/**
 * Structure first (the model's identity, a list of views): a file without it is not a data model and is refused.
 * Then each view, and each property of a view, on its own: a part that cannot be read is left out and recorded in
 * `rejected`, so the rest of the model is still validated and generated.
 */
function parseDataModelByParts(input: unknown, fileName: string, prefix: (string | number)[]): DataModel {
  rejectViewReferencesOnly(input, fileName, prefix);
  const header = v.safeParse(ModelFileSchema, input);
  if (!header.success) throw notADataModel(header.issues, input, fileName, prefix);
  const rejected: RejectedPart[] = [];
  const views = header.output.views.flatMap((raw, index): View[] => {
    const at = (path: (string | number)[]) => formatPath([...prefix, "views", index, ...path], input, prefix.length);
    const view = parseView(raw, at, rejected);
    return view === undefined ? [] : [view];
  });
  return { ...header.output, views, ...(rejected.length > 0 ? { rejected } : {}) };
}

type PathText = (path: (string | number)[]) => string;

function parseView(raw: unknown, at: PathText, rejected: RejectedPart[]): View | undefined {
  const result = v.safeParse(ModelFileViewSchema, raw);
  if (!result.success) {
    rejected.push({ view: readableIdentity(raw), path: at([]), problems: problemLines(result.issues, at) });
    return undefined;
  }
  const view = result.output;
  const identity = { space: view.space, externalId: view.externalId, version: view.version };
  const properties: Record<string, ViewProperty> = {};
  for (const [identifier, rawProperty] of Object.entries(view.properties)) {
    const property = v.safeParse(ModelFileViewPropertySchema, rawProperty);
    if (property.success) {
      properties[identifier] = property.output;
      continue;
    }
    const inProperty = (path: (string | number)[]) => at(["properties", identifier, ...path]);
    const unknownType = unknownTypeOf(property.issues, rawProperty);
    rejected.push({
      view: identity,
      property: identifier,
      path: inProperty([]),
      problems: problemLines(property.issues, inProperty),
      ...(unknownType !== undefined ? { unknownType } : {}),
    });
  }
  return { ...view, properties };
}

/** The identifiers of a view that could not be read, those that are text. */
function readableIdentity(raw: unknown): RejectedPart["view"] {
  const fields = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const text = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string) : undefined);
  return Object.fromEntries(
    (["space", "externalId", "version"] as const).flatMap((key) => (text(key) === undefined ? [] : [[key, text(key)]])),
  ) as RejectedPart["view"];
}

/** The type name when the only problem is a property type pygen does not know (a newer API, a typo). */
function unknownTypeOf(issues: v.BaseIssue<unknown>[], raw: unknown): string | undefined {
  const onlyType = issues.every((issue) => issuePath(issue).join(".") === "type.type");
  const type = (raw as { type?: { type?: unknown } } | null)?.type?.type;
  return onlyType && typeof type === "string" ? type : undefined;
}

function problemLines(issues: v.BaseIssue<unknown>[], at: PathText): string[] {
  return issues.map((issue) => `${at(issuePath(issue))}: ${readableIssueMessage(issue)}`);
}

/** The ParseError for input that is not a data model, with the first issues and where they are. */
function notADataModel(issues: v.BaseIssue<unknown>[], input: unknown, fileName: string, prefix: (string | number)[]): ParseError {
  const lines = issues.slice(0, 10).map((issue) => {
    const path = formatPath([...prefix, ...issuePath(issue)], input, prefix.length);
    return `${path || "(document)"}: ${readableIssueMessage(issue)}`;
  });
  if (issues.length > 10) lines.push(`… and ${issues.length - 10} more`);
  const first = lines[0] ?? "invalid data model";
  return new ParseError(`invalid data model at ${first}`, { location: fileName, details: lines.slice(1) });
}

/** A model fetched without inline views has references only; say how to get a usable file. */
function rejectViewReferencesOnly(input: unknown, fileName: string, prefix: (string | number)[]): void {
  const views = (input as { views?: unknown } | null)?.views;
  if (!Array.isArray(views)) return;
  const index = views.findIndex((view) => view !== null && typeof view === "object" && !("properties" in view));
  if (index < 0) return;
  const at = formatPath([...prefix, "views", index], input, prefix.length);
  throw new ParseError(
    `${at} is a view reference without properties; model files need inline views (fetch the model with inlineViews=true)`,
    { location: fileName },
  );
}

function issuePath(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

/**
 * `views[3] (Pump).properties.name.type` — array indices in brackets, and a view's externalId beside its index
 * so the user finds it without counting.
 */
function formatPath(path: (string | number)[], document: unknown, skip: number): string {
  let node: unknown = document;
  let text = "";
  path.forEach((key, position) => {
    if (position >= skip) node = node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
    if (key === "") return;
    if (typeof key === "number") {
      text += `[${key}]`;
      const externalId = (node as { externalId?: unknown } | undefined)?.externalId;
      if (path[position - 1] === "views" && typeof externalId === "string") text += ` (${externalId})`;
    } else {
      text += text ? `.${key}` : key;
    }
  });
  return text;
}
