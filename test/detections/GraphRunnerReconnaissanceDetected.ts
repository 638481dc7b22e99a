/**
 * "GraphRunner reconnaissance detected" (id c1d23904-a136-4794-b6fb-d5b3fc98e2d4),
 * Fabian Bader's public Sentinel analytics rules.
 * Source: f-bader/AzSentinelQueries AnalyticsRules/GraphRunnerReconnaissanceDetected.yaml
 * (commit 1abe81976f5f4834833962faede6e0abb65eddf1). queryFrequency 30m, queryPeriod 40m.
 *
 * Same logic as the AzureHound rule (normalised request URIs per caller over 35 minutes,
 * round(matches / 12, 1) > 0.7, i.e. 9 or more of GraphRunner's 12 endpoints).
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { toolReconnaissance, type ReconAlert } from './AzureHoundReconnaissanceDetected.ts';

export { COLUMNS } from './AzureHoundReconnaissanceDetected.ts';

export const GRAPHRUNNER_QUERIES: ReadonlyArray<string> = [
  'https:/graph.microsoft.com/version/groups/<UUID>/members',
  'https:/graph.microsoft.com/version/users/<UUID>',
  'https:/graph.microsoft.com/version/users',
  'https:/graph.microsoft.com/version/users/',
  'https:/graph.microsoft.com/version/search/query',
  "https:/graph.microsoft.com/version/servicePrincipals(appId='<UUID>')/appRoleAssignedTo",
  'https:/graph.microsoft.com/version/servicePrincipals',
  'https:/graph.microsoft.com/version/servicePrincipals/<UUID>',
  'https:/graph.microsoft.com/version/organization',
  'https:/graph.microsoft.com/version/groups',
  'https:/graph.microsoft.com/version/applications',
  'https:/graph.microsoft.com/version/policies/authorizationPolicy',
];

export function graphRunnerReconnaissance(rows: ReadonlyArray<JsonObject>, from: number, to: number): ReconAlert[] {
  return toolReconnaissance(rows, GRAPHRUNNER_QUERIES, from, to);
}
