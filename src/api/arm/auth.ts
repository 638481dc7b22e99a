/**
 * Bearer-token checks for the ARM API. The token service is someone else's module, so the
 * handler only depends on a verifier function; `bearerVerifier` adapts any token validator
 * (signature/expiry checks live there) and adds ARM's header and audience rules and error bodies.
 */
import type { ArmErrorBody } from './errors.ts';

export type VerifyResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: number; readonly body: ArmErrorBody; readonly headers?: Readonly<Record<string, string>> };

/** Decides whether a request may proceed, from its raw `Authorization` header (undefined when absent). */
export type BearerVerifier = (authorizationHeader: string | undefined) => Promise<VerifyResult>;

/** Audiences ARM accepts; `https://management.azure.com/` is what clients request by default. */
export const ARM_AUDIENCES: readonly string[] = [
  'https://management.azure.com/',
  'https://management.azure.com',
  'https://management.core.windows.net/',
  'https://management.core.windows.net',
];

/** Accepts every request, with or without a token: for local use without a token service. */
export const openVerifier: BearerVerifier = async () => ({ ok: true });

/** What a token validator reports about a token: its audience, or why it is rejected. */
export type TokenCheck = { readonly valid: true; readonly audience: string | readonly string[] } | { readonly valid: false; readonly reason?: string };

export interface BearerVerifierOptions {
  /** Validates signature, issuer and lifetime; audience is checked here against `audiences`. */
  readonly validate: (token: string) => Promise<TokenCheck>;
  /** Allowed audiences. Default ARM_AUDIENCES. */
  readonly audiences?: readonly string[];
}

function unauthorized(code: string, message: string): VerifyResult {
  return {
    ok: false,
    status: 401,
    body: { error: { code, message } },
    headers: {
      'www-authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="${message.replace(/"/g, "'")}"`,
    },
  };
}

/** Builds a verifier with ARM's 401 responses (codes and messages as management.azure.com sends them). */
export function bearerVerifier(options: BearerVerifierOptions): BearerVerifier {
  const audiences = (options.audiences ?? ARM_AUDIENCES).map((a) => a.toLowerCase());
  return async (header) => {
    if (header === undefined || header.trim() === '') {
      return unauthorized('AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.");
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      return unauthorized('AuthenticationFailed', "Authentication failed. The 'Authorization' header is provided in an invalid format.");
    }
    const check = await options.validate(match[1]!);
    if (!check.valid) return unauthorized('InvalidAuthenticationToken', check.reason ?? 'The access token is invalid.');
    const given = typeof check.audience === 'string' ? [check.audience] : check.audience;
    if (!given.some((a) => audiences.includes(a.toLowerCase()))) {
      return unauthorized(
        'InvalidAuthenticationTokenAudience',
        `The access token has been obtained for wrong audience or resource '${given.join(',')}'. It should exactly match with one of the allowed audiences '${(options.audiences ?? ARM_AUDIENCES).join("','")}'.`,
      );
    }
    return { ok: true };
  };
}
