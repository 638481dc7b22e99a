/**
 * Token replay: a user's refresh token (stolen by an infostealer or an adversary-in-the-
 * middle kit) is redeemed from a rented server abroad. The user signs in at home and
 * their client refreshes tokens as usual; an hour or so later the same session (same
 * sessionId, incoming refresh token) is refreshed from a hosting address with another
 * ASN and country, and the attacker reads mail through Microsoft Graph with the tokens it
 * got (each Graph request's signInActivityId is the issuing sign-in's
 * uniqueTokenIdentifier). The session cookie is replayed once in a browser too (an
 * interactive sign-in whose first factor and MFA are satisfied by claims, rated low risk).
 * Identity Protection flags an anomalous token on the first replay; the user's sessions
 * are then revoked, so the next refreshes — the attacker's and the user's own — fail with
 * 50173 and the user signs in again.
 */
import { buildUserSignIn, buildUserSignInFlow, type SignInActivity, type UserSignInSpec } from '../../categories/sign-ins/index.ts';
import { UserRiskStateMachine } from '../../categories/identity-protection/index.ts';
import { buildGraphActivity } from '../../categories/graph-activity/index.ts';
import type { ActivityBase } from '../../core/activity.ts';
import type { Story, StoryContext } from '../types.ts';
import { ATTACKER_BROWSER_AGENTS, HOUR, MINUTE, attackerDevice, attackerNetwork, buildContext, ipOf, officeCountries, seconds, victim } from './common.ts';

export interface TokenReplayParams {
  /** User index (default: an enabled member). */
  readonly user?: number;
  /** Client whose refresh token is replayed. */
  readonly app: string;
  /** Token the attacker redeems. */
  readonly incomingTokenType: 'refreshToken' | 'primaryRefreshToken';
  /** Minutes from the user's sign-in to the first replay. */
  readonly delayMinutes: number;
  /** Token refreshes from the attacker's server. */
  readonly replays: number;
  /** Minutes the replays are spread over. */
  readonly replayMinutes: number;
  /** Graph requests per replayed token. */
  readonly graphCallsPerReplay: number;
  /** The session cookie is replayed once in a browser (interactive, low risk). */
  readonly interactiveReplay: boolean;
  /** Identity Protection raises anomalousToken on the first replay. */
  readonly anomalousToken: boolean;
  /** The user's sessions are revoked afterwards (the next refreshes fail with 50173). */
  readonly revoke: boolean;
}

const DEFAULTS: TokenReplayParams = {
  app: 'Microsoft Office',
  incomingTokenType: 'refreshToken',
  delayMinutes: 90,
  replays: 6,
  replayMinutes: 45,
  graphCallsPerReplay: 2,
  interactiveReplay: true,
  anomalousToken: true,
  revoke: true,
};

/** What an attacker reads first with a mail-capable token. */
const LOOT = ['me', 'me/messages?$top=50', 'me/mailFolders/inbox/messages?$top=100', 'me/drive/root/children', 'users?$select=displayName,mail,jobTitle&$top=999', 'me/contacts'];

const REFRESH_GAP: readonly [number, number] = [12, 35];

