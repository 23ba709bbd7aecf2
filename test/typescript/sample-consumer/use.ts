// A TypeScript user of the installed sample SDK, type-checked under --strict with nodenext and bundler resolution.
import { OAuthClientCredentials, PlantClient, type Pump } from "plant-sdk";

declare const process: { env: Record<string, string | undefined>; argv: string[] };

const connection = JSON.parse(process.env.PYGEN_E2E_CONNECTION ?? "{}") as {
  url: string;
  project: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
};
const tag = process.argv[2] ?? "ts";
const credentials = new OAuthClientCredentials({
  tokenUrl: connection.tokenUrl,
  clientId: connection.clientId,
  clientSecret: connection.clientSecret,
  scopes: [`${connection.url}/.default`],
});
const client = new PlantClient({ baseUrl: connection.url, project: connection.project, credentials });
await client.pump.upsert({
  externalId: `pump-${tag}`,
  name: `from ${tag}`,
  serial: 2n ** 62n + 7n,
  installed: new Date(1700000000123),
  station: { externalId: `station-${tag}`, name: "s" },
});
const pump: Pump | undefined = await client.pump.retrieve(`pump-${tag}`);
const serial: bigint | null | undefined = pump?.serial;
const pumps: Pump[] = await client.pump.list({ filters: { minSerial: 1n, namePrefix: "from" }, sort: { field: "installed" } });
// Never called: each line must fail to type-check, which proves the SDK's types are real, not `any`.
export function typeErrors(): void {
  // @ts-expect-error flowRate filters take numbers.
  void client.pump.list({ filters: { minFlowRate: "fast" } });
  // @ts-expect-error only the view's fields sort.
  void client.pump.list({ sort: { field: "colour" } });
  // @ts-expect-error int64 values are bigint.
  const wrong: number | null = pump?.serial ?? null;
  void wrong;
}
const station = await client.station.retrieve(`station-${tag}`);
console.log(
  JSON.stringify({
    name: pump?.name,
    serial: String(serial),
    installed: pump?.installed?.toISOString(),
    station: station?.name,
    listed: pumps.length > 0,
  }),
);
