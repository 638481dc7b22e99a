/**
 * Impossible travel: a user signs in from home (Keep-me-signed-in interrupt, then the
 * success, one correlation id), and minutes later the same account signs in successfully
 * from a consumer network in a distant country the tenant has no office in — an attacker
 * replaying the user's session cookie (first factor and MFA satisfied by claims in the
 * token). Hours later Identity Protection's offline travel detection flags the foreign
 * sign-in: the detection carries that sign-in's request id, correlation id and address.
 */
import { buildUserSignIn, buildUserSignInFlow } from '../../categories/sign-ins/index.ts';
import { UserRiskStateMachine } from '../../categories/identity-protection/index.ts';
import type { ActivityBase } from '../../core/activity.ts';
import type { Network, User } from '../../tenant/types.ts';
import type { Story, StoryContext } from '../types.ts';
import { ATTACKER_BROWSER_AGENTS, HOUR, MINUTE, attackerDevice, buildContext, foreignConsumerNetworks, ipOf, victim } from './common.ts';

export interface ImpossibleTravelParams {
  /** User index (default: an enabled member). */
  readonly user?: number;
  /** Minutes between the user's sign-in and the foreign one. */
  readonly minutesApart: number;
  /** ISO country of the foreign sign-in (default: the farthest country the tenant has no office in). */
  readonly country?: string;
  /** Identity Protection detections raised on the foreign sign-in (offline, hours later). */
  readonly riskEventTypes: ReadonlyArray<'unlikelyTravel' | 'mcasImpossibleTravel' | 'newCountry'>;
  /** Application both sign-ins are to. */
  readonly app: string;
}

const DEFAULTS: ImpossibleTravelParams = { minutesApart: 6, riskEventTypes: ['unlikelyTravel'], app: 'OfficeHome' };

/** Great-circle distance in km. */
function distanceKm(a: Network, b: Network): number {
  const rad = Math.PI / 180;
  const dLat = (b.geo.latitude - a.geo.latitude) * rad;
  const dLon = (b.geo.longitude - a.geo.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.geo.latitude * rad) * Math.cos(b.geo.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function foreignNetwork(pool: ReadonlyArray<Network>, user: User, country: string | undefined): Network {
  const candidates = country ? pool.filter((n) => n.geo.countryOrRegion === country.toUpperCase()) : pool;
  if (candidates.length === 0) throw new RangeError(`no consumer network in ${country ?? 'a country without an office'}`);
  return candidates.reduce((best, n) => (distanceKm(n, user.homeNetwork) > distanceKm(best, user.homeNetwork) ? n : best));
}

export const impossibleTravel: Story<ImpossibleTravelParams> = {
  id: 'impossible-travel',
  title: 'Impossible travel',
  description:
    'A user signs in from home, and minutes later the same account signs in successfully from a distant country; Identity Protection later raises an atypical-travel detection linked to the foreign sign-in.',
  categories: ['SignInLogs', 'UserRiskEvents', 'RiskyUsers'],
  detections: [
    'Sentinel hunting: User Login IP Address Teleportation (Hunting Queries/SigninLogs/UserLoginIPAddressTeleportation.yaml)',
    'Sigma: Atypical Travel (azure_identity_protection_atypical_travel.yml)',
  ],
  params: {
    properties: {
      user: { type: 'integer', minimum: 0, description: 'User index.' },
      minutesApart: { type: 'number', minimum: 0, maximum: 600, description: "Minutes between the user's sign-in and the foreign one." },
      country: { type: 'string', pattern: '^[A-Za-z]{2}$', description: 'ISO country of the foreign sign-in.' },
      riskEventTypes: {
        type: 'array',
        items: { enum: ['unlikelyTravel', 'mcasImpossibleTravel', 'newCountry'] },
        uniqueItems: true,
        description: 'Identity Protection detections raised on the foreign sign-in.',
      },
      app: { type: 'string', minLength: 1, description: 'Application both sign-ins are to.' },
    },
  },
  defaults: DEFAULTS,
  run(ctx: StoryContext, p: ImpossibleTravelParams): ActivityBase[] {
    const { tenant, rng } = ctx;
    const bctx = buildContext(ctx);
    const user = victim(tenant, rng, p.user);
    const away = foreignNetwork(foreignConsumerNetworks(tenant), user, p.country);
    // Graph as the resource keeps the device-compliance policy (mail and files) out of both sign-ins.
    const target = { user: user.index, app: p.app, resource: 'Microsoft Graph' };
    const out: ActivityBase[] = [];

    // At home: password and MFA, then the Keep-me-signed-in prompt (two records, one flow).
    const home = buildUserSignInFlow(bctx, ctx.at, { ...target, network: user.homeNetwork, device: 0, interrupt: 50140, errorCode: 0, primary: 'password', mfa: 'performed' });
    out.push(...home);

    // Abroad, minutes later: the session cookie replayed from another browser.
    const userAgent = rng.pick(ATTACKER_BROWSER_AGENTS);
    const foreignTime = home[home.length - 1]!.time + p.minutesApart * MINUTE;
    const foreign = attackerDevice(
      buildUserSignIn(bctx, foreignTime, { ...target, ip: ipOf(tenant, rng, away), device: 'unregistered', userAgent, primary: 'sso', mfa: 'satisfiedByClaim', errorCode: 0 }),
      userAgent.includes('Linux') ? 'Linux' : 'Windows 10',
      userAgent.includes('Firefox') ? 'Firefox 125.0' : 'Chrome 124.0.0',
    );
    out.push(foreign);

    // Offline travel detections arrive hours later, each tied to the foreign sign-in.
    const machine = new UserRiskStateMachine(bctx, user);
    let detectAt = foreign.time + rng.range(1 * HOUR, 4 * HOUR);
    for (const riskEventType of p.riskEventTypes) {
      const t = machine.detect(detectAt, {
        riskEventType,
        activity: 'signin',
        detectionTimingType: 'offline',
        riskLevel: 'medium',
        requestId: foreign.id,
        correlationId: foreign.correlationId,
        ipAddress: foreign.ipAddress,
        userAgent,
        activityTime: foreign.time,
        activityTick: foreign.tick,
      });
      out.push(...t.detections);
      if (t.riskyUser) out.push(t.riskyUser);
      detectAt += rng.range(5 * MINUTE, 30 * MINUTE);
    }
    return out;
  },
};
