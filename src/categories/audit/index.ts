/**
 * AuditLogs: Entra directory audit events (Graph `directoryAudit`, LA `AuditLogs`).
 * Envelope time equals activityDateTime — no ingestion delay in the record (notes §A.5).
 */
import type { CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import { buildAuditEvent } from './builder.ts';
import type { DirectoryAuditActivity } from './model.ts';
import { toAuditDiagnostic, toAuditGraph, toAuditLogsRow } from './render.ts';

export const auditLogs: CategoryModule<DirectoryAuditActivity> = {
  category: 'AuditLogs',
  table: TABLE_OF.AuditLogs,
  graph: GRAPH_OF.AuditLogs,
  // Roughly 0.6 audit records per user per day in an enterprise tenant.
  dailyPerUser: 0.6,
  baseline: (ctx, time) => buildAuditEvent(ctx, time),
  toDiagnostic: toAuditDiagnostic,
  toGraph: (a, version) => toAuditGraph(a, version, 'directoryAudit'),
  toLogAnalytics: toAuditLogsRow,
};

export { buildAuditEvent };
export type { AuditEventSpec, AuditInitiatorSpec, AuditTargetSpec } from './spec.ts';
export type {
  AuditAppInitiator,
  AuditInitiator,
  AuditKeyValue,
  AuditModifiedProperty,
  AuditResult,
  AuditTarget,
  AuditUserInitiator,
  DirectoryAuditActivity,
} from './model.ts';
export type { AuditActivityName, ServiceActorKey } from '../../data/audit-activities.ts';
