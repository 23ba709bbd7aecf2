/** What every endpoint handler gets: the project's state, the store to commit to, and the parsed request. */
import type { EmulatorStore, ProjectState } from "./store.ts";

export interface RequestContext {
  store: EmulatorStore;
  state: ProjectState;
  /** The JSON body (int64 beyond 2^53 as bigint); undefined for GET. */
  body: unknown;
  query: URLSearchParams;
}

export type Handler = (context: RequestContext) => unknown;
