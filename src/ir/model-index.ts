/**
 * The views of one or more data models, merged the way one SDK sees them: a view listed by several models is one
 * view (the first occurrence wins), looked up by its full identifier. Rules, the name plan and the IR parser all
 * read models through this index so they agree on what "in the model" means.
 */
import type { DataModel, View } from "../client/models.ts";

export interface ViewIdentifier {
  space: string;
  externalId: string;
  version: string;
}

/** `space/externalId/version`: the key of a view everywhere in the validator and the IR. */
export function viewKey(view: ViewIdentifier): string {
  return `${view.space}/${view.externalId}/${view.version}`;
}

export interface DuplicateView {
  kept: View;
  duplicate: View;
  /** The data model the duplicate came from. */
  model: DataModel;
}

export class ModelIndex {
  readonly models: readonly DataModel[];
  /** Unique views in first-seen order. */
  readonly views: readonly View[];
  /** Views listed twice with different definitions; the first is kept. */
  readonly conflicts: readonly DuplicateView[];
  private readonly byKey: ReadonlyMap<string, View>;

  constructor(models: readonly DataModel[]) {
    const byKey = new Map<string, View>();
    const conflicts: DuplicateView[] = [];
    for (const model of models) {
      for (const view of model.views) {
        const key = viewKey(view);
        const kept = byKey.get(key);
        if (kept === undefined) byKey.set(key, view);
        else if (kept !== view && !sameDefinition(kept, view)) conflicts.push({ kept, duplicate: view, model });
      }
    }
    this.models = models;
    this.byKey = byKey;
    this.views = [...byKey.values()];
    this.conflicts = conflicts;
  }

  get(reference: ViewIdentifier): View | undefined {
    return this.byKey.get(viewKey(reference));
  }

  has(reference: ViewIdentifier): boolean {
    return this.byKey.has(viewKey(reference));
  }

  /** Keys of every view the given view implements, directly or not, within the index; safe on cycles. */
  ancestors(view: ViewIdentifier): Set<string> {
    const seen = new Set<string>();
    const pending = [...(this.get(view)?.implements ?? [])];
    for (let parent = pending.pop(); parent !== undefined; parent = pending.pop()) {
      const key = viewKey(parent);
      if (seen.has(key)) continue;
      seen.add(key);
      pending.push(...(this.get(parent)?.implements ?? []));
    }
    return seen;
  }
}

/** Two listings of a view are the same view when their properties and parents are; timestamps do not matter. */
function sameDefinition(a: View, b: View): boolean {
  return (
    JSON.stringify(a.properties, bigintSafe) === JSON.stringify(b.properties, bigintSafe) &&
    JSON.stringify(a.implements) === JSON.stringify(b.implements)
  );
}

function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}
