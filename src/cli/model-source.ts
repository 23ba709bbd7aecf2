/**
 * Which data models a command works on, by precedence: flags (--model-file, or --model with --space and
 * --model-version) > the config file (model.file or model.ids) > the bundled example. The example is only
 * taken when CDF is not configured either: with a CDF project set and no model named, the user most likely
 * forgot --model, and generating the example would hide that.
 */
import type { LoadedConfig, ModelId } from "../config.ts";
import { ParseError, UsageError } from "../errors.ts";
import { fetchModelsFromCdf, type LoadedModels, loadExampleModel, loadModelFiles, modelIdText } from "../sources.ts";
import { type ConnectionLayer, describeSources, resolveMergedConnection } from "./connection.ts";
import { displayPath } from "./display-path.ts";
import type { Reporter } from "./reporter.ts";
import { repeatedFlag, type SourceFlags } from "./source-options.ts";

export type ModelSource = { kind: "files"; paths: string[] } | { kind: "cdf"; ids: ModelId[] } | { kind: "example" };

/** What loading needs of a command's session (session.ts's `Session` has it all; declared here, so session.ts alone imports this module). */
export interface ModelLoading {
  reporter: Reporter;
  config: LoadedConfig;
  connectionLayers: ConnectionLayer[];
  modelSource: ModelSource;
}

/** `space:externalId/version`, any part but the externalId optional. */
const MODEL_SPEC = /^(?:([^:/\s]+):)?([^:/\s]+)(?:\/([^:/\s]+))?$/;

export function parseModelSpecs(specs: string[], space: string | undefined, version: string | undefined): ModelId[] {
  return specs.map((spec) => {
    const match = MODEL_SPEC.exec(spec);
    if (!match) throw new UsageError(`--model "${spec}" is not a data model id; write space:externalId/version`);
    const id = { space: match[1] ?? space, externalId: match[2] as string, version: match[3] ?? version };
    const missing = [id.space ? "" : "a space (space:… or --space)", id.version ? "" : "a version (…/version or --model-version)"];
    if (!id.space || !id.version) throw new UsageError(`--model "${spec}" needs ${missing.filter(Boolean).join(" and ")}`);
    return { space: id.space, externalId: id.externalId, version: id.version };
  });
}

export function chooseModelSource(flags: SourceFlags, loaded: LoadedConfig, cdfIsConfigured: boolean): ModelSource {
  const files = repeatedFlag("--model-file <file>", flags.modelFile);
  const specs = repeatedFlag("--model <id>", flags.model);
  const space = flags.space;
  const version = flags.modelVersion;
  if (files.length > 0 && specs.length > 0) throw new UsageError("give either --model-file or --model, not both");
  if (specs.length === 0 && (space !== undefined || version !== undefined)) {
    throw new UsageError(`${space !== undefined ? "--space" : "--model-version"} applies to --model, which is missing`);
  }
  if (files.length > 0) return { kind: "files", paths: files };
  if (specs.length > 0) return { kind: "cdf", ids: parseModelSpecs(specs, space, version) };

  const model = loaded.config.model;
  if (model?.file && model.ids) throw new ParseError("model.file and model.ids both name a model; keep one", { location: loaded.path });
  if (model?.file) return { kind: "files", paths: [model.file] };
  if (model?.ids && model.ids.length > 0) return { kind: "cdf", ids: model.ids };
  if (cdfIsConfigured) {
    throw new UsageError("CDF is configured but no data model is named: pass --model space:externalId/version (or --model-file FILE)");
  }
  return { kind: "example" };
}

/** A label for progress lines: what is being loaded from where. */
export function describeSource(source: ModelSource): string {
  switch (source.kind) {
    case "files":
      return `read ${source.paths.map(displayPath).join(", ")}`;
    case "cdf":
      return `fetch ${source.ids.map(modelIdText).join(", ")} from CDF`;
    case "example":
      return "load the bundled example";
  }
}

export async function loadModels(source: ModelSource, session: ModelLoading): Promise<LoadedModels> {
  switch (source.kind) {
    case "files":
      return loadModelFiles(source.paths);
    case "cdf":
      return fetchModels(source.ids, session);
    case "example": {
      const example = loadExampleModel();
      session.reporter.note(`No model given: using the bundled example, ${example.origin} (--model-file FILE or --model ID for yours).`);
      return example;
    }
  }
}

/** Loads for reading commands: fetching from CDF is the only slow part, so only it gets a progress line. */
export async function loadModelsForReading(session: ModelLoading): Promise<LoadedModels> {
  const source = session.modelSource;
  const load = () => loadModels(source, session);
  return source.kind === "cdf" ? session.reporter.step(describeSource(source), load) : load();
}

/**
 * Someone is waiting at the terminal: a wrong address should fail in seconds, not after the client's default of
 * ten retries with waits of up to a minute. client.maxRetries / client.timeoutMs in the config change this.
 */
const INTERACTIVE_RETRY = { maxRetries: 3, maxDelayMs: 5_000 };
const INTERACTIVE_TIMEOUT_MS = 30_000;

async function fetchModels(ids: ModelId[], session: ModelLoading): Promise<LoadedModels> {
  const { reporter, config, connectionLayers } = session;
  reporter.debug(`connection: ${describeSources(connectionLayers)}`);
  const connection = resolveMergedConnection(connectionLayers, reporter.logger);
  const client = config.config.client;
  return fetchModelsFromCdf(connection, ids, {
    clientName: client?.clientName ?? "pygen",
    logger: reporter.logger,
    timeoutMs: client?.timeoutMs ?? INTERACTIVE_TIMEOUT_MS,
    retry: { ...INTERACTIVE_RETRY, ...(client?.maxRetries !== undefined ? { maxRetries: client.maxRetries } : {}) },
  });
}
