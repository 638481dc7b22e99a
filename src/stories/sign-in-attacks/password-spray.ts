/**
 * Password spray: one or two common passwords tried against many accounts, from one
 * rented address or spread over a residential-proxy pool. Entra answers each attempt the
 * way it answers real sprays: 50126 for a wrong password, 50053 for an account Smart
 * Lockout already holds, 50055 for an expired password, 50057 for a disabled account,
 * 50034 for a guessed name nobody has. One account may fall: its password is right
 * (50076, MFA stands in the way) or, on an account excluded from Conditional Access,
 * the sign-in succeeds; Identity Protection then raises a passwordSpray detection on it.
 *
 * Distributed sprays also hammer a few accounts from many countries (`focusUsers` ×
 * `focusAttempts`), the pattern Sentinel's distributed cracking rule looks for.
 */
import { buildUserSignIn, type SignInActivity, type UserSignInSpec } from '../../categories/sign-ins/index.ts';
import { UserRiskStateMachine } from '../../categories/identity-protection/index.ts';
import type { ActivityBase } from '../../core/activity.ts';
import type { Rng } from '../../core/random.ts';
import type { Network, Tenant } from '../../tenant/types.ts';
import type { Story, StoryContext } from '../types.ts';
import {
  ATTACKER_KINDS,
  HOUR,
  MINUTE,
  attackerDevice,
  attackerNetwork,
  buildContext,
  excludedFromConditionalAccess,
  foreignConsumerNetworks,
  guessedUpns,
  ipOf,
  isActiveMember,
  pickUsers,
} from './common.ts';

export interface PasswordSprayParams {
  /** Spread attempts over a residential-proxy pool instead of one rented address. */
  readonly distributed: boolean;
  /** Existing accounts tried (members; disabled ones answer 50057). */
  readonly targets: number;
  /** Guessed names that do not exist (50034). */
  readonly nonexistent: number;
  /** Passwords tried: one round over every target per password. */
  readonly passwords: number;
  /** Minutes one round takes. */
  readonly roundMinutes: number;
  /** Minutes between the starts of two rounds (sprayers wait out lockout windows). */
  readonly roundGapMinutes: number;
  /** What the one account whose password is right gives: nothing, 50076 (MFA blocks), or a token. */
  readonly outcome: 'none' | 'valid-password' | 'success';
  /** User index of that account (default: one of the targets). */
  readonly user?: number;
  /** Client the tool signs in to (MSOLSpray and kin use Azure AD PowerShell's public client id). */
  readonly app: string;
  /** The tool's user agent (a bare `Mozilla/5.0` for the common tools). */
  readonly userAgent: string;
  /** Distributed only: accounts tried with many passwords from many countries. */
  readonly focusUsers: number;
  /** Distributed only: attempts on each of those accounts. */
  readonly focusAttempts: number;
}

const DEFAULTS: PasswordSprayParams = {
  distributed: false,
  targets: 60,
  nonexistent: 4,
  passwords: 2,
  roundMinutes: 12,
  roundGapMinutes: 50,
  outcome: 'valid-password',
  app: 'Azure Active Directory PowerShell',
  userAgent: 'Mozilla/5.0',
  focusUsers: 3,
  focusAttempts: 36,
};

/** Smart Lockout: locked after this many failures, for a minute, doubling each time. */
const LOCKOUT_THRESHOLD = 10;
const LOCKOUT_MS = 60_000;

/** Where each attempt comes from: one address, or a different proxy exit each time. */
interface Source {
  next(rng: Rng): string;
}

function fixedSource(ip: string): Source {
  return { next: () => ip };
}

function proxySource(tenant: Tenant, pool: ReadonlyArray<Network>): Source {
  return { next: (rng) => ipOf(tenant, rng, rng.pick(pool)) };
}

/** Residential proxies exit through consumer ISPs around the world, plus some VPN and hosting ranges. */
function proxyPool(tenant: Tenant): Network[] {
  const foreign = foreignConsumerNetworks(tenant);
  const rented = tenant.networks.filter((n) => ATTACKER_KINDS.includes(n.kind) && n.asn !== 8075);
  return [...foreign, ...rented];
}

