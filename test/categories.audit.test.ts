/**
 * Audit family: AuditLogs, CustomSecurityAttributeAuditLogs, ProvisioningLogs. Asserts facts
 * from the reference (notes/diagnostic-format.md §A.2–A.5, §D; graph-api.md §4–§6;
 * log-analytics README §3; the real 2025 AuditLogs records and the Elastic provisioning
 * samples) on rendered output, and validates every record against the derived schemas.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityBase, CategoryModule, Json, JsonObject, RenderContext } from '../src/core/activity.ts';
import type { GraphVersion } from '../src/core/categories.ts';
import { Rng } from '../src/core/random.ts';
import { serializeDiagnostic } from '../src/core/serialize.ts';
import { DAY, laTime } from '../src/core/time.ts';
import { createTenant } from '../src/tenant/tenant.ts';
import { laColumns, validateRecord, type SchemaProblem } from '../src/schemas/index.ts';
import { auditLogs, buildAuditEvent, type DirectoryAuditActivity } from '../src/categories/audit/index.ts';
import { buildCustomSecurityAttributeAudit, customSecurityAttributeAuditLogs } from '../src/categories/custom-security-attribute-audit/index.ts';
import { buildProvisioningEvent, provisioningLogs, type ProvisioningActivity } from '../src/categories/provisioning/index.ts';
import { AUDIT_ACTIVITIES } from '../src/data/audit-activities.ts';

const tenant = createTenant({ seed: 7, users: 200 });
const rctx: RenderContext = { tenant, workspaceId: '5f1c3a0e-9d2b-4c71-8e6a-2b7d4f9a1c33' };
const START = Date.UTC(2026, 1, 10, 0, 0, 0);

function generate<A extends ActivityBase>(mod: CategoryModule<A>, n: number, seed: string): A[] {
  const ctx = { rng: new Rng(seed), tenant };
  const out: A[] = [];
  for (let i = 0; i < n; i++) out.push(...mod.baseline(ctx, START + Math.floor((i * DAY) / n) + ((i * 7919) % 1000)));
  return out;
}

const ENVELOPE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{7})?Z$/;
const NESTED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?\+00:00$/;
const GRAPH_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/;
const LA_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const GUIDISH = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The instant of a 7-digit time string, to the 100 ns. */
function instant(s: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|\+00:00)$/.exec(s)!;
  return `${m[1]}.${(m[2] ?? '').padEnd(7, '0')}`;
}

const obj = (v: Json | undefined): JsonObject => v as JsonObject;
const arr = (v: Json | undefined): JsonObject[] => v as JsonObject[];

function expectValid(problems: SchemaProblem[], what: string): void {
  expect(problems, `${what}: ${JSON.stringify(problems.slice(0, 3))}`).toEqual([]);
}

/** Envelope keys in Entra's order (notes §A.2: AuditLogs lacks resultType and location). */
const AUDIT_ENVELOPE = ['time', 'resourceId', 'operationName', 'operationVersion', 'category', 'tenantId', 'resultSignature', 'resultDescription', 'durationMs', 'callerIpAddress', 'correlationId', 'identity', 'Level', 'properties'];
/** 2025 properties order as the real Datadog records carry it (notes §A.4). */
const AUDIT_PROPERTIES = ['tenantId', 'resultType', 'resultDescription', 'operationName', 'identity', 'tenantGeo', 'id', 'category', 'correlationId', 'result', 'resultReason', 'activityDisplayName', 'activityDateTime', 'loggedByService', 'operationType', 'userAgent', 'initiatedBy', 'targetResources', 'additionalDetails'];
const PROVISIONING_ENVELOPE = ['time', 'resourceId', 'operationName', 'operationVersion', 'category', 'tenantId', 'resultType', 'resultDescription', 'durationMs', 'correlationId', 'identity', 'Level', 'properties'];

