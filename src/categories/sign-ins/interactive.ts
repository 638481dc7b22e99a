/**
 * SignInLogs: interactive user sign-ins (LA table SigninLogs; Graph signIn v1.0 and beta).
 *
 * Baseline mix of a healthy tenant: ~90 % plain successes, ~4 % interrupts followed by the
 * success (two records: KMSI 50140, MFA 50074/50076, …), ~6 % failures, mostly 50126 and
 * 500121; Conditional Access adds the odd 53003 (legacy protocols) and 53000 (device state).
 */
import type { BuildContext, CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import type { Rng, Weighted } from '../../core/random.ts';
import { LEGACY_CLIENTS } from '../../data/sign-in-values.ts';
import { SIGNIN_LOGS_COLUMNS } from '../../data/sign-in-la-columns.ts';
import type { Tenant } from '../../tenant/types.ts';
import { buildBaselineUserFlow, type UserSignInFlowSpec } from './build-user.ts';
import type { SignInActivity } from './model.ts';
import { signInToDiagnostic } from './render-diagnostic.ts';
import { signInToGraph } from './render-graph.ts';
import { signInToLogAnalytics } from './render-log-analytics.ts';

type Outcome = 'success' | 'interrupt' | 'failure';
const OUTCOMES: Weighted<Outcome> = [
  ['success', 90],
  ['interrupt', 4],
  ['failure', 6],
];

/** Interrupts users pass through (the outcome record follows). */
export const INTERRUPTS: Weighted<number> = [
  [50140, 50],
  [50074, 22],
  [50076, 14],
  [50199, 6],
  [50072, 4],
  [50125, 4],
];

/** Codes Entra writes as an interrupt record before the outcome record of the same flow. */
export const INTERRUPT_CODES: ReadonlySet<number> = new Set(INTERRUPTS.map(([code]) => code));

/**
 * Failures that end the attempt, in a quiet tenant. Smart Lockout (50053) and legacy
 * protocols blocked by Conditional Access (53003) are left to the stories: single-event
 * detections alert on every one of them.
 */
const FAILURES: Weighted<number> = [
  [50126, 42],
  [500121, 12],
  [50074, 7],
  [50076, 5],
  [53000, 3],
  [16000, 4],
  [50034, 3],
  [50055, 2],
  [50057, 2],
  [50089, 2],
  [65001, 2],
  [50158, 1],
  [50097, 1],
  [16003, 1],
  [81010, 1],
];

const LEGACY: Weighted<(typeof LEGACY_CLIENTS)[number]> = LEGACY_CLIENTS.map((c) => [c, c.weight] as const);

function disabledUser(rng: Rng, tenant: Tenant): number | undefined {
  for (let i = 0; i < 24; i++) {
    const index = rng.int(tenant.userCount);
    if (!tenant.user(index).accountEnabled) return index;
  }
  return undefined;
}

/** A UPN that looks like the tenant's but belongs to nobody (typos, sprays of guessed names). */
function missingUpn(rng: Rng, tenant: Tenant, external: boolean): string {
  const someone = tenant.user(rng.int(tenant.userCount)).userPrincipalName;
  const local = someone.slice(0, someone.indexOf('@')).replace(/\d+$/, '');
  const domain = external ? rng.pick(['outlook.com', 'gmail.com', 'hotmail.com']) : tenant.domains[0]!;
  return `${local}${rng.range(2, 99)}@${domain}`;
}

export function failureSpec(rng: Rng, tenant: Tenant, code: number, category: UserSignInFlowSpec['category']): UserSignInFlowSpec {
  switch (code) {
    case 53003:
      return { category, errorCode: code, clientAppUsed: rng.weighted(LEGACY).clientAppUsed };
    case 53000:
      return { category, errorCode: code, app: 'Microsoft Office', resource: 'Office 365 Exchange Online', device: 'unregistered' };
    case 50057: {
      // Leavers try their old account from home, on their own devices.
      const user = disabledUser(rng, tenant);
      return user === undefined ? { category, errorCode: 50126 } : { category, errorCode: code, user, network: tenant.user(user).homeNetwork };
    }
    case 50034:
      return { category, errorCode: code, unknownUserPrincipalName: missingUpn(rng, tenant, false) };
    case 16003:
      return { category, errorCode: code, unknownUserPrincipalName: missingUpn(rng, tenant, true) };
    default:
      return { category, errorCode: code };
  }
}

function baseline(ctx: BuildContext, time: number): SignInActivity[] {
  const { rng, tenant } = ctx;
  const outcome = rng.weighted(OUTCOMES);
  if (outcome === 'success') return buildBaselineUserFlow(ctx, time, { category: 'SignInLogs' });
  if (outcome === 'interrupt') return buildBaselineUserFlow(ctx, time, { category: 'SignInLogs', interrupt: rng.weighted(INTERRUPTS) });
  return buildBaselineUserFlow(ctx, time, failureSpec(rng, tenant, rng.weighted(FAILURES), 'SignInLogs'));
}

export const signInLogs: CategoryModule<SignInActivity> = {
  category: 'SignInLogs',
  table: TABLE_OF.SignInLogs,
  graph: GRAPH_OF.SignInLogs,
  dailyPerUser: 3,
  baseline,
  toDiagnostic: signInToDiagnostic,
  toGraph: signInToGraph,
  toLogAnalytics: (a, ctx) => signInToLogAnalytics(a, ctx, TABLE_OF.SignInLogs, SIGNIN_LOGS_COLUMNS),
};
