import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateRecord, type GraphVersion, type SchemaProblem } from '../src/schemas/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GRAPH = resolve(ROOT, '..', 'shared', 'reference', 'graph');

function items(file: string): unknown[] {
  const doc = JSON.parse(readFileSync(join(GRAPH, file), 'utf8')) as unknown;
  return Array.isArray(doc) ? doc : ((doc as { value: unknown[] }).value ?? []);
}

function problems(file: string, entityType: string, version: GraphVersion): SchemaProblem[][] {
  return items(file).map((it) => validateRecord('graph', entityType, it, version));
}

/** Pointer -> first words of the message, for compact assertions. */
function summary(ps: SchemaProblem[]): string[] {
  return ps.map((p) => p.pointer).sort();
}

// Microsoft's documentation examples (reference/graph/README.md §2): every real resource example
// validates, or fails exactly for the deviations that README lists.
describe.skipIf(!existsSync(GRAPH))('Graph schemas vs Microsoft examples', () => {
  it.each([
    ['example-v1.0-signIns-list.json', 'signIn', 'v1.0'],
    ['example-v1.0-signIns-list-filter.json', 'signIn', 'v1.0'],
    ['example-v1.0-directoryAudits-filter-initiatedBy.json', 'directoryAudit', 'v1.0'],
    ['example-v1.0-provisioning-list-failure.json', 'provisioningObjectSummary', 'v1.0'],
    ['example-v1.0-riskyServicePrincipals-list.json', 'riskyServicePrincipal', 'v1.0'],
    ['example-beta-riskyUsers-history-list.json', 'riskyUserHistoryItem', 'beta'],
    ['example-beta-customSecurityAttributeAudits-list.json', 'customSecurityAttributeAudit', 'beta'],
  ] as const)('%s validates as %s (%s)', (file, entityType, version) => {
    for (const ps of problems(file, entityType, version)) expect(ps).toEqual([]);
  });

  it('beta signIns: only incomingTokenType "Primary Refresh Token" is rejected (member is primaryRefreshToken)', () => {
    const [ps] = problems('example-beta-signIns-list.json', 'signIn', 'beta');
    expect(summary(ps)).toEqual(['/incomingTokenType']);
    expect(ps[0].message).toContain('"Primary Refresh Token"');
    const fixed = { ...(items('example-beta-signIns-list.json')[0] as object), incomingTokenType: 'primaryRefreshToken' };
    expect(validateRecord('graph', 'signIn', fixed, 'beta')).toEqual([]);
    // flags enum: a comma-separated combination is valid, an unknown member is not
    expect(validateRecord('graph', 'signIn', { ...fixed, incomingTokenType: 'primaryRefreshToken,saml20' }, 'beta')).toEqual([]);
  });

  it('v1.0 directoryAudits: only the capital-T "Type" in targetResources is rejected', () => {
    const [ps] = problems('example-v1.0-directoryAudits-list.json', 'directoryAudit', 'v1.0');
    expect(summary(ps)).toEqual(['/targetResources/0/Type', '/targetResources/1/Type']);
  });

  it('v1.0 provisioning success: only provisioningStepType "Import"/"Export" are rejected (initiatingType is allowed: initiator is an open type)', () => {
    const [ps] = problems('example-v1.0-provisioning-list-success.json', 'provisioningObjectSummary', 'v1.0');
    expect(summary(ps)).toEqual(['/provisioningSteps/0/provisioningStepType', '/provisioningSteps/1/provisioningStepType']);
  });

  it('v1.0 riskDetections: only tokenIssuerType "Azure Active Directory" is rejected', () => {
    for (const ps of problems('example-v1.0-riskDetections-list.json', 'riskDetection', 'v1.0')) {
      expect(summary(ps)).toEqual(['/tokenIssuerType']);
    }
  });

  it('v1.0 servicePrincipalRiskDetections: only the malformed lastUpdatedDateTime ("…Z)") is rejected', () => {
    for (const ps of problems('example-v1.0-servicePrincipalRiskDetections-list.json', 'servicePrincipalRiskDetection', 'v1.0')) {
      expect(summary(ps)).toEqual(['/lastUpdatedDateTime']);
    }
  });

  it('v1.0 riskyUsers: the type template ("Boolean", "String") is rejected', () => {
    const [ps] = problems('example-v1.0-riskyUsers-list.json', 'riskyUser', 'v1.0');
    expect(summary(ps)).toEqual(['/isDeleted', '/isProcessing', '/riskDetail', '/riskLastUpdatedDateTime', '/riskLevel', '/riskState']);
  });

  it('beta traffic: only the stale fields (action "allowed", TCP/IPv4, policy objects) are rejected', () => {
    for (const ps of problems('example-beta-networkAccess-logs-traffic-list.json', 'networkAccessTraffic', 'beta')) {
      expect(summary(ps)).toEqual(['/action', '/networkProtocol', '/policy', '/policyRule', '/transportProtocol']);
    }
  });

  it('beta remoteNetworks: only status "alive" is rejected; @odata.type annotations are allowed', () => {
    const all = problems('example-beta-networkAccess-logs-remoteNetworks-list.json', 'remoteNetworkHealthEvent', 'beta');
    const bad = all.filter((ps) => ps.length > 0);
    expect(bad).toHaveLength(1);
    expect(summary(bad[0])).toEqual(['/status']);
  });
});

