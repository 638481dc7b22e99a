/**
 * Identity Protection family: RiskyUsers, UserRiskEvents, RiskyServicePrincipals,
 * ServicePrincipalRiskEvents. Asserts facts from the reference notes and real records
 * (notes/diagnostic-format.md §A.2–A.4, §D; graph-api.md §7–§9; log-analytics README §3)
 * on rendered output, and validates every record against the derived schemas.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityBase, CategoryModule, JsonObject, RenderContext } from '../src/core/activity.ts';
import type { GraphVersion } from '../src/core/categories.ts';
import { Rng } from '../src/core/random.ts';
import { serializeDiagnostic } from '../src/core/serialize.ts';
import { DAY, HOUR, usTime } from '../src/core/time.ts';
import { createTenant } from '../src/tenant/tenant.ts';
import type { Tenant } from '../src/tenant/types.ts';
import { laColumns, validateRecord } from '../src/schemas/index.ts';
import {
  buildRiskyUser,
  buildUserRiskDetection,
  dotnetTicks,
  RISK_DETAILS,
  RISK_LEVELS,
  RISK_STATES,
  riskyServicePrincipals,
  riskyUsers,
  ServicePrincipalRiskStateMachine,
  servicePrincipalRiskEvents,
  toRiskyServicePrincipalHistoryItem,
  toRiskyUserHistoryItem,
  UserRiskStateMachine,
  userRiskEvents,
  type RiskyUserActivity,
  type UserRiskDetectionActivity,
} from '../src/categories/identity-protection/index.ts';
import { DEPRECATED_RISK_EVENT_TYPES } from '../src/data/risk-detections.ts';

const tenant = createTenant({ seed: 7, users: 200 });
const rctx: RenderContext = { tenant, workspaceId: '5f1c3a0e-9d2b-4c71-8e6a-2b7d4f9a1c33' };
const START = Date.UTC(2025, 3, 14, 0, 0, 0);

function generate<A extends ActivityBase>(mod: CategoryModule<A>, t: Tenant, n: number, seed: string): A[] {
  const ctx = { rng: new Rng(seed), tenant: t };
  const out: A[] = [];
  for (let i = 0; i < n; i++) out.push(...mod.baseline(ctx, START + Math.floor((i * DAY) / n) + ((i * 7919) % 1000)));
  return out;
}

const US_TIME = /^(1[0-2]|[1-9])\/(3[01]|[12]\d|[1-9])\/\d{4} (1[0-2]|[1-9]):[0-5]\d:[0-5]\d (AM|PM)$/;
/** notes §A.4: risk properties datetimes: milliseconds, Z, hour not zero-padded. */
const RISK_NESTED = /^\d{4}-\d{2}-\d{2}T(\d|1\d|2[0-3]):\d{2}:\d{2}\.\d{3}Z$/;
const GRAPH_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/;
const LA_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX64 = /^[0-9a-f]{64}$/;
/** notes §A.2: short region or lower-case country. */
const REGION = /^[a-z]{2,4}$/;

/** Parses the US-format envelope time back to epoch ms (UTC). */
function parseUsTime(s: string): number {
  const m = /^(\d+)\/(\d+)\/(\d+) (\d+):(\d+):(\d+) (AM|PM)$/.exec(s)!;
  let h = Number(m[4]) % 12;
  if (m[7] === 'PM') h += 12;
  return Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), h, Number(m[5]), Number(m[6]));
}

function expectValid(shape: 'diagnostic' | 'graph' | 'loganalytics', key: string, record: unknown, version?: GraphVersion): void {
  const problems = validateRecord(shape, key, record, version);
  expect(problems, `${shape} ${key} ${version ?? ''}: ${JSON.stringify(problems)}`).toEqual([]);
}

/** The common risk envelope (notes §A.2–A.3, §D). */
function expectRiskEnvelope(d: JsonObject, category: string, operationName: string, identity: string): void {
  expect(d.time).toMatch(US_TIME);
  expect(d.resourceId).toBe(`/tenants/${tenant.id}/providers/microsoft.aadiam`);
  expect(d.operationName).toBe(operationName);
  expect(d.operationVersion).toBe('1.0');
  expect(d.category).toBe(category);
  expect(d.tenantId).toBe(tenant.id);
  expect('resultType' in d).toBe(false);
  expect('resultDescription' in d).toBe(false);
  expect(d.resultSignature).toBe('None');
  expect(d.durationMs).toBe(0);
  expect(d.identity).toBe(identity.toLowerCase());
  expect(d.Level).toBe('Information');
  expect('level' in d).toBe(false);
  expect(d.location).toMatch(REGION);
}

