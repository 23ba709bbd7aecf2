/**
 * Who may call the emulator. With a static token only `Bearer <token>` is accepted; with a client id and secret
 * the emulator also runs an OAuth2 client-credentials token endpoint whose tokens expire after the configured
 * lifetime, so clients can test refreshing. Without either, every request is accepted.
 *
 * Randomness and comparison use Bun's global crypto, not node:crypto: the bundler hoists imports of built-in
 * modules to the binary's start, where node:crypto would cost every command ~5 ms although the emulator loads
 * only on use.
 */
export interface AuthOptions {
  token?: string;
  clientId?: string;
  clientSecret?: string;
  /** Lifetime of tokens issued by the token endpoint. */
  tokenTtlSeconds?: number;
}

const DEFAULT_TOKEN_TTL_SECONDS = 3600;

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

export class Authenticator {
  private readonly issued = new Map<string, number>();

  constructor(private readonly options: AuthOptions) {}

  get required(): boolean {
    return this.options.token !== undefined || this.servesTokens;
  }

  get servesTokens(): boolean {
    return this.options.clientId !== undefined && this.options.clientSecret !== undefined;
  }

  accepts(authorization: string | null): boolean {
    if (!this.required) return true;
    const token = authorization?.match(/^Bearer (.+)$/)?.[1];
    if (token === undefined) return false;
    if (this.options.token !== undefined && sameSecret(token, this.options.token)) return true;
    const expiresAt = this.issued.get(token);
    if (expiresAt === undefined) return false;
    if (expiresAt > Date.now()) return true;
    this.issued.delete(token);
    return false;
  }

  /** The token endpoint: client id and secret in the form body or as HTTP Basic credentials (RFC 6749 §2.3.1). */
  async issueToken(request: Request): Promise<Response> {
    const form = new URLSearchParams(await request.text());
    let clientId = form.get("client_id");
    let clientSecret = form.get("client_secret");
    const basic = request.headers.get("authorization")?.match(/^Basic (.+)$/)?.[1];
    if (basic) {
      const decoded = Buffer.from(basic, "base64").toString();
      const colon = decoded.indexOf(":");
      clientId = decodeURIComponent(decoded.slice(0, colon));
      clientSecret = decodeURIComponent(decoded.slice(colon + 1));
    }
    if (form.get("grant_type") !== "client_credentials") {
      return Response.json({ error: "unsupported_grant_type", error_description: "only client_credentials is supported" }, { status: 400 });
    }
    const { clientId: expectedId, clientSecret: expectedSecret } = this.options;
    if (
      !clientId ||
      !clientSecret ||
      !expectedId ||
      !expectedSecret ||
      !sameSecret(clientId, expectedId) ||
      !sameSecret(clientSecret, expectedSecret)
    ) {
      return Response.json({ error: "invalid_client", error_description: "unknown client or wrong secret" }, { status: 401 });
    }
    const ttl = this.options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
    const token = Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString("base64url");
    this.issued.set(token, Date.now() + ttl * 1000);
    return Response.json({ access_token: token, token_type: "Bearer", expires_in: ttl });
  }
}
