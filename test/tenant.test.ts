import { describe, expect, it } from 'vitest';
import { createTenant } from '../src/tenant/tenant.ts';
import { DIRECTORY_ROLES } from '../src/data/directory-roles.ts';

describe('tenant', () => {
  const tenant = createTenant({ seed: 11, users: 2000 });

  it('is reproducible per seed and differs across seeds', () => {
    const again = createTenant({ seed: 11, users: 2000 });
    const other = createTenant({ seed: 12, users: 2000 });
    expect(again.id).toBe(tenant.id);
    expect(again.user(1234)).toEqual(tenant.user(1234));
    expect(other.id).not.toBe(tenant.id);
    expect(other.user(5).userPrincipalName).not.toBe(tenant.user(5).userPrincipalName);
  });

  it('has lower-case UPNs in its verified domains, unique across users', () => {
    const seen = new Set<string>();
    for (let i = 0; i < tenant.memberCount; i++) {
      const u = tenant.user(i);
      expect(u.userPrincipalName).toBe(u.userPrincipalName.toLowerCase());
      expect(tenant.domains).toContain(u.userPrincipalName.split('@')[1]);
      expect(seen.has(u.userPrincipalName)).toBe(false);
      seen.add(u.userPrincipalName);
    }
    expect(tenant.domains.at(-1)).toMatch(/\.onmicrosoft\.com$/);
  });

  it('writes guests with their home UPN in logs and the #EXT# form in the directory', () => {
    const guest = tenant.user(tenant.userCount - 1);
    expect(guest.userType).toBe('Guest');
    expect(guest.homeTenantId).not.toBe(tenant.id);
    expect(tenant.domains).not.toContain(guest.userPrincipalName.split('@')[1]);
    const [local, domain] = guest.userPrincipalName.split('@');
    expect(guest.directoryUpn).toBe(`${local}_${domain}#EXT#@${tenant.initialDomain}`);
  });

  it('geolocates every IP it hands out to the network it came from', () => {
    for (let i = 0; i < 300; i++) {
      const u = tenant.user(i * 5);
      for (const net of [u.homeNetwork, u.mobileNetwork, u.officeLocation.network]) {
        const ip = tenant.ipIn(net, i * 31);
        const back = tenant.networkOfIp(ip);
        expect(back?.id).toBe(net.id);
        expect(back?.geo).toEqual(net.geo);
      }
    }
  });

  it('gives admins real role template ids, the first one Global Administrator', () => {
    expect(tenant.admins[0]!.roles[0]!.templateId).toBe('62e90394-69f5-4237-9190-012177145e10');
    const known = new Set(DIRECTORY_ROLES.map((r) => r.templateId));
    for (const a of tenant.admins) for (const r of a.roles) expect(known.has(r.templateId)).toBe(true);
  });

  it('uses the real app ids of Microsoft first-party apps', () => {
    expect(tenant.app('Microsoft Graph').appId).toBe('00000003-0000-0000-c000-000000000000');
    expect(tenant.app('Azure Portal').appId).toBe('c44b4083-3bb0-49c1-b47d-974e53cbdf3c');
    expect(tenant.app('Microsoft Azure CLI').appId).toBe('04b07795-8ddb-461a-bbee-02f9e1bf7b46');
  });

  it('binds managed identities to Azure resource ids and gives daemon apps credentials', () => {
    expect(tenant.managedIdentities.length).toBeGreaterThan(0);
    for (const mi of tenant.managedIdentities) expect(mi.azureResourceId).toMatch(/^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.[A-Za-z]+\/[A-Za-z]+\/[^/]+$/);
    const daemons = tenant.applications.filter((a) => a.clientKind === 'daemon');
    expect(daemons.length).toBeGreaterThan(0);
    let certs = 0;
    for (const d of daemons) {
      expect(d.credentials.length).toBeGreaterThan(0);
      for (const c of d.credentials) {
        if (c.type !== 'AsymmetricX509Cert') continue;
        expect(c.thumbprint).toMatch(/^[0-9A-F]{40}$/);
        certs++;
      }
    }
    expect(certs).toBeGreaterThan(0);
  });

  it('scales to 500,000 users without holding them', () => {
    const before = process.memoryUsage().heapUsed;
    const big = createTenant({ seed: 3, users: 500_000 });
    for (let i = 0; i < 500_000; i += 997) big.user(i);
    const last = big.user(499_999);
    expect(last.userType).toBe('Guest');
    const grown = process.memoryUsage().heapUsed - before;
    expect(grown).toBeLessThan(150 * 1024 * 1024);
  });

  it('rejects a bad size with a clear message', () => {
    expect(() => createTenant({ seed: 1, users: 0 })).toThrow(/positive integer/);
  });
});
