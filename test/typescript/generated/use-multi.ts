// A TypeScript user of the SDK pygen generates for several data models at once (the shared OmniMultiA, B and C):
// type-checked under tsc --strict and run against the emulator. Views of every model are on one client, names
// made unique across models (Implementation1 of two spaces); GraphQL runs against the first model or the one given.
import {
  type Implementation1V1Write,
  type Implementation1V2Write,
  type MainInterface,
  OAuthClientCredentials,
  OmniMultiAClient,
} from "omni-multi-a";
import { emulatorOptions, tag } from "./e2e-env.js";

const client = new OmniMultiAClient(emulatorOptions((options) => new OAuthClientCredentials(options)));

const fromB: Implementation1V2Write = { externalId: `b-${tag}`, mainValue: "main", subValue: "sub", value2: "two" };
const fromC: Implementation1V1Write = { externalId: `c-${tag}`, mainValue: "other", value1: "one", value2: "two" };
const written = [...(await client.implementation1V2.upsert(fromB)), ...(await client.implementation1V1.upsert(fromC))];

// Read through model A's MainInterface, each node as its most specific view.
const mains: MainInterface[] = await client.mainInterface.list({ filters: { externalIdPrefix: "b-" }, asChildClass: true });
const v2 = await client.implementation1V2.retrieve(`b-${tag}`);
const v1 = await client.implementation1V1.retrieve(`c-${tag}`);
const graphqlA = await client.graphql<{ listMainInterface: { items: { externalId: string }[] } }>(
  "{ listMainInterface { items { externalId } } }",
);
const graphqlC = await client.graphql<{ listImplementation1: { items: { value1: string }[] } }>(
  "{ listImplementation1 { items { value1 } } }",
  {},
  { space: "pygen-models", externalId: "OmniMultiC", version: "1" },
);
await client.delete([`b-${tag}`, `c-${tag}`]);

console.log(
  JSON.stringify({
    written: written.length,
    mains: mains.map((item) => [item.externalId, client.implementation1V2.is(item) ? item.value2 : null]),
    v2: v2?.subValue,
    v1: v1?.value1,
    graphqlA: graphqlA.listMainInterface.items.map((item) => item.externalId).includes(`b-${tag}`),
    graphqlC: graphqlC.listImplementation1.items.map((item) => item.value1).includes("one"),
  }),
);
