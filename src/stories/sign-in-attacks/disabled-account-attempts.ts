/**
 * Sign-in attempts on disabled accounts: an attacker works through a list of harvested
 * credentials (former employees among them) from one address, trying each account on
 * several apps. Disabled accounts answer 50057 on every app; the list's still-valid
 * accounts sign in from the same address — which is what ties the address to an attack
 * rather than to a former employee's forgotten phone.
 */
import { buildUserSignIn, type SignInActivity } from '../../categories/sign-ins/index.ts';
import type { ActivityBase } from '../../core/activity.ts';
import type { Story, StoryContext } from '../types.ts';
import { ATTACKER_BROWSER_AGENTS, MINUTE, attackerDevice, attackerNetwork, buildContext, ipOf, isActiveMember, isDisabled, pickUsers, seconds } from './common.ts';

export interface DisabledAccountAttemptsParams {
  /** Disabled accounts tried (as many as the tenant has, at most). */
  readonly disabledUsers: number;
  /** Apps each disabled account is tried on. */
  readonly apps: ReadonlyArray<string>;
  /** Still-valid accounts on the list that sign in from the same address. */
  readonly validUsers: number;
  /** Minutes the run takes. */
  readonly minutes: number;
}

const DEFAULTS: DisabledAccountAttemptsParams = {
  disabledUsers: 4,
  apps: ['OfficeHome', 'Microsoft Teams Web Client', 'Azure Portal', 'My Apps'],
  validUsers: 2,
  minutes: 40,
};

export const disabledAccountAttempts: Story<DisabledAccountAttemptsParams> = {
  id: 'disabled-account-attempts',
  title: 'Sign-in attempts on disabled accounts',
  description:
    'From one address, disabled accounts are tried on several apps (50057 each time) while other accounts from the same credential list sign in successfully.',
  categories: ['SignInLogs'],
  detections: [
    'Sentinel: Attempts to sign in to disabled accounts (DisabledAccountSigninsAcrossManyApplications.yaml)',
    'Sentinel: Sign-ins from IPs that attempt sign-ins to disabled accounts (SigninAttemptsByIPviaDisabledAccounts.yaml)',
    'Sigma: Login to Disabled Account (azure_login_to_disabled_account.yml) — see report: its text is the old wording',
  ],
  params: {
    properties: {
      disabledUsers: { type: 'integer', minimum: 1, maximum: 500, description: 'Disabled accounts tried.' },
      apps: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true, description: 'Apps each disabled account is tried on.' },
      validUsers: { type: 'integer', minimum: 0, maximum: 100, description: 'Valid accounts on the list that sign in from the same address.' },
      minutes: { type: 'number', minimum: 1, maximum: 1440, description: 'Minutes the run takes.' },
    },
  },
  defaults: DEFAULTS,
  run(ctx: StoryContext, p: DisabledAccountAttemptsParams): ActivityBase[] {
    const { tenant, rng } = ctx;
    const bctx = buildContext(ctx);
    const ip = ipOf(tenant, rng, attackerNetwork(tenant, rng, ['hosting', 'vpn']));
    const userAgent = rng.pick(ATTACKER_BROWSER_AGENTS);
    const dress = (a: SignInActivity): SignInActivity =>
      attackerDevice(a, userAgent.includes('Linux') ? 'Linux' : 'Windows 10', userAgent.includes('Firefox') ? 'Firefox 125.0' : 'Chrome 124.0.0');
    const span = p.minutes * MINUTE;
    const out: ActivityBase[] = [];
    for (const index of pickUsers(tenant, rng, p.disabledUsers, isDisabled)) {
      // One account at a time, app after app, seconds apart.
      let time = ctx.at + rng.int(span);
      for (const app of p.apps) {
        out.push(dress(buildUserSignIn(bctx, time, { user: index, app, ip, device: 'unregistered', userAgent, errorCode: 50057 })));
        time += seconds(rng, 5, 40);
      }
    }
    for (const index of pickUsers(tenant, rng, p.validUsers, isActiveMember)) {
      const app = rng.pick(p.apps);
      out.push(dress(buildUserSignIn(bctx, ctx.at + rng.int(span), { user: index, app, resource: 'Microsoft Graph', ip, device: 'unregistered', userAgent, primary: 'password', errorCode: 0 })));
    }
    return out;
  },
};
