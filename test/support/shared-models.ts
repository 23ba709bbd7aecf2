/**
 * The real data models in ../shared/models (beside the repository), used by tests when present. CI has them;
 * a bare clone may not, so tests built on them use `describeShared`, which skips cleanly without them.
 */

import { describe } from "bun:test";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

export const SHARED_MODELS_DIR = join(import.meta.dir, "..", "..", "..", "shared", "models");

export const hasSharedModels = existsSync(SHARED_MODELS_DIR);

/** Names of the shared models (Omni, Pumps, …), each a folder holding model.yaml. */
export function sharedModelNames(): string[] {
  if (!hasSharedModels) return [];
  return readdirSync(SHARED_MODELS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(SHARED_MODELS_DIR, entry.name, "model.yaml")))
    .map((entry) => entry.name)
    .sort();
}

export function sharedModelPath(name: string, file = "model.yaml"): string {
  return join(SHARED_MODELS_DIR, name, file);
}

/** `describe` when ../shared/models exists, `describe.skip` otherwise. */
export const describeShared = hasSharedModels ? describe : describe.skip;
