import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { camelCaseColumn, deriveSchemas, listFiles, referenceDir } from '../scripts/derive-schemas.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REF = resolve(ROOT, '..', 'shared', 'reference');
const SCHEMAS = join(ROOT, 'schemas');

describe.skipIf(!existsSync(REF))('derive-schemas', () => {
  // Derived only when the reference is there: a skipped describe's body still runs at collection.
  const first = existsSync(REF) ? deriveSchemas(REF) : new Map<string, string>();

  it('is deterministic', () => {
    const second = deriveSchemas(REF);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [k, v] of first) expect(second.get(k), k).toBe(v);
  });

  it('writes 2-space JSON with a trailing newline', () => {
    for (const [k, v] of first) {
      expect(v.endsWith('}\n'), k).toBe(true);
      expect(JSON.stringify(JSON.parse(v), null, 2) + '\n', k).toBe(v);
    }
  });

  it('matches the committed schemas/ (run npm run derive-schemas if this fails)', () => {
    // Only the generated trees: other files in schemas/ (e.g. scenario.schema.json) belong to others.
    const generated = listFiles(SCHEMAS).filter((f) => f === 'index.json' || /^(diagnostic|graph|loganalytics)\//.test(f));
    expect(generated).toEqual([...first.keys()]);
    for (const [k, v] of first) expect(readFileSync(join(SCHEMAS, k), 'utf8'), k).toBe(v);
  });

  it('covers the 16 categories, 16 tables and the Graph entity types', () => {
    const index = JSON.parse(first.get('index.json') ?? '{}') as { schemas: { shape: string; version?: string; entityType?: string }[] };
    expect(index.schemas.filter((e) => e.shape === 'diagnostic')).toHaveLength(16);
    expect(index.schemas.filter((e) => e.shape === 'loganalytics')).toHaveLength(16);
    const graph = (v: string): string[] => index.schemas.filter((e) => e.shape === 'graph' && e.version === v).map((e) => e.entityType ?? '');
    expect(graph('beta')).toHaveLength(12);
    expect(graph('v1.0')).not.toContain('customSecurityAttributeAudit');
    expect(graph('v1.0')).not.toContain('networkAccessTraffic');
    expect(graph('v1.0')).toContain('signIn');
  });

  it('honours CSDL flags enums, nullability and inheritance', () => {
    const signIn = JSON.parse(first.get('graph/beta/signIn.schema.json') ?? '{}');
    expect(signIn.required).toEqual(['id', 'createdDateTime', 'servicePrincipalId', 'userId']);
    expect(signIn.$defs.protocolType['x-flags']).toBe(true);
    expect(signIn.$defs.tokenIssuerType['x-include-unknown-enum-members']).toEqual(['AzureADBackupAuth', 'ADFederationServicesMFAAdapter', 'NPSExtension']);
    const hist = JSON.parse(first.get('graph/v1.0/riskyUserHistoryItem.schema.json') ?? '{}');
    expect(Object.keys(hist.properties)).toEqual(expect.arrayContaining(['id', 'riskLevel', 'userId', 'activity']));
    const traffic = JSON.parse(first.get('graph/beta/networkAccessTraffic.schema.json') ?? '{}');
    expect(traffic['x-key']).toEqual(['transactionId']);
    expect(traffic.properties.id).toBeUndefined();
    expect(traffic.properties.device).toBeUndefined(); // navigation property
  });

  it('LA schemas list columns and require the preferred source', () => {
    const audit = JSON.parse(first.get('loganalytics/AuditLogs.schema.json') ?? '{}');
    expect(audit.required).toContain('TenantId');
    expect(audit.required).not.toContain('_BilledSize');
    expect(audit.properties.Type).toMatchObject({ const: 'AuditLogs' });
    expect(audit['x-columns']).toContainEqual({ name: '_BilledSize', type: 'real', hidden: true });
    expect(audit['x-columns']).toContainEqual({ name: 'InitiatedBy', type: 'dynamic' });
  });
});

describe('camelCaseColumn', () => {
  it('lower-cases the leading capital run', () => {
    expect(camelCaseColumn('SourceIp')).toBe('sourceIp');
    expect(camelCaseColumn('IPAddress')).toBe('ipAddress');
    expect(camelCaseColumn('AIAgentId')).toBe('aiAgentId');
    expect(camelCaseColumn('XForwardedFor')).toBe('xForwardedFor');
    expect(camelCaseColumn('Token3PExpiry')).toBe('token3PExpiry');
    expect(camelCaseColumn('ID')).toBe('id');
  });
});

describe('referenceDir', () => {
  it('defaults to ../shared/reference and honours ENTRASIM_REFERENCE', () => {
    const saved = process.env.ENTRASIM_REFERENCE;
    try {
      delete process.env.ENTRASIM_REFERENCE;
      expect(referenceDir()).toBe(REF);
      process.env.ENTRASIM_REFERENCE = '/elsewhere/reference';
      expect(referenceDir()).toBe('/elsewhere/reference');
    } finally {
      if (saved === undefined) delete process.env.ENTRASIM_REFERENCE;
      else process.env.ENTRASIM_REFERENCE = saved;
    }
  });
});
