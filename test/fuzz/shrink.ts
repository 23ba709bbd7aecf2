/**
 * Shrinking a failing model: views, `implements` entries, properties, view hints, edge property views and
 * descriptions are dropped while the same failure (its class, test/fuzz/checks.ts) persists. Each round tries
 * every single removal, in batches so the tools start once per batch, and keeps the smallest model that still
 * fails; it ends when no removal keeps the failure.
 */
import type { DataModel, View, ViewProperty, ViewReference } from "../../src/client/models.ts";
import { type CheckName, checkBatch, type FuzzCase, failureClass } from "./checks.ts";
import { markReadOnly } from "./random-model.ts";

const sameView = (reference: ViewReference | undefined, view: View) =>
  reference !== undefined &&
  reference.space === view.space &&
  reference.externalId === view.externalId &&
  reference.version === view.version;

/** Views, `implements` entries and properties: what shrinking counts down. */
export function modelSize(model: DataModel): number {
  return model.views.reduce((total, view) => total + 1 + view.implements.length + Object.keys(view.properties).length, 0);
}

/** Size first, then the length of the view names: a removal is preferred over a rename. */
const weight = (model: DataModel) => modelSize(model) + model.views.reduce((total, view) => total + view.externalId.length, 0) / 10_000;

/** The model without a view, and without everything that points at it. */
function withoutView(model: DataModel, removed: View): DataModel {
  const views = model.views
    .filter((view) => view !== removed)
    .map((view) => ({
      ...view,
      implements: view.implements.filter((parent) => !sameView(parent, removed)),
      properties: Object.fromEntries(
        Object.entries(view.properties).flatMap(([identifier, property]): [string, ViewProperty][] => {
          if (property.kind === "edge") {
            if (sameView(property.source, removed)) return [];
            return [[identifier, sameView(property.edgeSource, removed) ? { ...property, edgeSource: undefined } : property]];
          }
          if (property.kind === "reverse") return sameView(property.source, removed) ? [] : [[identifier, property]];
          if (property.type.type === "direct" && sameView(property.type.source, removed)) {
            return [[identifier, { ...property, type: { ...property.type, source: undefined } }]];
          }
          return [[identifier, property]];
        }),
      ),
    }));
  return { ...model, views };
}

/** The model without one property of a view, and without the reverse relations through it. */
function withoutProperty(model: DataModel, holder: View, identifier: string): DataModel {
  const views = model.views.map((view) => {
    const properties = Object.entries(view.properties).filter(([key, property]) => {
      if (view === holder && key === identifier) return false;
      return !(
        property.kind === "reverse" &&
        property.through.identifier === identifier &&
        sameView(property.through.source as ViewReference, holder)
      );
    });
    return properties.length === Object.keys(view.properties).length ? view : { ...view, properties: Object.fromEntries(properties) };
  });
  return { ...model, views };
}

function replaceView(model: DataModel, old: View, view: View): DataModel {
  return { ...model, views: model.views.map((candidate) => (candidate === old ? view : candidate)) };
}

/** The model with a view's external id changed, and every reference to the view with it. */
function renameView(model: DataModel, renamed: View, externalId: string): DataModel {
  const moved = <T extends ViewReference>(reference: T): T => (sameView(reference, renamed) ? { ...reference, externalId } : reference);
  const property = (value: ViewProperty): ViewProperty => {
    if (value.kind === "edge") return { ...value, source: moved(value.source), edgeSource: value.edgeSource && moved(value.edgeSource) };
    if (value.kind === "reverse") {
      const through = value.through.source.type === "view" ? moved(value.through.source as ViewReference) : value.through.source;
      return { ...value, source: moved(value.source), through: { ...value.through, source: through } };
    }
    return value.type.type === "direct" && value.type.source !== undefined
      ? { ...value, type: { ...value.type, source: moved(value.type.source) } }
      : value;
  };
  const views = model.views.map((view) => ({
    ...view,
    externalId: view === renamed ? externalId : view.externalId,
    implements: view.implements.map(moved),
    properties: Object.fromEntries(Object.entries(view.properties).map(([identifier, value]) => [identifier, property(value)])),
  }));
  return { ...model, views };
}

/** A short external id no view of the model has yet: shrunk fixtures stay readable. */
function shortId(model: DataModel): string {
  const taken = new Set(model.views.map((view) => view.externalId));
  let index = 1;
  while (taken.has(`V${index}`)) index++;
  return `V${index}`;
}

