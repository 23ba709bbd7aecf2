// The part of a generated SDK that is types and view metadata: one read interface, one filter type and one
// metadata constant per view.
import type { InstanceFields, NodeRef, NodeWrite, ViewMeta } from "./_runtime/index.js";

export interface Station extends InstanceFields {
  name: string;
  pumps?: Pump[];
}

export interface StationWrite extends NodeWrite {
  externalId: string;
  space?: string;
  name: string;
  pumps?: (PumpWrite | NodeRef)[];
}

export interface StationFilters {
  space?: string | string[];
  externalId?: string | string[];
  externalIdPrefix?: string;
  name?: string | string[];
  namePrefix?: string;
}

export type StationField = "name";

export interface Pump extends InstanceFields {
  name: string;
  flowRate: number | null;
  serial: bigint | null;
  installed: Date | null;
  serviced: string | null;
  station: { space: string; externalId: string } | Station | null;
}

export interface PumpWrite extends NodeWrite {
  externalId: string;
  space?: string;
  name: string;
  flowRate?: number | null;
  serial?: bigint | null;
  installed?: Date | null;
  serviced?: string | Date | null;
  station?: StationWrite | NodeRef | null;
}

export interface PumpFilters {
  space?: string | string[];
  externalId?: string | string[];
  externalIdPrefix?: string;
  name?: string | string[];
  namePrefix?: string;
  flowRate?: number | number[];
  minFlowRate?: number;
  maxFlowRate?: number;
  serial?: bigint | bigint[];
  minSerial?: bigint;
  maxSerial?: bigint;
  minInstalled?: Date;
  maxInstalled?: Date;
  station?: NodeRef;
}

export type PumpField = "name" | "flowRate" | "serial" | "installed" | "serviced" | "station";

export declare const STATION_META: ViewMeta;
export declare const PUMP_META: ViewMeta;
