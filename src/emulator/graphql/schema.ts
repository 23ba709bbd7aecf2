/**
 * The GraphQL schema CDF derives from a data model, as far as the emulator serves it: one object type per view
 * (named by the view's external id, fields by property identifier) and, per node type, the root fields
 * `list<Type>`, `get<Type>ById` and `search<Type>`. Types are built when first asked for, from the stored views.
 */
import type { ViewReference } from "../../client/models.ts";
import { type InstancePredicate, viewMembership } from "../filters.ts";
import type { ProjectState, StoredDataModel } from "../store.ts";
import { type ResolvedView, resolveView } from "../views.ts";

/**
 * A type of the schema. `view` is absent for the type of a direct relation without a view hint, which has the
 * node's base fields only.
 */
export interface ObjectType {
  name: string;
  ref?: ViewReference;
  view?: ResolvedView;
  belongs: InstancePredicate;
  /** Names of this type and of the views it implements, for `... on Interface` fragments. */
  implementsNames: Set<string>;
}

/** The type of a direct relation without a view hint: any node, read by its base fields. */
const ANY_NODE: ObjectType = { name: "Node", belongs: () => true, implementsNames: new Set(["Node"]) };

export type RootKind = "list" | "get" | "search";

const ROOT_FIELD = /^(list|get|search)([A-Za-z_][A-Za-z0-9_]*?)(ById)?$/;

export class Schema {
  private readonly byRef = new Map<string, ObjectType>();
  private readonly byName = new Map<string, ObjectType>();

  constructor(
    private readonly state: ProjectState,
    model: StoredDataModel,
  ) {
    for (const ref of model.views) {
      const type = this.typeOf(ref);
      // Root fields read nodes: a view of edges only gets none.
      const edgesOnly =
        type?.view?.mappedContainers.length && type.view.mappedContainers.every((container) => container.usedFor === "edge");
      if (type && !edgesOnly) this.byName.set(type.name, type);
    }
  }

  /** The type of a view, or undefined when the view no longer exists. */
  typeOf(ref: ViewReference | undefined): ObjectType | undefined {
    if (!ref) return ANY_NODE;
    const key = `${ref.space}:${ref.externalId}/${ref.version}`;
    const known = this.byRef.get(key);
    if (known) return known;
    const stored = this.state.views.get(key);
    if (!stored) return undefined;
    const implementsNames = new Set([ref.externalId]);
    const pending = [...stored.implements];
    for (let parent = pending.pop(); parent; parent = pending.pop()) {
      implementsNames.add(parent.externalId);
      pending.push(...(this.state.views.get(`${parent.space}:${parent.externalId}/${parent.version}`)?.implements ?? []));
    }
    const type: ObjectType = {
      name: ref.externalId,
      ref: { type: "view", space: ref.space, externalId: ref.externalId, version: ref.version },
      view: resolveView(this.state, stored),
      belongs: viewMembership(this.state, ref),
      implementsNames,
    };
    this.byRef.set(key, type);
    return type;
  }

  /** What a root field name asks for: `listPump` → list of Pump; undefined when no type of the model matches. */
  rootField(name: string): { kind: RootKind; type: ObjectType } | undefined {
    const match = ROOT_FIELD.exec(name);
    if (!match) return undefined;
    const [, verb, typeName = "", byId] = match;
    if ((verb === "get") !== (byId !== undefined)) return undefined;
    const type = this.byName.get(typeName);
    return type ? { kind: verb as RootKind, type } : undefined;
  }

  hasType(name: string): boolean {
    return this.byName.has(name) || name === ANY_NODE.name || [...this.byRef.values()].some((type) => type.name === name);
  }
}
