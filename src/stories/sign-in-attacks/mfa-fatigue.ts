/**
 * MFA fatigue (push bombing): the attacker has the password and signs in again and again
 * from one rented address, each time firing an Authenticator push the user declines or
 * ignores (500121, the reason in `status.additionalDetails` and the MFA step). Tools send
 * the pushes seconds apart; worn down, the user approves one and the attacker is in.
 */
import { buildUserSignIn, type SignInActivity } from '../../categories/sign-ins/index.ts';
import type { ActivityBase } from '../../core/activity.ts';
import type { Story, StoryContext } from '../types.ts';
import {
  ATTACKER_BROWSER_AGENTS,
  MFA_DECLINED,
  MFA_FRAUD,
  MFA_NO_RESPONSE,
  attackerDevice,
  attackerNetwork,
  buildContext,
  ipOf,
  isActiveMember,
  pickUsers,
  seconds,
  victim,
  withMfaDenial,
} from './common.ts';

export interface MfaFatigueParams {
  /** User index (default: a member whose MFA method is the Authenticator push). */
  readonly user?: number;
  /** Denied pushes before the approval. */
  readonly pushes: number;
  /** Seconds between pushes (min, max). */
  readonly intervalSeconds: readonly [number, number];
  /** Share of pushes the user ignores rather than declines. */
  readonly unansweredShare: number;
  /** The user finally reports one push as fraud (Authenticator's "Report"). */
  readonly reportFraud: boolean;
  /** The user approves the last push. */
  readonly approve: boolean;
  /** Application the attacker signs in to. */
  readonly app: string;
}

const DEFAULTS: MfaFatigueParams = { pushes: 12, intervalSeconds: [3, 6], unansweredShare: 0.2, reportFraud: false, approve: true, app: 'OfficeHome' };

const PUSH = 'Mobile app notification';

export const mfaFatigue: Story<MfaFatigueParams> = {
  id: 'mfa-fatigue',
  title: 'MFA fatigue (push bombing)',
  description:
    'A burst of MFA pushes denied or unanswered (500121) for one user from an attacker address after a correct password, then the user approves one and the sign-in succeeds.',
  categories: ['SignInLogs'],
  detections: [
    'Sentinel: MFA Spamming followed by Successful login (MFASpammingfollowedbySuccessfullogin.yaml)',
    'Sentinel: MFA Rejected by User (MFARejectedbyUser.yaml)',
    'Sentinel: Explicit MFA Deny (ExplicitMFADeny.yaml)',
    'Sigma: Multifactor Authentication Denied (azure_mfa_denies.yml)',
    'Sigma: Potential Successful MFA Fatigue Attack (azure_successful_mfa_fatigue_attack.yml)',
  ],
  params: {
    properties: {
      user: { type: 'integer', minimum: 0, description: 'User index.' },
      pushes: { type: 'integer', minimum: 1, maximum: 200, description: 'Denied pushes before the approval.' },
      intervalSeconds: { type: 'array', items: { type: 'number', minimum: 1, maximum: 600 }, minItems: 2, maxItems: 2, description: 'Seconds between pushes: [min, max].' },
      unansweredShare: { type: 'number', minimum: 0, maximum: 1, description: 'Share of pushes ignored rather than declined.' },
      reportFraud: { type: 'boolean', description: 'The user reports one push as fraud.' },
      approve: { type: 'boolean', description: 'The user approves the last push.' },
      app: { type: 'string', minLength: 1, description: 'Application the attacker signs in to.' },
    },
  },
  defaults: DEFAULTS,
  run(ctx: StoryContext, p: MfaFatigueParams): ActivityBase[] {
    const { tenant, rng } = ctx;
    const bctx = buildContext(ctx);
    const user =
      p.user !== undefined
        ? victim(tenant, rng, p.user)
        : tenant.user(pickUsers(tenant, rng, 1, (u) => isActiveMember(u) && u.mfaMethod === PUSH)[0] ?? victim(tenant, rng, undefined).index);
    const ip = ipOf(tenant, rng, attackerNetwork(tenant, rng, ['hosting', 'vpn']));
    const userAgent = rng.pick(ATTACKER_BROWSER_AGENTS);
    const dress = (a: SignInActivity): SignInActivity =>
      attackerDevice(a, userAgent.includes('Linux') ? 'Linux' : 'Windows 10', userAgent.includes('Firefox') ? 'Firefox 125.0' : 'Chrome 124.0.0');
    // Graph as the resource keeps the device-compliance policy (mail and files) out of the picture.
    const common = { user: user.index, app: p.app, resource: 'Microsoft Graph', ip, device: 'unregistered' as const, userAgent, primary: 'password' as const };
    const [lo, hi] = p.intervalSeconds[0] <= p.intervalSeconds[1] ? p.intervalSeconds : [p.intervalSeconds[1], p.intervalSeconds[0]];
    const fraudAt = p.reportFraud ? p.pushes - 1 : -1;

    const out: ActivityBase[] = [];
    let time = ctx.at;
    for (let i = 0; i < p.pushes; i++) {
      if (i > 0) time += seconds(rng, lo, hi);
      const detail = i === fraudAt ? MFA_FRAUD : rng.bool(p.unansweredShare) ? MFA_NO_RESPONSE : MFA_DECLINED;
      const a = buildUserSignIn(bctx, time, { ...common, errorCode: 500121, mfa: 'denied' });
      out.push(dress(withPush(withMfaDenial(a, detail))));
    }
    if (p.approve && fraudAt < 0) {
      time += seconds(rng, lo, hi);
      out.push(dress(withPush(buildUserSignIn(bctx, time, { ...common, errorCode: 0, mfa: 'performed' }))));
    }
    return out;
  },
};

/** Push bombing needs push notifications: the MFA step names that method whatever the user registered first. */
function withPush(a: SignInActivity): SignInActivity {
  return {
    ...a,
    mfaMethod: a.mfaMethod === null ? null : PUSH,
    authenticationDetails: a.authenticationDetails.map((s) => (s.requirement === 'Multi-factor authentication' && s.method !== 'Previously satisfied' ? { ...s, method: PUSH, methodDetail: null } : s)),
  };
}
