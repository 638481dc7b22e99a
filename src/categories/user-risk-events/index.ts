/** UserRiskEvents: Identity Protection risk detections on users (Graph riskDetection, AADUserRiskEvents). */
import type { CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import { emitsUserRisk } from '../identity-protection/licence.ts';
import type { UserRiskDetectionActivity } from './activity.ts';
import { baselineUserRiskDetection } from './baseline.ts';
import { userRiskDetectionToDiagnostic, userRiskDetectionToGraph, userRiskDetectionToLogAnalytics } from './render.ts';

export type { UserRiskDetectionActivity } from './activity.ts';
export { buildUserRiskDetection, updateUserRiskDetection, type UserRiskDetectionSpec } from './build.ts';
export { baselineUserRiskDetection } from './baseline.ts';
export {
  USER_RISK_EVENTS_OPERATION,
  userRiskDetectionToDiagnostic,
  userRiskDetectionToGraph,
  userRiskDetectionToLogAnalytics,
} from './render.ts';

export const userRiskEvents: CategoryModule<UserRiskDetectionActivity> = {
  category: 'UserRiskEvents',
  table: TABLE_OF.UserRiskEvents,
  graph: GRAPH_OF.UserRiskEvents,
  dailyPerUser: 0.004,
  baseline(ctx, time) {
    // Free tenants get no Identity Protection records; P1 gets masked ones (licence.ts).
    if (!emitsUserRisk(ctx.tenant)) return [];
    return [baselineUserRiskDetection(ctx, time)];
  },
  toDiagnostic: userRiskDetectionToDiagnostic,
  toGraph: (a, version) => userRiskDetectionToGraph(a, version),
  toLogAnalytics: userRiskDetectionToLogAnalytics,
};
