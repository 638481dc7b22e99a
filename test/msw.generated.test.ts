/**
 * `entrasim/msw` filled from the scenario engine: what the in-process Graph API serves
 * is what `generate --shape graph` writes for the same seed and window.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSync } from '../src/engine/generate.ts';
import { createEntrasimHandlers, type EntrasimHandlers } from '../src/msw.ts';
import { collectAll } from './graph-api.client.ts';
import { validateRecord } from '../src/schemas/index.ts';

const OPTIONS = { seed: 21, count: 4000, start: '2025-06-02T00:00:00Z', users: 300 } as const;
const server = setupServer();
let entrasim: EntrasimHandlers;

beforeAll(() => {
  entrasim = createEntrasimHandlers({ generate: OPTIONS, faults: { throttling: false } });
  server.use(...entrasim.handlers);
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());

describe('createEntrasimHandlers({ generate })', () => {
  it('serves exactly the generated directory audits and interactive sign-ins, with the same bodies', async () => {
    const generated = [...generateSync({ ...OPTIONS, shape: 'graph' })];
    const job = (path: string, version: 'v1.0' | 'beta') => ({
      tenantId: entrasim.tokens.tenantId,
      clientId: entrasim.collector!.clientId,
      clientSecret: entrasim.collectorSecret!,
      graphBaseUrl: 'https://graph.microsoft.com/',
      version,
      path,
      top: 500,
    });
    const audits = await collectAll(job('/auditLogs/directoryAudits', 'beta'));
    const expectedAudits = generated.filter((r) => r.category === 'AuditLogs').map((r) => String(r.record.id));
    expect(expectedAudits.length).toBeGreaterThan(10);
    expect(new Set(audits.ids)).toEqual(new Set(expectedAudits));
    const signIns = await collectAll(job('/auditLogs/signIns', 'beta'));
    const expectedSignIns = generated.filter((r) => r.category === 'SignInLogs').map((r) => String(r.record.id));
    expect(expectedSignIns.length).toBeGreaterThan(10);
    expect(new Set(signIns.ids)).toEqual(new Set(expectedSignIns));
    const { accessToken } = await entrasim.tokens.issue(entrasim.collector!, 'https://graph.microsoft.com/.default');
    const sample = generated.find((r) => r.category === 'AuditLogs')!;
    const item = await fetch(`https://graph.microsoft.com/beta/auditLogs/directoryAudits/${String(sample.record.id)}`, {
      headers: { authorization: `Bearer ${accessToken}`, prefer: 'include-unknown-enum-members' },
    });
    const { ['@odata.context']: _context, ...body } = (await item.json()) as Record<string, unknown>;
    expect(body).toEqual(sample.record);
  });

  it('every object served by every collection validates against the Graph schemas of its version', async () => {
    const { accessToken } = await entrasim.tokens.issue(entrasim.collector!, 'https://graph.microsoft.com/.default');
    const collections: Array<[string, string, ReadonlyArray<'v1.0' | 'beta'>]> = [
      ['auditLogs/signIns', 'signIn', ['v1.0', 'beta']],
      ['auditLogs/directoryAudits', 'directoryAudit', ['v1.0', 'beta']],
      ['auditLogs/provisioning', 'provisioningObjectSummary', ['v1.0', 'beta']],
      ['auditLogs/customSecurityAttributeAudits', 'customSecurityAttributeAudit', ['beta']],
      ['identityProtection/riskyUsers', 'riskyUser', ['v1.0', 'beta']],
      ['identityProtection/riskDetections', 'riskDetection', ['v1.0', 'beta']],
      ['identityProtection/riskyServicePrincipals', 'riskyServicePrincipal', ['v1.0', 'beta']],
      ['identityProtection/servicePrincipalRiskDetections', 'servicePrincipalRiskDetection', ['v1.0', 'beta']],
      ['networkAccess/logs/traffic', 'networkAccessTraffic', ['beta']],
      ['networkAccess/logs/remoteNetworks', 'remoteNetworkHealthEvent', ['beta']],
    ];
    let checked = 0;
    for (const [path, entity, versions] of collections) {
      for (const version of versions) {
        let url: string | undefined = `https://graph.microsoft.com/${version}/${path}`;
        let pages = 0;
        const before = checked;
        while (url && pages++ < 50) {
          const res = await fetch(url, { headers: { authorization: `Bearer ${accessToken}`, prefer: 'include-unknown-enum-members' } });
          expect(res.status, `${version} ${path}`).toBe(200);
          const page = (await res.json()) as { '@odata.context': string; '@odata.nextLink'?: string; value: Array<Record<string, unknown>> };
          expect(page['@odata.context']).toBe(`https://graph.microsoft.com/${version}/$metadata#${path}`);
          for (const item of page.value) {
            expect(validateRecord('graph', entity, item, version), `${version} ${entity}`).toEqual([]);
            checked++;
          }
          url = page['@odata.nextLink'];
        }
        // Every page was walked (the 50-page guard did not cut the collection short) and the
        // collection was not empty, so every collection really was checked.
        expect(url, `${version} ${path}: more than 50 pages`).toBeUndefined();
        expect(checked - before, `${version} ${path}`).toBeGreaterThan(0);
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