describe('Graph schema rules', () => {
  const base = { id: 'a', createdDateTime: '2021-06-30T16:34:32Z', userId: 'u', servicePrincipalId: '' };
  it('requires non-nullable properties and rejects null for them', () => {
    expect(validateRecord('graph', 'signIn', base)).toEqual([]);
    const { userId: _drop, ...noUser } = base;
    expect(validateRecord('graph', 'signIn', noUser).map((p) => p.pointer)).toEqual(['/userId']);
    expect(validateRecord('graph', 'signIn', { ...base, userId: null }).map((p) => p.pointer)).toEqual(['/userId']);
  });
  it('accepts 0-7 fraction digits with Z only', () => {
    for (const t of ['2021-06-30T16:34:32Z', '2021-06-30T16:34:32.1Z', '2020-03-13T19:15:41.6195833Z']) {
      expect(validateRecord('graph', 'signIn', { ...base, createdDateTime: t })).toEqual([]);
    }
    for (const t of ['2021-06-30T16:34:32.12345678Z', '2021-06-30T16:34:32+00:00', '2021-06-30 16:34:32Z']) {
      expect(validateRecord('graph', 'signIn', { ...base, createdDateTime: t })).not.toEqual([]);
    }
  });
  it('allows @-annotations, rejects unknown properties on closed types, accepts extras on open types', () => {
    expect(validateRecord('graph', 'signIn', { ...base, '@odata.type': '#microsoft.graph.signIn' })).toEqual([]);
    expect(validateRecord('graph', 'signIn', { ...base, foo: 1 }).map((p) => p.pointer)).toEqual(['/foo']);
    const audit = {
      id: 'x',
      activityDateTime: '2024-01-07T19:02:30.433478Z',
      activityDisplayName: 'Update user',
      category: 'UserManagement',
      initiatedBy: { user: { id: 'u', userType: 'Member', homeTenantId: 't' } },
    };
    expect(validateRecord('graph', 'directoryAudit', audit, 'v1.0')).toEqual([]);
    expect(validateRecord('graph', 'directoryAudit', { ...audit, initiatedBy: { user: null, bogus: 1 } }, 'v1.0').map((p) => p.pointer)).toEqual([
      '/initiatedBy/bogus',
    ]);
  });
  it('lists evolvable enum members after unknownFutureValue', () => {
    expect(validateRecord('graph', 'signIn', { ...base, tokenIssuerType: 'NPSExtension' })).toEqual([]);
    expect(validateRecord('graph', 'signIn', { ...base, riskLevelAggregated: 'severe' }).map((p) => p.pointer)).toEqual(['/riskLevelAggregated']);
  });
});
