/** NetworkAccessTrafficLogs: Global Secure Access traffic (Microsoft 365, Internet and Private Access). */
import type { CategoryModule } from '../../core/activity.ts';
import { GRAPH_OF, TABLE_OF } from '../../core/categories.ts';
import type { NetworkAccessTrafficActivity } from './activity.ts';
import { baselineNetworkAccessTraffic } from './build.ts';
import { trafficToDiagnostic, trafficToGraph, trafficToLogAnalytics } from './render.ts';

export type { NetworkAccessTrafficActivity, TrafficAction, TrafficType, TransportProtocol } from './activity.ts';
export { buildNetworkAccessTraffic, type NetworkAccessTrafficSpec } from './build.ts';

export const networkAccessTrafficLogs: CategoryModule<NetworkAccessTrafficActivity> = {
  category: 'NetworkAccessTrafficLogs',
  table: TABLE_OF.NetworkAccessTrafficLogs,
  graph: GRAPH_OF.NetworkAccessTrafficLogs,
  // Every web, Microsoft 365 and private connection of GSA users: ~12 transactions a day each.
  dailyPerUser: 12,
  baseline: baselineNetworkAccessTraffic,
  toDiagnostic: trafficToDiagnostic,
  toGraph: trafficToGraph,
  toLogAnalytics: trafficToLogAnalytics,
};
