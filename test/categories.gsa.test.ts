/**
 * Microsoft Graph activity and Global Secure Access family: MicrosoftGraphActivityLogs,
 * NetworkAccessTrafficLogs, RemoteNetworkHealthLogs, EnrichedOffice365AuditLogs.
 * Asserts facts from the reference notes and real records (notes/diagnostic-format.md
 * §A.2–A.4, graph-api.md §10–§11, log-analytics README §3) on rendered output, and
 * validates every record against the derived schemas.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityBase, CategoryModule, JsonObject, RenderContext } from '../src/core/activity.ts';
import { Rng } from '../src/core/random.ts';
import { serializeDiagnostic } from '../src/core/serialize.ts';
import { DAY, envelopeTime } from '../src/core/time.ts';
import { createTenant } from '../src/tenant/tenant.ts';
import type { Tenant } from '../src/tenant/types.ts';
import { laColumns, validateRecord, type SchemaProblem } from '../src/schemas/index.ts';
import { buildGraphActivity, buildGraphBatch, graphActivityLogs, type GraphActivity } from '../src/categories/graph-activity/index.ts';
import { buildNetworkAccessTraffic, networkAccessTrafficLogs, type NetworkAccessTrafficActivity } from '../src/categories/network-access-traffic/index.ts';
import { buildTunnelFlap, remoteNetworkHealthLogs, type RemoteNetworkHealthActivity } from '../src/categories/remote-network-health/index.ts';
import { buildEnrichedM365Audit, enrichedOffice365AuditLogs, type EnrichedM365AuditActivity } from '../src/categories/enriched-office365-audit/index.ts';
import { gsaConfig } from '../src/categories/gsa-shared/config.ts';
import { regionOfNetwork } from '../src/categories/gsa-shared/regions.ts';

const tenant = createTenant({ seed: 7, users: 200 });
const rctx: RenderContext = { tenant, workspaceId: '5f1c3a0e-9d2b-4c71-8e6a-2b7d4f9a1c33' };
const START = Date.UTC(2025, 3, 11, 0, 0, 0);

function generate<A extends ActivityBase>(mod: CategoryModule<A>, t: Tenant, n: number, seed: string): A[] {
  const ctx = { rng: new Rng(seed), tenant: t };
  const out: A[] = [];
  for (let i = 0; i < n; i++) out.push(...mod.baseline(ctx, START + Math.floor((i * DAY) / n) + ((i * 7919) % 1000)));
  return out;
}

/** notes §A.2: 7 fractional digits with trailing zeros kept, or none. */
const ENVELOPE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{7})?Z$/;
const GRAPH_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{0,6}[1-9])?Z$/;
const LA_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** uniqueTokenIdentifier / signInActivityId: 16 bytes base64url, 22 characters. */
const UTI = /^[A-Za-z0-9_-]{22}$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

const laColumnCache = new Map<string, ReturnType<typeof laColumns>>();

/** Every column of the table (hidden `_` columns excluded) with a value of its Kusto type. */
function expectAllColumns(row: JsonObject, table: string): void {
  let cols = laColumnCache.get(table);
  if (!cols) laColumnCache.set(table, (cols = laColumns(table).filter((c) => !c.hidden)));
  const bad: string[] = [];
  for (const c of cols) {
    if (!(c.name in row)) {
      // EnrichedMicrosoft365AuditLogs: Sentinel's definition has a bogus `antId` column.
      if (!(table === 'EnrichedMicrosoft365AuditLogs' && c.name === 'antId')) bad.push(`${c.name} missing`);
      continue;
    }
    const v = row[c.name];
    if (v === null) continue;
    const ok =
      c.type === 'string' ? typeof v === 'string'
      : c.type === 'int' || c.type === 'long' ? Number.isInteger(v)
      : c.type === 'bool' ? typeof v === 'boolean'
      : c.type === 'datetime' ? typeof v === 'string' && LA_TIME.test(v)
      : c.type === 'dynamic' ? typeof v === 'object'
      : true;
    if (!ok) bad.push(`${c.name}: ${JSON.stringify(v)} is not ${c.type}`);
  }
  for (const k of Object.keys(row)) if (k.startsWith('_')) bad.push(`hidden column ${k} emitted`);
  expect(bad, table).toEqual([]);
}

