/**
 * Random valid data models for the model fuzzer (DESIGN.md §8), deterministic per seed: views with up to 40
 * properties of every type (lists, nullable or not, defaults), direct relations with and without a view hint,
 * edges with and without properties in both directions, single and multi, reverse relations (also through a
 * parent's direct relation), `implements` chains and diamonds across spaces, container properties shared by
 * views, and identifiers drawn to collide with every name the generated code uses (test/fuzz/names.ts).
 *
 * Every space starts with `f<seed>`, so the models of many seeds can live in one emulator side by side.
 */
import type {
  ContainerReference,
  DataModel,
  MappedProperty,
  PropertyType,
  View,
  ViewProperty,
  ViewReference,
} from "../../src/client/models.ts";
import { enumValues, propertyName, spaceSuffix, viewName } from "./names.ts";
import { Random } from "./random.ts";

export interface FuzzLimits {
  /** Most views a model has (default 8). */
  views: number;
  /** Most own properties a view has (default 40). */
  properties: number;
}

const DEFAULT_LIMITS: FuzzLimits = { views: 8, properties: 40 };

/** Types of data properties, each with its weight in the draw. */
const DATA_TYPES = [
  ["text", 4],
  ["int32", 2],
  ["int64", 2],
  ["float32", 1],
  ["float64", 2],
  ["boolean", 2],
  ["timestamp", 2],
  ["date", 1],
  ["json", 1],
  ["enum", 2],
  ["timeseries", 1],
  ["file", 1],
  ["sequence", 1],
  ["direct", 3],
] as const;
type DataTypeName = (typeof DATA_TYPES)[number][0];

/** A view while it is drawn: its own properties and its parents; inherited properties are added at the end. */
interface Draft {
  view: View;
  own: Record<string, ViewProperty>;
  parents: Draft[];
  container: ContainerReference;
  nextContainerProperty: number;
}

export const instanceSpaceOf = (seed: number) => `f${seed}_instances`;

/** Layout options for a seed's SDK, drawn apart from its model: mostly pygen's defaults, now and then narrower. */
export function randomOptions(seed: number): { lineLength?: number; indent?: number; docstrings?: boolean } {
  const random = new Random(seed ^ 0x5bd1e995);
  if (random.chance(0.7)) return {};
  return { lineLength: random.pick([79, 80, 88, 100, 160]), indent: random.pick([2, 4, 4]), docstrings: !random.chance(0.2) };
}

export function randomModel(seed: number, limits: Partial<FuzzLimits> = {}): DataModel {
  return new ModelDraw(seed, { ...DEFAULT_LIMITS, ...limits }).model();
}

class ModelDraw {
  private readonly random: Random;
  private readonly drafts: Draft[] = [];
  private readonly spaces: string[];

  constructor(
    seed: number,
    private readonly limits: FuzzLimits,
  ) {
    this.random = new Random(seed);
    const main = `f${seed}`;
    this.spaces = [main, ...Array.from({ length: this.random.int(0, 2) }, () => `${main}_${spaceSuffix(this.random)}`)];
  }

  model(): DataModel {
    const random = this.random;
    const count = random.chance(0.15) ? 1 : random.int(2, this.limits.views);
    for (let index = 0; index < count; index++) this.addView();
    for (const draft of this.drafts) this.addOwnProperties(draft);
    for (const draft of this.drafts) this.addReverseRelations(draft);
    const views = markReadOnly(this.drafts.map((draft) => ({ ...draft.view, properties: this.allProperties(draft) })));
    const externalId = viewName(
      random,
      views.map((view) => view.externalId),
    );
    const version = random.pick(["1", "1", "v1", "2", "1.0", "2024-01-01", "v2_beta"]);
    return {
      space: this.spaces[0] as string,
      externalId,
      version,
      isGlobal: false,
      views: random.chance(0.9) ? views : random.sample(views, views.length),
    };
  }

  private ref(draft: Draft): ViewReference {
    return { type: "view", space: draft.view.space, externalId: draft.view.externalId, version: draft.view.version };
  }

