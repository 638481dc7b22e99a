/** RiskyServicePrincipals: workload identity risk state (Graph riskyServicePrincipal, AADRiskyServicePrincipals). */
import type { CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import { emitsServicePrincipalRisk } from '../identity-protection/licence.ts';
import type { RiskyServicePrincipalActivity } from './activity.ts';
import { buildRiskyServicePrincipal } from './build.ts';
import { riskyServicePrincipalToDiagnostic, riskyServicePrincipalToGraph, riskyServicePrincipalToLogAnalytics } from './render.ts';

export type { RiskyServicePrincipalActivity } from './activity.ts';
export { buildRiskyServicePrincipal, type RiskyServicePrincipalSpec } from './build.ts';
export {
  RISKY_SERVICE_PRINCIPALS_OPERATION,
  riskyServicePrincipalToDiagnostic,
  riskyServicePrincipalToGraph,
  riskyServicePrincipalToLogAnalytics,
  toRiskyServicePrincipalHistoryItem,
  type ServicePrincipalHistoryItemOptions,
} from './render.ts';

export const riskyServicePrincipals: CategoryModule<RiskyServicePrincipalActivity> = {
  category: 'RiskyServicePrincipals',
  table: TABLE_OF.RiskyServicePrincipals,
  graph: GRAPH_OF.RiskyServicePrincipals,
  dailyPerUser: 0.0003,
  baseline(ctx, time) {
    // Needs Workload Identities Premium; ID Protection scores no managed identities.
    if (!emitsServicePrincipalRisk(ctx.tenant) || ctx.tenant.applications.length === 0) return [];
    return [buildRiskyServicePrincipal(ctx, time)];
  },
  toDiagnostic: riskyServicePrincipalToDiagnostic,
  toGraph: (a, version) => riskyServicePrincipalToGraph(a, version),
  toLogAnalytics: riskyServicePrincipalToLogAnalytics,
};
