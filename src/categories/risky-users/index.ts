/** RiskyUsers: Identity Protection's per-user risk state (Graph riskyUser, AADRiskyUsers). */
import type { CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import { emitsUserRisk } from '../identity-protection/licence.ts';
import type { RiskyUserActivity } from './activity.ts';
import { buildRiskyUser } from './build.ts';
import { riskyUserToDiagnostic, riskyUserToGraph, riskyUserToLogAnalytics } from './render.ts';

export type { RiskyUserActivity } from './activity.ts';
export { buildRiskyUser, type RiskyUserSpec } from './build.ts';
export {
  RISKY_USERS_OPERATION,
  riskyUserToDiagnostic,
  riskyUserToGraph,
  riskyUserToLogAnalytics,
  toRiskyUserHistoryItem,
  type HistoryItemOptions,
} from './render.ts';

export const riskyUsers: CategoryModule<RiskyUserActivity> = {
  category: 'RiskyUsers',
  table: TABLE_OF.RiskyUsers,
  graph: GRAPH_OF.RiskyUsers,
  dailyPerUser: 0.002,
  baseline(ctx, time) {
    // Identity Protection needs P1/P2 (free tenants write nothing); P1 reads `hidden`.
    if (!emitsUserRisk(ctx.tenant)) return [];
    return [buildRiskyUser(ctx, time)];
  },
  toDiagnostic: riskyUserToDiagnostic,
  toGraph: (a, version) => riskyUserToGraph(a, version),
  toLogAnalytics: riskyUserToLogAnalytics,
};
