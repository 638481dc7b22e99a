/** EnrichedOffice365AuditLogs: Microsoft 365 audit events enriched with Global Secure Access context. */
import type { CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import type { EnrichedM365AuditActivity } from './activity.ts';
import { baselineEnrichedM365Audit } from './build.ts';
import { enrichedToDiagnostic, enrichedToLogAnalytics } from './render.ts';

export type { EnrichedM365AuditActivity } from './activity.ts';
export type { M365Workload } from './operations.ts';
export { buildEnrichedM365Audit, type EnrichedM365AuditSpec } from './build.ts';

export const enrichedOffice365AuditLogs: CategoryModule<EnrichedM365AuditActivity> = {
  category: 'EnrichedOffice365AuditLogs',
  table: TABLE_OF.EnrichedOffice365AuditLogs,
  graph: GRAPH_OF.EnrichedOffice365AuditLogs,
  // File, mail and Teams activity of GSA users: ~1.5 audit events per user per day.
  dailyPerUser: 1.5,
  baseline: baselineEnrichedM365Audit,
  toDiagnostic: enrichedToDiagnostic,
  // No Graph API serves these logs.
  toGraph: () => undefined,
  toLogAnalytics: enrichedToLogAnalytics,
};
