/**
 * Per-tenant lookups the sign-in builders need on every record, computed once per tenant
 * (WeakMap keyed by the tenant) so the hot path only indexes arrays.
 */
import type { Application, ConditionalAccessPolicy, Network, Tenant } from '../../tenant/types.ts';
import { CLIENT_PROFILES, type ClientProfile } from '../../data/sign-in-values.ts';
import type { Weighted } from '../../core/random.ts';

export interface ResolvedClient {
  readonly profile: ClientProfile;
  readonly app: Application;
}

export interface SignInTenantData {
  readonly tenant: Tenant;
  /** Client profiles whose app exists in the tenant, weighted for interactive / non-interactive use. */
  readonly interactiveClients: { readonly admin: Weighted<ResolvedClient>; readonly user: Weighted<ResolvedClient> };
  readonly nonInteractiveClients: { readonly admin: Weighted<ResolvedClient>; readonly user: Weighted<ResolvedClient> };
  /** The tenant's own web apps and SaaS gallery apps users open in a browser (SAML/OIDC SSO). */
  readonly webApps: ReadonlyArray<Application>;
  /** Apps that sign in as themselves (client credentials): the tenant's daemons and gallery apps. */
  readonly workloadApps: Weighted<Application>;
  /** The workload apps that hold a password credential (secret errors only happen to them). */
  readonly workloadAppsWithSecret: Weighted<Application>;
  readonly hostingNetworks: ReadonlyArray<Network>;
  readonly policies: ReadonlyArray<ConditionalAccessPolicy>;
  /** Display names of the tenant's named locations on a network (empty when none). */
  namedLocationNames(network: Network): ReadonlyArray<string>;
  /** Any app (first-party or the tenant's) by app id. */
  appById(appId: string): Application | undefined;
  /** By display name (case-insensitive) or app id. */
  appByName(nameOrId: string): Application | undefined;
  readonly exchange: Application;
  readonly graph: Application;
}

const CACHE = new WeakMap<Tenant, SignInTenantData>();

export function signInTenantData(tenant: Tenant): SignInTenantData {
  let data = CACHE.get(tenant);
  if (!data) {
    data = build(tenant);
    CACHE.set(tenant, data);
  }
  return data;
}

function build(tenant: Tenant): SignInTenantData {
  const byId = new Map<string, Application>();
  const byName = new Map<string, Application>();
  for (const app of [...tenant.firstPartyApps, ...tenant.applications]) {
    byId.set(app.appId, app);
    byName.set(app.displayName.toLowerCase(), app);
  }
  const appByName = (key: string): Application | undefined => byId.get(key) ?? byName.get(key.toLowerCase());

  const resolved: ResolvedClient[] = [];
  for (const profile of CLIENT_PROFILES) {
    const app = appByName(profile.app);
    if (app) resolved.push({ profile, app });
  }
  // Administrators live in portals and CLIs; everyone else barely touches them.
  const weigh = (pick: (p: ClientProfile) => number, admin: boolean): Weighted<ResolvedClient> =>
    resolved
      .map((c) => [c, pick(c.profile) * (c.profile.admin ? (admin ? 6 : 0.15) : 1)] as const)
      .filter(([, w]) => w > 0);

  const webApps = tenant.applications.filter((a) => a.clientKind === 'browser');
  const workloadApps: Array<readonly [Application, number]> = [];
  for (const app of tenant.applications) {
    if (app.clientKind === 'daemon') workloadApps.push([app, 5]);
    // SaaS vendors that read the directory with their own credentials (multi-tenant apps).
    else if (app.appOwnerTenantId !== tenant.id) workloadApps.push([app, 1]);
  }
  const workloadAppsWithSecret = workloadApps.filter(([a]) => a.credentials.some((c) => c.type === 'Password'));
  const locationNames = new Map<Network, string[]>();
  for (const l of tenant.namedLocations) {
    const names = locationNames.get(l.network);
    if (names) names.push(l.displayName);
    else locationNames.set(l.network, [l.displayName]);
  }
  const NO_NAMES: ReadonlyArray<string> = [];

  const graph = appByName('00000003-0000-0000-c000-000000000000');
  const exchange = appByName('00000002-0000-0ff1-ce00-000000000000');
  if (!graph || !exchange) throw new Error('tenant lacks the Microsoft Graph / Exchange Online first-party apps');

  return {
    tenant,
    interactiveClients: { admin: weigh((p) => p.interactive, true), user: weigh((p) => p.interactive, false) },
    nonInteractiveClients: { admin: weigh((p) => p.nonInteractive, true), user: weigh((p) => p.nonInteractive, false) },
    webApps,
    workloadApps,
    workloadAppsWithSecret,
    hostingNetworks: tenant.networks.filter((n) => n.kind === 'hosting'),
    policies: tenant.conditionalAccessPolicies,
    namedLocationNames: (network) => locationNames.get(network) ?? NO_NAMES,
    appById: (appId) => byId.get(appId),
    appByName,
    exchange,
    graph,
  };
}