/**
 * Known schema disagreements, each backed by real records (DataDog storage fixtures and
 * SEKOIA parser tests, 2025): the diagnostic schema types MicrosoftGraphActivityLogs
 * `properties.clientAuthMethod` as an integer and `__UDI_RequiredFields_EventTime` as a
 * string, but every real record carries `"clientAuthMethod":"2"` (a string) and
 * `"__UDI_RequiredFields_EventTime":638799492563154034` (a number).
 */
const GRAPH_SCHEMA_DISAGREEMENTS = new Set(['/properties/clientAuthMethod', '/properties/__UDI_RequiredFields_EventTime']);

function schemaProblems(shape: 'diagnostic' | 'graph' | 'loganalytics', key: string, rec: unknown): SchemaProblem[] {
  return validateRecord(shape, key, rec, 'beta').filter(
    (p) => !(key === 'MicrosoftGraphActivityLogs' && shape === 'diagnostic' && GRAPH_SCHEMA_DISAGREEMENTS.has(p.pointer)),
  );
}

describe('MicrosoftGraphActivityLogs', () => {
  const acts = generate(graphActivityLogs, tenant, 400, 'graph');
  const diags = acts.map((a) => graphActivityLogs.toDiagnostic(a, rctx));
  const rows = acts.map((a) => graphActivityLogs.toLogAnalytics(a, rctx));

  it('envelope key order, with tenantId last and no resultType / identity / Level (notes §A.2)', () => {
    for (const d of diags) {
      expect(Object.keys(d)).toEqual([
        'time', 'resourceId', 'operationName', 'operationVersion', 'category', 'resultSignature', 'durationMs',
        'callerIpAddress', 'correlationId', 'level', 'location', 'properties', 'tenantId',
      ]);
    }
  });

  it('envelope values: ALL-CAPS resourceId, API version, HTTP status and duration as strings, level Informational', () => {
    for (const d of diags) {
      const p = d.properties as JsonObject;
      expect(d.resourceId).toBe(`/TENANTS/${tenant.id.toUpperCase()}/PROVIDERS/MICROSOFT.AADIAM`);
      expect(d.operationName).toBe('Microsoft Graph Activity');
      expect(d.operationVersion).toBe(p.apiVersion);
      expect(['v1.0', 'beta']).toContain(d.operationVersion);
      expect(d.resultSignature).toBe(String(p.responseStatusCode));
      expect(typeof d.durationMs).toBe('string');
      expect(d.durationMs).toBe(String(p.durationMs));
      expect(typeof p.durationMs).toBe('number');
      expect(typeof p.responseStatusCode).toBe('number');
      expect(d.level).toBe('Informational');
      expect(d.time).toMatch(ENVELOPE_TIME);
      expect(d.tenantId).toBe(tenant.id);
      expect(d.callerIpAddress).toBe(p.ipAddress);
      expect(d.correlationId).toBe(p.operationId);
      expect(d.location).toBe(p.location);
      // The envelope time is the request time (= properties.timeGenerated, observed).
      expect(Date.parse(d.time as string)).toBe(Date.parse(p.timeGenerated as string));
      expect(p.timeGenerated).toMatch(GRAPH_TIME);
    }
  });

  it('properties: the observed key order, internal __UDI_* and C_* keys, servicePrincipalId xor userId', () => {
    const head = [
      '__UDI_RequiredFields_TenantId', '__UDI_RequiredFields_UniqueId', '__UDI_RequiredFields_EventTime', '__UDI_RequiredFields_RegionScope',
      'timeGenerated', 'location', 'requestId', 'operationId', 'clientRequestId', 'apiVersion', 'requestMethod', 'responseStatusCode',
      'tenantId', 'durationMs', 'responseSizeBytes', 'signInActivityId', 'roles', 'appId', 'UserPrincipalObjectID', 'scopes',
      'identityProvider', 'clientAuthMethod', 'wids', 'C_Idtyp', 'C_Iat', 'ipAddress', 'userAgent', 'requestUri', 'atContentP', 'atContentH',
      'C_Sid', 'C_DeviceId',
    ];
    let apps = 0;
    let users = 0;
    for (const d of diags) {
      const p = d.properties as JsonObject;
      const keys = Object.keys(p);
      expect(keys.slice(0, head.length)).toEqual(head);
      expect(keys[keys.length - 1]).toBe('tokenIssuedAt');
      expect(p.__UDI_RequiredFields_UniqueId).toBe(p.requestId);
      expect(p.__UDI_RequiredFields_TenantId).toBe(tenant.id);
      expect(typeof p.__UDI_RequiredFields_EventTime).toBe('number');
      // .NET ticks of the request time (to the precision of a double).
      const ticks = Date.parse(p.timeGenerated as string) * 10000 + 621355968000000000;
      expect(Math.abs((p.__UDI_RequiredFields_EventTime as number) - ticks)).toBeLessThan(20000);
      if (p.C_Idtyp === 'app') {
        apps++;
        expect(keys[keys.length - 2]).toBe('servicePrincipalId');
        expect('userId' in p).toBe(false);
        expect(p.servicePrincipalId).toBe(p.UserPrincipalObjectID);
        expect(p.scopes).toBe('');
        expect(p.roles).not.toBe('');
        // Every app-only token observed carries this wids value.
        expect(p.wids).toBe('0997a1d0-0d1d-4acb-b408-d5ca73121e90');
        expect(p.identityProvider).toBe(`https://sts.windows.net/${tenant.id}/`);
        expect(p.C_Sid).toBe('');
        expect(p.C_DeviceId).toBe('');
        expect(['1', '2']).toContain(p.clientAuthMethod);
      } else {
        users++;
        expect(p.C_Idtyp).toBe('user');
        expect(keys[keys.length - 2]).toBe('userId');
        expect('servicePrincipalId' in p).toBe(false);
        expect(p.userId).toBe(p.UserPrincipalObjectID);
        expect(p.roles).toBe('');
        expect(p.scopes).not.toBe('');
        const user = tenant.userById(p.userId as string)!;
        expect(user).toBeDefined();
        // Member tokens: the default User role last; no idp claim unless a guest.
        if (user.userType === 'Member') {
          expect((p.wids as string).endsWith('b79fbf4d-3ef9-4689-8143-76b194e85509')).toBe(true);
          expect(p.identityProvider).toBe('');
        } else expect(p.identityProvider).toBe(`https://sts.windows.net/${user.homeTenantId}/`);
        expect(p.C_Sid).toMatch(GUID);
      }
      expect(['0', '1', '2']).toContain(p.clientAuthMethod);
      expect(p.signInActivityId).toMatch(UTI);
      expect(p.tokenIssuedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.0000000Z$/);
      expect(p.C_Iat).toBe(String(Date.parse(p.tokenIssuedAt as string) / 1000));
      expect(Date.parse(p.tokenIssuedAt as string)).toBeLessThan(Date.parse(p.timeGenerated as string));
      expect(p.requestUri).toMatch(new RegExp(`^https://graph\\.microsoft\\.com/${(p.apiVersion as string).replace('.', '\\.')}/`));
      expect(p.__UDI_RequiredFields_RegionScope).toBe('NA');
    }
    expect(apps).toBeGreaterThan(50);
    expect(users).toBeGreaterThan(50);
  });

  it('IPs geolocate consistently and the region is the one serving that network', () => {
    for (const a of acts) {
      const net = tenant.networkOfIp(a.ipAddress);
      expect(net, a.ipAddress).toBeDefined();
      expect(a.location).toBe(regionOfNetwork(net!).displayName);
    }
  });

  it('status mix: mostly 2xx, some 403/404/429, durations in the observed 10^5–10^7 range', () => {
    const by = new Map<number, number>();
    for (const a of acts) by.set(a.responseStatusCode, (by.get(a.responseStatusCode) ?? 0) + 1);
    const ok = (by.get(200) ?? 0) + (by.get(201) ?? 0) + (by.get(202) ?? 0) + (by.get(204) ?? 0);
    expect(ok / acts.length).toBeGreaterThan(0.75);
    expect((by.get(404) ?? 0) + (by.get(403) ?? 0)).toBeGreaterThan(0);
    const d = acts.map((a) => a.durationMs).sort((x, y) => x - y);
    const median = d[d.length >> 1]!;
    expect(median).toBeGreaterThan(1e5);
    expect(median).toBeLessThan(1e7);
    // 4xx bodies are Graph's small error JSON.
    for (const a of acts) if (a.responseStatusCode === 403) expect(a.responseSizeBytes).toBeLessThan(400);
  });

  it('a 403 is a call the token lacks the permission for', () => {
    const rng = new Rng('403');
    const app = tenant.applications.find((x) => x.clientKind === 'daemon' && x.appRoles.length > 0 && !x.appRoles.includes('AuditLog.Read.All'))!;
    const a = buildGraphActivity({ rng, tenant }, START, { app, requestUri: 'auditLogs/signIns', responseStatusCode: 403 });
    const p = graphActivityLogs.toDiagnostic(a, rctx).properties as JsonObject;
    expect(p.requestUri).toBe('https://graph.microsoft.com/v1.0/auditLogs/signIns');
    expect(p.roles as string).not.toContain('AuditLog.Read.All');
  });

  it('$batch: sub-requests share the batch operationId, client request id and token', () => {
    const rng = new Rng('batch');
    const recs = buildGraphBatch({ rng, tenant }, START + 3_600_000, {}, 3);
    expect(recs).toHaveLength(4);
    const batch = recs[recs.length - 1]!;
    expect(batch.requestUri).toBe('https://graph.microsoft.com/v1.0/$batch');
    for (const s of recs.slice(0, -1)) {
      expect(s.operationId).toBe(batch.requestId);
      expect(s.requestId).not.toBe(batch.requestId);
      expect(s.clientRequestId).toBe(batch.clientRequestId);
      expect(s.signInActivityId).toBe(batch.signInActivityId);
      expect(s.responseSizeBytes).toBe(0);
      expect(s.time * 10000 + s.tick).toBeLessThan(batch.time * 10000 + batch.tick);
      expect(graphActivityLogs.toDiagnostic(s, rctx).correlationId).toBe(batch.requestId);
    }
  });

  it('the builder takes the sign-in to correlate with (signInActivityId = uniqueTokenIdentifier)', () => {
    const rng = new Rng('corr');
    const user = tenant.user(3);
    const a = buildGraphActivity({ rng, tenant }, START, { user, signInActivityId: 'k2kDKIAi2S6RmOGAv8g5AA', ipAddress: tenant.ipIn(user.homeNetwork, 9), sessionId: '7c6795fa-074f-405a-b157-531863aaedfc' });
    const p = graphActivityLogs.toDiagnostic(a, rctx).properties as JsonObject;
    expect(p.signInActivityId).toBe('k2kDKIAi2S6RmOGAv8g5AA');
    expect(p.userId).toBe(user.id);
    expect(p.ipAddress).toBe(tenant.ipIn(user.homeNetwork, 9));
    expect(p.C_Sid).toBe('7c6795fa-074f-405a-b157-531863aaedfc');
  });

  it('Log Analytics row: every column, AadTenantId spelling, int columns, plain-string Roles/Scopes/Wids', () => {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const a = acts[i]!;
      expectAllColumns(r, 'MicrosoftGraphActivityLogs');
      expect(r.AadTenantId).toBe(tenant.id);
      expect('AADTenantId' in r).toBe(false);
      expect(r.TenantId).toBe(rctx.workspaceId);
      expect(r.Type).toBe('MicrosoftGraphActivityLogs');
      expect(r.SourceSystem).toBe('Azure AD');
      expect([0, 1, 2]).toContain(r.ClientAuthMethod);
      expect(r.ResponseStatusCode).toBe(a.responseStatusCode);
      expect(r.DurationMs).toBe(a.durationMs);
      expect(typeof r.Roles).toBe('string');
      expect(r.TimeGenerated).toBe(new Date(a.time).toISOString());
    }
  });

  it('has no Graph resource in either version', () => {
    expect(graphActivityLogs.graph).toBeNull();
    expect(graphActivityLogs.toGraph(acts[0]!, 'v1.0', rctx)).toBeUndefined();
    expect(graphActivityLogs.toGraph(acts[0]!, 'beta', rctx)).toBeUndefined();
  });

  it('validates against the schemas', () => {
    for (const d of diags) expect(schemaProblems('diagnostic', 'MicrosoftGraphActivityLogs', d)).toEqual([]);
    for (const r of rows) expect(schemaProblems('loganalytics', 'MicrosoftGraphActivityLogs', r)).toEqual([]);
  });

  it('serialises as one byte-stable line per record, reproducibly per seed', () => {
    const again = generate(graphActivityLogs, tenant, 400, 'graph').map((a) => serializeDiagnostic(graphActivityLogs.toDiagnostic(a, rctx)));
    expect(again).toEqual(diags.map((d) => serializeDiagnostic(d)));
    expect(again[0]!.startsWith('{ "time": "')).toBe(true);
  });
});