/** Every visible column of the table, and no other (hidden system columns never emitted). */
function expectAllColumns(row: JsonObject, table: string): void {
  const cols = laColumns(table);
  const visible = cols.filter((c) => !c.hidden).map((c) => c.name).sort();
  expect(Object.keys(row).sort()).toEqual(visible);
  for (const c of cols) {
    if (c.hidden) continue;
    const v = row[c.name];
    switch (c.type) {
      case 'bool':
        expect(typeof v, c.name).toBe('boolean');
        break;
      case 'datetime':
        expect(v, c.name).toMatch(LA_TIME);
        break;
      case 'string':
        expect(typeof v, c.name).toBe('string');
        break;
      case 'dynamic':
        // A JSON value, never JSON text.
        expect(typeof v === 'string', c.name).toBe(false);
        break;
    }
  }
  expect(row.TenantId).toBe(rctx.workspaceId);
  expect(row.Type).toBe(table);
  expect(row.SourceSystem).toBe('Azure AD');
}

describe('RiskyUsers', () => {
  const acts = generate(riskyUsers, tenant, 300, 'risky-users');

  it('writes the envelope of real RiskyUsers records, key for key', () => {
    expect(acts.length).toBe(300);
    for (const a of acts) {
      const d = riskyUsers.toDiagnostic(a, rctx);
      expect(Object.keys(d)).toEqual([
        'time', 'resourceId', 'operationName', 'operationVersion', 'category', 'tenantId', 'resultSignature',
        'durationMs', 'correlationId', 'identity', 'Level', 'location', 'properties',
      ]);
      expectRiskEnvelope(d, 'RiskyUsers', 'Risky user', a.userDisplayName);
      // Real record: correlationId = the user's object id; no callerIpAddress.
      expect(d.correlationId).toBe(a.userId);
      const p = d.properties as JsonObject;
      expect(Object.keys(p)).toEqual([
        'id', 'userDisplayName', 'userPrincipalName', 'riskLastUpdatedDateTime', 'riskState', 'riskDetail', 'riskLevel',
        'isDeleted', 'isProcessing',
      ]);
      expect(p.id).toMatch(GUID);
      expect(p.riskLastUpdatedDateTime).toMatch(RISK_NESTED);
      // The envelope time is riskLastUpdatedDateTime to the second.
      expect(parseUsTime(d.time as string)).toBe(Math.floor(Date.parse((p.riskLastUpdatedDateTime as string).replace(/T(\d):/, 'T0$1:')) / 1000) * 1000);
      expect(RISK_STATES).toContain(p.riskState);
      expect(RISK_LEVELS).toContain(p.riskLevel);
      expect(RISK_DETAILS).toContain(p.riskDetail);
      expectValid('diagnostic', 'RiskyUsers', d);
      // Byte form: `{ "time": ` at the top level, compact properties.
      expect(serializeDiagnostic(d).startsWith('{ "time": "')).toBe(true);
    }
  });

  it('keeps states coherent: closed states carry level none, compromise high', () => {
    const states = new Set(acts.map((a) => a.riskState));
    for (const s of ['atRisk', 'remediated', 'dismissed', 'confirmedCompromised']) expect(states).toContain(s);
    for (const a of acts) {
      if (a.riskState === 'atRisk') {
        expect(['low', 'medium', 'high']).toContain(a.riskLevel);
        expect(a.riskDetail).toBe('none');
      } else if (a.riskState === 'confirmedCompromised') {
        expect(a.riskLevel).toBe('high');
        expect(a.riskDetail).toBe('adminConfirmedUserCompromised');
      } else expect(a.riskLevel).toBe('none');
      if (a.riskState === 'remediated') {
        expect(['userPerformedSecuredPasswordReset', 'userPerformedSecuredPasswordChange', 'userPassedMFADrivenByRiskBasedPolicy', 'adminGeneratedTemporaryPassword', 'userChangedPasswordOnPremises']).toContain(a.riskDetail);
      }
      if (a.riskState === 'dismissed') expect(a.riskDetail).toBe('adminDismissedAllRiskForUser');
    }
  });

  it('never lists B2B guests (their user risk lives in the home tenant)', () => {
    for (const a of acts) expect(tenant.userById(a.userId)?.userType ?? 'Member').toBe('Member');
  });

  it('renders Graph riskyUser in both versions', () => {
    for (const a of acts.slice(0, 80)) {
      for (const v of ['v1.0', 'beta'] as const) {
        const g = riskyUsers.toGraph(a, v, rctx)!;
        expect(Object.keys(g)).toEqual([
          'id', 'isDeleted', 'isProcessing', 'riskLastUpdatedDateTime', 'riskLevel', 'riskState', 'riskDetail',
          'userDisplayName', 'userPrincipalName',
        ]);
        expect(g.riskLastUpdatedDateTime).toMatch(GRAPH_TIME);
        expectValid('graph', 'riskyUser', g, v);
      }
    }
  });

  it('renders every AADRiskyUsers column with its type', () => {
    for (const a of acts) {
      const row = riskyUsers.toLogAnalytics(a, rctx);
      expectAllColumns(row, 'AADRiskyUsers');
      expect(row.Id).toBe(a.userId);
      expect(row.CorrelationId).toBe(a.userId);
      expect(row.OperationName).toBe('Risky user');
      expectValid('loganalytics', 'AADRiskyUsers', row);
    }
  });

  it('renders history items: ids are the user id plus .NET ticks of the change', () => {
    // Microsoft's example: …6d4f14e74c69 + 636901020140973557 for 2019-04-05T23:00:14.0973557Z.
    expect(dotnetTicks(Date.parse('2019-04-05T23:00:14.097Z'), 3557)).toBe('636901020140973557');
    for (const a of acts.slice(0, 50)) {
      for (const v of ['v1.0', 'beta'] as const) {
        const h = toRiskyUserHistoryItem(a, v);
        expect(h.id).toBe(a.userId + dotnetTicks(a.time, a.tick));
        expect(h.userId).toBe(a.userId);
        const act = h.activity as JsonObject;
        expect('eventTypes' in act).toBe(v === 'beta');
        if (a.initiatedBy === null) expect(act.detail).toBeNull();
        expectValid('graph', 'riskyUserHistoryItem', h, v);
      }
      expect(toRiskyUserHistoryItem(a, 'beta', { current: true }).id).toBe(a.userId);
    }
  });
});