/** Every model one step smaller or simpler than `model`, biggest steps first. */
function* smaller(model: DataModel): Generator<DataModel> {
  for (const view of model.views) if (model.views.length > 1) yield withoutView(model, view);
  for (const view of model.views) {
    for (const parent of view.implements) {
      yield replaceView(model, view, { ...view, implements: view.implements.filter((other) => other !== parent) });
    }
  }
  for (const view of model.views) for (const identifier of Object.keys(view.properties)) yield withoutProperty(model, view, identifier);
  for (const view of model.views) if (view.externalId.length > 3) yield renameView(model, view, shortId(model));
  for (const view of model.views) {
    if (view.description !== undefined) yield replaceView(model, view, { ...view, description: undefined });
    for (const [identifier, property] of Object.entries(view.properties)) {
      let simpler: ViewProperty | undefined;
      if (property.kind === "edge" && property.edgeSource !== undefined) simpler = { ...property, edgeSource: undefined };
      if (property.kind === "mapped" && property.type.type === "direct" && property.type.source !== undefined) {
        simpler = { ...property, type: { ...property.type, source: undefined } };
      }
      if (property.kind === "mapped" && (property.description !== undefined || property.defaultValue !== undefined)) {
        simpler = { ...property, description: undefined, defaultValue: undefined };
      }
      if (simpler !== undefined) yield replaceView(model, view, { ...view, properties: { ...view.properties, [identifier]: simpler } });
    }
  }
}

/** Whether a view's writability is CDF's again after a removal (shared containers may have lost a required property). */
function normalised(model: DataModel): DataModel {
  return { ...model, views: markReadOnly(model.views.map((view) => ({ ...view, writable: true }))) };
}

export interface ShrinkResult {
  model: DataModel;
  trials: number;
}

/** Which of the candidate models still fail the same way. */
export type StillFails = (candidates: readonly DataModel[]) => Promise<boolean[]>;

/**
 * The smallest model found that still fails, or undefined when `start` itself does not fail again. Candidates are
 * asked about in batches of `batch`.
 */
export async function shrink(
  start: DataModel,
  stillFails: StillFails,
  log: (line: string) => void = () => {},
  batch = 12,
): Promise<ShrinkResult | undefined> {
  let model = start;
  let trials = 0;
  for (let round = 0; ; round++) {
    // The first round checks the model itself: a failure that does not come back is not shrunk.
    const candidates = round === 0 ? [start] : [...smaller(model)].map(normalised);
    let found: DataModel | undefined;
    for (let offset = 0; offset < candidates.length && found === undefined; offset += batch) {
      const chunk = candidates.slice(offset, offset + batch);
      const failing = await stillFails(chunk);
      trials += chunk.length;
      found = chunk.filter((_, index) => failing[index]).sort((a, b) => weight(a) - weight(b))[0];
    }
    if (found === undefined) return round === 0 ? undefined : { model, trials };
    if (round === 0) continue;
    model = found;
    log(`  shrunk to ${model.views.length} view(s), size ${modelSize(model)}`);
  }
}

/**
 * Whether candidates still fail `check` with the failure class `failing` (generated with `options`), each in spaces
 * of its own so one batch shares one emulator.
 */
export function failsLike(check: CheckName, failing: string, work: string, options: FuzzCase["options"] = {}): StillFails {
  return async (candidates) => {
    const cases: FuzzCase[] = candidates.map((candidate, index) => ({
      name: `fuzz_shrink_${index}`,
      models: [renameSpaces(candidate, (space) => `${space}c${index}`)],
      options,
    }));
    const { failures } = await checkBatch(cases, work, new Set([check]));
    const still = new Set(failures.filter((failure) => failureClass(failure) === failing).map((failure) => failure.name));
    return cases.map((fuzzCase) => still.has(fuzzCase.name));
  };
}

/** The model with every space renamed (views, containers, references, edge types): models side by side in one emulator. */
export function renameSpaces(model: DataModel, rename: (space: string) => string): DataModel {
  const moved = <T extends { space: string }>(reference: T): T => ({ ...reference, space: rename(reference.space) });
  const property = (value: ViewProperty): ViewProperty => {
    if (value.kind === "edge") {
      return { ...value, type: moved(value.type), source: moved(value.source), edgeSource: value.edgeSource && moved(value.edgeSource) };
    }
    if (value.kind === "reverse")
      return { ...value, source: moved(value.source), through: { ...value.through, source: moved(value.through.source) } };
    const type =
      value.type.type === "direct" && value.type.source !== undefined ? { ...value.type, source: moved(value.type.source) } : value.type;
    return { ...value, container: moved(value.container), type };
  };
  return {
    ...moved(model),
    views: model.views.map((view) => ({
      ...moved(view),
      implements: view.implements.map(moved),
      properties: Object.fromEntries(Object.entries(view.properties).map(([identifier, value]) => [identifier, property(value)])),
    })),
  };
}
