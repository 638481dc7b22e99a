/**
 * "AzureHound activity detected" (id 54b355e7-1736-425e-8627-4972161b135a, NRT),
 * Fabian Bader's public Sentinel analytics rules.
 * Source: f-bader/AzSentinelQueries AnalyticsRules/AzureHoundActivityDetected.yaml
 * (commit 0c2ee0e32894ef48e9ef57a230af77f28571ef6a).
 *
 *   MicrosoftGraphActivityLogs | where UserAgent has "azurehound"
 *   | summarize QueriesSent=count() by UserId, IPAddress, ServicePrincipalId, AppId,
 *     TokenIssuedAt, Location, SignInActivityId, SourceSystem, AadTenantId, UserAgent
 *
 * KQL `has` matches a whole term, case-insensitively ("azurehound/v2.1.7" has "azurehound").
 */
import type { JsonObject } from '../../src/core/activity.ts';

export const COLUMNS = ['TimeGenerated', 'UserId', 'IPAddress', 'ServicePrincipalId', 'AppId', 'TokenIssuedAt', 'Location', 'SignInActivityId', 'UserAgent'];

/** KQL `has`: the term appears delimited by non-alphanumeric characters. */
export function kqlHas(text: string, term: string): boolean {
  const t = term.toLowerCase();
  for (const part of text.toLowerCase().split(/[^a-z0-9]+/)) if (part === t) return true;
  return false;
}

export interface ActivityGroup {
  readonly key: string;
  readonly queriesSent: number;
  readonly first: JsonObject;
}

export function azureHoundActivity(rows: ReadonlyArray<JsonObject>): ActivityGroup[] {
  const groups = new Map<string, ActivityGroup>();
  for (const r of rows) {
    if (typeof r.UserAgent !== 'string' || !kqlHas(r.UserAgent, 'azurehound')) continue;
    const key = [r.UserId, r.IPAddress, r.ServicePrincipalId, r.AppId, r.TokenIssuedAt, r.Location, r.SignInActivityId, r.UserAgent].map(String).join('|');
    const g = groups.get(key);
    groups.set(key, g ? { ...g, queriesSent: g.queriesSent + 1 } : { key, queriesSent: 1, first: r });
  }
  return [...groups.values()];
}