describe('UserRiskEvents', () => {
  const acts = generate(userRiskEvents, tenant, 400, 'user-risk-events');

  it('writes the envelope of real UserRiskEvents records', () => {
    let withCaller = 0;
    for (const a of acts) {
      const d = userRiskEvents.toDiagnostic(a, rctx);
      const keys = Object.keys(d);
      const expected = [
        'time', 'resourceId', 'operationName', 'operationVersion', 'category', 'tenantId', 'resultSignature', 'durationMs',
        'correlationId', 'identity', 'Level', 'location', 'properties',
      ];
      if ('callerIpAddress' in d) {
        withCaller++;
        expected.splice(8, 0, 'callerIpAddress');
        expect(d.callerIpAddress).toBe((d.properties as JsonObject).ipAddress);
      }
      expect(keys).toEqual(expected);
      expectRiskEnvelope(d, 'UserRiskEvents', 'User Risk Detection', a.userDisplayName);
      // notes §A.2: the envelope correlationId is the 64-hex detection id.
      expect(d.correlationId).toMatch(HEX64);
      expect(d.correlationId).toBe((d.properties as JsonObject).id);
      expectValid('diagnostic', 'UserRiskEvents', d);
    }
    // "sometimes": some records carry callerIpAddress, most do not.
    expect(withCaller).toBeGreaterThan(0);
    expect(withCaller).toBeLessThan(acts.length);
  });

  it('writes properties in the order and forms of the real 2025 record', () => {
    let unpadded = 0;
    for (const a of acts) {
      const p = userRiskEvents.toDiagnostic(a, rctx).properties as JsonObject;
      expect(Object.keys(p)).toEqual([
        'id', 'requestId', 'correlationId', 'riskType', 'riskEventType', 'riskState', 'riskLevel', 'riskDetail', 'source',
        'detectionTimingType', 'activity', 'ipAddress', 'location', 'activityDateTime', 'detectedDateTime', 'lastUpdatedDateTime',
        'userId', 'userDisplayName', 'userPrincipalName', 'additionalInfo', 'tokenIssuerType', 'resourceTenantId', 'homeTenantId',
        'userType', 'crossTenantAccessType', 'mitreTechniqueId',
      ]);
      for (const k of ['activityDateTime', 'detectedDateTime', 'lastUpdatedDateTime']) {
        expect(p[k]).toMatch(RISK_NESTED);
        if (/T\d:/.test(p[k] as string)) unpadded++;
      }
      // additionalInfo is a JSON-encoded string of Key/Value pairs.
      expect(typeof p.additionalInfo).toBe('string');
      const info = JSON.parse(p.additionalInfo as string) as Array<{ Key: string; Value: unknown }>;
      expect(Array.isArray(info)).toBe(true);
      for (const e of info) expect(Object.keys(e)).toEqual(['Key', 'Value']);
      // riskType is the deprecated enum: generic for types it lacks (real: anomalousToken → generic).
      expect(DEPRECATED_RISK_EVENT_TYPES).toContain(p.riskType);
      expect(p.riskType).toBe(DEPRECATED_RISK_EVENT_TYPES.includes(p.riskEventType as string) ? p.riskEventType : 'generic');
      expect(p.tokenIssuerType === 'AzureAD' || p.tokenIssuerType === 'ADFederationServices').toBe(true);
      expect(p.resourceTenantId).toBeNull();
      expect(['member', 'guest']).toContain(p.userType);
      expect(['realtime', 'nearRealtime', 'offline']).toContain(p.detectionTimingType);
      expect(['signin', 'user']).toContain(p.activity);
      // Event order: activity ≤ detection ≤ last update = envelope time.
      expect(a.activityTime).toBeLessThanOrEqual(a.detectedTime);
      expect(a.detectedTime).toBeLessThanOrEqual(a.time);
      expect(parseUsTime(usTime(a.envelopeTime))).toBe(Math.floor(a.time / 1000) * 1000);
    }
    expect(unpadded).toBeGreaterThan(0);
  });

  it('geolocates every IP through the tenant networks, with altitude', () => {
    let linked = 0;
    for (const a of acts) {
      const p = userRiskEvents.toDiagnostic(a, rctx).properties as JsonObject;
      if (p.ipAddress === null) {
        expect(p.location).toBeNull();
        expect(p.requestId).toBeNull();
        continue;
      }
      linked++;
      const net = tenant.networkOfIp(p.ipAddress as string)!;
      expect(net).toBeDefined();
      const loc = p.location as JsonObject;
      expect(loc.city).toBe(net.geo.city);
      expect(loc.countryOrRegion).toBe(net.geo.countryOrRegion);
      expect((loc.geoCoordinates as JsonObject).altitude).toBe(0);
      expect(p.requestId).toMatch(GUID);
      expect(p.correlationId).toMatch(GUID);
    }
    expect(linked).toBeGreaterThan(acts.length / 2);
  });

  it('puts anonymizedIPAddress on Tor/VPN networks and travel abroad', () => {
    for (const a of acts) {
      if (a.ipAddress === null) continue;
      const net = tenant.networkOfIp(a.ipAddress)!;
      if (a.riskEventType === 'anonymizedIPAddress') expect(['tor', 'vpn']).toContain(net.kind);
      if (a.riskEventType === 'unlikelyTravel' || a.riskEventType === 'mcasImpossibleTravel') {
        expect(net.geo.countryOrRegion).not.toBe(tenant.userById(a.userId)!.homeNetwork.geo.countryOrRegion);
      }
    }
  });

  it('evaluates guests only for real-time sign-in risk, with their home tenant', () => {
    const many = generate(userRiskEvents, createTenant({ seed: 7, users: 200, guestRatio: 0.5 }), 300, 'guests');
    let guests = 0;
    for (const a of many) {
      if (a.userType !== 'guest') {
        expect(a.crossTenantAccessType).toBe('none');
        continue;
      }
      guests++;
      expect(a.activity).toBe('signin');
      expect(a.detectionTimingType).toBe('realtime');
      expect(a.crossTenantAccessType).toBe('b2bCollaboration');
      expect(a.homeTenantId).not.toBe(tenant.id);
    }
    expect(guests).toBeGreaterThan(0);
  });

  it('renders Graph riskDetection: beta adds riskType and mitreTechniqueId, v1.0 does not', () => {
    for (const a of acts.slice(0, 120)) {
      const v1 = userRiskEvents.toGraph(a, 'v1.0', rctx)!;
      const beta = userRiskEvents.toGraph(a, 'beta', rctx)!;
      expect('riskType' in v1).toBe(false);
      expect('mitreTechniqueId' in v1).toBe(false);
      expect(beta.riskType).toBe(a.riskType);
      // No diagnostic-only keys in Graph.
      for (const k of ['homeTenantId', 'userType', 'crossTenantAccessType', 'resourceTenantId']) expect(k in beta).toBe(false);
      for (const g of [v1, beta]) {
        expect(g.detectedDateTime).toMatch(GRAPH_TIME);
        expect(typeof g.additionalInfo).toBe('string');
        if (g.location !== null) expect(((g.location as JsonObject).geoCoordinates as JsonObject).altitude).toBeNull();
      }
      expectValid('graph', 'riskDetection', v1, 'v1.0');
      expectValid('graph', 'riskDetection', beta, 'beta');
    }
  });

  it('renders every AADUserRiskEvents column; AdditionalInfo and Location are dynamic', () => {
    for (const a of acts) {
      const row = userRiskEvents.toLogAnalytics(a, rctx);
      expectAllColumns(row, 'AADUserRiskEvents');
      expect(Array.isArray(row.AdditionalInfo)).toBe(true);
      expect(row.Location === null || typeof row.Location === 'object').toBe(true);
      expect(row.IpAddress).toBe(a.ipAddress ?? '');
      expect(row.CorrelationId).toBe(a.correlationId ?? '');
      expect(row.TimeGenerated).toBe(new Date(a.envelopeTime).toISOString());
      expectValid('loganalytics', 'AADUserRiskEvents', row);
    }
  });

  it('links a detection to a given sign-in', () => {
    const ctx = { rng: new Rng('link'), tenant };
    const user = tenant.user(3);
    const ip = tenant.ipIn(tenant.networks.find((n) => n.kind === 'tor')!, 77);
    const signInTime = START + 5 * HOUR;
    const d = buildUserRiskDetection(ctx, signInTime, {
      user,
      riskEventType: 'anonymizedIPAddress',
      requestId: 'aa8e6ad1-1f2b-4f0e-9a55-3c2d1e0f5a00',
      correlationId: '4b1f6c2e-7d3a-4e8b-9c0d-1a2b3c4d5e6f',
      ipAddress: ip,
      userAgent: user.devices[0]!.userAgent,
      activityTime: signInTime,
    });
    const p = userRiskEvents.toDiagnostic(d, rctx).properties as JsonObject;
    expect(p.requestId).toBe('aa8e6ad1-1f2b-4f0e-9a55-3c2d1e0f5a00');
    expect(p.correlationId).toBe('4b1f6c2e-7d3a-4e8b-9c0d-1a2b3c4d5e6f');
    expect(p.ipAddress).toBe(ip);
    expect((p.location as JsonObject).city).toBe(tenant.networkOfIp(ip)!.geo.city);
    expect(p.userId).toBe(user.id);
    expect(p.activityDateTime).toBe(p.detectedDateTime);
    const info = JSON.parse(p.additionalInfo as string) as Array<{ Key: string; Value: unknown }>;
    expect(info.find((e) => e.Key === 'userAgent')?.Value).toBe(user.devices[0]!.userAgent);
  });
});

