// View metadata: what the runtime needs to read and write each view.
const SPACE = "sp_test";

export const STATION_META = {
  view: { space: SPACE, externalId: "Station", version: "1" },
  properties: { name: { identifier: "name", type: "text" } },
  edges: {
    pumps: { identifier: "pumps", edgeType: { space: SPACE, externalId: "type_Pump" }, direction: "outwards", target: () => PUMP_META },
  },
};

export const PUMP_META = {
  view: { space: SPACE, externalId: "Pump", version: "1" },
  properties: {
    name: { identifier: "name", type: "text" },
    flowRate: { identifier: "flowRate", type: "float64" },
    serial: { identifier: "serial", type: "int64" },
    installed: { identifier: "installed", type: "timestamp" },
    serviced: { identifier: "serviced", type: "date" },
    station: { identifier: "station", type: "direct", target: () => STATION_META },
  },
  edges: {},
};