const GSA_ENVELOPE = ['time', 'resourceId', 'operationName', 'operationVersion', 'category', 'tenantId', 'durationMs'];

function checkGsaEnvelope(d: JsonObject, category: string): void {
  const keys = Object.keys(d);
  expect(keys.slice(0, GSA_ENVELOPE.length)).toEqual(GSA_ENVELOPE);
  expect(keys.slice(-2)).toEqual(['Level', 'properties']);
  expect(d.time).toMatch(ENVELOPE_TIME);
  expect(d.resourceId).toBe(`/tenants/${tenant.id}/providers/Microsoft.aadiam`);
  expect(d.category).toBe(category);
  expect(d.operationVersion).toBe('1.0');
  expect(d.Level).toBe(4);
  expect(d.durationMs).toBe(0);
  expect('level' in d).toBe(false);
}

describe('NetworkAccessTrafficLogs', () => {
  const acts = generate(networkAccessTrafficLogs, tenant, 300, 'traffic');
  const cfg = gsaConfig(tenant);

  it('exists only with a Global Secure Access licence', () => {
    const noGsa = createTenant({ seed: 7, users: 50, globalSecureAccess: false });
    expect(generate(networkAccessTrafficLogs, noGsa, 20, 'x')).toEqual([]);
    expect(generate(remoteNetworkHealthLogs, noGsa, 20, 'x')).toEqual([]);
    expect(generate(enrichedOffice365AuditLogs, noGsa, 20, 'x')).toEqual([]);
  });

  it('mixes the three traffic profiles, mostly allowed, with some category blocks', () => {
    const types = new Set(acts.map((a) => a.trafficType));
    expect(types).toEqual(new Set(['internet', 'private', 'microsoft365']));
    const blocks = acts.filter((a) => a.action === 'block');
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length / acts.length).toBeLessThan(0.1);
    for (const b of blocks) {
      expect(b.trafficType).toBe('internet');
      expect(b.policyId).toMatch(GUID);
      expect(b.ruleName).not.toBe('');
      expect(b.receivedBytes).toBe(0);
    }
  });

  it('clients: members with a registered device; source IPs from their own networks', () => {
    for (const a of acts) {
      expect(tenant.networkOfIp(a.sourceIp), a.sourceIp).toBeDefined();
      if (a.deviceCategory === 'branch') {
        expect(cfg.remoteNetworks.map((r) => r.id)).toContain(a.remoteNetworkId);
        expect(a.userId).toBe('');
        continue;
      }
      const user = tenant.userById(a.userId)!;
      expect(user.userType).toBe('Member');
      expect(user.devices.map((d) => d.deviceId)).toContain(a.deviceId);
      expect(a.userPrincipalName).toBe(user.userPrincipalName);
      expect(a.agentVersion).not.toBe('');
    }
  });

  it('Microsoft 365 traffic carries the token id; private traffic a connector and app segment', () => {
    for (const a of acts) {
      if (a.trafficType === 'microsoft365' && a.destinationFqdn !== 'login.microsoftonline.com') expect(a.uniqueTokenId).toMatch(UTI);
      if (a.trafficType === 'private') {
        expect(a.destinationIp.startsWith('10.')).toBe(true);
        expect(cfg.connectors.map((c) => c.id)).toContain(a.connectorId);
        expect(a.appSegmentId).toMatch(GUID);
        expect(a.sessionId).toMatch(GUID);
      }
    }
  });

  it('Graph beta resource: CSDL names (destinationFQDN, policyRuleName), enum members, no id; v1.0 has none', () => {
    for (const a of acts) {
      expect(networkAccessTrafficLogs.toGraph(a, 'v1.0', rctx)).toBeUndefined();
      const g = networkAccessTrafficLogs.toGraph(a, 'beta', rctx)!;
      expect('id' in g).toBe(false);
      expect(g.transactionId).toBe(a.transactionId);
      expect(g.destinationFQDN).toBe(a.destinationFqdn);
      expect(g.createdDateTime).toMatch(GRAPH_TIME);
      expect(['block', 'allow']).toContain(g.action);
      expect(['tcp', 'udp']).toContain(g.transportProtocol);
      expect(g.networkProtocol).toBe('ipv4');
      expect(g.tenantId).toBe(tenant.id);
      expect(schemaProblems('graph', 'networkAccessTraffic', g)).toEqual([]);
    }
  });

  it('Log Analytics row: all 95 current columns, Allow/Block, lower-case traffic type', () => {
    for (const a of acts) {
      const r = networkAccessTrafficLogs.toLogAnalytics(a, rctx);
      expectAllColumns(r, 'NetworkAccessTraffic');
      expect(Object.keys(r).length).toBe(laColumns('NetworkAccessTraffic').filter((c) => !c.hidden).length);
      expect(['Allow', 'Block']).toContain(r.Action);
      expect(r.TrafficType).toBe(a.trafficType);
      expect(r.TimeGenerated).toBe(new Date(a.time).toISOString());
      if (a.webCategories.length) expect((r.DestinationWebCategories as string).split(',')[0]).toBe(a.webCategories[0]!.displayName);
      expect(schemaProblems('loganalytics', 'NetworkAccessTraffic', r)).toEqual([]);
    }
  });

  it('diagnostic record: common envelope, properties mirror the table in camelCase', () => {
    for (const a of acts) {
      const d = networkAccessTrafficLogs.toDiagnostic(a, rctx);
      checkGsaEnvelope(d, 'NetworkAccessTrafficLogs');
      const p = d.properties as JsonObject;
      const r = networkAccessTrafficLogs.toLogAnalytics(a, rctx);
      expect(p.transactionId).toBe(r.TransactionId);
      expect(p.destinationFqdn).toBe(r.DestinationFqdn);
      expect(p.aiAgentId).toBe(r.AIAgentId);
      expect('tenantId' in p || 'timeGenerated' in p || 'type' in p).toBe(false);
      expect(d.callerIpAddress).toBe(a.sourceIp);
      expect(schemaProblems('diagnostic', 'NetworkAccessTrafficLogs', d)).toEqual([]);
    }
  });

  it('threat intelligence verdicts block and name the threat', () => {
    const rng = new Rng('ti');
    const a = buildNetworkAccessTraffic({ rng, tenant }, START, { user: tenant.user(5), trafficType: 'internet', threatType: 'Phishing' });
    expect(a.action).toBe('block');
    expect(a.policyName).toBe('Threat intelligence');
    const r = networkAccessTrafficLogs.toLogAnalytics(a, rctx);
    expect(r.ThreatType).toBe('Phishing');
    expect(JSON.parse(r.VendorNames as string)).toEqual(['Microsoft']);
  });
});

