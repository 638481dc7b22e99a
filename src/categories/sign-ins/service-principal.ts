/**
 * ServicePrincipalSignInLogs: the tenant's daemons and SaaS apps signing in as themselves
 * with client credentials, from a hosting network (LA table AADServicePrincipalSignInLogs;
 * Graph beta signIn only). Failures are credential problems: 7000215 (wrong secret),
 * 7000222 (expired secret), 700016 (app not in the tenant).
 */
import type { BuildContext, CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import type { Weighted } from '../../core/random.ts';
import { SERVICE_PRINCIPAL_COLUMNS } from '../../data/sign-in-la-columns.ts';
import { buildServicePrincipalSignIn } from './build-workload.ts';
import type { SignInActivity } from './model.ts';
import { signInToDiagnostic } from './render-diagnostic.ts';
import { signInToGraph } from './render-graph.ts';
import { signInToLogAnalytics } from './render-log-analytics.ts';
import { signInTenantData } from './tenant-data.ts';

const FAILURE_RATE = 0.02;
const FAILURES: Weighted<number> = [
  [7000215, 50],
  [7000222, 30],
  [700016, 20],
];

function baseline(ctx: BuildContext, time: number): SignInActivity[] {
  const { rng, tenant } = ctx;
  const td = signInTenantData(tenant);
  if (td.workloadApps.length === 0) return [];
  if (rng.bool(FAILURE_RATE)) {
    const code = rng.weighted(FAILURES);
    if (code === 700016) return [buildServicePrincipalSignIn(ctx, time, { errorCode: code })];
    // Secret errors only happen to apps that use secrets.
    const withSecret = td.workloadAppsWithSecret;
    if (withSecret.length > 0) return [buildServicePrincipalSignIn(ctx, time, { errorCode: code, app: rng.pick(withSecret)[0].appId })];
  }
  return [buildServicePrincipalSignIn(ctx, time)];
}

export const servicePrincipalSignInLogs: CategoryModule<SignInActivity> = {
  category: 'ServicePrincipalSignInLogs',
  table: TABLE_OF.ServicePrincipalSignInLogs,
  graph: GRAPH_OF.ServicePrincipalSignInLogs,
  // Entra: non-interactive and service-principal sign-ins are typically 5–10× interactive ones.
  dailyPerUser: 15,
  baseline,
  toDiagnostic: signInToDiagnostic,
  toGraph: signInToGraph,
  toLogAnalytics: (a, ctx) => signInToLogAnalytics(a, ctx, TABLE_OF.ServicePrincipalSignInLogs, SERVICE_PRINCIPAL_COLUMNS),
};
