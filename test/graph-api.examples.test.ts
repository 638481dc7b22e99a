/**
 * Microsoft's documented example requests (../shared/reference/graph/example-*.json), asked
 * of entrasim's Graph API filled by the scenario engine: the responses have the examples'
 * shape — the collection wrapper and every property the example item shows — except the
 * documented slips of the examples themselves (graph/README.md: stale or misspelt keys,
 * annotations the live service does not send).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntrasimHandlers, type EntrasimHandlers } from '../src/msw.ts';

const GRAPH_REF = resolve(fileURLToPath(new URL('../', import.meta.url)), '..', 'shared', 'reference', 'graph');
const server = setupServer();
let entrasim: EntrasimHandlers;
let token = '';

interface Case {
  readonly file: string;
  readonly path: (e: EntrasimHandlers) => Promise<string> | string;
  /** Example keys the live service does not send (documented in graph/README.md). */
  readonly stale?: ReadonlyArray<string>;
}

type Page = { '@odata.context'?: string; value: Array<Record<string, unknown>> };

async function get(url: string): Promise<Page> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, prefer: 'include-unknown-enum-members' } });
  expect(res.status, url).toBe(200);
  return (await res.json()) as Page;
}

const CASES: ReadonlyArray<Case> = [
  { file: 'example-v1.0-signIns-list.json', path: () => 'https://graph.microsoft.com/v1.0/auditLogs/signIns?$top=1' },
  { file: 'example-v1.0-signIns-list-filter.json', path: () => "https://graph.microsoft.com/v1.0/auditLogs/signIns?$filter=startsWith(appDisplayName,'Microsoft')&$top=10" },
  // Beta example: documented duplicate keys and newer properties aside, the same set.
  { file: 'example-beta-signIns-list.json', path: () => 'https://graph.microsoft.com/beta/auditLogs/signIns?$top=5', stale: ['authenticationMethodsUsed', 'homeTenantName', 'mfaDetail', 'signInIdentifier', 'signInIdentifierType', 'azureResourceId'] },
  { file: 'example-v1.0-directoryAudits-list.json', path: () => 'https://graph.microsoft.com/v1.0/auditLogs/directoryAudits?$top=5' },
  {
    file: 'example-v1.0-directoryAudits-filter-initiatedBy.json',
    path: async () => {
      const some = await get('https://graph.microsoft.com/v1.0/auditLogs/directoryAudits?$top=50');
      const withUser = some.value.find((a) => (a.initiatedBy as { user?: { id?: string } | null }).user?.id);
      const id = (withUser!.initiatedBy as { user: { id: string } }).user.id;
      return `https://graph.microsoft.com/v1.0/auditLogs/directoryAudits?$filter=initiatedBy/user/id eq '${id}'`;
    },
  },
  // Documented slip: `initiatingType` (the schema's property is `initiatorType`).
  { file: 'example-v1.0-provisioning-list-success.json', path: () => 'https://graph.microsoft.com/v1.0/auditLogs/provisioning?$top=5', stale: ['initiatedBy.initiatingType'] },
  { file: 'example-v1.0-riskDetections-list.json', path: () => 'https://graph.microsoft.com/v1.0/identityProtection/riskDetections', stale: ['@odata.type'] },
  { file: 'example-v1.0-riskyUsers-list.json', path: () => 'https://graph.microsoft.com/v1.0/identityProtection/riskyUsers', stale: ['@odata.type'] },
  { file: 'example-v1.0-riskyServicePrincipals-list.json', path: () => 'https://graph.microsoft.com/v1.0/identityProtection/riskyServicePrincipals' },
  { file: 'example-v1.0-servicePrincipalRiskDetections-list.json', path: () => 'https://graph.microsoft.com/v1.0/identityProtection/servicePrincipalRiskDetections', stale: ['@odata.type'] },
  { file: 'example-beta-customSecurityAttributeAudits-list.json', path: () => 'https://graph.microsoft.com/beta/auditLogs/customSecurityAttributeAudits' },
  // Stale example: `policy`/`policyRule` objects are `policyId`/`policyRuleId`/… in the current schema.
  { file: 'example-beta-networkAccess-logs-traffic-list.json', path: () => 'https://graph.microsoft.com/beta/networkAccess/logs/traffic?$top=5', stale: ['policy', 'policyRule'] },
  { file: 'example-beta-networkAccess-logs-remoteNetworks-list.json', path: () => 'https://graph.microsoft.com/beta/networkAccess/logs/remoteNetworks', stale: ['@odata.type'] },
  {
    file: 'example-beta-riskyUsers-history-list.json',
    path: async () => {
      const users = await get('https://graph.microsoft.com/beta/identityProtection/riskyUsers');
      return `https://graph.microsoft.com/beta/identityProtection/riskyUsers/${String(users.value[0]!.id)}/history`;
    },
  },
];

beforeAll(async () => {
  entrasim = createEntrasimHandlers({ generate: { seed: 31, count: 12_000, start: '2025-06-02T00:00:00Z', users: 400 }, faults: { throttling: false } });
  server.use(...entrasim.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const collector = { ...entrasim.collector!, graphRoles: [...entrasim.collector!.graphRoles] };
  token = (await entrasim.tokens.issue(collector, 'https://graph.microsoft.com/.default')).accessToken;
});
afterAll(() => server.close());

describe.skipIf(!existsSync(GRAPH_REF))("Microsoft's example requests", () => {
  it.each(CASES.map((c) => [c.file, c] as const))('%s', async (file, c) => {
    const example = JSON.parse(readFileSync(join(GRAPH_REF, file), 'utf8')) as Page | Array<Record<string, unknown>>;
    const items = Array.isArray(example) ? example : example.value;
    const page = await get(await c.path(entrasim));
    // The wrapper: a context naming the collection (the beta CSA example is a bare array,
    // a documented docs slip), and items.
    expect(page['@odata.context']).toMatch(/^https:\/\/graph\.microsoft\.com\/(v1\.0|beta)\/\$metadata#/);
    expect(page.value.length, file).toBeGreaterThan(0);
    const ours = new Set(page.value.flatMap((v) => Object.keys(v)));
    const missing = Object.keys(items[0]!).filter((k) => !ours.has(k) && !(c.stale ?? []).includes(k));
    expect(missing, file).toEqual([]);
    // Nested objects have the example's members too (deviceDetail, status, location, initiatedBy…).
    for (const [key, value] of Object.entries(items[0]!)) {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || (c.stale ?? []).includes(key)) continue;
      const nested = page.value.map((v) => v[key]).find((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) as Record<string, unknown> | undefined;
      if (!nested) continue;
      const wanted = Object.keys(value).filter((k) => !(k in nested) && !(c.stale ?? []).includes(`${key}.${k}`));
      expect(wanted, `${file} ${key}`).toEqual([]);
    }
  });
});