function inOrder(keys: string[], order: string[]): boolean {
  let last = -1;
  for (const k of keys) {
    const i = order.indexOf(k);
    if (i <= last) return false;
    last = i;
  }
  return true;
}

describe('AuditLogs', () => {
  const acts = generate(auditLogs, 300, 'audit-test');
  const diags = acts.map((a) => auditLogs.toDiagnostic(a, rctx));

  it('writes the catalogue the brief asks for, byte for byte', () => {
    const names = new Set<string>(AUDIT_ACTIVITIES.map((r) => r.name));
    for (const n of [
      'Add user', 'Update user', 'Delete user', 'Restore user', 'Disable account', 'Reset user password', 'Change user password',
      'Add member to group', 'Remove member from group', 'Add group', 'Add member to role', 'Remove member from role',
      'Add eligible member to role in PIM completed (permanent)', 'Add eligible member to role in PIM completed (timebound)',
      'Add member to role completed (PIM activation)', 'Add application', 'Add service principal', 'Add service principal credentials',
      'Consent to application', 'Add delegated permission grant', 'Add app role assignment to service principal',
      'Invite external user', 'Redeem external user invite', 'Add conditional access policy', 'Update conditional access policy',
      'Add named location', 'User registered security info', 'User deleted security info', 'User registered all required security info',
      'Reset password (self-service)', 'Register device', 'Add device', 'Update device', 'Update StsRefreshTokenValidFrom Timestamp',
      'Set Company Information',
    ]) expect(names.has(n), n).toBe(true);
    // OTRF row: en dash and a trailing blank.
    expect(names.has('Update application \u2013 Certificates and secrets management ')).toBe(true);
  });

  it('mixes like a real tenant: service updates and memberships dominate, admin changes are rare', () => {
    const count = (n: string): number => acts.filter((a) => a.activityDisplayName === n).length;
    expect(count('Update user')).toBeGreaterThan(acts.length * 0.2);
    expect(count('Add member to role') + count('Add application')).toBeLessThan(acts.length * 0.05);
    expect(new Set(acts.map((a) => a.activityDisplayName)).size).toBeGreaterThan(20);
  });

  it('envelope: key order, no resultType/location, resultSignature None, durationMs 0, Level 4', () => {
    for (const d of diags) {
      expect(inOrder(Object.keys(d), AUDIT_ENVELOPE), Object.keys(d).join()).toBe(true);
      expect(d).not.toHaveProperty('resultType');
      expect(d).not.toHaveProperty('location');
      expect(d).not.toHaveProperty('level');
      expect(d.resultSignature).toBe('None');
      expect(d.durationMs).toBe(0);
      expect(d.Level).toBe(4);
      expect(d.operationVersion).toBe('1.0');
      expect(d.category).toBe('AuditLogs');
      expect(d.resourceId).toBe(`/tenants/${tenant.id}/providers/Microsoft.aadiam`);
      expect(serializeDiagnostic(d).startsWith('{ "time": "')).toBe(true);
    }
  });

  it('time == activityDateTime (no delay); nested +00:00; whole-second Authentication Methods events have no fraction', () => {
    let whole = 0;
    for (const d of diags) {
      const p = obj(d.properties);
      expect(d.time).toMatch(ENVELOPE_TIME);
      expect(p.activityDateTime).toMatch(NESTED_TIME);
      expect(instant(String(d.time))).toBe(instant(String(p.activityDateTime)));
      if (p.loggedByService === 'Authentication Methods') {
        expect(d.time).toMatch(/:\d{2}Z$/);
        expect(p.activityDateTime).toMatch(/:\d{2}\+00:00$/);
        whole++;
      }
    }
    expect(whole).toBeGreaterThan(0);
  });

  it('properties: 2025 form, operationName = activityDisplayName, id format, JSON-encoded modified values', () => {
    for (const d of diags) {
      const p = obj(d.properties);
      expect(inOrder(Object.keys(p), AUDIT_PROPERTIES), Object.keys(p).join()).toBe(true);
      expect(Object.keys(p).slice(0, 6)).toEqual(['tenantId', 'resultType', 'resultDescription', 'operationName', 'identity', 'tenantGeo']);
      expect(p.tenantId).toBe(tenant.id);
      expect(p.resultType).toBe('');
      expect(p.tenantGeo).toBe('NA');
      expect(d.operationName).toBe(p.activityDisplayName);
      expect(p.operationName).toBe(p.activityDisplayName);
      expect(p.resultDescription).toBe(p.resultReason);
      expect(d.correlationId).toBe(p.correlationId);
      expect(['success', 'failure']).toContain(p.result);
      // Directory_<correlationId>_<5 chars>_<digits>; other services use their own prefix.
      const prefix = p.loggedByService === 'Core Directory' ? 'Directory' : p.loggedByService === 'Self-service Password Management' ? 'SSPR' : String(p.loggedByService);
      expect(String(p.id)).toMatch(new RegExp(`^${prefix}_${p.correlationId}_[A-Z0-9]{5}_\\d{7,8}$`));
      if (p.resultDescription) expect(d.resultDescription).toBe(p.resultDescription);
      else expect(d).not.toHaveProperty('resultDescription');
      expect(p.identity).toBe(d.identity ?? '');
      for (const t of arr(p.targetResources)) {
        expect(t.administrativeUnits).toEqual([]);
        for (const m of arr(t.modifiedProperties)) {
          for (const v of [m.oldValue, m.newValue]) {
            if (v !== null) expect(() => JSON.parse(String(v)), `${p.activityDisplayName} ${m.displayName} ${v}`).not.toThrow();
          }
        }
      }
    }
  });

  it('initiatedBy is user or app; IPs geolocate to tenant networks; services act from Microsoft', () => {
    for (const d of diags) {
      const p = obj(d.properties);
      const i = obj(p.initiatedBy);
      const keys = Object.keys(i);
      expect(keys.length).toBe(1);
      if (keys[0] === 'user') {
        const u = obj(i.user);
        expect(Object.keys(u)).toEqual(['id', 'displayName', 'userPrincipalName', 'ipAddress', 'roles']);
        // Lower-case UPNs; guests keep the upper-case #EXT# marker.
        expect(String(u.userPrincipalName).replace('#EXT#', '#ext#')).toBe(String(u.userPrincipalName).toLowerCase());
        expect(tenant.userById(String(u.id))).toBeDefined();
      } else {
        const a = obj(i.app);
        expect(Object.keys(a)).toEqual(['appId', 'displayName', 'servicePrincipalId', 'servicePrincipalName']);
        expect(a.servicePrincipalId).toMatch(GUID);
        if (a.appId === null) expect(tenant.networkOfIp(String(d.callerIpAddress))?.asn).toBe(8075);
      }
      if (d.callerIpAddress !== undefined) expect(tenant.networkOfIp(String(d.callerIpAddress))).toBeDefined();
    }
  });

  it('self-service password events carry no caller IP or identity, and the user has no name or IP', () => {
    const sspr = acts.filter((a) => a.loggedByService === 'Self-service Password Management');
    expect(sspr.length).toBeGreaterThan(0);
    for (const a of sspr) {
      const d = auditLogs.toDiagnostic(a, rctx);
      expect(d).not.toHaveProperty('callerIpAddress');
      expect(d).not.toHaveProperty('identity');
      const u = obj(obj(obj(d.properties).initiatedBy).user);
      expect(u.displayName).toBeNull();
      expect(u.ipAddress).toBe('');
      expect(String(obj(d.properties).id).startsWith('SSPR_')).toBe(true);
    }
  });

  it('consent phishing: forced consent to an unknown app for offline_access Mail.Read', () => {
    const ctx = { rng: new Rng('consent'), tenant };
    const recs = buildAuditEvent(ctx, START, { activity: 'Consent to application', target: { user: 12, app: 'Mail Helper Pro' }, scopes: ['offline_access', 'Mail.Read'], adminConsent: false });
    const consent = recs.find((r) => r.activityDisplayName === 'Consent to application')!;
    const grant = recs.find((r) => r.activityDisplayName === 'Add delegated permission grant')!;
    expect(grant.correlationId).toBe(consent.correlationId);
    const d = auditLogs.toDiagnostic(consent, rctx);
    const p = obj(d.properties);
    expect(p.category).toBe('ApplicationManagement');
    expect(p.operationType).toBe('Assign');
    expect(obj(obj(p.initiatedBy).user).userPrincipalName).toBe(tenant.user(12).directoryUpn);
    const t = arr(p.targetResources)[0]!;
    expect(t.type).toBe('ServicePrincipal');
    expect(t.displayName).toBe('Mail Helper Pro');
    const mods = new Map(arr(t.modifiedProperties).map((m) => [m.displayName, m.newValue]));
    expect(mods.get('ConsentContext.IsAdminConsent')).toBe('"False"');
    expect(JSON.parse(String(mods.get('ConsentAction.Permissions')))).toContain('Scope:  offline_access Mail.Read');
    expect(JSON.parse(String(mods.get('ConsentAction.Permissions')))).toContain(`PrincipalId: ${tenant.user(12).id}`);
    const appId = arr(p.additionalDetails).find((x) => x.key === 'AppId')!.value;
    expect(mods.get('TargetId.ServicePrincipalNames')).toBe(JSON.stringify(appId));
    // The grant names Microsoft Graph's service principal in this tenant.
    expect(grant.targetResources[0]!.id).toBe(tenant.app('Microsoft Graph').servicePrincipalId);
  });

  it('role assignment outside PIM and PIM activation', () => {
    const ctx = { rng: new Rng('roles'), tenant };
    const [direct] = buildAuditEvent(ctx, START, { activity: 'Add member to role', initiator: { user: 0 }, target: { user: 40, role: 'Global Administrator' } });
    expect(direct!.loggedByService).toBe('Core Directory');
    expect(direct!.auditCategory).toBe('RoleManagement');
    const mods = new Map(direct!.targetResources[0]!.modifiedProperties.map((m) => [m.displayName, m.newValue]));
    expect(mods.get('Role.TemplateId')).toBe('"62e90394-69f5-4237-9190-012177145e10"');
    expect(mods.get('Role.DisplayName')).toBe('"Global Administrator"');
    expect(direct!.targetResources[1]!.type).toBe('Role');

    const pim = buildAuditEvent(ctx, START, { activity: 'Add member to role completed (PIM activation)', target: { user: 1, role: 'Security Administrator' }, justification: 'IR-4411' });
    const done = pim.find((r) => r.activityDisplayName === 'Add member to role completed (PIM activation)')!;
    expect(done.loggedByService).toBe('PIM');
    expect(done.id.startsWith(`PIM_${done.correlationId}_`)).toBe(true);
    expect(done.resultReason).toBe('IR-4411');
    expect(done.targetResources.map((t) => t.type)).toEqual(['Role', 'Request', 'User', 'Directory', 'Other']);
    expect(done.targetResources[0]!.id).toBe('194ae4cb-b126-40b2-bd5b-6091b380977d');
    expect(done.targetResources[2]!.id).toBe(tenant.user(1).id);
    const byPim = pim.find((r) => r.activityDisplayName === 'Add member to role')!;
    expect(byPim.initiatedBy).toMatchObject({ kind: 'app', displayName: 'MS-PIM', appId: null });
    expect(pim.some((r) => r.activityDisplayName === 'Add member to role requested (PIM activation)')).toBe(true);
    for (let i = 1; i < pim.length; i++) expect(pim[i]!.time).toBeGreaterThanOrEqual(pim[i - 1]!.time);
  });

  it('forces result, reason and correlation id on the primary record only', () => {
    const ctx = { rng: new Rng('force'), tenant };
    const recs = buildAuditEvent(ctx, START, { activity: 'Change password (self-service)', target: { user: 5 }, result: 'failure', resultReason: 'User account is locked', correlationId: '0b6f1c3e-3f5a-4a8b-9c1d-2e3f4a5b6c7d' });
    const primary = recs.find((r) => r.activityDisplayName === 'Change password (self-service)')!;
    expect(primary.result).toBe('failure');
    expect(primary.correlationId).toBe('0b6f1c3e-3f5a-4a8b-9c1d-2e3f4a5b6c7d');
    for (const r of recs) if (r !== primary) expect(r.result).toBe('success');
  });

  it('Graph: v1.0 declares fewer properties than beta; no diagnostic-only keys', () => {
    for (const a of acts.slice(0, 120)) {
      const v1 = auditLogs.toGraph(a, 'v1.0', rctx)!;
      const beta = auditLogs.toGraph(a, 'beta', rctx)!;
      for (const g of [v1, beta]) {
        expect(g.activityDateTime).toMatch(GRAPH_TIME);
        for (const k of ['tenantGeo', 'resultType', 'operationName', 'identity', 'tenantId']) expect(g).not.toHaveProperty(k);
        for (const t of arr(g.targetResources)) {
          expect(t).not.toHaveProperty('administrativeUnits');
          expect(Object.keys(t)).toEqual(['id', 'displayName', 'type', 'userPrincipalName', 'groupType', 'modifiedProperties']);
        }
        expect(Object.keys(obj(g.initiatedBy))).toEqual(['app', 'user']);
      }
      expect(v1).not.toHaveProperty('userAgent');
      expect(v1).not.toHaveProperty('performedBy');
      expect(beta).toHaveProperty('userAgent');
      const u1 = obj(v1.initiatedBy).user;
      if (u1) expect(Object.keys(obj(u1))).toEqual(['id', 'displayName', 'userPrincipalName', 'ipAddress']);
    }
  });

  it('Log Analytics: every column, table types, dynamic columns as JSON values', () => {
    // UserAgent is allowed by the schema only because both sample exports carry it, next to other
    // query-computed columns (InitiatingUserOrApp, keyEvents…): not a column of the table itself.
    const cols = laColumns('AuditLogs').filter((c) => !c.hidden && c.name !== 'UserAgent');
    for (const a of acts.slice(0, 150)) {
      const row = auditLogs.toLogAnalytics(a, rctx);
      for (const c of cols) expect(row, c.name).toHaveProperty(c.name);
      for (const k of Object.keys(row)) expect(k.startsWith('_')).toBe(false);
      expect(row.Type).toBe('AuditLogs');
      expect(row.TenantId).toBe(rctx.workspaceId);
      expect(row.AADTenantId).toBe(tenant.id);
      expect(row.SourceSystem).toBe('Azure AD');
      expect(row.Level).toBe('4');
      expect(row.OperationName).toBe(row.ActivityDisplayName);
      expect(row.Category).toBe(a.auditCategory);
      expect(row.TimeGenerated).toBe(laTime(a.envelopeTime));
      expect(row.ActivityDateTime).toMatch(LA_TIME);
      expect(typeof row.InitiatedBy).toBe('object');
      expect(Array.isArray(row.TargetResources)).toBe(true);
      expect(Array.isArray(row.AdditionalDetails)).toBe(true);
      expect(row.DurationMs).toBe(0);
    }
  });

  it('validates against the derived schemas (diagnostic, Graph v1.0/beta, Log Analytics)', () => {
    for (const [i, a] of acts.entries()) {
      expectValid(validateRecord('diagnostic', 'AuditLogs', diags[i]), `diag ${a.activityDisplayName}`);
      expectValid(validateRecord('loganalytics', 'AuditLogs', auditLogs.toLogAnalytics(a, rctx)), `la ${a.activityDisplayName}`);
      for (const v of ['v1.0', 'beta'] as GraphVersion[]) expectValid(validateRecord('graph', 'directoryAudit', auditLogs.toGraph(a, v, rctx), v), `graph ${v} ${a.activityDisplayName}`);
    }
  });

  it('is reproducible per seed', () => {
    const again = generate(auditLogs, 300, 'audit-test').map((a) => serializeDiagnostic(auditLogs.toDiagnostic(a, rctx)));
    const first = acts.map((a) => serializeDiagnostic(auditLogs.toDiagnostic(a, rctx)));
    expect(again).toEqual(first);
  });
});

