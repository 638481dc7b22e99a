/**
 * Sign-in records for the Graph API tests. Prefers entrasim's own sign-in category
 * modules (src/categories/sign-ins) when they load and render; otherwise a small local
 * factory that follows the beta signIn schema. Either way the records are appended to an
 * InMemoryGraphLogSource exactly as the engine will append them.
 */
import type { GraphResource } from '../src/core/activity.ts';
import type { GraphVersion } from '../src/core/categories.ts';
import { Rng } from '../src/core/random.ts';
import { graphTime } from '../src/core/time.ts';
import type { InMemoryGraphLogSource } from '../src/api/graph/in-memory-source.ts';

export interface SignInFixture {
  readonly time: number;
  readonly id: string;
  readonly beta: GraphResource;
  /** Undefined for non-interactive sign-ins (v1.0 serves interactive ones only). */
  readonly v1: GraphResource | undefined;
}

const ERROR_CODES: ReadonlyArray<number> = [0, 0, 0, 0, 0, 0, 0, 0, 50126, 50140, 500121, 53003];
const CITIES: ReadonlyArray<readonly [string, string, string]> = [
  ['Redmond', 'Washington', 'US'],
  ['London', 'England', 'GB'],
  ['Berlin', 'Berlin', 'DE'],
  ['Sydney', 'New South Wales', 'AU'],
];

/** A beta signIn following the schema's property set (the subset collectors read). */
export function localSignIn(rng: Rng, time: number, interactive: boolean): { beta: GraphResource; v1: GraphResource | undefined } {
  const id = rng.uuid();
  const errorCode = rng.pick(ERROR_CODES);
  const [city, state, country] = rng.pick(CITIES);
  const userId = rng.uuid();
  const createdDateTime = graphTime(time, rng.int(10000));
  const riskDetail = rng.bool(0.01) ? 'adminConfirmedAccountSafe' : 'none';
  const common = {
    id,
    createdDateTime,
    userDisplayName: `User ${userId.slice(0, 4)}`,
    userPrincipalName: `user.${userId.slice(0, 8)}@contoso.com`,
    userId,
    appId: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064',
    appDisplayName: 'Graph Explorer',
    ipAddress: `131.107.${rng.int(256)}.${rng.int(256)}`,
    clientAppUsed: 'Browser',
    correlationId: rng.uuid(),
    conditionalAccessStatus: 'notApplied',
    isInteractive: interactive,
    riskDetail,
    riskLevelAggregated: 'none',
    riskLevelDuringSignIn: 'none',
    riskState: 'none',
    riskEventTypes_v2: [],
    resourceDisplayName: 'Microsoft Graph',
    resourceId: '00000003-0000-0000-c000-000000000000',
    status: errorCode === 0 ? { errorCode: 0, failureReason: 'Other.', additionalDetails: null } : { errorCode, failureReason: `Error ${errorCode}`, additionalDetails: null },
    deviceDetail: { deviceId: '', displayName: '', operatingSystem: 'Windows 10', browser: 'Edge 124.0.0', isCompliant: false, isManaged: false, trustType: '' },
    location: { city, state, countryOrRegion: country, geoCoordinates: { altitude: null, latitude: 47.6, longitude: -122.1 } },
    appliedConditionalAccessPolicies: [],
  };
  const beta: GraphResource = {
    ...common,
    servicePrincipalId: '',
    signInEventTypes: [interactive ? 'interactiveUser' : 'nonInteractiveUser'],
    tokenIssuerType: 'AzureAD',
    uniqueTokenIdentifier: rng.token(22),
  };
  const v1: GraphResource | undefined = interactive ? { ...common, riskEventTypes: [] } : undefined;
  return { beta, v1 };
}

type SignInModules = typeof import('../src/categories/sign-ins/index.ts');
type TenantModule = typeof import('../src/tenant/tenant.ts');

/** Loads the real sign-in modules; undefined when they are not usable (being written concurrently). */
async function realModules(): Promise<{ signIns: SignInModules; tenant: TenantModule } | undefined> {
  try {
    const [signIns, tenant] = await Promise.all([import('../src/categories/sign-ins/index.ts'), import('../src/tenant/tenant.ts')]);
    return { signIns, tenant };
  } catch {
    return undefined;
  }
}

/**
 * `count` sign-ins spread over `[start, start + spanMs)`, about 3 in 4 interactive.
 * Uses the real category modules when possible (`source` says which was used).
 */
export async function makeSignIns(count: number, start: number, spanMs: number, seed = 'graph-api-tests'): Promise<{ records: SignInFixture[]; source: 'categories' | 'local' }> {
  const rng = new Rng(seed);
  const step = spanMs / count;
  const modules = await realModules();
  if (modules) {
    try {
      const tenant = modules.tenant.createTenant({ seed, users: 200, licence: 'p2' });
      const ctx = { rng, tenant };
      const render = { tenant, workspaceId: '00000000-0000-0000-0000-000000000000' };
      const out: SignInFixture[] = [];
      for (let i = 0; out.length < count; i++) {
        const time = Math.floor(start + i * step);
        const module = i % 4 === 3 ? modules.signIns.nonInteractiveUserSignInLogs : modules.signIns.signInLogs;
        for (const activity of module.baseline(ctx, time)) {
          if (out.length >= count) break;
          const beta = module.toGraph(activity, 'beta', render);
          if (!beta) continue;
          out.push({ time: activity.time, id: String(beta.id), beta, v1: module.toGraph(activity, "v1.0", render) });
        }
      }
      return { records: out, source: 'categories' };
    } catch {
      // fall through to the local factory
    }
  }
  const out: SignInFixture[] = [];
  for (let i = 0; i < count; i++) {
    const time = Math.floor(start + i * step);
    const { beta, v1 } = localSignIn(rng, time, i % 4 !== 3);
    out.push({ time, id: beta.id as string, beta, v1 });
  }
  return { records: out, source: 'local' };
}

/** Appends fixtures to a source in both versions (v1.0 only the interactive ones). */
export function loadSignIns(source: InMemoryGraphLogSource, records: ReadonlyArray<SignInFixture>): void {
  for (const r of records) {
    source.append('signIns', 'beta', { time: r.time, id: r.id, resource: r.beta, visibleAt: r.time });
    if (r.v1) source.append('signIns', 'v1.0' as GraphVersion, { time: r.time, id: r.id, resource: r.v1, visibleAt: r.time });
  }
}

/** Plain-JS reading of a nested property, for computing expected results independently of the filter engine. */
export function errorCodeOf(resource: GraphResource): number | undefined {
  const status = resource.status;
  return status && typeof status === 'object' && !Array.isArray(status) && typeof status.errorCode === 'number' ? status.errorCode : undefined;
}

export function isInteractive(resource: GraphResource): boolean {
  const types = resource.signInEventTypes;
  return Array.isArray(types) ? types.includes('interactiveUser') : resource.isInteractive !== false;
}