/** `count` distinct items of `items`, drawn with `rng`. */
function drawSome<T>(rng: Rng, items: ReadonlyArray<T>, count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(rng.int(pool.length), 1)[0]!);
  return out;
}

interface Attempt {
  readonly time: number;
  readonly spec: UserSignInSpec;
  readonly hit?: boolean;
}

export const passwordSpray: Story<PasswordSprayParams> = {
  id: 'password-spray',
  title: 'Password spray',
  description:
    'One or two passwords tried against many accounts from one hosting/VPN address (or a residential-proxy spread): 50126, some 50053/50055/50057, 50034 for guessed names; optionally one account falls.',
  categories: ['SignInLogs', 'UserRiskEvents', 'RiskyUsers'],
  detections: [
    'Sentinel: Password spray attack against Microsoft Entra ID application (SigninPasswordSpray.yaml)',
    'Sentinel: Distributed Password cracking attempts in Microsoft Entra ID (DistribPassCrackAttempt.yaml) — distributed: true',
    'Sigma: Password Spray Attack via Azure AD Sign-In Logs (azure_ad_password_spray_via_signinlogs.yml)',
    'Sigma: Failed Entra ID Sign-In Via Azure AD PowerShell Or Azure CLI With Generic User Agent (azure_signin_spray_tooling_failed_auth.yml)',
    'Sigma: Account Lockout (azure_account_lockout.yml)',
    'Sigma: Password Spray Activity (azure_identity_protection_password_spray.yml) — when an account falls',
  ],
  params: {
    properties: {
      distributed: { type: 'boolean', description: 'Spread attempts over a residential-proxy pool.' },
      targets: { type: 'integer', minimum: 1, maximum: 5000, description: 'Existing accounts tried.' },
      nonexistent: { type: 'integer', minimum: 0, maximum: 500, description: 'Guessed names that do not exist (50034).' },
      passwords: { type: 'integer', minimum: 1, maximum: 5, description: 'Passwords tried (one round each).' },
      roundMinutes: { type: 'number', minimum: 1, maximum: 240, description: 'Minutes one round takes.' },
      roundGapMinutes: { type: 'number', minimum: 1, maximum: 1440, description: 'Minutes between round starts.' },
      outcome: { enum: ['none', 'valid-password', 'success'], description: 'What the account whose password is right gives.' },
      user: { type: 'integer', minimum: 0, description: 'User index of that account.' },
      app: { type: 'string', minLength: 1, description: 'Client application (display name or app id).' },
      userAgent: { type: 'string', description: "The tool's user agent." },
      focusUsers: { type: 'integer', minimum: 0, maximum: 50, description: 'Distributed: accounts hammered from many countries.' },
      focusAttempts: { type: 'integer', minimum: 1, maximum: 500, description: 'Distributed: attempts on each of them.' },
    },
  },
  defaults: DEFAULTS,
  run(ctx: StoryContext, p: PasswordSprayParams): ActivityBase[] {
    const { tenant, rng } = ctx;
    const bctx = buildContext(ctx);
    const source = p.distributed ? proxySource(tenant, proxyPool(tenant)) : fixedSource(ipOf(tenant, rng, attackerNetwork(tenant, rng, ['hosting', 'vpn'])));

    // Targets: members (a few disabled among them, as any harvested list has), plus guesses.
    const members = pickUsers(tenant, rng, p.targets, (u) => u.userType === 'Member');
    if (p.user !== undefined && !members.includes(p.user)) members[0] = p.user;
    const enabled = members.filter((i) => tenant.user(i).accountEnabled);
    const hitUser = p.outcome === 'none' ? undefined : (p.user ?? (enabled.length > 0 ? rng.pick(enabled) : undefined));
    // A few accounts Smart Lockout already holds, and expired passwords the spray happens to match.
    const others = enabled.filter((i) => i !== hitUser);
    const locked = new Set(drawSome(rng, others, Math.max(1, Math.round(others.length * 0.04))));
    const expired = new Set(drawSome(rng, others.filter((i) => !locked.has(i)), Math.max(1, Math.round(others.length * 0.03))));
    const guesses = guessedUpns(tenant, rng, p.nonexistent);
    const hitRound = rng.int(p.passwords);

    const attempts: Attempt[] = [];
    for (let round = 0; round < p.passwords; round++) {
      const start = ctx.at + round * p.roundGapMinutes * MINUTE;
      const span = p.roundMinutes * MINUTE;
      for (const index of members) {
        const u = tenant.user(index);
        const time = start + rng.int(span);
        if (index === hitUser && round === hitRound) {
          attempts.push({ time, spec: { user: index, errorCode: p.outcome === 'success' ? 0 : 50076, primary: 'password' }, hit: true });
          continue;
        }
        let errorCode = 50126;
        if (!u.accountEnabled) errorCode = 50057;
        else if (locked.has(index)) errorCode = 50053;
        else if (expired.has(index)) errorCode = 50055;
        attempts.push({ time, spec: { user: index, errorCode } });
      }
      for (const upn of guesses) attempts.push({ time: start + rng.int(span), spec: { unknownUserPrincipalName: upn, errorCode: 50034 } });
    }

    if (p.distributed && p.focusUsers > 0) {
      // A few accounts tried over and over from the proxy pool: Smart Lockout engages.
      const campaign = Math.max(HOUR, (p.passwords - 1) * p.roundGapMinutes * MINUTE + p.roundMinutes * MINUTE);
      const focus = pickUsers(tenant, rng, p.focusUsers + 1, isActiveMember).filter((i) => i !== hitUser).slice(0, p.focusUsers);
      for (const index of focus) {
        const times = Array.from({ length: p.focusAttempts }, () => ctx.at + rng.int(campaign)).sort((a, b) => a - b);
        let failures = 0;
        let lockedUntil = 0;
        let lockouts = 0;
        for (const time of times) {
          if (time < lockedUntil) {
            attempts.push({ time, spec: { user: index, errorCode: 50053 } });
            continue;
          }
          attempts.push({ time, spec: { user: index, errorCode: 50126 } });
          if (++failures % LOCKOUT_THRESHOLD === 0) lockedUntil = time + LOCKOUT_MS * 2 ** lockouts++;
        }
      }
    }

    attempts.sort((a, b) => a.time - b.time);
    const out: ActivityBase[] = [];
    for (const at of attempts) {
      let a: SignInActivity = buildUserSignIn(bctx, at.time, {
        ...at.spec,
        app: p.app,
        // ROPC names one resource; the spray tools ask for the Azure AD Graph.
        ...(p.app === DEFAULTS.app ? { resource: 'Windows Azure Active Directory' } : {}),
        ip: source.next(rng),
        device: 'unregistered',
        userAgent: p.userAgent,
        ...(at.spec.errorCode === 50126 || at.spec.errorCode === 50055 ? { primary: 'password' as const } : {}),
      });
      // Scripted ROPC clients are "Mobile Apps and Desktop clients"; the agent names no OS or browser.
      a = attackerDevice(a, '', '', 'Mobile Apps and Desktop clients');
      if (at.hit && p.outcome === 'success') a = excludedFromConditionalAccess(a);
      out.push(a);
      if (at.hit && a.user) {
        const machine = new UserRiskStateMachine(bctx, tenant.user(at.spec.user!));
        const t = machine.detect(a.time + rng.range(20 * MINUTE, 3 * HOUR), {
          riskEventType: 'passwordSpray',
          activity: 'signin',
          detectionTimingType: 'offline',
          riskLevel: 'high',
          requestId: a.id,
          correlationId: a.correlationId,
          ipAddress: a.ipAddress,
          userAgent: a.userAgent,
          activityTime: a.time,
          activityTick: a.tick,
        });
        out.push(...t.detections);
        if (t.riskyUser) out.push(t.riskyUser);
      }
    }
    return out;
  },
};
