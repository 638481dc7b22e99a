/**
 * The sign-in family on real output: a 200-user tenant, a few hundred baseline activities
 * per category, every shape rendered and checked against the facts of the reference notes
 * (diagnostic-format.md §A/§D, graph-api.md §3, log-analytics README §3) and against the
 * derived JSON Schemas.
 */
import { describe, expect, it } from 'vitest';
import type { CategoryModule, DiagnosticRecord, JsonObject, RenderContext } from '../src/core/activity.ts';
import { Rng } from '../src/core/random.ts';
import { serializeDiagnostic } from '../src/core/serialize.ts';
import { createTenant } from '../src/tenant/tenant.ts';
import type { Tenant } from '../src/tenant/types.ts';
import {
  buildManagedIdentitySignIn,
  buildServicePrincipalSignIn,
  buildUserSignIn,
  buildUserSignInFlow,
  managedIdentitySignInLogs,
  nonInteractiveUserSignInLogs,
  servicePrincipalSignInLogs,
  signInLogs,
  uniqueTokenIdentifierOf,
  type SignInActivity,
} from '../src/categories/sign-ins/index.ts';
import { adfsSignInLogs, buildAdfsSignIn } from '../src/categories/adfs-sign-ins/index.ts';
import { aadstsError, isKnownAadstsCode } from '../src/data/aadsts-errors.ts';
import {
  ADFS_COLUMNS,
  MANAGED_IDENTITY_COLUMNS,
  NON_INTERACTIVE_COLUMNS,
  SERVICE_PRINCIPAL_COLUMNS,
  SIGNIN_LOGS_COLUMNS,
  type LaColumn,
} from '../src/data/sign-in-la-columns.ts';
import { validateRecord } from '../src/schemas/index.ts';

const tenant = createTenant({ seed: 7, users: 200 });
const WORKSPACE = '0f9d7a3e-1c2b-4d5e-8f60-718293a4b5c6';
const rctx: RenderContext = { tenant, workspaceId: WORKSPACE };
const START = Date.UTC(2025, 5, 2, 6, 0, 0);

type Module = CategoryModule<SignInActivity>;
const MODULES: ReadonlyArray<Module> = [signInLogs, nonInteractiveUserSignInLogs, servicePrincipalSignInLogs, managedIdentitySignInLogs, adfsSignInLogs];

function generate(m: Module, n: number, t: Tenant = tenant, seed = 'test'): SignInActivity[] {
  const rng = new Rng(`${seed}/${m.category}`);
  const out: SignInActivity[] = [];
  for (let i = 0; i < n; i++) out.push(...m.baseline({ rng, tenant: t }, START + i * 97_000));
  return out;
}

const SAMPLES = new Map<Module, SignInActivity[]>(MODULES.map((m) => [m, generate(m, 200)]));
const sample = (m: Module): SignInActivity[] => SAMPLES.get(m)!;
const props = (d: DiagnosticRecord): JsonObject => d.properties as JsonObject;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ENVELOPE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{7})?Z$/;
const NESTED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?\+00:00$/;
const GRAPH_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/;
const LA_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const US_TIME = /^(1[0-2]|[1-9])\/(3[01]|[12]\d|[1-9])\/\d{4} (1[0-2]|[1-9]):[0-5]\d:[0-5]\d (AM|PM)$/;

/** notes §A.2: the common order; absent keys are skipped, never reordered. */
const ENVELOPE_ORDER = [
  'time', 'resourceId', 'operationName', 'operationVersion', 'category', 'tenantId', 'resultType', 'resultSignature',
  'resultDescription', 'durationMs', 'callerIpAddress', 'correlationId', 'identity', 'Level', 'location', 'properties',
];

