/**
 * Spaces, containers, views and data models: the schema resources, all with the same five operations (list,
 * retrieve one or many, apply, delete), chunked to the API's 100 items per request.
 */
import * as v from "valibot";
import { ResourceNotFoundError } from "../errors.ts";
import type { HttpClient, QueryParameters } from "./http.ts";
import { ContainerSchema, DataModelSchema, itemsSchema, SpaceSchema, ViewSchema } from "./models.ts";
import { chunked, type PagingOptions, paginate } from "./paging.ts";

/** Items per apply / byids / delete request for schema resources (dms-api §10.4). */
export const SCHEMA_CHUNK_SIZE = 100;
/** Items per page of a GET listing. */
export const SCHEMA_PAGE_SIZE = 1000;

export type SpaceId = { space: string };
export type ContainerId = { space: string; externalId: string };
/** Without a version, retrieve returns every version. */
export type VersionedId = { space: string; externalId: string; version?: string };

interface ResourceSpec<Item, Id> {
  /** e.g. "/models/spaces". */
  path: string;
  /** A noun for messages: "space", "view". */
  noun: string;
  itemSchema: v.GenericSchema<unknown, Item>;
  idSchema: v.GenericSchema<unknown, Id>;
  /** Query parameters sent with every list and byids call (inlineViews for data models). */
  fixedQuery?: QueryParameters;
  describe: (id: Id) => string;
}

export class SchemaResourceAPI<Item, Id, Create extends object, ListFilters extends QueryParameters> {
  constructor(
    private readonly http: HttpClient,
    private readonly spec: ResourceSpec<Item, Id>,
  ) {}

  /** A lazy listing that follows cursors; `limit` caps the total. */
  list(options: PagingOptions & ListFilters = {} as PagingOptions & ListFilters): AsyncGenerator<Item, void, undefined> {
    const { limit, pageSize, ...filters } = options;
    const schema = itemsSchema(this.spec.itemSchema);
    return paginate(
      (cursor, pageLimit) =>
        this.http.get(this.spec.path, {
          query: { ...(filters as QueryParameters), ...this.spec.fixedQuery, limit: pageLimit, cursor },
          schema,
        }),
      { ...(limit !== undefined ? { limit } : {}), ...(pageSize !== undefined ? { pageSize } : {}), maxPageSize: SCHEMA_PAGE_SIZE },
    );
  }

  /** One item by id; a ResourceNotFoundError when it does not exist. Many ids: those that exist. */
  retrieve(id: Id): Promise<Item>;
  retrieve(ids: readonly Id[]): Promise<Item[]>;
  async retrieve(idOrIds: Id | readonly Id[]): Promise<Item | Item[]> {
    if (Array.isArray(idOrIds)) return this.retrieveMany(idOrIds);
    const id = idOrIds as Id;
    const [item] = await this.retrieveMany([id]);
    if (item === undefined) {
      throw new ResourceNotFoundError(`${this.spec.noun} ${this.spec.describe(id)} does not exist`, { status: 404 });
    }
    return item;
  }

  /** Creates or updates; returns the stored items. */
  async apply(items: readonly Create[]): Promise<Item[]> {
    return this.chunkedPost(this.spec.path, items, this.spec.itemSchema);
  }

  /** Deletes; returns the ids that were deleted (missing ones are skipped by CDF). */
  async delete(ids: readonly Id[]): Promise<Id[]> {
    return this.chunkedPost(`${this.spec.path}/delete`, ids, this.spec.idSchema);
  }

  private async retrieveMany(ids: readonly Id[]): Promise<Item[]> {
    return this.chunkedPost(`${this.spec.path}/byids`, ids, this.spec.itemSchema, this.spec.fixedQuery);
  }

  // Sequential on purpose: CDF allows little schema-write concurrency, and order is kept.
  private async chunkedPost<T>(
    path: string,
    items: readonly unknown[],
    itemSchema: v.GenericSchema<unknown, T>,
    query?: QueryParameters,
  ): Promise<T[]> {
    const results: T[] = [];
    const schema = itemsSchema(itemSchema);
    for (const chunk of chunked(items, SCHEMA_CHUNK_SIZE)) {
      const page = await this.http.post(path, { items: chunk }, { schema, ...(query ? { query } : {}) });
      results.push(...page.items);
    }
    return results;
  }
}

const SpaceIdSchema = v.object({ space: v.string() });
const ContainerIdSchema = v.object({ space: v.string(), externalId: v.string() });
const VersionedIdSchema = v.object({ space: v.string(), externalId: v.string(), version: v.optional(v.string()) });

const versioned = (id: VersionedId) => `${id.space}:${id.externalId}${id.version ? `(version=${id.version})` : ""}`;

type Listing = { includeGlobal?: boolean };
type SpaceScoped = Listing & { space?: string };

export function createSchemaAPIs(http: HttpClient) {
  return {
    spaces: new SchemaResourceAPI<v.InferOutput<typeof SpaceSchema>, SpaceId, SpaceId & { name?: string; description?: string }, Listing>(
      http,
      {
        path: "/models/spaces",
        noun: "space",
        itemSchema: SpaceSchema,
        idSchema: SpaceIdSchema,
        describe: (id) => id.space,
      },
    ),
    containers: new SchemaResourceAPI<
      v.InferOutput<typeof ContainerSchema>,
      ContainerId,
      ContainerId & Record<string, unknown>,
      SpaceScoped & { usedFor?: string[] }
    >(http, {
      path: "/models/containers",
      noun: "container",
      itemSchema: ContainerSchema,
      idSchema: ContainerIdSchema,
      describe: (id) => `${id.space}:${id.externalId}`,
    }),
    views: new SchemaResourceAPI<
      v.InferOutput<typeof ViewSchema>,
      VersionedId,
      VersionedId & Record<string, unknown>,
      SpaceScoped & { allVersions?: boolean; includeInheritedProperties?: boolean }
    >(http, { path: "/models/views", noun: "view", itemSchema: ViewSchema, idSchema: VersionedIdSchema, describe: versioned }),
    /** Data models always come with inline views: that is the form pygen generates from. */
    dataModels: new SchemaResourceAPI<
      v.InferOutput<typeof DataModelSchema>,
      VersionedId,
      VersionedId & Record<string, unknown>,
      SpaceScoped & { allVersions?: boolean }
    >(http, {
      path: "/models/datamodels",
      noun: "data model",
      itemSchema: DataModelSchema,
      idSchema: VersionedIdSchema,
      fixedQuery: { inlineViews: true },
      describe: versioned,
    }),
  };
}
