/**
 * Legacy authentication abuse: a credential-stuffing run over basic-auth protocols
 * (IMAP, POP, SMTP AUTH, Exchange ActiveSync, "Other clients"), which cannot do MFA.
 * Exchange Online relays each attempt to Entra as ROPC (agent BAV2ROPC). A wrong password
 * is 50126; a right one meets the "Block legacy authentication" policy (53003) — unless
 * the account sits in the policy's exception group, as service and shared mailboxes
 * often do, and then the password alone gets a token.
 */
import { buildUserSignIn, type SignInActivity } from '../../categories/sign-ins/index.ts';
import type { ActivityBase } from '../../core/activity.ts';
import type { ClientAppUsed } from '../../data/sign-in-values.ts';
import type { Story, StoryContext } from '../types.ts';
import { attackerNetwork, buildContext, excludedFromConditionalAccess, ipOf, isActiveMember, pickUsers, withoutMfaStep } from './common.ts';

type LegacyProtocol = 'IMAP4' | 'POP3' | 'Authenticated SMTP' | 'Exchange ActiveSync' | 'Exchange Web Services' | 'MAPI Over HTTP' | 'Other clients';

export interface LegacyAuthAbuseParams {
  /** Accounts tried. */
  readonly targets: number;
  /** Protocols the tool cycles through. */
  readonly protocols: ReadonlyArray<LegacyProtocol>;
  /** Share of tried accounts whose leaked password is still right (those meet the CA block). */
  readonly validShare: number;
  /** Accounts excluded from Conditional Access whose password is right: they get in. */
  readonly unblocked: number;
  /** Minutes the run takes. */
  readonly minutes: number;
}

const DEFAULTS: LegacyAuthAbuseParams = {
  targets: 40,
  protocols: ['IMAP4', 'Exchange ActiveSync', 'POP3', 'Authenticated SMTP', 'Exchange Web Services', 'Other clients'],
  validShare: 0.3,
  unblocked: 2,
  minutes: 25,
};

const PROTOCOLS: ReadonlyArray<LegacyProtocol> = ['IMAP4', 'POP3', 'Authenticated SMTP', 'Exchange ActiveSync', 'Exchange Web Services', 'MAPI Over HTTP', 'Other clients'];

export const legacyAuthAbuse: Story<LegacyAuthAbuseParams> = {
  id: 'legacy-auth-abuse',
  title: 'Legacy authentication abuse',
  description:
    'IMAP/POP/SMTP/ActiveSync/"Other clients" basic-auth attempts against many users from one address: 50126 for wrong passwords, 53003 where "Block legacy authentication" stops a right one, success for accounts excluded from the policy.',
  categories: ['SignInLogs'],
  detections: [
    'Sigma: Use of Legacy Authentication Protocols (azure_legacy_authentication_protocols.yml)',
    'Sigma: Potential MFA Bypass Using Legacy Client Authentication (azure_ad_suspicious_signin_bypassing_mfa.yml)',
    'Sentinel hunting: Login attempts using Legacy Auth (Hunting Queries/SigninLogs/LegacyAuthAttempt.yaml)',
    'Sentinel: Password spray attack against Microsoft Entra ID application (SigninPasswordSpray.yaml)',
  ],
  params: {
    properties: {
      targets: { type: 'integer', minimum: 1, maximum: 5000, description: 'Accounts tried.' },
      protocols: { type: 'array', items: { enum: [...PROTOCOLS] }, minItems: 1, uniqueItems: true, description: 'Protocols the tool cycles through.' },
      validShare: { type: 'number', minimum: 0, maximum: 1, description: 'Share of accounts whose password is right (blocked by CA, 53003).' },
      unblocked: { type: 'integer', minimum: 0, maximum: 100, description: 'Accounts excluded from Conditional Access that get in.' },
      minutes: { type: 'number', minimum: 1, maximum: 1440, description: 'Minutes the run takes.' },
    },
  },
  defaults: DEFAULTS,
  run(ctx: StoryContext, p: LegacyAuthAbuseParams): ActivityBase[] {
    const { tenant, rng } = ctx;
    const bctx = buildContext(ctx);
    const ip = ipOf(tenant, rng, attackerNetwork(tenant, rng, ['hosting', 'vpn']));
    const users = pickUsers(tenant, rng, p.targets + p.unblocked, isActiveMember);
    const open = new Set(users.slice(0, p.unblocked));
    const out: ActivityBase[] = [];
    for (const index of users) {
      const time = ctx.at + rng.int(p.minutes * 60_000);
      const errorCode = open.has(index) ? 0 : rng.bool(p.validShare) ? 53003 : 50126;
      // Mailbox access that works goes on over IMAP when the tool may use it (ROPC relay, agent BAV2ROPC).
      const protocol: ClientAppUsed = errorCode === 0 && p.protocols.includes('IMAP4') ? 'IMAP4' : rng.pick(p.protocols);
      let a: SignInActivity = buildUserSignIn(bctx, time, { user: index, ip, clientAppUsed: protocol, errorCode, primary: 'password' });
      // Accounts in the exception group: no policy applies, the password is the only factor.
      if (errorCode === 0) a = excludedFromConditionalAccess(a);
      else a = withoutMfaStep(a);
      out.push(a);
    }
    return out;
  },
};