export const tokenReplay: Story<TokenReplayParams> = {
  id: 'token-replay',
  title: 'Token replay from a foreign hosting address',
  description:
    "A user's refresh token is redeemed from a hosting address in another country and ASN (same session id, incoming refresh token), Graph is read with the tokens, Identity Protection flags an anomalous token, and after the sessions are revoked the replays fail.",
  categories: ['SignInLogs', 'NonInteractiveUserSignInLogs', 'MicrosoftGraphActivityLogs', 'UserRiskEvents', 'RiskyUsers'],
  detections: [
    'Sentinel: Successful logon from IP and failure from a different IP (SuccessThenFail_DiffIP_SameUserandApp.yaml)',
    'Sigma: Risky Successful Interactive Entra ID Sign-In From Cloud Hosting Or VPN Provider ASN (azure_signin_risky_interactive_hosting_asn.yml)',
    'Sigma: Anomalous Token (azure_identity_protection_anomalous_token.yml)',
  ],
  params: {
    properties: {
      user: { type: 'integer', minimum: 0, description: 'User index.' },
      app: { type: 'string', minLength: 1, description: 'Client whose refresh token is replayed.' },
      incomingTokenType: { enum: ['refreshToken', 'primaryRefreshToken'], description: 'Token the attacker redeems.' },
      delayMinutes: { type: 'number', minimum: 1, maximum: 10080, description: "Minutes from the user's sign-in to the first replay." },
      replays: { type: 'integer', minimum: 1, maximum: 500, description: "Token refreshes from the attacker's server." },
      replayMinutes: { type: 'number', minimum: 1, maximum: 10080, description: 'Minutes the replays are spread over.' },
      graphCallsPerReplay: { type: 'integer', minimum: 0, maximum: 50, description: 'Graph requests per replayed token.' },
      interactiveReplay: { type: 'boolean', description: 'The session cookie is replayed once in a browser.' },
      anomalousToken: { type: 'boolean', description: 'Identity Protection raises anomalousToken on the first replay.' },
      revoke: { type: 'boolean', description: "The user's sessions are revoked afterwards." },
    },
  },
  defaults: DEFAULTS,
  run(ctx: StoryContext, p: TokenReplayParams): ActivityBase[] {
    const { tenant, rng } = ctx;
    const bctx = buildContext(ctx);
    const user = victim(tenant, rng, p.user);
    const out: ActivityBase[] = [];

    // The user at home: an interactive sign-in opens the session; the client refreshes from there.
    const homeIp = ipOf(tenant, rng, user.homeNetwork);
    const client = { user: user.index, app: p.app, device: 0 } as const;
    const signIn = buildUserSignInFlow(bctx, ctx.at, { ...client, ip: homeIp, primary: 'password', mfa: 'performed', errorCode: 0 });
    out.push(...signIn);
    const sessionId = signIn[0]!.sessionId;
    const refresh = (time: number, spec: UserSignInSpec): SignInActivity =>
      buildUserSignIn(bctx, time, { ...client, category: 'NonInteractiveUserSignInLogs', sessionId, incomingTokenType: p.incomingTokenType, ...spec });
    const userRefreshes = (from: number, to: number): void => {
      for (let t = from + seconds(rng, REFRESH_GAP[0] * 60, REFRESH_GAP[1] * 60); t < to; t += seconds(rng, REFRESH_GAP[0] * 60, REFRESH_GAP[1] * 60)) {
        out.push(refresh(t, { ip: homeIp, errorCode: 0 }));
      }
    };

    // The attacker's server: a hosting range in a country the tenant does not work from.
    const home = officeCountries(tenant);
    const foreign = tenant.networks.filter((n) => n.kind === 'hosting' && n.asn !== 8075 && !home.has(n.geo.countryOrRegion));
    const attackerNet = foreign.length > 0 ? rng.pick(foreign) : attackerNetwork(tenant, rng, ['hosting']);
    const attackerIp = ipOf(tenant, rng, attackerNet);
    const userAgent = rng.pick(ATTACKER_BROWSER_AGENTS);
    const steal = (a: SignInActivity): SignInActivity =>
      attackerDevice(a, userAgent.includes('Linux') ? 'Linux' : 'Windows 10', userAgent.includes('Firefox') ? 'Firefox 125.0' : 'Chrome 124.0.0');

    const firstReplay = ctx.at + p.delayMinutes * MINUTE;
    userRefreshes(signIn[signIn.length - 1]!.time, firstReplay + p.replayMinutes * MINUTE);
    const replays: SignInActivity[] = [];
    for (let i = 0; i < p.replays; i++) {
      const t = firstReplay + Math.floor((i / Math.max(1, p.replays)) * p.replayMinutes * MINUTE) + seconds(rng, 0, 60);
      const a = steal(refresh(t, { ip: attackerIp, device: 'unregistered', userAgent, resource: 'Microsoft Graph', errorCode: 0 }));
      replays.push(a);
      out.push(a);
      // The tokens it got are spent on Graph right away, from the same address.
      for (let k = 0; k < p.graphCallsPerReplay; k++) {
        out.push(
          buildGraphActivity(bctx, a.time + seconds(rng, 2, 90), {
            caller: 'user',
            user,
            clientApp: tenant.app(p.app),
            requestUri: LOOT[(i * p.graphCallsPerReplay + k) % LOOT.length]!,
            method: 'GET',
            responseStatusCode: 200,
            ipAddress: attackerIp,
            userAgent,
            signInActivityId: a.uniqueTokenIdentifier,
            sessionId,
            deviceId: '',
            tokenIssuedAt: Math.floor(a.time / 1000) * 1000,
          }),
        );
      }
    }

    if (p.interactiveReplay) {
      // The stolen session cookie in a browser: claims satisfy both factors; sign-in risk reads low.
      const t = firstReplay + seconds(rng, 3 * 60, 10 * 60);
      out.push(
        steal(
          buildUserSignIn(bctx, t, {
            user: user.index,
            app: 'OfficeHome',
            resource: 'Microsoft Graph',
            ip: attackerIp,
            device: 'unregistered',
            userAgent,
            sessionId,
            primary: 'sso',
            mfa: 'satisfiedByClaim',
            errorCode: 0,
            riskLevelDuringSignIn: 'low',
            riskEventTypes: ['unfamiliarFeatures'],
          }),
        ),
      );
    }

    if (p.anomalousToken && replays.length > 0) {
      const first = replays[0]!;
      const t = new UserRiskStateMachine(bctx, user).detect(first.time + rng.range(30 * MINUTE, 3 * HOUR), {
        riskEventType: 'anomalousToken',
        activity: 'signin',
        detectionTimingType: 'offline',
        riskLevel: 'high',
        requestId: first.id,
        correlationId: first.correlationId,
        ipAddress: first.ipAddress,
        userAgent,
        activityTime: first.time,
        activityTick: first.tick,
      });
      out.push(...t.detections);
      if (t.riskyUser) out.push(t.riskyUser);
    }

    if (p.revoke && replays.length > 0) {
      // The user's client refreshes once more; then every session is revoked.
      const last = replays[replays.length - 1]!.time;
      const userOk = last + seconds(rng, 60, 4 * 60);
      out.push(refresh(userOk, { ip: homeIp, errorCode: 0 }));
      const attackerFails = userOk + seconds(rng, 3 * 60, 7 * 60);
      out.push(steal(refresh(attackerFails, { ip: attackerIp, device: 'unregistered', userAgent, resource: 'Microsoft Graph', errorCode: 50173 })));
      const userFails = attackerFails + seconds(rng, 2 * 60, 10 * 60);
      out.push(refresh(userFails, { ip: homeIp, errorCode: 50173 }));
      out.push(...buildUserSignInFlow(bctx, userFails + seconds(rng, 10, 90), { ...client, ip: homeIp, primary: 'password', mfa: 'performed', errorCode: 0 }));
    }
    return out;
  },
};
