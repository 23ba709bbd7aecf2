/**
 * --include-views / --exclude-views: globs matched against a view's externalId or `space:externalId`. Views
 * filtered out are gone before validation, so relations to them are reported like relations to any view
 * outside the model.
 */
import type { DataModel, RejectedPart, View } from "./client/models.ts";
import { UsageError } from "./errors.ts";

export interface ViewSelection {
  include: string[];
  exclude: string[];
}

function matcher(patterns: string[]): ((view: View) => boolean) & { unused: () => string[] } {
  const globs = patterns.map((pattern) => ({ pattern, glob: new Bun.Glob(pattern), used: false }));
  const matches = (view: View) => {
    let any = false;
    for (const entry of globs) {
      if (entry.glob.match(view.externalId) || entry.glob.match(`${view.space}:${view.externalId}`)) {
        entry.used = true;
        any = true;
      }
    }
    return any;
  };
  return Object.assign(matches, { unused: () => globs.filter((entry) => !entry.used).map((entry) => entry.pattern) });
}

/** The models with only the selected views, and the patterns that matched nothing (likely typos). */
export function selectViews(models: DataModel[], selection: ViewSelection): { models: DataModel[]; unmatched: string[] } {
  if (selection.include.length === 0 && selection.exclude.length === 0) return { models, unmatched: [] };
  const included = matcher(selection.include);
  const excluded = matcher(selection.exclude);
  const keep = (view: View) => (selection.include.length === 0 || included(view)) && !excluded(view);
  // Parts of a model file that could not be read go with their view, where it can be told.
  const keepPart = (part: RejectedPart) =>
    part.view.externalId === undefined || keep({ space: part.view.space ?? "", externalId: part.view.externalId } as View);
  const selected = models.map((model) => ({
    ...model,
    views: model.views.filter(keep),
    ...(model.rejected !== undefined ? { rejected: model.rejected.filter(keepPart) } : {}),
  }));
  if (selected.every((model) => model.views.length === 0)) {
    throw new UsageError("--include-views / --exclude-views leave no view to generate");
  }
  return { models: selected, unmatched: [...included.unused(), ...excluded.unused()] };
}
