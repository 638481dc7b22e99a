/**
 * Builds a seeded tenant. Users (and their devices) are derived from (seed, index) on
 * demand and cached in a bounded map, so memory stays flat from 5 to 500,000+ users.
 */
import { Rng, stableUuid } from '../core/random.ts';
import type { Licence } from '../core/activity.ts';
import { CITIES, DEPARTMENTS, JOB_TITLES, type CityRow } from '../data/geography.ts';
import { DIRECTORY_ROLES } from '../data/directory-roles.ts';
import { FIRST_PARTY_APPS, MICROSOFT_TENANT_ID } from '../data/first-party-apps.ts';
import { createNameSource, firstName, lastName } from './names.ts';
import { planNetworks } from './networks.ts';
import { buildApplications, buildManagedIdentities, firstPartyApplications } from './applications.ts';
import { buildDevices } from './devices.ts';
import { CONDITIONAL_ACCESS_POLICIES } from './policies.ts';
import type {
  Application,
  ConditionalAccessPolicy,
  DirectoryRole,
  Group,
  NamedLocation,
  Network,
  Tenant,
  TenantOptions,
  User,
} from './types.ts';

const DEFAULT_COUNTRIES: ReadonlyArray<readonly [string, number]> = [
  ['US', 50],
  ['GB', 14],
  ['DE', 10],
  ['IN', 10],
  ['CA', 6],
  ['FR', 5],
  ['AU', 5],
];

/** Users kept in memory at once; recomputing one costs a few microseconds. */
const USER_CACHE_SIZE = 20_000;

