/**
 * Claims of a v1.0 app-only access token as Entra issues them for Graph (notes §14.5),
 * in the order real tokens list them.
 */
import { randomBytes } from 'node:crypto';
import type { RegisteredClient } from './clients.ts';

export interface AppTokenClaims {
  readonly aud: string;
  readonly iss: string;
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  readonly aio: string;
  readonly app_displayname: string;
  readonly appid: string;
  readonly appidacr: '0' | '1' | '2';
  readonly idp: string;
  readonly idtyp: 'app';
  readonly oid: string;
  readonly rh: string;
  readonly roles?: ReadonlyArray<string>;
  readonly sub: string;
  readonly tenant_region_scope: string;
  readonly tid: string;
  readonly uti: string;
  readonly ver: '1.0';
  readonly wids: ReadonlyArray<string>;
  readonly xms_idrel: string;
  readonly xms_tcdt: number;
}

/** The role template every app-only token lists in `wids` (service principals' default directory role). */
const APP_WIDS = ['0997a1d0-0d1d-4acb-b408-d5ca73121e90'];

/** `uti`: 16 random bytes, base64url (22 characters), like real token ids. */
export function newUti(): string {
  return randomBytes(16).toString('base64url');
}

export interface ClaimInputs {
  readonly client: RegisteredClient;
  readonly tenantId: string;
  readonly audience: string;
  readonly roles: ReadonlyArray<string>;
  /** Seconds since epoch at issuance. */
  readonly issuedAt: number;
  readonly lifetimeSeconds: number;
  /** Tenant creation time, seconds since epoch (`xms_tcdt`). */
  readonly tenantCreatedAt: number;
  readonly uti: string;
}

export function appTokenClaims(input: ClaimInputs): AppTokenClaims {
  const sts = `https://sts.windows.net/${input.tenantId}/`;
  // Entra back-dates iat/nbf by five minutes to absorb clock skew.
  const iat = input.issuedAt - 300;
  return {
    aud: input.audience,
    iss: sts,
    iat,
    nbf: iat,
    exp: input.issuedAt + input.lifetimeSeconds,
    aio: randomBytes(45).toString('base64').slice(0, 58) + 'AA==',
    app_displayname: input.client.displayName,
    appid: input.client.clientId,
    appidacr: '1',
    idp: sts,
    idtyp: 'app',
    oid: input.client.servicePrincipalId,
    rh: `0.A${randomBytes(36).toString('base64url').slice(0, 46)}AA.`,
    ...(input.roles.length > 0 ? { roles: input.roles } : {}),
    sub: input.client.servicePrincipalId,
    tenant_region_scope: 'NA',
    tid: input.tenantId,
    uti: input.uti,
    ver: '1.0',
    wids: APP_WIDS,
    xms_idrel: '7 2',
    xms_tcdt: input.tenantCreatedAt,
  };
}
