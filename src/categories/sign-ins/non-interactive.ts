/**
 * NonInteractiveUserSignInLogs: token refreshes and silent SSO by the same clients, on the
 * user's behalf (LA table AADNonInteractiveUserSignInLogs; Graph beta signIn only).
 * Volume is 5–10× the interactive sign-ins (notes §A.5); almost all succeed, the rest are
 * expired or revoked sessions (70043, 70044, 50173, 50133, 700082) and silent sign-ins
 * that need the user (50058, 50076, 50078, 65001).
 */
import type { BuildContext, CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import type { Weighted } from '../../core/random.ts';
import { NON_INTERACTIVE_COLUMNS } from '../../data/sign-in-la-columns.ts';
import { buildBaselineUserFlow } from './build-user.ts';
import type { SignInActivity } from './model.ts';
import { signInToDiagnostic } from './render-diagnostic.ts';
import { signInToGraph } from './render-graph.ts';
import { signInToLogAnalytics } from './render-log-analytics.ts';

const FAILURE_RATE = 0.035;

const FAILURES: Weighted<number> = [
  [50173, 20],
  [50058, 15],
  [70043, 15],
  [70044, 12],
  [50133, 12],
  [700082, 8],
  [50076, 8],
  [50078, 6],
  [65001, 4],
];

function baseline(ctx: BuildContext, time: number): SignInActivity[] {
  const { rng } = ctx;
  if (rng.bool(FAILURE_RATE)) return buildBaselineUserFlow(ctx, time, { category: 'NonInteractiveUserSignInLogs', errorCode: rng.weighted(FAILURES) });
  return buildBaselineUserFlow(ctx, time, { category: 'NonInteractiveUserSignInLogs' });
}

export const nonInteractiveUserSignInLogs: CategoryModule<SignInActivity> = {
  category: 'NonInteractiveUserSignInLogs',
  table: TABLE_OF.NonInteractiveUserSignInLogs,
  graph: GRAPH_OF.NonInteractiveUserSignInLogs,
  dailyPerUser: 20,
  baseline,
  toDiagnostic: signInToDiagnostic,
  toGraph: signInToGraph,
  toLogAnalytics: (a, ctx) => signInToLogAnalytics(a, ctx, TABLE_OF.NonInteractiveUserSignInLogs, NON_INTERACTIVE_COLUMNS),
};
