/**
 * Graph's gate in front of the log APIs: a bearer token the token service signed for
 * Graph (`aud`), for this tenant (`tid`), within its lifetime; app roles per endpoint;
 * the tenant's licence. Failures carry Graph's exact error bodies (notes §12.2).
 */
import type { Licence } from '../../core/activity.ts';
import type { AccessTokenCheck } from '../token/token-service.ts';
import type { GraphCollectionInfo, RequiredLicence } from './collections.ts';
import { GraphErrors } from './errors.ts';

/** Anything that can check a bearer token; `TokenService` is one. */
export interface AccessTokenVerifier {
  verify(token: string): Promise<AccessTokenCheck>;
}

export type GraphAuthOptions =
  /** No token needed; every caller holds every role (quick local pipelines). */
  | { readonly mode: 'open' }
  | { readonly mode: 'token'; readonly verifier: AccessTokenVerifier };

export interface TenantLicence {
  readonly edition: Licence;
  /** Microsoft Entra Workload ID Premium (risky service principals). */
  readonly workloadIdentitiesPremium: boolean;
}

/** Who is calling, as the token says. */
export interface GraphCaller {
  readonly appId: string;
  readonly servicePrincipalId: string;
  readonly appDisplayName: string;
  /** Application permissions (`roles`); `'*'` in open mode. */
  readonly roles: ReadonlySet<string>;
  /** `uti` of the token used, when there is one. */
  readonly uti?: string;
}

export const GRAPH_AUDIENCES: ReadonlyArray<string> = [
  'https://graph.microsoft.com',
  'https://graph.microsoft.com/',
  '00000003-0000-0000-c000-000000000000',
];

const OPEN_CALLER: GraphCaller = {
  appId: '00000000-0000-0000-0000-000000000000',
  servicePrincipalId: '00000000-0000-0000-0000-000000000000',
  appDisplayName: 'entrasim (open mode)',
  roles: new Set(['*']),
};

export async function authenticate(authorization: string | undefined, auth: GraphAuthOptions): Promise<GraphCaller> {
  if (auth.mode === 'open') return OPEN_CALLER;
  const match = /^\s*bearer\s*(.*)$/i.exec(authorization ?? '');
  const token = match?.[1]?.trim() ?? '';
  if (!match || token === '') throw GraphErrors.emptyToken();
  const check = await auth.verifier.verify(token);
  if (!check.ok) {
    if (check.reason === 'malformed') throw GraphErrors.unparsableToken();
    if (check.reason === 'expired') throw GraphErrors.expiredToken();
    throw GraphErrors.invalidToken(check.detail);
  }
  const claims = check.claims;
  const aud = typeof claims.aud === 'string' ? claims.aud : '';
  if (!GRAPH_AUDIENCES.includes(aud)) throw GraphErrors.invalidToken(`audience '${aud}' is not Microsoft Graph`);
  return {
    appId: claims.appid,
    servicePrincipalId: claims.oid,
    appDisplayName: claims.app_displayname,
    roles: new Set(Array.isArray(claims.roles) ? claims.roles : []),
    uti: claims.uti,
  };
}

export function hasAnyRole(caller: GraphCaller, roles: ReadonlyArray<string>): boolean {
  return caller.roles.has('*') || roles.some((r) => caller.roles.has(r));
}

/** 403 unless the caller holds one of the collection's read roles. */
export function requireReadRole(caller: GraphCaller, info: GraphCollectionInfo): void {
  if (hasAnyRole(caller, info.readRoles)) return;
  if (info.family === 'reports') throw GraphErrors.auditLogPermissionMissing(info.leastPrivilegedRole);
  throw GraphErrors.scopesMissing(info.leastPrivilegedRole);
}

/** 403 unless the caller holds one of the given write roles. */
export function requireWriteRole(caller: GraphCaller, roles: ReadonlyArray<string>): void {
  if (!hasAnyRole(caller, roles)) throw GraphErrors.scopesMissing(roles[0] ?? '');
}

export function licenceAllows(licence: TenantLicence, required: RequiredLicence): boolean {
  switch (required) {
    case 'none':
      return true;
    case 'p1':
      return licence.edition === 'p1' || licence.edition === 'p2';
    case 'p2':
      return licence.edition === 'p2';
    case 'workloadIdentitiesPremium':
      return licence.workloadIdentitiesPremium;
  }
}

/** 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant when the tenant lacks the licence. */
export function requireLicence(licence: TenantLicence, required: RequiredLicence): void {
  if (!licenceAllows(licence, required)) throw GraphErrors.nonPremiumTenant(`needs ${required}, tenant has ${licence.edition}`);
}