  private addView(): void {
    const random = this.random;
    const space = random.chance(0.75) ? (this.spaces[0] as string) : random.pick(this.spaces);
    const inSpace = this.drafts.filter((draft) => draft.view.space === space).map((draft) => draft.view.externalId);
    // Sometimes the external id of a view in another space, or another version of one in this space: the
    // generator must keep the two apart.
    const elsewhere = this.drafts.filter((draft) => draft.view.space !== space && !inSpace.includes(draft.view.externalId));
    const sameSpace = this.drafts.filter((draft) => draft.view.space === space);
    let externalId = viewName(
      random,
      inSpace,
      this.drafts.map((draft) => draft.view.externalId),
    );
    let version = random.chance(0.85) ? "1" : random.pick(["v1", "2", "1_0", "1.0", "2024-01-01"]);
    if (elsewhere.length > 0 && random.chance(0.1)) externalId = random.pick(elsewhere).view.externalId;
    else if (sameSpace.length > 0 && random.chance(0.05)) {
      externalId = random.pick(sameSpace).view.externalId;
      const versions = sameSpace.filter((draft) => draft.view.externalId === externalId).map((draft) => draft.view.version);
      version = ["2", "v2", "3.0", "9"].find((candidate) => !versions.includes(candidate)) ?? `${versions.length + 10}`;
    }
    const roll = random.next();
    const usedFor = roll < 0.75 ? "node" : roll < 0.9 ? "edge" : "all";
    // Views implement 0–2 earlier views used as they are: chains, and diamonds when two parents share an ancestor.
    const candidates = this.drafts.filter((draft) => draft.view.usedFor === usedFor);
    const parents =
      candidates.length > 0 && random.chance(usedFor === "node" ? 0.45 : 0.2) ? random.sample(candidates, random.int(1, 2)) : [];
    const view: View = {
      space,
      externalId,
      version,
      implements: parents.map((parent) => this.ref(parent)),
      writable: true,
      usedFor,
      isGlobal: false,
      properties: {},
    };
    if (random.chance(0.2))
      view.description = random.pick(['Quotes """ and a backslash \\', "A view.", "Ünïcödé — “quoted”", 'Ends with a quote"']);
    // A container of its own, named after the view (numbered for another version of a view in this space).
    const container = sameSpace.some((draft) => draft.view.externalId === externalId)
      ? `${externalId.slice(0, 240)}_${this.drafts.length}`
      : externalId;
    this.drafts.push({ view, own: {}, parents, container: { type: "container", space, externalId: container }, nextContainerProperty: 0 });
  }

  private inherited(draft: Draft): Record<string, ViewProperty> {
    // The first parent listed wins a clash, as in CDF.
    const merged: Record<string, ViewProperty> = {};
    for (const parent of [...draft.parents].reverse()) Object.assign(merged, this.allProperties(parent));
    return merged;
  }

  private allProperties(draft: Draft): Record<string, ViewProperty> {
    return { ...this.inherited(draft), ...draft.own };
  }

  private ancestors(draft: Draft): Draft[] {
    return draft.parents.flatMap((parent) => [parent, ...this.ancestors(parent)]);
  }

  private addOwnProperties(draft: Draft): void {
    const random = this.random;
    const roll = random.next();
    const max = this.limits.properties;
    const count =
      roll < 0.1 ? 0 : roll < 0.75 ? random.int(1, Math.min(6, max)) : roll < 0.95 ? random.int(1, Math.min(15, max)) : random.int(0, max);
    const inherited = Object.keys(this.inherited(draft));
    const viewNames = this.drafts.map((other) => other.view.externalId);
    for (let index = 0; index < count; index++) {
      // Now and then a child redefines an inherited property (another container property, maybe another type).
      const identifier =
        inherited.length > 0 && random.chance(0.08)
          ? random.pick(inherited)
          : propertyName(random, [...inherited, ...Object.keys(draft.own)], viewNames);
      draft.own[identifier] = this.connectionOrData(draft);
    }
  }

  private connectionOrData(draft: Draft): ViewProperty {
    const random = this.random;
    const nodeViews = this.drafts.filter((other) => other.view.usedFor !== "edge");
    if (draft.view.usedFor === "node" && nodeViews.length > 0 && random.chance(0.15)) {
      const edgeViews = this.drafts.filter((other) => other.view.usedFor !== "node");
      const target = random.pick(nodeViews);
      return {
        kind: "edge",
        connectionType: random.chance(0.3) ? "single_edge_connection" : "multi_edge_connection",
        type: { space: draft.view.space, externalId: `${draft.view.externalId.slice(0, 200)}.${draft.nextContainerProperty++}` },
        source: this.ref(target),
        edgeSource: edgeViews.length > 0 && random.chance(0.4) ? this.ref(random.pick(edgeViews)) : undefined,
        direction: random.chance(0.3) ? "inwards" : "outwards",
      };
    }
    return this.mapped(draft);
  }

  private mapped(draft: Draft): MappedProperty {
    const random = this.random;
    // A container property another view maps already (same container usage): shared containers.
    const shareable = this.drafts
      .filter((other) => other !== draft && other.view.usedFor === draft.view.usedFor)
      .flatMap((other) => Object.values(other.own).filter((property): property is MappedProperty => property.kind === "mapped"));
    if (shareable.length > 0 && random.chance(0.12)) {
      const shared = random.pick(shareable);
      return { ...shared, type: this.withHint(shared.type) };
    }
    const type = this.dataType();
    const list = type.type !== "enum" && random.chance(0.2);
    const nullable = !random.chance(0.12);
    const property: MappedProperty = {
      kind: "mapped",
      container: draft.container,
      containerPropertyIdentifier: `p${draft.nextContainerProperty++}`,
      type: { ...type, list } as PropertyType,
      nullable,
      immutable: random.chance(0.05),
      autoIncrement: false,
    };
    const fallback = list ? undefined : defaultOf(type, random);
    if (fallback !== undefined && random.chance(0.2)) property.defaultValue = fallback;
    if (random.chance(0.1)) property.description = random.pick(["Line one.\nLine two.", 'A """docstring""" breaker \\', "Plain."]);
    return property;
  }

