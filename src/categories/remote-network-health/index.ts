/** RemoteNetworkHealthLogs: health of the branch offices' tunnels to Global Secure Access. */
import type { CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import type { RemoteNetworkHealthActivity } from './activity.ts';
import { baselineRemoteNetworkHealth } from './build.ts';
import { healthToDiagnostic, healthToGraph, healthToLogAnalytics } from './render.ts';

export type { RemoteNetworkHealthActivity, RemoteNetworkStatus } from './activity.ts';
export { buildRemoteNetworkHealth, buildTunnelFlap, type RemoteNetworkHealthSpec } from './build.ts';

export const remoteNetworkHealthLogs: CategoryModule<RemoteNetworkHealthActivity> = {
  category: 'RemoteNetworkHealthLogs',
  table: TABLE_OF.RemoteNetworkHealthLogs,
  graph: GRAPH_OF.RemoteNetworkHealthLogs,
  // Scales with branch offices rather than users; the module contract is per user, so
  // ~0.01 per user (2 a day for a 200-user tenant with a handful of branches).
  dailyPerUser: 0.01,
  baseline: baselineRemoteNetworkHealth,
  toDiagnostic: healthToDiagnostic,
  toGraph: (a, version) => healthToGraph(a, version),
  toLogAnalytics: healthToLogAnalytics,
};
