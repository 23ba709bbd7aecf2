/**
 * The GraphQL endpoint of a data model version (`POST .../userapis/spaces/{space}/datamodels/{externalId}/
 * versions/{version}/graphql`). It takes `{query, variables?, operationName?}` and answers `{data}` or, for a
 * query it cannot run, `{errors: [{message, locations?}]}` with status 200, as GraphQL servers do; a body that is
 * not a GraphQL request at all is a 400.
 */
import { badRequest } from "../api-error.ts";
import type { RequestContext } from "../context.ts";
import { viewKey } from "../store.ts";
import { asGraphQLError, execute } from "./executor.ts";
import { GraphQLError, parseGraphQL } from "./parser.ts";
import { Schema } from "./schema.ts";

export interface DataModelId {
  space: string;
  externalId: string;
  version: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

export function graphqlRequest(context: RequestContext, id: DataModelId): unknown {
  const body = context.body;
  if (!isRecord(body) || typeof body.query !== "string") throw badRequest("A GraphQL request needs a JSON body with a string 'query'");
  const variables = body.variables ?? {};
  if (!isRecord(variables)) throw badRequest("'variables' of a GraphQL request must be an object");
  if (body.operationName !== undefined && body.operationName !== null && typeof body.operationName !== "string") {
    throw badRequest("'operationName' of a GraphQL request must be a string");
  }
  try {
    const model = context.state.dataModels.get(viewKey(id.space, id.externalId, id.version));
    if (!model) throw new GraphQLError(`Data model ${id.space}:${id.externalId}/${id.version} does not exist.`);
    const document = parseGraphQL(body.query);
    return execute(context.state, new Schema(context.state, model), document, variables, body.operationName ?? undefined);
  } catch (error) {
    const graphqlError = asGraphQLError(error);
    if (!graphqlError) throw error;
    // No `data` key: the request failed before it ran (GraphQL spec §7.1.2), which is how cognite-sdk expects CDF to answer.
    return { errors: [graphqlError.toJSON()] };
  }
}
