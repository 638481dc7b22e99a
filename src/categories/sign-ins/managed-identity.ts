/**
 * ManagedIdentitySignInLogs: managed identities of the tenant's Azure resources getting
 * tokens for Key Vault, Storage, ARM and Graph (LA table AADManagedIdentitySignInLogs;
 * Graph beta signIn only). Nearly all succeed; the rare failure real records show is
 * 7000232.
 */
import type { BuildContext, CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import { MANAGED_IDENTITY_COLUMNS } from '../../data/sign-in-la-columns.ts';
import { buildManagedIdentitySignIn } from './build-workload.ts';
import type { SignInActivity } from './model.ts';
import { signInToDiagnostic } from './render-diagnostic.ts';
import { signInToGraph } from './render-graph.ts';
import { signInToLogAnalytics } from './render-log-analytics.ts';

const FAILURE_RATE = 0.002;

function baseline(ctx: BuildContext, time: number): SignInActivity[] {
  if (ctx.tenant.managedIdentities.length === 0) return [];
  return [buildManagedIdentitySignIn(ctx, time, ctx.rng.bool(FAILURE_RATE) ? { errorCode: 7000232 } : {})];
}

export const managedIdentitySignInLogs: CategoryModule<SignInActivity> = {
  category: 'ManagedIdentitySignInLogs',
  table: TABLE_OF.ManagedIdentitySignInLogs,
  graph: GRAPH_OF.ManagedIdentitySignInLogs,
  dailyPerUser: 4,
  baseline,
  toDiagnostic: signInToDiagnostic,
  toGraph: signInToGraph,
  toLogAnalytics: (a, ctx) => signInToLogAnalytics(a, ctx, TABLE_OF.ManagedIdentitySignInLogs, MANAGED_IDENTITY_COLUMNS),
};
