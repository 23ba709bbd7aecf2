/**
 * The small model the end-to-end tests seed the emulator with: stations with pumps (an outwards edge field), and
 * pumps pointing back at their station (a direct relation) and at the stations they back up (a list of them), which
 * the stations read back as reverse relations. Each view stores its properties in its own container.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MappedProperty } from "../../../src/client/models.ts";
import { type RunningEmulator, startEmulator } from "../../../src/emulator/server.ts";
import { direct, edge, model, primitive, reverse, SPACE, text, view } from "../../support/model-builder.ts";

function stored(container: string, properties: Record<string, MappedProperty>): Record<string, MappedProperty> {
  return Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [
      name,
      { ...property, container: { type: "container", space: SPACE, externalId: container }, containerPropertyIdentifier: name },
    ]),
  );
}

export const MODEL = model([
  view("Station", {
    ...stored("Station", { name: text({ nullable: false }) }),
    pumps: edge("Pump"),
    // The pumps pointing at the station: through a single direct relation, and through a list of them.
    pumpsOnSite: reverse("Pump", "station"),
    backups: reverse("Pump", "backupFor"),
  }),
  view(
    "Pump",
    stored("Pump", {
      name: text({ nullable: false }),
      flowRate: primitive("float64"),
      serial: primitive("int64"),
      installed: primitive("timestamp"),
      serviced: primitive("date"),
      station: direct("Station"),
      backupFor: direct("Station", { list: true }),
    }),
  ),
]);

export const CLIENT_ID = "e2e-client";
export const CLIENT_SECRET = "e2e-secret";

/** What the users of an SDK in these tests read from PYGEN_E2E_CONNECTION: where the emulator is and how to log in. */
export function e2eConnection(emulator: RunningEmulator): string {
  const { url, project, tokenUrl } = emulator;
  return JSON.stringify({ url, project, tokenUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
}

/** An emulator seeded with MODEL (written to `folder`), serving client-credentials tokens. */
export async function startSeededEmulator(folder: string): Promise<RunningEmulator> {
  const modelFile = join(folder, "model.json");
  writeFileSync(modelFile, JSON.stringify(MODEL));
  return startEmulator({ modelFiles: [modelFile], clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
}