describe('sign-in family: schemas', () => {
  it.each(MODULES.map((m) => [m.category, m] as const))('%s validates in every shape', (_name, m) => {
    const problems: string[] = [];
    for (const a of sample(m).slice(0, 50)) {
      for (const p of validateRecord('diagnostic', m.category, m.toDiagnostic(a, rctx))) problems.push(`diagnostic ${p.pointer}: ${p.message}`);
      for (const p of validateRecord('loganalytics', m.table, m.toLogAnalytics(a, rctx))) problems.push(`la ${p.pointer}: ${p.message}`);
      for (const version of ['beta', 'v1.0'] as const) {
        const g = m.toGraph(a, version, rctx);
        if (g) for (const p of validateRecord('graph', 'signIn', g, version)) problems.push(`graph ${version} ${p.pointer}: ${p.message}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });
});

describe('sign-in family: diagnostic envelope', () => {
  it.each(MODULES.map((m) => [m.category, m] as const))('%s: key order, types and presence', (_name, m) => {
    for (const a of sample(m)) {
      const d = m.toDiagnostic(a, rctx);
      const keys = Object.keys(d);
      if (m === adfsSignInLogs) {
        // The one AD FS sample: lower-case "level" as a string, US time, no location.
        expect(keys.filter((k) => k !== 'resultDescription')).toEqual([
          'time', 'resourceId', 'operationName', 'operationVersion', 'category', 'tenantId', 'resultType', 'resultSignature',
          'durationMs', 'callerIpAddress', 'correlationId', 'identity', 'level', 'properties',
        ]);
        expect(d.level).toBe('4');
        expect(d.time).toMatch(US_TIME);
      } else {
        expect(keys).toEqual(ENVELOPE_ORDER.filter((k) => k in d));
        expect(d.Level).toBe(4);
        expect(d.time).toMatch(ENVELOPE_TIME);
      }
      expect(d.resourceId).toBe(`/tenants/${tenant.id}/providers/Microsoft.aadiam`);
      expect(d.operationName).toBe('Sign-in activity');
      expect(d.operationVersion).toBe('1.0');
      expect(d.category).toBe(m.category);
      expect(d.tenantId).toBe(tenant.id);
      expect(d.durationMs).toBe(0);
      // resultType is a string, status.errorCode its number (notes §D.1).
      const status = props(d).status as JsonObject;
      expect(typeof d.resultType).toBe('string');
      expect(typeof status.errorCode).toBe('number');
      expect(d.resultType).toBe(String(status.errorCode));
      expect(d.resultSignature).toBe(status.errorCode === 0 ? 'SUCCESS' : 'FAILURE');
      if (status.errorCode === 0) {
        expect('resultDescription' in d).toBe(false);
        expect(status).toEqual({ errorCode: 0 });
      } else if ('resultDescription' in d) {
        expect(d.resultDescription).toBe(status.failureReason);
      }
      expect(d.correlationId).toBe(props(d).correlationId);
      expect(typeof d.correlationId === 'string' && d.correlationId.length === 36).toBe(true);
    }
  });

  it('presence per category follows the A.3 table', () => {
    for (const a of sample(signInLogs)) {
      const d = signInLogs.toDiagnostic(a, rctx);
      expect(d.identity).toBe(a.user!.displayName);
      expect(d.callerIpAddress).toBe(props(d).ipAddress);
    }
    for (const a of sample(nonInteractiveUserSignInLogs)) {
      const d = nonInteractiveUserSignInLogs.toDiagnostic(a, rctx);
      expect(typeof d.identity).toBe('string');
      expect(d.location).toMatch(/^[A-Z]{2}$/);
    }
    for (const a of sample(servicePrincipalSignInLogs)) {
      const d = servicePrincipalSignInLogs.toDiagnostic(a, rctx);
      expect('identity' in d).toBe(false);
      expect(typeof d.callerIpAddress).toBe('string');
    }
    for (const a of sample(managedIdentitySignInLogs)) {
      const d = managedIdentitySignInLogs.toDiagnostic(a, rctx);
      expect('identity' in d || 'callerIpAddress' in d || 'location' in d).toBe(false);
      expect(props(d).ipAddress).toBe('');
    }
    for (const a of sample(adfsSignInLogs)) expect('location' in adfsSignInLogs.toDiagnostic(a, rctx)).toBe(false);
  });

  it('envelope time trails createdDateTime by 30 s – 4 min, median about 2 min (notes §A.5)', () => {
    const delays: number[] = [];
    for (const m of [signInLogs, nonInteractiveUserSignInLogs, servicePrincipalSignInLogs, managedIdentitySignInLogs]) {
      for (const a of sample(m)) {
        const d = m.toDiagnostic(a, rctx);
        const created = Date.parse((props(d).createdDateTime as string).replace('+00:00', 'Z'));
        const delay = Date.parse(d.time as string) - created;
        expect(delay).toBeGreaterThanOrEqual(29_000);
        expect(delay).toBeLessThanOrEqual(241_000);
        delays.push(delay);
      }
    }
    delays.sort((x, y) => x - y);
    const median = delays[delays.length >> 1]!;
    expect(median).toBeGreaterThan(90_000);
    expect(median).toBeLessThan(160_000);
  });

  it('serialises with the storage spacing', () => {
    const line = serializeDiagnostic(signInLogs.toDiagnostic(sample(signInLogs)[0]!, rctx));
    expect(line.startsWith('{ "time": "')).toBe(true);
    expect(line).toContain('"Level": 4, ');
    expect(line).toContain('"properties": {"id":"');
  });
});

describe('sign-in family: diagnostic properties', () => {
  it('user sign-ins: Graph beta signIn with the diagnostic differences (notes §A.4)', () => {
    for (const m of [signInLogs, nonInteractiveUserSignInLogs]) {
      for (const a of sample(m)) {
        const p = props(m.toDiagnostic(a, rctx));
        expect(Object.keys(p).slice(0, 5)).toEqual(['id', 'createdDateTime', 'userDisplayName', 'userPrincipalName', 'userId']);
        expect(p.createdDateTime).toMatch(NESTED_TIME);
        expect(['Member', 'Guest']).toContain(p.userType);
        expect(p.servicePrincipalId).toBe('');
        expect(p.isInteractive).toBe(m === signInLogs);
        expect(p.signInEventTypes).toEqual([m === signInLogs ? 'interactiveUser' : 'nonInteractiveUser']);
        expect(p.tokenIssuerType).toBe('AzureAD');
        expect(p.tokenIssuerName).toBe('');
        expect(p.userPrincipalName).toBe((p.userPrincipalName as string).toLowerCase());
        expect(['singleFactorAuthentication', 'multiFactorAuthentication']).toContain(p.authenticationRequirement);
        expect(['success', 'failure', 'notApplied']).toContain(p.conditionalAccessStatus);
        expect(Array.isArray(p.riskEventTypes_v2)).toBe(true);
        expect(Array.isArray(p.authenticationProcessingDetails)).toBe(true);
        expect(Array.isArray(p.networkLocationDetails)).toBe(true);
        expect(typeof p.processingTimeInMilliseconds).toBe('number');
        for (const step of p.authenticationDetails as JsonObject[]) {
          expect(step.authenticationStepDateTime).toMatch(NESTED_TIME);
          if (step.authenticationStepResultDetail !== 'MFA requirement satisfied by claim in the token') {
            expect(typeof step.StatusSequence).toBe('number');
            expect(typeof step.RequestSequence).toBe('number');
          }
        }
        // Unregistered devices: deviceId/operatingSystem/browser only (Datadog 2025).
        const dev = p.deviceDetail as JsonObject;
        if (dev.deviceId === '') expect(Object.keys(dev)).toEqual(['deviceId', 'operatingSystem', 'browser']);
        else expect(dev.deviceId).toMatch(GUID);
      }
    }
  });

  it('request ids end in 00 and uniqueTokenIdentifier is derived from them', () => {
    // Pairs from real records (Datadog 2025 SignInLogs, MI; Elastic AD FS).
    expect(uniqueTokenIdentifierOf('94cb51df-08a4-4a74-b42b-1210a7a12a00')).toBe('31HLlKQIdEq0KxIQp6EqAA');
    expect(uniqueTokenIdentifierOf('d46cd81a-a988-48f8-a612-7e0db6cf7600')).toBe('Gths1Iip-EimEn4Nts92AA');
    expect(uniqueTokenIdentifierOf('58f8ce73-9fc8-4f02-8ea8-1908964f842e')).toBe('c874WMifAk-OqBkIlk-ELg');
    const ids = new Set<string>();
    for (const m of MODULES) {
      for (const a of sample(m)) {
        const p = props(m.toDiagnostic(a, rctx));
        expect(p.uniqueTokenIdentifier).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect(p.uniqueTokenIdentifier).toBe(uniqueTokenIdentifierOf(p.id as string));
        if (m !== adfsSignInLogs) expect(p.id).toMatch(/^[0-9a-f-]{34}00$/);
        ids.add(p.id as string);
      }
    }
    expect(ids.size).toBe(MODULES.reduce((n, m) => n + sample(m).length, 0));
  });

  it('IP, location and ASN agree with the tenant networks', () => {
    for (const m of [signInLogs, nonInteractiveUserSignInLogs, servicePrincipalSignInLogs]) {
      for (const a of sample(m)) {
        const d = m.toDiagnostic(a, rctx);
        const p = props(d);
        const net = tenant.networkOfIp(p.ipAddress as string);
        expect(net).toBeDefined();
        const loc = p.location as JsonObject;
        expect(loc.countryOrRegion).toBe(net!.geo.countryOrRegion);
        expect(loc.city).toBe(net!.geo.city);
        expect(d.location).toBe(net!.geo.countryOrRegion);
        if ('autonomousSystemNumber' in p) expect(p.autonomousSystemNumber).toBe(net!.asn);
        if (net!.trusted) expect((p.networkLocationDetails as JsonObject[])[0]!.networkType).toBe('trustedNamedLocation');
      }
    }
  });

  it('service principals sign in as the tenant apps with their own credentials', () => {
    const apps = new Map(tenant.applications.map((x) => [x.appId, x]));
    for (const a of sample(servicePrincipalSignInLogs)) {
      const p = props(servicePrincipalSignInLogs.toDiagnostic(a, rctx));
      expect(p.userId).toBeNull();
      expect(p.isInteractive).toBe(false);
      expect(p.signInEventTypes).toEqual(['servicePrincipal']);
      if (p.status && (p.status as JsonObject).errorCode === 700016) continue;
      const app = apps.get(p.appId as string)!;
      expect(app).toBeDefined();
      expect(p.servicePrincipalId).toBe(app.servicePrincipalId);
      expect(p.servicePrincipalName).toBe(app.displayName);
      if ('servicePrincipalCredentialKeyId' in p) {
        const cred = app.credentials.find((c) => c.keyId === p.servicePrincipalCredentialKeyId);
        expect(cred).toBeDefined();
        if ('servicePrincipalCredentialThumbprint' in p) expect(p.servicePrincipalCredentialThumbprint).toBe(cred!.thumbprint);
      }
      expect(tenant.networkOfIp(p.ipAddress as string)!.kind).toBe('hosting');
    }
  });

  it('managed identities sign in as the tenant identities, no IP, no location', () => {
    const mis = new Map(tenant.managedIdentities.map((x) => [x.appId, x]));
    for (const a of sample(managedIdentitySignInLogs)) {
      const p = props(managedIdentitySignInLogs.toDiagnostic(a, rctx));
      const mi = mis.get(p.appId as string)!;
      expect(mi).toBeDefined();
      expect(p.servicePrincipalId).toBe(mi.servicePrincipalId);
      expect(p.userId).toBeNull();
      expect(p.location).toEqual({ city: '', state: '', countryOrRegion: '', geoCoordinates: { latitude: 0, longitude: 0 } });
      // Real 2025 MI records: 36 keys (+ signInEventTypes), no managedServiceIdentity.
      expect(Object.keys(p).length).toBe(37);
      expect('managedServiceIdentity' in p).toBe(false);
      const graph = managedIdentitySignInLogs.toGraph(a, 'beta', rctx)!;
      expect((graph.managedServiceIdentity as JsonObject).associatedResourceId).toBe(mi.azureResourceId);
    }
  });

  it('guests are b2bCollaboration with their home tenant', () => {
    const guestIndex = tenant.memberCount;
    const a = buildUserSignIn({ rng: new Rng('guest'), tenant }, START, { user: guestIndex });
    const p = props(signInLogs.toDiagnostic(a, rctx));
    const user = tenant.user(guestIndex);
    expect(p.userType).toBe('Guest');
    expect(p.homeTenantId).toBe(user.homeTenantId);
    expect(p.homeTenantId).not.toBe(tenant.id);
    expect(p.crossTenantAccessType).toBe('b2bCollaboration');
    expect(p.userPrincipalName).toBe(user.userPrincipalName);
    expect(p.userPrincipalName).not.toContain('#EXT#');
    expect(signInLogs.toGraph(a, 'beta', rctx)!.userType).toBe('guest');
  });
});

describe('sign-in family: outcomes', () => {
  const codesOf = (m: Module): number[] => sample(m).map((a) => a.errorCode);

  it('interactive failures are 5–15 % of records, mostly the common codes, all real AADSTS codes', () => {
    const codes = codesOf(signInLogs);
    const failures = codes.filter((c) => c !== 0);
    expect(failures.length / codes.length).toBeGreaterThan(0.04);
    expect(failures.length / codes.length).toBeLessThan(0.15);
    const common = failures.filter((c) => [50126, 50140, 50074, 50076, 500121, 53003, 53000].includes(c));
    expect(common.length / failures.length).toBeGreaterThan(0.5);
    for (const c of codes) expect(isKnownAadstsCode(c)).toBe(true);
  });

  it('non-interactive, SP and MI sign-ins mostly succeed', () => {
    for (const m of [nonInteractiveUserSignInLogs, servicePrincipalSignInLogs, managedIdentitySignInLogs]) {
      const codes = codesOf(m);
      expect(codes.filter((c) => c === 0).length / codes.length).toBeGreaterThan(0.9);
    }
  });

  it('failure reasons are the real texts', () => {
    const a = buildUserSignIn({ rng: new Rng('pw'), tenant }, START, { user: 5, errorCode: 50126 });
    const d = signInLogs.toDiagnostic(a, rctx);
    expect(d.resultType).toBe('50126');
    expect(d.resultDescription).toBe('Error validating credentials due to invalid username or password.');
    expect((props(d).authenticationDetails as JsonObject[])[0]!.succeeded).toBe(false);
    expect(props(d).conditionalAccessStatus).toBe('notApplied');
    expect(aadstsError(50140).failureReason).toBe("This error occurred due to 'Keep me signed in' interrupt when the user was signing-in.");
    // MI 7000232: real records carry the code only (no failureReason, no resultDescription).
    const mi = managedIdentitySignInLogs.toDiagnostic(buildManagedIdentitySignIn({ rng: new Rng('mi'), tenant }, START, { errorCode: 7000232 }), rctx);
    expect(mi.resultType).toBe('7000232');
    expect(mi.resultSignature).toBe('FAILURE');
    expect('resultDescription' in mi).toBe(false);
    expect(props(mi).status).toEqual({ errorCode: 7000232 });
  });

  it('an interrupt is written as its own record, then the outcome, sharing correlationId and originalRequestId', () => {
    const flow = buildUserSignInFlow({ rng: new Rng('kmsi'), tenant }, START, { user: 3, interrupt: 50074 });
    expect(flow).toHaveLength(2);
    const [first, second] = flow.map((a) => props(signInLogs.toDiagnostic(a, rctx)));
    expect((first!.status as JsonObject).errorCode).toBe(50074);
    expect((second!.status as JsonObject).errorCode).toBe(0);
    expect(second!.correlationId).toBe(first!.correlationId);
    expect(second!.originalRequestId).toBe(first!.id);
    expect(first!.originalRequestId).toBe(first!.id);
    expect(second!.id).not.toBe(first!.id);
    expect(second!.authenticationRequirement).toBe('multiFactorAuthentication');
    const methods = (second!.authenticationDetails as JsonObject[]).map((s) => s.authenticationStepRequirement);
    expect(methods).toContain('Multi-factor authentication');
    // The baseline writes such pairs too.
    const byCorrelation = new Map<string, SignInActivity[]>();
    for (const a of sample(signInLogs)) byCorrelation.set(a.correlationId, [...(byCorrelation.get(a.correlationId) ?? []), a]);
    const pairs = [...byCorrelation.values()].filter((g) => g.length === 2);
    expect(pairs.length).toBeGreaterThan(0);
    for (const [x, y] of pairs) {
      expect(aadstsError(x!.errorCode).interrupt).toBe(true);
      expect(y!.originalRequestId).toBe(x!.id);
      expect(y!.time).toBeGreaterThan(x!.time);
    }
  });

  it('legacy protocols are blocked by the legacy-auth policy (53003)', () => {
    const a = buildUserSignIn({ rng: new Rng('imap'), tenant }, START, { user: 9, clientAppUsed: 'IMAP4' });
    const p = props(signInLogs.toDiagnostic(a, rctx));
    expect((p.status as JsonObject).errorCode).toBe(53003);
    expect(p.clientAppUsed).toBe('IMAP4');
    expect(p.userAgent).toBe('BAV2ROPC');
    expect(p.conditionalAccessStatus).toBe('failure');
    const block = (p.appliedConditionalAccessPolicies as JsonObject[]).find((x) => (x.enforcedGrantControls as string[]).includes('Block'))!;
    expect(block.result).toBe('failure');
    expect(p.appId).toBe('00000002-0000-0ff1-ce00-000000000000');
  });

  it('a story can force user, IP, error and ids (password spray)', () => {
    const attacker = tenant.networks.find((n) => n.kind === 'tor')!;
    const ip = tenant.ipIn(attacker, 17);
    const correlationId = '6a88c69c-77cc-4f71-b1e2-155b84594b0b';
    const a = buildUserSignIn({ rng: new Rng('spray'), tenant }, START, {
      user: 12,
      ip,
      errorCode: 50126,
      device: 'unregistered',
      userAgent: 'python-requests/2.32.3',
      correlationId,
      riskLevelDuringSignIn: 'high',
      riskEventTypes: ['anonymizedIPAddress'],
    });
    const d = signInLogs.toDiagnostic(a, rctx);
    const p = props(d);
    expect(p.userId).toBe(tenant.user(12).id);
    expect(d.callerIpAddress).toBe(ip);
    expect(d.location).toBe(attacker.geo.countryOrRegion);
    expect(p.correlationId).toBe(correlationId);
    expect(p.userAgent).toBe('python-requests/2.32.3');
    expect((p.deviceDetail as JsonObject).deviceId).toBe('');
    expect(p.riskLevelDuringSignIn).toBe('high');
    expect(p.riskEventTypes_v2).toEqual(['anonymizedIPAddress']);
    expect(p.riskEventTypes).toEqual(['anonymizedIPAddress']);
  });

  it('risk fields read "hidden" without Entra ID P2 (graph-api.md §1.2)', () => {
    const p1 = createTenant({ seed: 7, users: 50, licence: 'p1' });
    for (const m of [signInLogs, servicePrincipalSignInLogs]) {
      for (const a of generate(m, 20, p1)) {
        const p = props(m.toDiagnostic(a, { tenant: p1, workspaceId: WORKSPACE }));
        expect([p.riskDetail, p.riskLevelAggregated, p.riskLevelDuringSignIn]).toEqual(['hidden', 'hidden', 'hidden']);
      }
    }
  });

  it('is reproducible per seed', () => {
    const x = generate(signInLogs, 20, tenant, 'repro').map((a) => serializeDiagnostic(signInLogs.toDiagnostic(a, rctx)));
    const y = generate(signInLogs, 20, tenant, 'repro').map((a) => serializeDiagnostic(signInLogs.toDiagnostic(a, rctx)));
    expect(x).toEqual(y);
  });

  it('SP and MI builders accept a forced app, resource and error', () => {
    const app = tenant.applications.find((x) => x.clientKind === 'daemon' && x.credentials.some((c) => c.type === 'Password'))!;
    const sp = buildServicePrincipalSignIn({ rng: new Rng('sp'), tenant }, START, { app: app.appId, resource: 'Microsoft Graph', errorCode: 7000222 });
    const d = servicePrincipalSignInLogs.toDiagnostic(sp, rctx);
    expect(d.resultType).toBe('7000222');
    expect(props(d).resourceId).toBe('00000003-0000-0000-c000-000000000000');
    expect(props(d).appId).toBe(app.appId);
    const mi = tenant.managedIdentities[0]!;
    const m = buildManagedIdentitySignIn({ rng: new Rng('mi2'), tenant }, START, { identity: mi.displayName, resource: 'Azure Key Vault' });
    expect(m.servicePrincipalId).toBe(mi.servicePrincipalId);
    expect(m.resourceDisplayName).toBe('Azure Key Vault');
  });
});

describe('sign-in family: Graph', () => {
  it('v1.0 serves interactive sign-ins only; beta all four; AD FS none', () => {
    for (const m of MODULES) {
      const a = sample(m)[0]!;
      expect(m.toGraph(a, 'v1.0', rctx) === undefined).toBe(m !== signInLogs);
      expect(m.toGraph(a, 'beta', rctx) === undefined).toBe(m === adfsSignInLogs);
    }
    expect(adfsSignInLogs.graph).toBeNull();
  });

  it('property sets: v1.0 29 + id, beta 76 + id; no diagnostic extras', () => {
    for (const a of sample(signInLogs).slice(0, 50)) {
      const v1 = signInLogs.toGraph(a, 'v1.0', rctx)!;
      const beta = signInLogs.toGraph(a, 'beta', rctx)!;
      expect(Object.keys(v1)).toHaveLength(30);
      expect(Object.keys(beta)).toHaveLength(77);
      expect('riskEventTypes' in v1 && !('riskEventTypes' in beta)).toBe(true);
      expect('signInEventTypes' in v1).toBe(false);
      expect(v1.createdDateTime).toMatch(GRAPH_TIME);
      expect(beta.userType === 'member' || beta.userType === 'guest').toBe(true);
      expect(beta.servicePrincipalId).toBe('');
      for (const s of beta.authenticationDetails as JsonObject[]) {
        expect('StatusSequence' in s || 'RequestSequence' in s).toBe(false);
        expect(s.authenticationStepDateTime).toMatch(GRAPH_TIME);
      }
      for (const p of beta.appliedConditionalAccessPolicies as JsonObject[]) expect(typeof p.conditionsSatisfied).toBe('string');
    }
  });

  it('workload sign-ins: userId "" (non-nullable), user fields null', () => {
    for (const m of [servicePrincipalSignInLogs, managedIdentitySignInLogs]) {
      for (const a of sample(m).slice(0, 30)) {
        const g = m.toGraph(a, 'beta', rctx)!;
        expect(g.userId).toBe('');
        expect(g.userType).toBeNull();
        expect(g.signInEventTypes).toEqual([m === servicePrincipalSignInLogs ? 'servicePrincipal' : 'managedIdentity']);
        if (a.errorCode !== 700016) expect(g.servicePrincipalId).toMatch(GUID);
      }
    }
  });
});

describe('sign-in family: Log Analytics', () => {
  const TABLES: ReadonlyArray<readonly [Module, string, ReadonlyArray<LaColumn>]> = [
    [signInLogs, 'SigninLogs', SIGNIN_LOGS_COLUMNS],
    [nonInteractiveUserSignInLogs, 'AADNonInteractiveUserSignInLogs', NON_INTERACTIVE_COLUMNS],
    [servicePrincipalSignInLogs, 'AADServicePrincipalSignInLogs', SERVICE_PRINCIPAL_COLUMNS],
    [managedIdentitySignInLogs, 'AADManagedIdentitySignInLogs', MANAGED_IDENTITY_COLUMNS],
    [adfsSignInLogs, 'ADFSSignInLogs', ADFS_COLUMNS],
  ];

  it.each(TABLES.map((t) => [t[1], t] as const))('%s: every column, in its Kusto type', (_t, [m, table, columns]) => {
    expect(m.table).toBe(table);
    const names = columns.map(([n]) => n);
    for (const a of sample(m).slice(0, 80)) {
      const row = m.toLogAnalytics(a, rctx);
      expect(Object.keys(row)).toEqual(names);
      const wrong: string[] = [];
      for (const [name, type] of columns) {
        const v = row[name];
        const ok =
          type === 'string' ? typeof v === 'string'
          : type === 'long' || type === 'int' ? Number.isInteger(v)
          : type === 'bool' ? v === null || typeof v === 'boolean'
          : type === 'datetime' ? typeof v === 'string' && LA_TIME.test(v)
          : type === 'dynamic' ? typeof v !== 'string'
          : true;
        if (!ok) wrong.push(`${name}: ${JSON.stringify(v)}`);
      }
      expect(wrong).toEqual([]);
      expect(row.TenantId).toBe(WORKSPACE);
      expect(row.Type).toBe(table);
      expect(row.Category).toBe(m.category);
      expect(row.SourceSystem).toBe('Azure AD');
      expect(row.Level).toBe('4');
      expect(row.ResultType).toBe(String(a.errorCode));
      expect(row.TimeGenerated).toBe(new Date(a.envelopeTime).toISOString());
      expect(row.CreatedDateTime).toBe(new Date(a.time).toISOString());
      if ('AADTenantId' in row) expect(row.AADTenantId).toBe(tenant.id);
      expect(Object.keys(row).filter((k) => k.startsWith('_'))).toEqual([]);
    }
  });

  it('SigninLogs keeps JSON as dynamic, the non-interactive table as strings (README §3)', () => {
    const a = sample(signInLogs)[0]!;
    const row = signInLogs.toLogAnalytics(a, rctx);
    expect(typeof row.Status).toBe('object');
    expect(typeof row.LocationDetails).toBe('object');
    expect(Array.isArray(row.ConditionalAccessPolicies)).toBe(true);
    expect(typeof row.AuthenticationDetails).toBe('string');
    expect(row.RiskEventTypes_V2).toBe('[]');
    expect(row.ProcessingTimeInMilliseconds).toBe(String(a.processingTimeInMilliseconds));
    expect(row.IPAddress).toBe(a.ipAddress);
    expect(row.ResourceIdentity).toBe(a.resourceId);
    const n = sample(nonInteractiveUserSignInLogs)[0]!;
    const nrow = nonInteractiveUserSignInLogs.toLogAnalytics(n, rctx);
    expect(typeof nrow.Status).toBe('string');
    expect(JSON.parse(nrow.Status as string).errorCode).toBe(n.errorCode);
    expect(typeof nrow.DeviceDetail).toBe('string');
    expect(nrow.ProcessingTimeInMs).toBe(String(n.processingTimeInMilliseconds));
    expect('ProcessingTimeInMilliseconds' in nrow).toBe(false);
    const mi = managedIdentitySignInLogs.toLogAnalytics(sample(managedIdentitySignInLogs)[0]!, rctx);
    expect(JSON.parse(mi.ManagedServiceIdentity as string).msiType).toMatch(/^(systemAssigned|userAssigned)$/);
  });
});

describe('ADFSSignInLogs', () => {
  it('only synced users, AD FS token issuer, NotSet resources on bad passwords', () => {
    for (const a of sample(adfsSignInLogs)) {
      const d = adfsSignInLogs.toDiagnostic(a, rctx);
      const p = props(d);
      expect(tenant.user(tenant.userById(p.userId as string)!.index).onPremisesSynced).toBe(true);
      expect(p.tokenIssuerType).toBe('ADFederationServices');
      expect(p.tokenIssuerName).toBe(`sts.${tenant.domains[0]}`);
      expect(p.clientAppUsed).toBe('Unknown');
      expect(p.riskDetail).toBe('hidden');
      expect(p.userType).toBe('Member');
      if (a.errorCode === 50126) expect(p.resourceId).toBe('NotSet');
      expect((d.correlationId as string).slice(19)).toMatch(/^[0-9a-f]{2}00-0080[0-9a-f]{8}$/);
    }
  });

  it('a forms sign-in writes Forms then SSO under one correlation id; intranet IPs do not geolocate', () => {
    const byCorrelation = new Map<string, SignInActivity[]>();
    for (const a of sample(adfsSignInLogs)) byCorrelation.set(a.correlationId, [...(byCorrelation.get(a.correlationId) ?? []), a]);
    const pairs = [...byCorrelation.values()].filter((g) => g.length === 2);
    expect(pairs.length).toBeGreaterThan(0);
    for (const [x, y] of pairs) {
      expect(x!.authenticationDetails[0]!.method).toBe('Password');
      expect(y!.authenticationDetails[0]!.method).toBe('Previously satisfied');
      expect(y!.ipAddress).toBe(x!.ipAddress);
    }
    const lan = buildAdfsSignIn({ rng: new Rng('lan'), tenant }, START, { intranet: true });
    expect(lan.ipAddress.startsWith('10.')).toBe(true);
    expect(lan.location.countryOrRegion).toBe('');
    expect(lan.authenticationDetails[0]!.method).toBe('Integrated Windows Authentication');
  });

  it('a tenant without synced users has no AD FS sign-ins', () => {
    // A one-user tenant whose only user is cloud-only.
    let cloudOnly: Tenant | undefined;
    for (let seed = 1; seed < 50 && !cloudOnly; seed++) {
      const t = createTenant({ seed, users: 1 });
      if (!t.user(0).onPremisesSynced) cloudOnly = t;
    }
    expect(cloudOnly).toBeDefined();
    expect(adfsSignInLogs.baseline({ rng: new Rng('x'), tenant: cloudOnly! }, START)).toEqual([]);
  });
});
