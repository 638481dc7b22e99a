/**
 * Per-tenant lookups the audit family needs on every record, computed once per tenant and
 * kept in a WeakMap (no per-record searching): service-principal ids of Microsoft services,
 * directory-role object ids, application object ids, the Microsoft egress network, the
 * tenant's geo, guests.
 */
import { Rng, stableUuid } from '../../core/random.ts';
import type { Application, Network, Tenant, User } from '../../tenant/types.ts';
import { SERVICE_ACTORS, TENANT_GEO, type ServiceActorKey } from '../../data/audit-activities.ts';

export interface AppRef {
  readonly appId: string;
  readonly displayName: string;
  readonly servicePrincipalId: string;
  /** Object id of the application registration (≠ appId, ≠ SP id); tenant-owned apps only. */
  readonly objectId: string;
  readonly firstParty: boolean;
}

export interface TenantAuditLookups {
  readonly tenantGeo: string;
  /** Microsoft's own network (AS8075): where Microsoft back-end services call from. */
  readonly microsoftNetwork: Network;
  readonly serviceSp: Readonly<Record<ServiceActorKey, string>>;
  /** Apps by lower-case display name and by appId (first-party and tenant apps). */
  readonly apps: ReadonlyMap<string, AppRef>;
  readonly tenantApps: ReadonlyArray<AppRef>;
  readonly galleryApps: ReadonlyArray<AppRef>;
  readonly internalApps: ReadonlyArray<AppRef>;
  readonly graph: AppRef;
  /** Directory role object id per role template id (directoryRole objects are per tenant). */
  roleObjectId(templateId: string): string;
  /** An app that is not (yet) in the tenant: stable ids derived from its name. */
  externalApp(displayName: string): AppRef;
}

const cache = new WeakMap<Tenant, TenantAuditLookups>();

function toRef(tenant: Tenant, app: Application): AppRef {
  return {
    appId: app.appId,
    displayName: app.displayName,
    servicePrincipalId: app.servicePrincipalId,
    objectId: stableUuid(`${tenant.id}/app-object/${app.appId}`),
    firstParty: app.firstParty,
  };
}

export function auditLookups(tenant: Tenant): TenantAuditLookups {
  let found = cache.get(tenant);
  if (found) return found;
  const home = tenant.namedLocations[0]?.network.geo.countryOrRegion ?? 'US';
  const microsoftNetwork =
    tenant.networks.find((n) => n.kind === 'hosting' && n.asn === 8075) ??
    tenant.networks.find((n) => n.kind === 'hosting') ??
    tenant.networks[0]!;
  const apps = new Map<string, AppRef>();
  const tenantApps: AppRef[] = [];
  for (const app of [...tenant.firstPartyApps, ...tenant.applications]) {
    const ref = toRef(tenant, app);
    apps.set(app.appId, ref);
    apps.set(app.displayName.toLowerCase(), ref);
    if (!app.firstParty) tenantApps.push(ref);
  }
  const serviceSp = {} as Record<ServiceActorKey, string>;
  for (const key of Object.keys(SERVICE_ACTORS) as ServiceActorKey[]) {
    const row = SERVICE_ACTORS[key];
    // Reuse the tenant's SP when the service is one of its known first-party apps.
    serviceSp[key] = apps.get(row.appId)?.servicePrincipalId ?? stableUuid(`${tenant.id}/sp/${row.appId}`);
  }
  const roleIds = new Map<string, string>();
  const external = new Map<string, AppRef>();
  const owner = tenant.id;
  found = {
    tenantGeo: TENANT_GEO[home] ?? 'NA',
    microsoftNetwork,
    serviceSp,
    apps,
    tenantApps,
    galleryApps: tenantApps.filter((a) => tenant.applications.some((x) => x.appId === a.appId && x.appOwnerTenantId !== owner)),
    internalApps: tenantApps.filter((a) => tenant.applications.some((x) => x.appId === a.appId && x.appOwnerTenantId === owner)),
    graph: apps.get('00000003-0000-0000-c000-000000000000')!,
    roleObjectId(templateId: string): string {
      let id = roleIds.get(templateId);
      if (!id) {
        id = stableUuid(`${tenant.id}/role-object/${templateId}`);
        roleIds.set(templateId, id);
      }
      return id;
    },
    externalApp(displayName: string): AppRef {
      const key = displayName.toLowerCase();
      let ref = apps.get(key) ?? external.get(key);
      if (!ref) {
        ref = {
          appId: stableUuid(`external-app/${key}`),
          displayName,
          servicePrincipalId: stableUuid(`${tenant.id}/external-sp/${key}`),
          objectId: stableUuid(`${tenant.id}/external-app-object/${key}`),
          firstParty: false,
        };
        external.set(key, ref);
      }
      return ref;
    },
  };
  cache.set(tenant, found);
  return found;
}

/** An app by display name or appId: the tenant's if it has it, else a stable external app. */
export function resolveApp(tenant: Tenant, nameOrId: string): AppRef {
  const l = auditLookups(tenant);
  return l.apps.get(nameOrId) ?? l.apps.get(nameOrId.toLowerCase()) ?? l.externalApp(nameOrId);
}

/** A random member (non-guest) user. */
export function randomMember(rng: Rng, tenant: Tenant): User {
  return tenant.user(rng.int(tenant.memberCount));
}

/** A random guest, or a member when the tenant has no guests. */
export function randomGuest(rng: Rng, tenant: Tenant): User {
  const guests = tenant.userCount - tenant.memberCount;
  return guests > 0 ? tenant.user(tenant.memberCount + rng.int(guests)) : randomMember(rng, tenant);
}

/** The Entra device object id of a device (its `deviceId` is a different GUID). */
export function deviceObjectId(tenant: Tenant, deviceId: string): string {
  return stableUuid(`${tenant.id}/device-object/${deviceId}`);
}