describe('licences', () => {
  it('writes no user risk for free tenants and hides details for P1', () => {
    const free = createTenant({ seed: 7, users: 50, licence: 'free' });
    expect(generate(riskyUsers, free, 20, 'f')).toEqual([]);
    expect(generate(userRiskEvents, free, 20, 'f')).toEqual([]);
    const p1 = createTenant({ seed: 7, users: 50, licence: 'p1' });
    const premium = new Set(['unfamiliarFeatures', 'unlikelyTravel', 'anomalousToken', 'maliciousIPAddress', 'passwordSpray', 'mcasImpossibleTravel', 'newCountry']);
    for (const a of generate(userRiskEvents, p1, 200, 'p1')) {
      expect(a.riskLevel).toBe('hidden');
      expect(a.riskDetail).toBe('hidden');
      // Premium detections read "generic" without P2 (reference-risk-event-types.md).
      expect(premium.has(a.riskEventType)).toBe(false);
    }
    for (const a of generate(riskyUsers, p1, 50, 'p1')) expect(a.riskLevel).toBe('hidden');
  });

  it('writes no workload identity risk without Workload Identities Premium', () => {
    const t = createTenant({ seed: 7, users: 50, workloadIdentitiesPremium: false });
    expect(generate(riskyServicePrincipals, t, 20, 'w')).toEqual([]);
    expect(generate(servicePrincipalRiskEvents, t, 20, 'w')).toEqual([]);
  });
});