/** Fixed reference date for "created" timestamps, so output never depends on the clock. */
const EPOCH_2026 = Date.UTC(2026, 0, 1);

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function createTenant(options: TenantOptions): Tenant {
  const seed = String(options.seed);
  if (!Number.isInteger(options.users) || options.users < 1) {
    throw new RangeError(`tenant users must be a positive integer, got ${options.users}`);
  }
  const names = createNameSource(seed);
  const rng = new Rng(`${seed}/tenant`);
  const id = stableUuid(`${seed}/tenant-id`);
  const name =
    options.name ??
    names
      .reseed('tenant')
      .company.name()
      .split(/[\s,&-]+/)
      .filter((w) => /^[A-Za-z]+$/.test(w) && w !== 'and')
      .slice(0, 2)
      .join(' ');
  const nameSlug = slug(name).slice(0, 24) || 'contoso';
  const initialDomain = `${nameSlug}.onmicrosoft.com`;
  const customDomains = options.domains && options.domains.length > 0 ? options.domains.map((d) => d.toLowerCase()) : [`${nameSlug}.com`];
  const domains = [...customDomains.filter((d) => d !== initialDomain), initialDomain];
  const licence: Licence = options.licence ?? 'p2';
  const guestRatio = options.guestRatio ?? 0.05;
  const userCount = options.users;
  const memberCount = Math.max(1, userCount - Math.floor(userCount * guestRatio));

  const countries = options.countries ?? DEFAULT_COUNTRIES;
  const officeCities: CityRow[] = [];
  for (const [country] of countries) {
    const city = CITIES.find((c) => c.country === country.toUpperCase());
    if (!city) throw new RangeError(`unknown country code in tenant country mix: ${country}`);
    officeCities.push(city);
  }
  const plan = planNetworks(seed, name, officeCities);
  const officeByCountry = new Map<string, NamedLocation>(
    plan.namedLocations.map((loc) => [loc.network.geo.countryOrRegion, loc]),
  );
  const byPrefix = new Map<string, Network>();
  for (const net of plan.networks) {
    byPrefix.set(net.ipv4Prefix, net);
    if (net.ipv6Prefix) byPrefix.set(net.ipv6Prefix, net);
  }

  const roles: DirectoryRole[] = DIRECTORY_ROLES.map((r) => ({ ...r }));
  const partnerDomains = Array.from({ length: 12 }, (_, i) => {
    const company = names.reseed(`partner/${i}`).company.name();
    return { domain: `${slug(company).slice(0, 20) || 'partner' + i}.com`, tenantId: stableUuid(`${seed}/partner/${i}`), name: company };
  });

  // Admins are the first users: index 0 is the break-glass Global Administrator.
  const adminCount = Math.min(memberCount, Math.max(2, Math.min(40, Math.floor(userCount / 250))));
  const rolesOf = (index: number): DirectoryRole[] => {
    if (index >= adminCount) return [];
    if (index === 0) return [roles[0]!];
    const r = new Rng(`${seed}/admin-role/${index}`);
    return [r.pick(roles.slice(0, 20))];
  };

  // The first 100 users get plain first.last names; collisions there get a digit.
  // Later users carry their index, which keeps every UPN unique without a lookup table.
  const earlyLocals = new Map<number, string>();
  {
    const seen = new Set<string>();
    for (let i = 0; i < Math.min(100, userCount); i++) {
      const r = new Rng(`${seed}/name/${i}`);
      let local = `${slug(firstName(r))}.${slug(lastName(r))}`;
      let n = 2;
      const base = local;
      while (seen.has(local)) local = `${base}${n++}`;
      seen.add(local);
      earlyLocals.set(i, local);
    }
  }

  const cache = new Map<number, User>();
  const countryTable = countries.map(([c, w]) => [c.toUpperCase(), w] as const);

  function makeUser(index: number): User {
    const r = new Rng(`${seed}/user/${index}`);
    const nameRng = new Rng(`${seed}/name/${index}`);
    const givenName = firstName(nameRng);
    const surname = lastName(nameRng);
    const local = earlyLocals.get(index) ?? `${slug(givenName)}.${slug(surname)}${index}`;
    const guest = index >= memberCount;
    const country = r.weighted(countryTable);
    const office = officeByCountry.get(country) ?? plan.namedLocations[0]!;
    const consumer = plan.consumerByCountry.get(country) ?? plan.consumerByCountry.get('US')!;
    const partner = partnerDomains[index % partnerDomains.length]!;
    const upn = guest ? `${local}@${partner.domain}` : `${local}@${domains[0]}`;
    const directoryUpn = guest ? `${upn.replace('@', '_')}#EXT#@${initialDomain}` : upn;
    return {
      index,
      id: stableUuid(`${seed}/user-id/${index}`),
      displayName: `${givenName} ${surname}`,
      givenName,
      surname,
      userPrincipalName: upn,
      directoryUpn,
      mail: upn,
      userType: guest ? 'Guest' : 'Member',
      homeTenantId: guest ? partner.tenantId : id,
      homeTenantName: guest ? partner.name : name,
      accountEnabled: index < adminCount ? true : r.bool(0.97),
      department: r.pick(DEPARTMENTS),
      jobTitle: r.pick(JOB_TITLES),
      officeLocation: office,
      homeNetwork: r.pick(consumer.home.length > 0 ? consumer.home : consumer.mobile),
      mobileNetwork: r.pick(consumer.mobile.length > 0 ? consumer.mobile : consumer.home),
      timeZone: office.network.geo.timeZone,
      devices: buildDevices(r, seed, index, guest, `${givenName} ${surname}`),
      roles: rolesOf(index),
      mfaMethod: r.weighted([
        ['Mobile app notification', 60],
        ['OATH verification code', 12],
        ['Text message', 10],
        ['Windows Hello for Business', 12],
        ['FIDO2 security key', 6],
      ]),
      onPremisesSynced: !guest && r.bool(0.6),
      createdDateTime: EPOCH_2026 - r.range(30, 5 * 365) * 86_400_000 - r.int(86_400_000),
    };
  }

  function user(index: number): User {
    if (!Number.isInteger(index) || index < 0 || index >= userCount) {
      throw new RangeError(`user index ${index} out of range 0..${userCount - 1}`);
    }
    let u = cache.get(index);
    if (u) return u;
    u = makeUser(index);
    if (cache.size >= USER_CACHE_SIZE) {
      // Drop the oldest entry (Map keeps insertion order): a cheap bounded cache.
      cache.delete(cache.keys().next().value as number);
    }
    cache.set(index, u);
    return u;
  }

  // Ids are hashes of the index: reverse lookups (rare: Graph risk actions, stories) build
  // the whole id → index table once, on first use, instead of scanning on every call.
  let idIndex: Map<string, number> | undefined;
  const userIdToIndex = (uid: string): number | undefined => {
    for (const [i, u] of cache) if (u.id === uid) return i;
    if (!idIndex) {
      idIndex = new Map();
      for (let i = 0; i < userCount; i++) idIndex.set(stableUuid(`${seed}/user-id/${i}`), i);
    }
    return idIndex.get(uid);
  };

  const firstPartyApps = firstPartyApplications(seed);
  const appByKey = new Map<string, Application>();
  for (const app of firstPartyApps) {
    appByKey.set(app.appId, app);
    appByKey.set(app.displayName.toLowerCase(), app);
  }
  const applications = buildApplications(
    rng.fork('apps'),
    seed,
    id,
    name,
    options.applications ?? Math.max(8, Math.min(200, Math.floor(userCount / 50))),
  );
  for (const app of applications) {
    appByKey.set(app.appId, app);
    appByKey.set(app.displayName.toLowerCase(), app);
  }
  const managedIdentities = buildManagedIdentities(
    rng.fork('mi'),
    seed,
    nameSlug,
    options.managedIdentities ?? Math.max(4, Math.min(60, Math.floor(userCount / 100))),
  );

  const groupCount = Math.max(10, Math.min(5000, Math.floor(userCount / 20)));
  const groups: Group[] = Array.from({ length: groupCount }, (_, i) => {
    const g = new Rng(`${seed}/group/${i}`);
    const dept = DEPARTMENTS[i % DEPARTMENTS.length]!;
    const flavour = g.pick(['Team', 'All', 'Project', 'Admins', 'Contractors', 'Leads']);
    const displayName = i < DEPARTMENTS.length ? `${dept}` : `${dept} ${flavour} ${Math.floor(i / DEPARTMENTS.length)}`;
    return {
      id: stableUuid(`${seed}/group-id/${i}`),
      displayName,
      mailNickname: slug(displayName),
      groupType: g.bool(0.6) ? 'unifiedGroups' : 'azureAD',
    };
  });

  const admins: User[] = Array.from({ length: adminCount }, (_, i) => user(i));
  const conditionalAccessPolicies: ConditionalAccessPolicy[] = CONDITIONAL_ACCESS_POLICIES.map((p) => ({
    ...p,
    id: stableUuid(`${seed}/ca/${p.displayName}`),
  }));

  return {
    id,
    name,
    domains,
    initialDomain,
    licence,
    workloadIdentitiesPremium: options.workloadIdentitiesPremium ?? true,
    globalSecureAccess: options.globalSecureAccess ?? true,
    userCount,
    memberCount,
    user,
    userById(uid: string): User | undefined {
      const i = userIdToIndex(uid);
      return i === undefined ? undefined : user(i);
    },
    admins,
    groups,
    roles,
    firstPartyApps,
    applications,
    managedIdentities,
    namedLocations: plan.namedLocations,
    networks: plan.networks,
    conditionalAccessPolicies,
    app(nameOrId: string): Application {
      const a = appByKey.get(nameOrId) ?? appByKey.get(nameOrId.toLowerCase());
      if (!a) throw new RangeError(`no application named ${nameOrId}`);
      return a;
    },
    networkOfIp(ip: string): Network | undefined {
      if (ip.includes(':')) return byPrefix.get(ip.split(':').slice(0, 4).join(':'));
      const c = ip.lastIndexOf('.');
      return byPrefix.get(ip.slice(0, c)) ?? byPrefix.get(ip.slice(0, ip.lastIndexOf('.', c - 1)));
    },
    ipIn(network: Network, host: number, v6 = false): string {
      const n = Math.abs(Math.floor(host));
      const h = (n % 254) + 1;
      if (v6 && network.ipv6Prefix) return `${network.ipv6Prefix}:${h.toString(16)}:0:0:${((n * 7919) & 0xffff).toString(16)}`;
      // A /16 spreads hosts over its third octet too.
      if (network.ipv4Prefix.split('.').length === 2) return `${network.ipv4Prefix}.${(Math.floor(n / 254) % 254) + 1}.${h}`;
      return `${network.ipv4Prefix}.${h}`;
    },
  };
}

export { MICROSOFT_TENANT_ID, FIRST_PARTY_APPS };
