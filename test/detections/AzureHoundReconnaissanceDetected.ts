/**
 * "AzureHound reconnaissance detected" (id bd676415-d309-41e0-87f7-4a9e52d81c14),
 * Fabian Bader's public Sentinel analytics rules (cloudbrothers.info Graph activity research).
 * Source: f-bader/AzSentinelQueries AnalyticsRules/AzureHoundReconnaissanceDetected.yaml
 * (commit 61cffefeb81dc5f313dcfe756313a6e203ab7690). queryFrequency 30m, queryPeriod 40m.
 *
 * Per caller (ObjectId = UserId, else ServicePrincipalId), over MicrosoftGraphActivityLogs
 * ingested in the last 35 minutes, RequestUri not containing "microsoft.graph.delta",
 * the set of normalised request URIs is intersected with AzureHound's 14 endpoints;
 * ConfidenceScore = round(matches / 14, 1) must be > 0.7 (11 or more endpoints).
 * Normalisation, in the rule's order: GUIDs → <UUID>; trailing digits → <UUID>; runs of
 * '/' → '/' (so "https://" becomes "https:/"); /v1.0/ or /beta/ → /version/; %23EXT%23
 * removed; a UPN path segment → /<UUID>/; a leading /<UUID> removed; query string removed.
 * Runs every 30 minutes; ingestion time taken as TimeGenerated.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { ms } from './harness.ts';

export const COLUMNS = ['TimeGenerated', 'UserId', 'ServicePrincipalId', 'RequestUri', 'IPAddress', 'UserAgent', 'SignInActivityId', 'ResponseStatusCode'];

export const AZUREHOUND_QUERIES: ReadonlyArray<string> = [
  'https:/graph.microsoft.com/version/servicePrincipals/<UUID>/owners',
  'https:/graph.microsoft.com/version/groups/<UUID>/members',
  'https:/graph.microsoft.com/version/groups/<UUID>/owners',
  'https:/graph.microsoft.com/version/servicePrincipals/<UUID>/appRoleAssignedTo',
  'https:/graph.microsoft.com/version/roleManagement/directory/roleAssignments',
  'https:/graph.microsoft.com/version/applications/<UUID>/owners',
  'https:/graph.microsoft.com/version/devices/<UUID>/registeredOwners',
  'https:/graph.microsoft.com/version/organization',
  'https:/graph.microsoft.com/version/groups',
  'https:/graph.microsoft.com/version/servicePrincipals',
  'https:/graph.microsoft.com/version/applications',
  'https:/graph.microsoft.com/version/roleManagement/directory/roleDefinitions',
  'https:/graph.microsoft.com/version/devices',
  'https:/graph.microsoft.com/version/users',
];

/** The rule's replace_regex chain (KQL RE2; JavaScript's engine agrees on these patterns). */
export function normalizeRequestUri(uri: string): string {
  let u = uri.replace(/[0-9a-fA-F]{8}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{12}/g, '<UUID>');
  u = u.replace(/\d+$/, '<UUID>');
  u = u.replace(/\/+/g, '/');
  u = u.replace(/\/(v1\.0|beta)\//g, '/version/');
  u = u.replace(/%23EXT%23/g, '');
  u = u.replace(/\/[a-zA-Z0-9+_.-]+@[a-zA-Z0-9.]+\//g, '/<UUID>/');
  u = u.replace(/^\/<UUID>/, '');
  u = u.replace(/\?.*$/, '');
  return u;
}

export interface ReconAlert {
  readonly runAt: number;
  readonly objectId: string;
  readonly matching: ReadonlyArray<string>;
  readonly confidence: number;
  readonly ipAddresses: ReadonlyArray<string>;
}

/** KQL round(x, 1): half away from zero. */
function round1(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9) / 10;
}

/**
 * Runs of a "list of endpoints a tool calls" rule every `every` ms over `lookback` ms of
 * rows in [from, to]: callers whose ConfidenceScore exceeds 0.7.
 */
export function toolReconnaissance(
  rows: ReadonlyArray<JsonObject>,
  queries: ReadonlyArray<string>,
  from: number,
  to: number,
  every = 30 * 60_000,
  lookback = 35 * 60_000,
): ReconAlert[] {
  const wanted = new Set(queries);
  const evs = rows
    .filter((r) => typeof r.RequestUri === 'string' && !r.RequestUri.includes('microsoft.graph.delta'))
    .map((r) => {
      const user = typeof r.UserId === 'string' ? r.UserId : '';
      return { t: ms(r.TimeGenerated), id: user || String(r.ServicePrincipalId ?? ''), uri: normalizeRequestUri(String(r.RequestUri)), ip: String(r.IPAddress ?? '') };
    })
    .filter((e) => wanted.has(e.uri))
    .sort((a, b) => a.t - b.t);
  const out: ReconAlert[] = [];
  let lo = 0;
  for (let run = Math.floor(from / every) * every + every; run <= to + every; run += every) {
    while (lo < evs.length && evs[lo]!.t < run - lookback) lo++;
    const byCaller = new Map<string, { uris: Set<string>; ips: Set<string> }>();
    for (let k = lo; k < evs.length && evs[k]!.t < run; k++) {
      const e = evs[k]!;
      let c = byCaller.get(e.id);
      if (!c) byCaller.set(e.id, (c = { uris: new Set(), ips: new Set() }));
      c.uris.add(e.uri);
      c.ips.add(e.ip);
    }
    for (const [objectId, c] of byCaller) {
      const confidence = round1(c.uris.size / queries.length);
      if (confidence > 0.7) out.push({ runAt: run, objectId, matching: [...c.uris], confidence, ipAddresses: [...c.ips] });
    }
  }
  return out;
}

export function azureHoundReconnaissance(rows: ReadonlyArray<JsonObject>, from: number, to: number): ReconAlert[] {
  return toolReconnaissance(rows, AZUREHOUND_QUERIES, from, to);
}