describe('RiskyServicePrincipals', () => {
  const acts = generate(riskyServicePrincipals, tenant, 200, 'risky-sps');

  it('mirrors the RiskyUsers envelope (no public sample)', () => {
    for (const a of acts) {
      const d = riskyServicePrincipals.toDiagnostic(a, rctx);
      expect(Object.keys(d)).toEqual([
        'time', 'resourceId', 'operationName', 'operationVersion', 'category', 'tenantId', 'resultSignature',
        'durationMs', 'correlationId', 'identity', 'Level', 'location', 'properties',
      ]);
      expectRiskEnvelope(d, 'RiskyServicePrincipals', 'Risky service principal', a.displayName);
      const p = d.properties as JsonObject;
      const app = tenant.applications.find((x) => x.servicePrincipalId === p.id)!;
      expect(app).toBeDefined();
      expect(p.appId).toBe(app.appId);
      expect(p.servicePrincipalType).toBe('Application');
      expect(p.riskLastUpdatedDateTime).toMatch(RISK_NESTED);
      expectValid('diagnostic', 'RiskyServicePrincipals', d);
    }
  });

  it('renders Graph riskyServicePrincipal (beta adds accountEnabled) and history items', () => {
    for (const a of acts.slice(0, 60)) {
      const v1 = riskyServicePrincipals.toGraph(a, 'v1.0', rctx)!;
      const beta = riskyServicePrincipals.toGraph(a, 'beta', rctx)!;
      expect('accountEnabled' in v1).toBe(false);
      expect(beta.accountEnabled).toBe(true);
      expectValid('graph', 'riskyServicePrincipal', v1, 'v1.0');
      expectValid('graph', 'riskyServicePrincipal', beta, 'beta');
      const h1 = toRiskyServicePrincipalHistoryItem(a, 'v1.0');
      const hb = toRiskyServicePrincipalHistoryItem(a, 'beta');
      expect('servicePrincipalId' in h1).toBe(false);
      expect(hb.servicePrincipalId).toBe(a.servicePrincipalId);
      expectValid('graph', 'riskyServicePrincipalHistoryItem', h1, 'v1.0');
      expectValid('graph', 'riskyServicePrincipalHistoryItem', hb, 'beta');
    }
  });

  it('renders every AADRiskyServicePrincipals column', () => {
    for (const a of acts) {
      const row = riskyServicePrincipals.toLogAnalytics(a, rctx);
      expectAllColumns(row, 'AADRiskyServicePrincipals');
      expectValid('loganalytics', 'AADRiskyServicePrincipals', row);
    }
  });
});

