import {
  CDFClient,
  type ClientConfig,
  type ClientConfigOptions,
  type InstanceResult,
  type UpsertOptions,
  ViewAPI,
} from "./_runtime/index.js";
import type { Pump, PumpField, PumpFilters, PumpWrite, Station, StationField, StationFilters, StationWrite } from "./views.js";

export * from "./_runtime/index.js";
export type * from "./views.js";
export { PUMP_META, STATION_META } from "./views.js";

export declare class StationAPI extends ViewAPI<Station, StationFilters, StationField> {
  upsert(items: StationWrite | readonly StationWrite[], options?: UpsertOptions): Promise<InstanceResult[]>;
}

export declare class PumpAPI extends ViewAPI<Pump, PumpFilters, PumpField> {
  upsert(items: PumpWrite | readonly PumpWrite[], options?: UpsertOptions): Promise<InstanceResult[]>;
}

export declare class PlantClient extends CDFClient {
  readonly station: StationAPI;
  readonly pump: PumpAPI;
  constructor(config: ClientConfig | ClientConfigOptions);
  /** A client configured from CDF_URL, CDF_PROJECT and CDF_TOKEN or CDF_CLIENT_ID/CDF_CLIENT_SECRET/CDF_TOKEN_URL. */
  static fromEnv(): PlantClient;
}