describe('CustomSecurityAttributeAuditLogs', () => {
  const acts: DirectoryAuditActivity[] = generate(customSecurityAttributeAuditLogs, 120, 'csa-test');

  it('AttributeManagement, Core Directory, envelope mirroring AuditLogs', () => {
    for (const a of acts) {
      const d = customSecurityAttributeAuditLogs.toDiagnostic(a, rctx);
      expect(inOrder(Object.keys(d), AUDIT_ENVELOPE)).toBe(true);
      expect(d.category).toBe('CustomSecurityAttributeAuditLogs');
      expect(d).not.toHaveProperty('resultType');
      const p = obj(d.properties);
      expect(p.category).toBe('AttributeManagement');
      expect(p.loggedByService).toBe('Core Directory');
      expect(d.time).toMatch(ENVELOPE_TIME);
      expect(instant(String(d.time))).toBe(instant(String(p.activityDateTime)));
      expect(arr(p.additionalDetails)[0]!.key).toBe('User-Agent');
    }
    const names = new Set(acts.map((a) => a.activityDisplayName));
    expect(names.has('Update attribute values assigned to a user')).toBe(true);
  });

  it('Graph: beta only, directoryAudit minus performedBy', () => {
    for (const a of acts) {
      expect(customSecurityAttributeAuditLogs.toGraph(a, 'v1.0', rctx)).toBeUndefined();
      const g = customSecurityAttributeAuditLogs.toGraph(a, 'beta', rctx)!;
      expect(g).not.toHaveProperty('performedBy');
      expect(g).toHaveProperty('userAgent');
      expectValid(validateRecord('graph', 'customSecurityAttributeAudit', g, 'beta'), 'graph beta');
    }
  });

  it('LA row: its own columns (no Category; CallerIpAddress, UserAgent), schema-valid', () => {
    const cols = laColumns('AADCustomSecurityAttributeAuditLogs').filter((c) => !c.hidden);
    for (const a of acts) {
      const row = customSecurityAttributeAuditLogs.toLogAnalytics(a, rctx);
      for (const c of cols) expect(row, c.name).toHaveProperty(c.name);
      expect(row).not.toHaveProperty('Category');
      expect(row.Type).toBe('AADCustomSecurityAttributeAuditLogs');
      expect(row.CallerIpAddress).toBe(a.callerIpAddress);
      expectValid(validateRecord('loganalytics', 'AADCustomSecurityAttributeAuditLogs', row), 'la');
      expectValid(validateRecord('diagnostic', 'CustomSecurityAttributeAuditLogs', customSecurityAttributeAuditLogs.toDiagnostic(a, rctx)), 'diag');
    }
  });

  it('forces the assignment a story needs', () => {
    const [a] = buildCustomSecurityAttributeAudit({ rng: new Rng('csa'), tenant }, START, {
      activity: 'Update attribute values assigned to a user',
      target: { user: 9 },
      attributeSet: 'Security',
      attribute: 'Clearance',
      value: 'High',
    });
    expect(a!.targetResources[0]!.id).toBe(tenant.user(9).id);
    expect(a!.targetResources[0]!.modifiedProperties[0]!.newValue).toBe('"High"');
  });
});

