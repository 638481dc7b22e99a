/**
 * ADFSSignInLogs: AD FS sign-ins of federated tenants, reported by Connect Health (LA table
 * ADFSSignInLogs; no Graph resource). Only tenants with users synced from on-premises AD
 * have them; the baseline returns nothing otherwise.
 *
 * Baseline: ~55 % intranet Windows-integrated sign-ins (one record), the rest forms sign-ins
 * through the proxy (Forms + SSO records sharing the correlation id); ~4 % failures: bad
 * password (50126), extranet lockout (300300), expired AD password (50144).
 */
import type { BuildContext, CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import type { Weighted } from '../../core/random.ts';
import type { SignInActivity } from '../sign-ins/model.ts';
import { buildAdfsSignInFlow, pickSyncedUser } from './build.ts';
import { adfsToDiagnostic, adfsToLogAnalytics } from './render.ts';

const FAILURE_RATE = 0.04;
const FAILURES: Weighted<number> = [
  [50126, 80],
  [300300, 12],
  [50144, 8],
];

function baseline(ctx: BuildContext, time: number): SignInActivity[] {
  const user = pickSyncedUser(ctx.rng, ctx.tenant);
  if (!user) return [];
  const errorCode = ctx.rng.bool(FAILURE_RATE) ? ctx.rng.weighted(FAILURES) : 0;
  // Bad passwords are typed into the forms page, from outside.
  return buildAdfsSignInFlow(ctx, time, errorCode === 0 ? { user: user.index } : { user: user.index, errorCode, intranet: false });
}

export const adfsSignInLogs: CategoryModule<SignInActivity> = {
  category: 'ADFSSignInLogs',
  table: TABLE_OF.ADFSSignInLogs,
  graph: GRAPH_OF.ADFSSignInLogs,
  dailyPerUser: 0.5,
  baseline,
  toDiagnostic: adfsToDiagnostic,
  toGraph: () => undefined,
  toLogAnalytics: adfsToLogAnalytics,
};

export { buildAdfsSignIn, buildAdfsSignInFlow, type AdfsSignInSpec, type AdfsAuthentication } from './build.ts';
export { adfsToDiagnostic, adfsToLogAnalytics } from './render.ts';
