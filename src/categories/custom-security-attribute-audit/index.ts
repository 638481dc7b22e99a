/**
 * CustomSecurityAttributeAuditLogs: the separate custom-security-attribute audit log
 * (Graph beta `customSecurityAttributeAudit`, LA `AADCustomSecurityAttributeAuditLogs`).
 * No public diagnostic sample exists: the envelope mirrors AuditLogs, as notes §A.3 guesses
 * [unverified]; envelope time equals activityDateTime.
 */
import type { CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import type { DirectoryAuditActivity } from '../audit/model.ts';
import { toAuditDiagnostic, toAuditGraph, toCustomSecurityAttributeRow } from '../audit/render.ts';
import { buildCustomSecurityAttributeAudit } from './builder.ts';

export const customSecurityAttributeAuditLogs: CategoryModule<DirectoryAuditActivity> = {
  category: 'CustomSecurityAttributeAuditLogs',
  table: TABLE_OF.CustomSecurityAttributeAuditLogs,
  graph: GRAPH_OF.CustomSecurityAttributeAuditLogs,
  // Only tenants that use custom security attributes write these, and rarely.
  dailyPerUser: 0.01,
  baseline: (ctx, time) => buildCustomSecurityAttributeAudit(ctx, time),
  toDiagnostic: toAuditDiagnostic,
  toGraph: (a, version) => toAuditGraph(a, version, 'customSecurityAttributeAudit'),
  toLogAnalytics: toCustomSecurityAttributeRow,
};

export { buildCustomSecurityAttributeAudit };
export type { CustomSecurityAttributeAuditSpec } from './builder.ts';