describe('ServicePrincipalRiskEvents', () => {
  const acts = generate(servicePrincipalRiskEvents, tenant, 300, 'sp-risk');

  it('mirrors the UserRiskEvents envelope; properties are servicePrincipalRiskDetection', () => {
    for (const a of acts) {
      const d = servicePrincipalRiskEvents.toDiagnostic(a, rctx);
      expectRiskEnvelope(d, 'ServicePrincipalRiskEvents', 'Service Principal Risk Detection', a.servicePrincipalDisplayName);
      expect(d.correlationId).toMatch(HEX64);
      const p = d.properties as JsonObject;
      expect(p.id).toBe(d.correlationId);
      expect(p.activity).toBe('servicePrincipal');
      // All workload detections are offline (concept-workload-identity-risk.md).
      expect(p.detectionTimingType).toBe('offline');
      expect('riskType' in p).toBe(false);
      expect(Array.isArray(p.keyIds)).toBe(true);
      const app = tenant.applications.find((x) => x.servicePrincipalId === p.servicePrincipalId)!;
      expect(p.appId).toBe(app.appId);
      for (const k of p.keyIds as string[]) expect(app.credentials.map((c) => c.keyId)).toContain(k);
      if (p.ipAddress !== null) expect((p.location as JsonObject).city).toBe(tenant.networkOfIp(p.ipAddress as string)!.geo.city);
      else {
        // Microsoft's example: day-granular detection at UTC midnight, no IP, no location.
        expect(p.location).toBeNull();
        expect(p.detectedDateTime).toMatch(/T0:00:00\.000Z$/);
      }
      expectValid('diagnostic', 'ServicePrincipalRiskEvents', d);
    }
  });

  it('renders Graph servicePrincipalRiskDetection in both versions', () => {
    for (const a of acts.slice(0, 80)) {
      const v1 = servicePrincipalRiskEvents.toGraph(a, 'v1.0', rctx)!;
      const beta = servicePrincipalRiskEvents.toGraph(a, 'beta', rctx)!;
      expect('mitreTechniqueId' in v1).toBe(false);
      expect(typeof beta.mitreTechniqueId).toBe('string');
      expectValid('graph', 'servicePrincipalRiskDetection', v1, 'v1.0');
      expectValid('graph', 'servicePrincipalRiskDetection', beta, 'beta');
    }
  });

  it('renders every AADServicePrincipalRiskEvents column; KeyIds dynamic', () => {
    for (const a of acts) {
      const row = servicePrincipalRiskEvents.toLogAnalytics(a, rctx);
      expectAllColumns(row, 'AADServicePrincipalRiskEvents');
      expect(Array.isArray(row.KeyIds)).toBe(true);
      expectValid('loganalytics', 'AADServicePrincipalRiskEvents', row);
    }
  });
});

