/**
 * The work of `pygen generate` between the command line and the writer: read the model files (or take the
 * models already fetched), select the views, run the pipeline. One function, run on the main thread for small
 * models and in a worker for large ones (off-thread.ts).
 */
import type { DataModel } from "../client/models.ts";
import { type GenerationResult, generateSdk, type PipelineOptions } from "../pipeline.ts";
import { loadModelFiles } from "../sources.ts";
import { selectViews, type ViewSelection } from "../view-filter.ts";

/** Model files to read, or models already loaded (from CDF, the bundled example). */
export type GenerationJob = ({ paths: string[] } | { origin: string; models: DataModel[] }) & {
  views: ViewSelection;
  options: PipelineOptions;
};

/** What the command needs of the result; the validation result and the language stay where they were made. */
export type GeneratedSdk = Omit<GenerationResult, "validation" | "language">;

/** Runs the job; `onLoaded` hears when the models are loaded, with the view patterns that matched nothing. */
export async function runGenerationJob(job: GenerationJob, onLoaded: (unmatched: string[]) => void): Promise<GeneratedSdk> {
  const loaded = "paths" in job ? await loadModelFiles(job.paths) : job;
  const { models, unmatched } = selectViews(loaded.models, job.views);
  onLoaded(unmatched);
  const { validation: _validation, language: _language, ...result } = generateSdk({ models, origin: loaded.origin }, job.options);
  return result;
}
