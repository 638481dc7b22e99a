/**
 * Brute force against one account: a tool drives the sign-in page of one app (the Azure
 * portal by default) from one rented address, trying password after password in the
 * same browser flow — so every attempt carries the flow's correlation id. Smart Lockout
 * engages after ten failures (50053 while it holds, a minute doubling each time); the
 * password is eventually found, Entra asks for MFA (50074 interrupt) and the user
 * approves the unexpected prompt: the interrupt and the success share correlationId and
 * originalRequestId, as Entra writes multi-step sign-ins.
 */
import { buildUserSignIn, buildUserSignInFlow, type SignInActivity } from '../../categories/sign-ins/index.ts';
import type { ActivityBase } from '../../core/activity.ts';
import type { Story, StoryContext } from '../types.ts';
import { ATTACKER_BROWSER_AGENTS, attackerDevice, attackerNetwork, buildContext, ipOf, seconds, victim } from './common.ts';

export interface BruteForceParams {
  /** User index (default: an administrator, the accounts portals are worth brute-forcing for). */
  readonly user?: number;
  /** Failed attempts before the password is found. */
  readonly failures: number;
  /** Application whose sign-in page is attacked. */
  readonly app: string;
  /** Whether the password is found at the end (else the tool gives up). */
  readonly success: boolean;
  /** Smart Lockout threshold (Entra's default is 10). */
  readonly lockoutThreshold: number;
}

const DEFAULTS: BruteForceParams = { failures: 30, app: 'Azure Portal', success: true, lockoutThreshold: 10 };

const LOCKOUT_MS = 60_000;

export const bruteForce: Story<BruteForceParams> = {
  id: 'brute-force',
  title: 'Brute force against one account',
  description:
    'Many wrong passwords for one user from one address in one sign-in flow (Smart Lockout answers 50053 while it holds), then the right one: an MFA interrupt and a success sharing correlationId.',
  categories: ['SignInLogs'],
  detections: [
    'Sentinel: Brute force attack against Azure Portal (SigninBruteForce-AzurePortal.yaml)',
    'Sigma: Account Lockout (azure_account_lockout.yml)',
  ],
  params: {
    properties: {
      user: { type: 'integer', minimum: 0, description: 'User index (default: an administrator).' },
      failures: { type: 'integer', minimum: 1, maximum: 1000, description: 'Failed attempts before the password is found.' },
      app: { type: 'string', minLength: 1, description: 'Application whose sign-in page is attacked.' },
      success: { type: 'boolean', description: 'Whether the password is found at the end.' },
      lockoutThreshold: { type: 'integer', minimum: 1, maximum: 50, description: 'Smart Lockout threshold.' },
    },
  },
  defaults: DEFAULTS,
  run(ctx: StoryContext, p: BruteForceParams): ActivityBase[] {
    const { tenant, rng } = ctx;
    const bctx = buildContext(ctx);
    const user = victim(tenant, rng, p.user, true);
    const ip = ipOf(tenant, rng, attackerNetwork(tenant, rng, ['hosting', 'vpn']));
    const userAgent = rng.pick(ATTACKER_BROWSER_AGENTS);
    const correlationId = rng.uuid();
    // One flow, one resource: the portal signs in for Azure Resource Manager.
    const resource = p.app === 'Azure Portal' ? { resource: 'Azure Resource Manager' } : {};
    const common = { user: user.index, app: p.app, ...resource, ip, device: 'unregistered' as const, userAgent, correlationId };
    const dress = (a: SignInActivity): SignInActivity => attackerDevice(a, userAgent.includes('Linux') ? 'Linux' : 'Windows 10', userAgent.includes('Firefox') ? 'Firefox 125.0' : 'Chrome 124.0.0');

    const out: ActivityBase[] = [];
    let time = ctx.at;
    let failed = 0;
    let lockouts = 0;
    let lockedUntil = 0;
    // Attempts a few seconds to a minute apart: one flow, never idle long enough to end it.
    while (failed < p.failures) {
      time += seconds(rng, 6, 45);
      const locked = time < lockedUntil;
      out.push(dress(buildUserSignIn(bctx, time, { ...common, errorCode: locked ? 50053 : 50126, primary: 'password' })));
      failed++;
      if (!locked && failed % p.lockoutThreshold === 0) lockedUntil = time + LOCKOUT_MS * 2 ** lockouts++;
    }
    if (p.success) {
      time = Math.max(time, lockedUntil) + seconds(rng, 6, 45);
      for (const a of buildUserSignInFlow(bctx, time, { ...common, interrupt: 50074, errorCode: 0, primary: 'password', mfa: 'performed' })) out.push(dress(a));
    }
    return out;
  },
};
