/**
 * Where data models come from: a model file (YAML or JSON, the API's shape with inline views, as the Python SDK
 * dumps it, optionally wrapped in `{items: [...]}`) or the example bundled into the binary. Fetching from CDF
 * joins here once the client exists.
 */
import * as v from "valibot";
import exampleModelText from "../examples/hydro-plant.model.yaml" with { type: "text" };
import { type DataModel, DataModelSchema } from "./client/models.ts";
import { parseDocument } from "./data-formats.ts";
import { ParseError } from "./errors.ts";
import { readTextFile } from "./text-file.ts";

export const EXAMPLE_MODEL_NAME = "examples/hydro-plant.model.yaml";

export interface LoadedModels {
  /** Where the models came from, for messages: a file path or the bundled example's name. */
  origin: string;
  models: DataModel[];
}

/** Reads a model file from disk. A missing, unreadable or non-UTF-8 file is a ParseError that names it. */
export async function loadModelFile(path: string): Promise<LoadedModels> {
  return { origin: path, models: parseModelDocument(await readTextFile(path, "model file"), path) };
}

/** Reads several model files into one list of models. */
export async function loadModelFiles(paths: string[]): Promise<LoadedModels> {
  const loaded = await Promise.all(paths.map((path) => loadModelFile(path)));
  return { origin: paths.join(", "), models: loaded.flatMap((file) => file.models) };
}

/** The example data model shipped inside the binary. */
export function loadExampleModel(): LoadedModels {
  return { origin: EXAMPLE_MODEL_NAME, models: parseModelDocument(exampleModelText, EXAMPLE_MODEL_NAME) };
}

/** Parses the text of a model document into one or more data models, with precise errors. */
export function parseModelDocument(text: string, fileName: string): DataModel[] {
  const document = parseDocument(text, fileName);
  const { items, pathPrefix } = unwrapItems(document, fileName);
  return items.map((item, index) => parseDataModel(item, fileName, pathPrefix === undefined ? [] : [pathPrefix, index]));
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

function parseDataModel(input: unknown, fileName: string, prefix: (string | number)[]): DataModel {
  rejectViewReferencesOnly(input, fileName, prefix);
  const result = v.safeParse(DataModelSchema, input);
  if (result.success) return result.output;
  const lines = result.issues.slice(0, 10).map((issue) => {
    const path = formatPath([...prefix, ...issuePath(issue)], input, prefix.length);
    return `${path || "(document)"}: ${issue.message}`;
  });
  if (result.issues.length > 10) lines.push(`… and ${result.issues.length - 10} more`);
  const first = lines[0] ?? "invalid data model";
  throw new ParseError(`invalid data model at ${first}`, { location: fileName, details: lines.slice(1) });
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
