/**
 * ProvisioningLogs: what the Entra provisioning service did with each object in each job
 * cycle (Graph `provisioningObjectSummary`, LA `AADProvisioningLogs`). Envelope time equals
 * activityDateTime in the samples; durationMs is the real processing time.
 */
import type { CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import { buildProvisioningEvent } from './builder.ts';
import type { ProvisioningActivity } from './model.ts';
import { toProvisioningDiagnostic, toProvisioningGraph, toProvisioningRow } from './render.ts';

export const provisioningLogs: CategoryModule<ProvisioningActivity> = {
  category: 'ProvisioningLogs',
  table: TABLE_OF.ProvisioningLogs,
  graph: GRAPH_OF.ProvisioningLogs,
  dailyPerUser: 0.1,
  baseline: (ctx, time) => buildProvisioningEvent(ctx, time),
  toDiagnostic: toProvisioningDiagnostic,
  toGraph: toProvisioningGraph,
  toLogAnalytics: toProvisioningRow,
};

export { buildProvisioningEvent };
export type { ProvisioningSpec, ProvisioningSpecAction, ProvisioningSpecResult } from './builder.ts';
export type { ProvisioningActivity } from './model.ts';
export type { ProvisioningConnectorKey } from '../../data/provisioning-values.ts';
