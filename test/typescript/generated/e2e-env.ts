// What the e2e user files (use-example.ts, use-multi.ts) read from their test: the emulator's connection
// (PYGEN_E2E_CONNECTION) and a tag that keeps the Bun and Node runs' instances apart.
declare const process: { env: Record<string, string | undefined>; argv: string[] };

export const tag = process.argv[2] ?? "ts";

export interface ClientCredentialsOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

/** A client's options for the emulator, with credentials made by the SDK's own OAuthClientCredentials. */
export function emulatorOptions<C>(credentials: (options: ClientCredentialsOptions) => C): {
  baseUrl: string;
  project: string;
  credentials: C;
} {
  const connection = JSON.parse(process.env.PYGEN_E2E_CONNECTION ?? "{}") as {
    url: string;
    project: string;
    tokenUrl: string;
    clientId: string;
    clientSecret: string;
  };
  const { tokenUrl, clientId, clientSecret } = connection;
  return {
    baseUrl: connection.url,
    project: connection.project,
    credentials: credentials({ tokenUrl, clientId, clientSecret, scopes: [`${connection.url}/.default`] }),
  };
}
