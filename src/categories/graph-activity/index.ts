/** MicrosoftGraphActivityLogs: every Microsoft Graph request made in the tenant. */
import type { CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import type { GraphActivity } from './activity.ts';
import { baselineGraphActivity } from './build.ts';
import { graphActivityToDiagnostic, graphActivityToLogAnalytics } from './render.ts';

export type { GraphActivity } from './activity.ts';
export { buildGraphActivity, buildGraphBatch, uniqueTokenIdentifier, type GraphActivitySpec } from './build.ts';

export const graphActivityLogs: CategoryModule<GraphActivity> = {
  category: 'MicrosoftGraphActivityLogs',
  table: TABLE_OF.MicrosoftGraphActivityLogs,
  graph: GRAPH_OF.MicrosoftGraphActivityLogs,
  // Clients, daemons and managed identities call Graph all day: ~8 requests per user.
  dailyPerUser: 8,
  baseline: baselineGraphActivity,
  toDiagnostic: graphActivityToDiagnostic,
  // No Graph API serves these logs (graph-api.md §11).
  toGraph: () => undefined,
  toLogAnalytics: graphActivityToLogAnalytics,
};
