/**
 * What every model-taking command sets up before its own work: the reporter, the config file (its warnings
 * printed), the CDF connection layers and the chosen model source. Usage mistakes surface here, before
 * anything slow starts.
 */
import { type LoadedConfig, loadConfig } from "../config.ts";
import { UsageError } from "../errors.ts";
import { type ConnectionLayer, cdfConfigured, connectionLayers, mergeLayers } from "./connection.ts";
import { chooseModelSource, type ModelSource } from "./model-source.ts";
import { type CliIO, Reporter } from "./reporter.ts";
import type { SourceFlags } from "./source-options.ts";

export interface Session {
  reporter: Reporter;
  config: LoadedConfig;
  connectionLayers: ConnectionLayer[];
  modelSource: ModelSource;
}

export async function openSession(flags: SourceFlags, io: CliIO, env: Record<string, string | undefined> = process.env): Promise<Session> {
  if (flags.quiet && flags.verbose) throw new UsageError("--quiet and --verbose contradict each other; pick one");
  const reporter = new Reporter(io, flags);
  const config = await loadConfig({ cwd: process.cwd(), env, ...(flags.config !== undefined ? { explicitPath: flags.config } : {}) });
  for (const warning of config.warnings) reporter.warn(warning);
  reporter.debug(config.path ? `config: ${config.path}` : "config: none found (pygen.yaml, pygen.yml or pyproject.toml [tool.pygen])");
  const layers = await connectionLayers(flags, config.config, env);
  const modelSource = chooseModelSource(flags, config, cdfConfigured(mergeLayers(layers)));
  return { reporter, config, connectionLayers: layers, modelSource };
}