describe('ProvisioningLogs', () => {
  const acts: ProvisioningActivity[] = generate(provisioningLogs, 250, 'prov-test');
  const diags = acts.map((a) => provisioningLogs.toDiagnostic(a, rctx));

  it('envelope: Provisioning activity, resultType Success/Skipped/Failure, no resultSignature, real duration, identity = record id', () => {
    const types = new Set<string>();
    for (const [i, d] of diags.entries()) {
      const p = obj(d.properties);
      expect(inOrder(Object.keys(d), PROVISIONING_ENVELOPE), Object.keys(d).join()).toBe(true);
      for (const k of ['resultSignature', 'callerIpAddress', 'location', 'level']) expect(d).not.toHaveProperty(k);
      expect(d.operationName).toBe('Provisioning activity');
      expect(d.category).toBe('ProvisioningLogs');
      expect(d.Level).toBe(4);
      types.add(String(d.resultType));
      expect(d.identity).toBe(p.id);
      expect(d.correlationId).toBe(p.changeId);
      expect(typeof d.durationMs).toBe('number');
      expect(d.durationMs).toBeGreaterThan(0);
      expect(d.durationMs).toBe(p.durationInMilliseconds);
      expect(d.time).toMatch(ENVELOPE_TIME);
      // properties datetimes end in Z here [obs, Elastic raw sample].
      expect(p.activityDateTime).toMatch(GRAPH_TIME);
      expect(instant(String(d.time))).toBe(instant(String(p.activityDateTime)));
      expect(acts[i]!.envelopeTime).toBe(acts[i]!.time);
    }
    expect(types).toEqual(new Set(['Success', 'Skipped', 'Failure']));
  });

  it('properties: PascalCase nested Id/Name/Type/Status, numeric step enums, consistent status', () => {
    const statusInfo: Record<string, number> = { Success: 0, Failure: 1, Skipped: 2 };
    for (const d of diags) {
      const p = obj(d.properties);
      expect(Object.keys(obj(p.servicePrincipal))).toEqual(['Id', 'Name']);
      expect(Object.keys(obj(p.initiatedBy))).toEqual(['Type', 'Id', 'Name']);
      expect(Object.keys(obj(p.sourceSystem))).toEqual(['details', 'Id', 'Name']);
      expect(Object.keys(obj(p.targetIdentity))).toEqual(['identityType', 'details', 'Id', 'Name']);
      expect(obj(p.provisioningStatusInfo).Status).toBe(String(d.resultType).toLowerCase());
      expect(obj(p.statusInfo).Status).toBe(statusInfo[String(d.resultType)]);
      if (d.resultType === 'Failure') expect(obj(obj(p.provisioningStatusInfo).errorInformation).errorCode).toBeTruthy();
      else expect(obj(p.provisioningStatusInfo).errorInformation).toBeNull();
      for (const s of arr(p.provisioningSteps)) {
        expect([0, 1, 2, 3, 4, 5]).toContain(s.provisioningStepType);
        expect([0, 1, 2, 3]).toContain(s.status);
      }
      expect(p.provisioningAction).toBe(String(p.action).toLowerCase());
      // jobId: <template>.<tenant id without dashes>.<guid>.
      expect(String(p.jobId)).toMatch(new RegExp(`^[A-Za-z0-9]+\\.${tenant.id.replace(/-/g, '')}\\.[0-9a-f-]{36}$`));
      expect(p.id).toMatch(GUIDISH);
      expect(p.cycleId).toMatch(GUID);
    }
  });

  it('outbound jobs provision tenant users from Azure Active Directory', () => {
    const outbound = diags.map((d) => obj(d.properties)).filter((p) => obj(p.sourceSystem).Name === 'Azure Active Directory');
    expect(outbound.length).toBeGreaterThan(0);
    for (const p of outbound) {
      const src = obj(p.sourceIdentity);
      const user = tenant.userById(String(src.Id))!;
      expect(user).toBeDefined();
      expect(obj(src.details).UserPrincipalName).toBe(user.userPrincipalName);
      expect(obj(obj(p.targetSystem).details).ServicePrincipalId).toBe(obj(p.servicePrincipal).Id);
    }
  });

  it('Graph: camelCase, enum member names, initiatorType; beta adds action and statusInfo', () => {
    for (const a of acts.slice(0, 100)) {
      const v1 = provisioningLogs.toGraph(a, 'v1.0', rctx)!;
      const beta = provisioningLogs.toGraph(a, 'beta', rctx)!;
      expect(v1).not.toHaveProperty('action');
      expect(v1).not.toHaveProperty('statusInfo');
      expect(beta.action).toBe(a.action);
      expect(obj(v1.initiatedBy).initiatorType).toBe('system');
      expect(Object.keys(obj(v1.servicePrincipal))).toEqual(['id', 'displayName']);
      for (const s of arr(v1.provisioningSteps)) expect(['import', 'scoping', 'matching', 'processing', 'referenceResolution', 'export']).toContain(s.provisioningStepType);
      for (const v of ['v1.0', 'beta'] as GraphVersion[]) expectValid(validateRecord('graph', 'provisioningObjectSummary', provisioningLogs.toGraph(a, v, rctx), v), `graph ${v}`);
    }
  });

  it('LA row: every column; object-valued columns are JSON strings', () => {
    const cols = laColumns('AADProvisioningLogs').filter((c) => !c.hidden);
    for (const a of acts) {
      const row = provisioningLogs.toLogAnalytics(a, rctx);
      for (const c of cols) expect(row, c.name).toHaveProperty(c.name);
      for (const k of ['InitiatedBy', 'ModifiedProperties', 'ProvisioningSteps', 'ServicePrincipal', 'SourceIdentity', 'TargetIdentity', 'TargetSystem', 'ProvisioningStatusInfo', 'StatusInfo']) {
        expect(typeof row[k], k).toBe('string');
        expect(() => JSON.parse(String(row[k]))).not.toThrow();
      }
      expect(JSON.parse(String(row.SourceIdentity))).toHaveProperty('Id');
      expect(row.ResultType).toMatch(/^(Success|Skipped|Failure)$/);
      expect(row.TenantId).toBe(rctx.workspaceId);
      expect(row.AADTenantId).toBe(tenant.id);
      expectValid(validateRecord('loganalytics', 'AADProvisioningLogs', row), 'la');
    }
  });

  it('diagnostic records validate, numeric step types and statuses included', () => {
    for (const d of diags) expectValid(validateRecord('diagnostic', 'ProvisioningLogs', d), 'diag');
  });

  it('builder spec forces connector, action, result, user and error', () => {
    const [a] = buildProvisioningEvent({ rng: new Rng('prov'), tenant }, START, {
      connector: 'workday-ad',
      action: 'create',
      user: 33,
      error: { code: 'AzureActiveDirectoryDuplicateUserPrincipalName', reason: 'dup' },
    });
    expect(a!.status).toBe('failure');
    expect(a!.error?.errorCode).toBe('AzureActiveDirectoryDuplicateUserPrincipalName');
    expect(a!.sourceSystem.name).toBe('Workday');
    expect(a!.targetSystem.name).toBe('Active Directory');
    expect(a!.jobId.startsWith('Workday2AD.')).toBe(true);
    expect(a!.sourceIdentity.name).toBe(tenant.user(33).displayName);
    const d = provisioningLogs.toDiagnostic(a!, rctx);
    expect(d.resultType).toBe('Failure');
    expect(d.resultDescription).toBe('dup');
    const [s] = buildProvisioningEvent({ rng: new Rng('prov2'), tenant }, START, { connector: 'slack', result: 'skipped', skipReason: 'NotEffectivelyEntitled' });
    expect(s!.steps.at(-1)!.details.SkipReason).toBe('NotEffectivelyEntitled');
  });
});
