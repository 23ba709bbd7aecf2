// A plain-JavaScript user of the installed sample SDK: no build step, no TypeScript.
import { OAuthClientCredentials, PlantClient } from "plant-sdk";

const connection = JSON.parse(process.env.PYGEN_E2E_CONNECTION);
const tag = process.argv[2];
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
const pump = await client.pump.retrieve(`pump-${tag}`);
const station = await client.station.retrieve(`station-${tag}`);
console.log(
  JSON.stringify({ name: pump.name, serial: String(pump.serial), installed: pump.installed.toISOString(), station: station.name }),
);
