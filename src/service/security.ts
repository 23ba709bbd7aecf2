/**
 * The service's guards: API keys (compared in constant time), per-key rate limits, and the check that a CDF or
 * token URL is https, on the allowlist and not an internal address (no SSRF through the service).
 */
import { timingSafeEqual } from "node:crypto";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

const sha256 = (text: string) => new Bun.CryptoHasher("sha256").update(text).digest();

/** A key's public name in logs, metrics and job ownership: a short hash, never the key. */
export const keyId = (key: string) => `key-${new Bun.CryptoHasher("sha256").update(key).digest("hex").slice(0, 12)}`;

export class ApiKeys {
  private readonly digests: Buffer[];

  constructor(keys: readonly string[]) {
    this.digests = keys.map(sha256);
  }

  get size(): number {
    return this.digests.length;
  }

  /**
   * The key's id when it is one of ours. Both sides are hashed to equal lengths and every key is compared, so the
   * time taken says nothing about how much of a key was right or which key matched.
   */
  check(candidate: string): string | undefined {
    const digest = sha256(candidate);
    let matched = false;
    for (const known of this.digests) matched = timingSafeEqual(known, digest) || matched;
    return matched ? keyId(candidate) : undefined;
  }
}

/** API keys from PYGEN_API_KEYS (comma-separated) and a file (one a line, # comments), without duplicates. */
export function parseKeyList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter(Boolean);
}

/** A token bucket per key: `perMinute` requests a minute, with bursts up to the same number. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when the request may pass, else the seconds to wait. */
  take(key: string): number {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updated: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.updated) / 60_000) * this.perMinute);
    bucket.updated = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) * 60) / this.perMinute);
  }

  /** Forgets full buckets, so the map does not grow with every client ever seen. */
  prune(): void {
    const now = this.now();
    for (const [key, bucket] of this.buckets) if (now - bucket.updated > 60_000) this.buckets.delete(key);
  }
}

/** CDF's clusters and Entra ID's token endpoint. */
export const DEFAULT_ALLOWED_HOSTS = ["*.cognitedata.com", "login.microsoftonline.com"];

export class UrlNotAllowedError extends Error {}

export interface UrlPolicy {
  /** Host globs (`*.cognitedata.com`); a pattern may be written as a URL, `https://cdf.example.com`. */
  allowedHosts: string[];
  /** http://127.0.0.1 / localhost too: for tests against a local emulator only. */
  allowLoopback: boolean;
}

/** The host part of a pattern written as a host or a URL; an IPv6 literal keeps its brackets, as URL.hostname does. */
function hostPattern(pattern: string): string {
  const rest = pattern
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, "");
  return rest.startsWith("[") ? rest.replace(/\].*$/, "]") : rest.replace(/[/:].*$/, "");
}

/** Globs for names (`*.cognitedata.com`); a pattern without wildcards is one host, matched exactly. */
const hostMatches = (pattern: string, host: string) => (/[*?]/.test(pattern) ? new Bun.Glob(pattern).match(host) : pattern === host);

const isLoopbackHost = (host: string) => host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host === "::1";

/**
 * Checks a URL the service is asked to call. Refused: another scheme than https, user info, a host off the
 * allowlist, and any host that resolves to a private, loopback, link-local or otherwise internal address
 * (an allowed name pointing inside the network is still SSRF). Loopback passes only with `allowLoopback`.
 */
export async function checkOutboundUrl(text: string, policy: UrlPolicy, what: string): Promise<URL> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UrlNotAllowedError(`${what} is not a URL`);
  }
  if (url.username || url.password) throw new UrlNotAllowedError(`${what} must not carry a user name or password`);
  const host = url.hostname.toLowerCase();
  if (policy.allowLoopback && isLoopbackHost(host) && (url.protocol === "http:" || url.protocol === "https:")) return url;
  if (url.protocol !== "https:") throw new UrlNotAllowedError(`${what} must be https`);
  const allowed = policy.allowedHosts.map(hostPattern).some((pattern) => hostMatches(pattern, host));
  if (!allowed) throw new UrlNotAllowedError(`${what} host ${host} is not on the service's allowlist (--allow-cdf-url adds hosts)`);
  const addresses = isIP(host.replace(/^\[|\]$/g, "")) ? [host.replace(/^\[|\]$/g, "")] : await resolve(host);
  const internal = addresses.find(isInternalAddress);
  if (internal) throw new UrlNotAllowedError(`${what} host ${host} resolves to an internal address`);
  return url;
}

async function resolve(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    throw new UrlNotAllowedError(`cannot resolve ${host}`);
  }
}

/** Loopback, private (RFC 1918, ULA), link-local, CGNAT, unspecified, multicast and IPv4-mapped forms of them. */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isInternalAddress(mapped);
  if (isIP(address) === 4) {
    const [a = 0, b = 0] = address.split(".").map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      a >= 224 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168)
    );
  }
  const lower = address.toLowerCase();
  return lower === "::" || lower === "::1" || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || /^ff/.test(lower);
}