describe('risk state machines', () => {
  it('drives a user through detect → remediate and rewrites the detection', () => {
    const ctx = { rng: new Rng('machine'), tenant };
    const m = new UserRiskStateMachine(ctx, tenant.user(4));
    const t0 = START + 8 * HOUR;
    const a = m.detect(t0, { riskEventType: 'unfamiliarFeatures', riskLevel: 'medium' });
    const b = m.detect(t0 + HOUR, { riskEventType: 'leakedCredentials', riskLevel: 'high' });
    expect(a.riskyUser!.riskState).toBe('atRisk');
    expect(a.riskyUser!.riskDetail).toBe('none');
    expect(a.riskyUser!.initiatedBy).toBeNull();
    expect(a.riskyUser!.time).toBeGreaterThanOrEqual(a.detections[0]!.detectedTime);
    // User risk follows the worst open detection.
    expect(b.riskyUser!.riskLevel).toBe('high');
    const c = m.remediate(t0 + 2 * HOUR);
    expect(c.riskyUser!.riskState).toBe('remediated');
    expect(c.riskyUser!.riskDetail).toBe('userPerformedSecuredPasswordReset');
    expect(c.riskyUser!.riskLevel).toBe('none');
    expect(c.riskyUser!.initiatedBy).toBe(tenant.user(4).id);
    expect(c.detections.map((d) => d.id)).toEqual([a.detections[0]!.id, b.detections[0]!.id]);
    for (const d of c.detections) {
      expect(d.riskState).toBe('remediated');
      expect(d.riskDetail).toBe('userPerformedSecuredPasswordReset');
      expect(d.time).toBe(t0 + 2 * HOUR);
      const p = userRiskEvents.toDiagnostic(d, rctx).properties as JsonObject;
      expect(p.lastUpdatedDateTime).not.toBe(p.detectedDateTime);
    }
    expect(m.history.length).toBe(3);
    for (const h of m.history) expectValid('graph', 'riskyUserHistoryItem', toRiskyUserHistoryItem(h, 'beta'), 'beta');
  });

  it('confirms compromise with an admin-confirmed detection; dismiss and confirmSafe close it', () => {
    const ctx = { rng: new Rng('machine-2'), tenant };
    const m = new UserRiskStateMachine(ctx, tenant.user(9));
    m.detect(START, { riskEventType: 'anonymizedIPAddress' });
    const admin = tenant.admins[0]!.id;
    const c = m.confirmCompromised(START + HOUR, admin);
    expect(c.riskyUser!.riskState).toBe('confirmedCompromised');
    expect(c.riskyUser!.riskDetail).toBe('adminConfirmedUserCompromised');
    expect(c.riskyUser!.riskLevel).toBe('high');
    expect(c.riskyUser!.initiatedBy).toBe(admin);
    expect(c.detections[0]!.riskEventType).toBe('adminConfirmedUserCompromised');
    expect(c.detections[0]!.requestId).toBeNull();
    const d = m.dismiss(START + 2 * HOUR);
    expect(d.riskyUser!.riskState).toBe('dismissed');
    expect(d.riskyUser!.riskDetail).toBe('adminDismissedAllRiskForUser');
    const m2 = new UserRiskStateMachine(ctx, tenant.user(10));
    m2.detect(START, { riskEventType: 'unlikelyTravel' });
    const s = m2.confirmSafe(START + HOUR);
    expect(s.riskyUser!.riskState).toBe('confirmedSafe');
    expect(s.detections[0]!.riskState).toBe('confirmedSafe');
  });

  it('a detection already closed (MFA remediated) leaves the user state alone', () => {
    const m = new UserRiskStateMachine({ rng: new Rng('m3'), tenant }, tenant.user(12));
    const t = m.detect(START, { riskEventType: 'unfamiliarFeatures', riskState: 'remediated', riskDetail: 'userPassedMFADrivenByRiskBasedPolicy' });
    expect(t.riskyUser).toBeNull();
    expect(m.riskState).toBe('none');
  });

  it('drives a service principal through detect → confirm compromised → dismiss', () => {
    const ctx = { rng: new Rng('sp-machine'), tenant };
    const app = tenant.applications.find((a) => a.credentials.length > 0)!;
    const m = new ServicePrincipalRiskStateMachine(ctx, app);
    const a = m.detect(START, { riskEventType: 'leakedCredentials' });
    expect(a.riskyServicePrincipal!.riskState).toBe('atRisk');
    expect(a.detections[0]!.keyIds.length).toBe(1);
    const c = m.confirmCompromised(START + HOUR);
    expect(c.riskyServicePrincipal!.riskDetail).toBe('adminConfirmedServicePrincipalCompromised');
    expect(c.detections[0]!.riskEventType).toBe('adminConfirmedServicePrincipalCompromised');
    const d = m.dismiss(START + 2 * HOUR);
    expect(d.riskyServicePrincipal!.riskDetail).toBe('adminDismissedAllRiskForServicePrincipal');
    expect(d.detections.map((x) => x.id)).toEqual([a.detections[0]!.id]);
    for (const h of m.history) expectValid('graph', 'riskyServicePrincipalHistoryItem', toRiskyServicePrincipalHistoryItem(h, 'v1.0'), 'v1.0');
  });
});

describe('determinism', () => {
  it('renders the same bytes for the same seed', () => {
    const a = generate(userRiskEvents, tenant, 20, 'same').map((x) => serializeDiagnostic(userRiskEvents.toDiagnostic(x, rctx)));
    const b = generate(userRiskEvents, tenant, 20, 'same').map((x) => serializeDiagnostic(userRiskEvents.toDiagnostic(x, rctx)));
    expect(a).toEqual(b);
    const u1: RiskyUserActivity = buildRiskyUser({ rng: new Rng('x'), tenant }, START);
    const u2: RiskyUserActivity = buildRiskyUser({ rng: new Rng('x'), tenant }, START);
    expect(u1).toEqual(u2);
    const d: UserRiskDetectionActivity = buildUserRiskDetection({ rng: new Rng('y'), tenant }, START);
    expect(d.id).toMatch(HEX64);
  });
});