describe('RemoteNetworkHealthLogs', () => {
  const acts = generate(remoteNetworkHealthLogs, tenant, 300, 'rn');
  const cfg = gsaConfig(tenant);

  it('one remote network per branch office, tunnel ends at the branch and at Microsoft', () => {
    expect(cfg.remoteNetworks.length).toBe(tenant.namedLocations.length);
    for (const a of acts) {
      const rn = cfg.remoteNetworks.find((r) => r.id === a.remoteNetworkId)!;
      expect(rn).toBeDefined();
      expect(tenant.networkOfIp(a.sourceIp)).toBe(rn.location.network);
      expect(tenant.networkOfIp(a.destinationIp)?.asn).toBe(8075);
    }
  });

  it('statuses are remoteNetworkStatus members; alive events carry counters and routes', () => {
    const statuses = new Set(acts.map((a) => a.status));
    expect(statuses.has('remoteNetworkAlive')).toBe(true);
    for (const a of acts) {
      expect(['tunnelDisconnected', 'tunnelConnected', 'bgpDisconnected', 'bgpConnected', 'remoteNetworkAlive']).toContain(a.status);
      if (a.status === 'remoteNetworkAlive') {
        expect(a.sentBytes).toBeGreaterThan(0);
        expect(a.bgpRoutesAdvertisedCount).toBeGreaterThan(0);
      } else expect(a.sentBytes).toBeNull();
    }
  });

  it('a tunnel outage is logged as disconnect, reconnect, BGP up', () => {
    const recs = buildTunnelFlap({ rng: new Rng('flap'), tenant }, START);
    expect(recs.map((r) => r.status)).toEqual(['tunnelDisconnected', 'tunnelConnected', 'bgpConnected']);
    expect(recs[0]!.description.startsWith('DisconnectReason: ')).toBe(true);
    expect(recs[1]!.description).toBe('ConnectReason: RemotelyTriggered');
    expect(recs[1]!.time).toBeGreaterThan(recs[0]!.time);
  });

  it('renders all three shapes and validates', () => {
    for (const a of acts) {
      const g = remoteNetworkHealthLogs.toGraph(a, 'beta', rctx)!;
      expect(remoteNetworkHealthLogs.toGraph(a, 'v1.0', rctx)).toBeUndefined();
      expect(g['@odata.type']).toBe('#microsoft.graph.networkaccess.remoteNetworkHealthEvent');
      expect(g.createdDateTime).toMatch(GRAPH_TIME);
      expect(schemaProblems('graph', 'remoteNetworkHealthEvent', g)).toEqual([]);
      const r = remoteNetworkHealthLogs.toLogAnalytics(a, rctx);
      expectAllColumns(r, 'RemoteNetworkHealthLogs');
      expect(schemaProblems('loganalytics', 'RemoteNetworkHealthLogs', r)).toEqual([]);
      const d = remoteNetworkHealthLogs.toDiagnostic(a, rctx);
      checkGsaEnvelope(d, 'RemoteNetworkHealthLogs');
      const p = d.properties as JsonObject;
      // Nested datetimes of diagnostic records: trimmed fraction, +00:00 (notes §D.3).
      expect(p.createdDateTime).toMatch(/\+00:00$/);
      expect(schemaProblems('diagnostic', 'RemoteNetworkHealthLogs', d)).toEqual([]);
    }
  });
});

