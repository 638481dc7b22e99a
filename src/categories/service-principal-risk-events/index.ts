/** ServicePrincipalRiskEvents: workload identity risk detections (Graph servicePrincipalRiskDetection, AADServicePrincipalRiskEvents). */
import type { CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import { emitsServicePrincipalRisk } from '../identity-protection/licence.ts';
import type { ServicePrincipalRiskDetectionActivity } from './activity.ts';
import { buildServicePrincipalRiskDetection } from './build.ts';
import {
  servicePrincipalRiskDetectionToDiagnostic,
  servicePrincipalRiskDetectionToGraph,
  servicePrincipalRiskDetectionToLogAnalytics,
} from './render.ts';

export type { ServicePrincipalRiskDetectionActivity } from './activity.ts';
export {
  buildServicePrincipalRiskDetection,
  updateServicePrincipalRiskDetection,
  type ServicePrincipalRiskDetectionSpec,
} from './build.ts';
export {
  SERVICE_PRINCIPAL_RISK_EVENTS_OPERATION,
  servicePrincipalRiskDetectionToDiagnostic,
  servicePrincipalRiskDetectionToGraph,
  servicePrincipalRiskDetectionToLogAnalytics,
} from './render.ts';

export const servicePrincipalRiskEvents: CategoryModule<ServicePrincipalRiskDetectionActivity> = {
  category: 'ServicePrincipalRiskEvents',
  table: TABLE_OF.ServicePrincipalRiskEvents,
  graph: GRAPH_OF.ServicePrincipalRiskEvents,
  dailyPerUser: 0.0005,
  baseline(ctx, time) {
    // Needs Workload Identities Premium (graph-api.md §1.2).
    if (!emitsServicePrincipalRisk(ctx.tenant) || ctx.tenant.applications.length === 0) return [];
    return [buildServicePrincipalRiskDetection(ctx, time)];
  },
  toDiagnostic: servicePrincipalRiskDetectionToDiagnostic,
  toGraph: (a, version) => servicePrincipalRiskDetectionToGraph(a, version),
  toLogAnalytics: servicePrincipalRiskDetectionToLogAnalytics,
};