  private withHint(type: PropertyType): PropertyType {
    if (type.type !== "direct") return type;
    const nodeViews = this.drafts.filter((other) => other.view.usedFor !== "edge");
    const source = nodeViews.length > 0 && this.random.chance(0.7) ? this.ref(this.random.pick(nodeViews)) : undefined;
    return { ...type, source };
  }

  private dataType(): PropertyType {
    const random = this.random;
    const total = DATA_TYPES.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = random.next() * total;
    let name: DataTypeName = "text";
    for (const [candidate, weight] of DATA_TYPES) {
      roll -= weight;
      if (roll < 0) {
        name = candidate;
        break;
      }
    }
    if (name === "enum") {
      const values = enumValues(random);
      const unknownValue = values.length > 1 && random.chance(0.3) ? random.pick(values) : undefined;
      return { type: "enum", values: Object.fromEntries(values.map((value) => [value, {}])), unknownValue };
    }
    if (name === "direct") return this.withHint({ type: "direct", list: false });
    return { type: name, list: false } as PropertyType;
  }

  /**
   * Reverse relations of a node view through a direct relation whose hint is the view or one of its parents,
   * declared on the view holding it or on a view inheriting it.
   */
  private addReverseRelations(draft: Draft): void {
    const random = this.random;
    if (draft.view.usedFor === "edge" || !random.chance(0.35)) return;
    const targets = new Set([draft, ...this.ancestors(draft)].map((target) => `${target.view.space}:${target.view.externalId}`));
    const throughs = this.drafts.flatMap((holder) =>
      Object.entries(this.allProperties(holder))
        .filter(([, property]) => property.kind === "mapped" && property.type.type === "direct" && property.type.source !== undefined)
        .filter(([, property]) => {
          const source = (property as MappedProperty & { type: { source: ViewReference } }).type.source;
          return targets.has(`${source.space}:${source.externalId}`);
        })
        .map(([identifier, property]) => ({
          holder,
          identifier,
          list: "list" in (property as MappedProperty).type && (property as MappedProperty & { type: { list: boolean } }).type.list,
        })),
    );
    if (throughs.length === 0) return;
    const through = random.pick(throughs);
    const taken = Object.keys(this.allProperties(draft));
    const identifier = propertyName(
      random,
      taken,
      this.drafts.map((other) => other.view.externalId),
    );
    const source = this.ref(through.holder);
    draft.own[identifier] = {
      kind: "reverse",
      connectionType: !through.list && random.chance(0.4) ? "single_reverse_direct_relation" : "multi_reverse_direct_relation",
      source,
      through: { source, identifier: through.identifier },
    };
  }
}

/**
 * CDF's rule for `writable`: a view that maps a container but not all of its required properties (not nullable,
 * no default) cannot write to it, so it is read-only. Shared containers make such views.
 */
export function markReadOnly(views: View[]): View[] {
  const required = new Map<string, Set<string>>();
  const mappedOf = (view: View) =>
    Object.values(view.properties).filter((property): property is MappedProperty => property.kind === "mapped");
  const key = (property: MappedProperty) => `${property.container.space}:${property.container.externalId}`;
  for (const property of views.flatMap(mappedOf)) {
    if (property.nullable || property.defaultValue !== undefined) continue;
    required.set(key(property), (required.get(key(property)) ?? new Set()).add(property.containerPropertyIdentifier));
  }
  return views.map((view) => {
    const mapped = mappedOf(view);
    const covers = (container: string) =>
      [...(required.get(container) ?? [])].every((identifier) =>
        mapped.some((property) => key(property) === container && property.containerPropertyIdentifier === identifier),
      );
    return mapped.every((property) => covers(key(property))) ? view : { ...view, writable: false };
  });
}

/** A default value of a non-list type, or undefined where the fuzzer sets none. */
function defaultOf(type: PropertyType, random: Random): unknown {
  switch (type.type) {
    case "text":
      return random.pick(["", "default", 'a "quoted" \\ value']);
    case "int32":
    case "int64":
      return random.int(-5, 5);
    case "float32":
    case "float64":
      return random.pick([0, 1.5, -2.25]);
    case "boolean":
      return random.chance(0.5);
    default:
      return undefined;
  }
}