describe('EnrichedOffice365AuditLogs', () => {
  const acts = generate(enrichedOffice365AuditLogs, tenant, 300, 'm365');

  it('SharePoint, OneDrive, Exchange and Teams operations with their record types', () => {
    const workloads = new Set(acts.map((a) => a.workload));
    expect(workloads).toEqual(new Set(['SharePoint', 'OneDrive', 'Exchange', 'MicrosoftTeams']));
    for (const a of acts) {
      if (a.workload === 'SharePoint' || a.workload === 'OneDrive') {
        expect(a.recordType).toBe(6);
        expect(a.objectId.startsWith('https://')).toBe(true);
        expect(a.objectId.startsWith(a.additionalProperties.SiteUrl as string)).toBe(true);
        expect(a.userKey.startsWith('i:0h.f|membership|')).toBe(true);
      }
      if (a.operation === 'MailItemsAccessed') expect(a.recordType).toBe(50);
      if (a.operation === 'Send') expect(a.recordType).toBe(2);
      if (a.workload === 'MicrosoftTeams') expect(a.recordType).toBe(25);
      expect(a.organizationId).toBe(tenant.id);
      expect(a.userId).toBe(a.userId.toLowerCase());
      expect(tenant.networkOfIp(a.sourceIp)).toBeDefined();
      expect(a.uniqueTokenId).toMatch(UTI);
    }
  });

  it('Log Analytics row: every column, AdditionalProperties as a JSON object, RecordType int', () => {
    for (const a of acts) {
      const r = enrichedOffice365AuditLogs.toLogAnalytics(a, rctx);
      expectAllColumns(r, 'EnrichedMicrosoft365AuditLogs');
      expect('antId' in r).toBe(false);
      expect(typeof r.AdditionalProperties).toBe('object');
      expect(Number.isInteger(r.RecordType)).toBe(true);
      expect(schemaProblems('loganalytics', 'EnrichedMicrosoft365AuditLogs', r)).toEqual([]);
      const d = enrichedOffice365AuditLogs.toDiagnostic(a, rctx);
      checkGsaEnvelope(d, 'EnrichedOffice365AuditLogs');
      expect((d.properties as JsonObject).additionalProperties).toEqual(a.additionalProperties);
      expect(schemaProblems('diagnostic', 'EnrichedOffice365AuditLogs', d)).toEqual([]);
      expect(enrichedOffice365AuditLogs.toGraph(a, 'beta', rctx)).toBeUndefined();
    }
  });

  it('correlates with the GSA traffic and the sign-in through the token id', () => {
    const rng = new Rng('join');
    const user = tenant.user(10);
    const uti = 'eRsDc-ds8kuNZ7LLVR4GAQ';
    const ip = tenant.ipIn(user.officeLocation.network, 3);
    const t: NetworkAccessTrafficActivity = buildNetworkAccessTraffic({ rng, tenant }, START, { user, trafficType: 'microsoft365', destinationFqdn: 'outlook.office365.com', uniqueTokenId: uti, sourceIp: ip });
    const e: EnrichedM365AuditActivity = buildEnrichedM365Audit({ rng, tenant }, START + 1000, { user, operation: 'MailItemsAccessed', uniqueTokenId: uti, sourceIp: ip });
    const g: GraphActivity = buildGraphActivity({ rng, tenant }, START + 2000, { user, signInActivityId: uti, ipAddress: ip });
    const tr = networkAccessTrafficLogs.toLogAnalytics(t, rctx);
    const er = enrichedOffice365AuditLogs.toLogAnalytics(e, rctx);
    expect(tr.UniqueTokenId).toBe(uti);
    expect(er.UniqueTokenId).toBe(uti);
    expect(g.signInActivityId).toBe(uti);
    expect(er.SourceIp).toBe(tr.SourceIp);
    expect(er.DeviceId).toBe(tr.DeviceId);
    expect(er.UserId).toBe(tr.UserPrincipalName);
  });
});

describe('envelope time formats across the family', () => {
  it('whole-second events have no fraction (notes §A.2)', () => {
    const rng = new Rng('whole');
    const a: RemoteNetworkHealthActivity = remoteNetworkHealthLogs.baseline({ rng, tenant }, START)[0]!;
    const whole = { ...a, envelopeTime: START, envelopeTick: 0 };
    expect(remoteNetworkHealthLogs.toDiagnostic(whole, rctx).time).toBe(envelopeTime(START, 0));
    expect(remoteNetworkHealthLogs.toDiagnostic(whole, rctx).time).toBe('2025-04-11T00:00:00Z');
  });
});
