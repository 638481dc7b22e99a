/**
 * Shared Access Signature tokens, as Event Hubs clients build them from a connection string:
 *   SharedAccessSignature sr=<url-encoded resource>&sig=<url-encoded base64 HMAC-SHA256>&se=<unix s>&skn=<key name>
 * where the signed string is `<sr as it appears in the token>\n<se>` and the key is used as UTF-8 text.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { normalizeAudience } from './entity-path.ts';

export interface SasToken {
  /** The resource URI the token was issued for, decoded (e.g. `sb://host:5672/hub`). */
  resource: string;
  /** The resource exactly as it appears in the token (still URL-encoded); it is what was signed. */
  rawResource: string;
  signature: string;
  expiresAtSeconds: number;
  keyName: string;
}

export type SasVerification =
  | { ok: true; token: SasToken }
  | { ok: false; description: string };

const PREFIX = 'SharedAccessSignature ';

export function parseSasToken(text: string): SasToken | undefined {
  if (!text.startsWith(PREFIX)) return undefined;
  const fields = new Map<string, string>();
  for (const part of text.slice(PREFIX.length).trim().split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const sr = fields.get('sr');
  const sig = fields.get('sig');
  const se = fields.get('se');
  const skn = fields.get('skn');
  if (!sr || !sig || !se || !skn || !/^\d+$/.test(se)) return undefined;
  try {
    return {
      resource: decodeURIComponent(sr),
      rawResource: sr,
      signature: decodeURIComponent(sig),
      expiresAtSeconds: Number(se),
      keyName: decodeURIComponent(skn),
    };
  } catch {
    return undefined; // malformed percent-encoding
  }
}

export function signSas(key: string, rawResource: string, expiresAtSeconds: number): string {
  return createHmac('sha256', key).update(`${rawResource}\n${expiresAtSeconds}`).digest('base64');
}

/** Builds a token the way the Azure SDKs do; handy for tests and non-SDK clients. */
export function createSasToken(resource: string, keyName: string, key: string, ttlSeconds = 3600, nowMs = Date.now()): string {
  const sr = encodeURIComponent(resource);
  const se = Math.floor(nowMs / 1000) + ttlSeconds;
  const sig = encodeURIComponent(signSas(key, sr, se));
  return `${PREFIX}sr=${sr}&sig=${sig}&se=${se}&skn=${encodeURIComponent(keyName)}`;
}

export interface SasPolicy {
  keyName: string;
  key: string;
}

/**
 * Validates a token against the configured policy and checks that it covers `audience` (the
 * entity being claimed). The host part is not compared: a local endpoint is reached under many
 * names (localhost, 127.0.0.1, a container's host name).
 */
export function verifySasToken(text: string, policy: SasPolicy, audience: string, nowMs = Date.now()): SasVerification {
  const token = parseSasToken(text);
  if (!token) return { ok: false, description: 'InvalidToken: The SharedAccessSignature token is malformed.' };
  if (token.keyName !== policy.keyName) {
    return { ok: false, description: `InvalidSignature: The token has an invalid signature (unknown key name '${token.keyName}').` };
  }
  if (!signatureMatches(token, policy.key)) {
    return { ok: false, description: 'InvalidSignature: The token has an invalid signature.' };
  }
  if (token.expiresAtSeconds * 1000 <= nowMs) {
    const when = new Date(token.expiresAtSeconds * 1000).toISOString();
    return { ok: false, description: `ExpiredToken: The token is expired. Expiration time: '${when}'.` };
  }
  if (!covers(normalizeAudience(token.resource), normalizeAudience(audience))) {
    return {
      ok: false,
      description: `InvalidAudience: The token's audience '${token.resource}' does not grant access to '${audience}'.`,
    };
  }
  return { ok: true, token };
}

function signatureMatches(token: SasToken, key: string): boolean {
  const given = Buffer.from(token.signature, 'base64');
  // Clients sign the resource as they encoded it; re-encoding covers ones whose escaping differs.
  const candidates = new Set([token.rawResource, encodeURIComponent(token.resource)]);
  for (const resource of candidates) {
    const expected = Buffer.from(signSas(key, resource, token.expiresAtSeconds), 'base64');
    if (expected.length === given.length && timingSafeEqual(expected, given)) return true;
  }
  return false;
}

/** Whether a grant on entity path `granted` covers `requested` (same path or a parent of it). */
export function covers(granted: string, requested: string): boolean {
  return granted === '' || requested === granted || requested.startsWith(`${granted}/`);
}
