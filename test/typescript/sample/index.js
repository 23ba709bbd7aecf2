import { CDFClient, configFromEnv, ViewAPI } from "./_runtime/index.js";
import { PUMP_META, STATION_META } from "./views.js";

export * from "./_runtime/index.js";
export { PUMP_META, STATION_META } from "./views.js";

const MODEL = { space: "sp_test", externalId: "TestModel", version: "1" };

// A view API is the runtime's ViewAPI with the view's metadata; upsert goes through the client's graph writer.
class GeneratedViewAPI extends ViewAPI {
  #upsert;
  constructor(instances, meta, defaultSpace, upsert) {
    super(instances, meta, defaultSpace);
    this.#upsert = upsert;
  }
  upsert(items, options) {
    return this.#upsert(items, this.meta, options);
  }
}

export class StationAPI extends GeneratedViewAPI {}
export class PumpAPI extends GeneratedViewAPI {}

export class PlantClient extends CDFClient {
  constructor(config) {
    super(config, { space: MODEL.space, model: MODEL });
    const upsert = (items, meta, options) => super.upsert(items, meta, options);
    this.station = new StationAPI(this.instances, STATION_META, this.defaultSpace, upsert);
    this.pump = new PumpAPI(this.instances, PUMP_META, this.defaultSpace, upsert);
  }

  static fromEnv() {
    return new PlantClient(configFromEnv());
  }
}
