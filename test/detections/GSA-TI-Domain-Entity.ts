/**
 * Sentinel "GSA - TI Domain Entity" (id 4ef07345-5d89-4f5b-9c64-a180d81a6176), Global
 * Secure Access solution.
 * Source: Azure/Azure-Sentinel Solutions/Global Secure Access/Analytic Rules/GSA - TI Domain Entity.yaml
 * (commit 9f1e734007431139dd9516f9f41d5e1087022e5d). queryFrequency 1h, queryPeriod 14d.
 *
 *   traffic (last 1h): TrafficType == "internet", DestinationFqdn not empty,
 *                      Domain = extract(@'([^.]+\.[^.]+)$', 1, DestinationFqdn)
 *   indicators (14d):  IndicatorType "domain-name" (ObservableKey before ':'),
 *                      DomainName = tolower(ObservableValue) in the traffic's domains,
 *                      latest row per indicator, IsActive and (ValidUntil > now or empty),
 *                      Data.description !contains_cs "State: inactive;" / "State: falsepos;"
 *   join on DomainName == Domain; one alert per (indicator, DestinationFqdn), latest traffic.
 *
 * ThreatIntelIndicators is the SOC's own feed: tests pass it (see threatIntelFor).
 */
import type { JsonObject } from '../../src/core/activity.ts';
import type { ThreatIntelIndicator } from '../../src/stories/workloads-and-network/gsa-malicious-destination.ts';
import { ms } from './harness.ts';

export const COLUMNS = ['TimeGenerated', 'TrafficType', 'DestinationFqdn', 'DestinationUrl', 'DestinationIp', 'DestinationPort', 'Action', 'ThreatType', 'UserPrincipalName', 'SourceIp', 'InitiatingProcessName'];

const HOUR = 3_600_000;

export interface TiAlert {
  readonly runAt: number;
  readonly indicator: ThreatIntelIndicator;
  readonly traffic: JsonObject;
}

/** Active indicators of some types at `now`: latest row per Id, the rule's filters. */
export function activeIndicators(feed: ReadonlyArray<ThreatIntelIndicator>, types: ReadonlyArray<string>, now: number): ThreatIntelIndicator[] {
  const latest = new Map<string, ThreatIntelIndicator>();
  for (const i of feed) {
    const type = i.ObservableKey.split(':')[0]!.replace(/\[|\]|"""/g, '');
    if (!types.includes(type)) continue;
    const t = Date.parse(i.TimeGenerated);
    if (t > now || t < now - 14 * 24 * HOUR) continue;
    const seen = latest.get(i.Id);
    if (!seen || Date.parse(seen.TimeGenerated) <= t) latest.set(i.Id, i);
  }
  return [...latest.values()].filter((i) => {
    if (!i.IsActive) return false;
    if (i.ValidUntil && Date.parse(i.ValidUntil) <= now) return false;
    const description = String((JSON.parse(i.Data || '{}') as { description?: unknown }).description ?? '');
    return !description.includes('State: inactive;') && !description.includes('State: falsepos;');
  });
}

/** Hourly runs over [from, to]: traffic of the last hour joined to the active indicators by `key`. */
export function hourlyTiMatches(
  rows: ReadonlyArray<JsonObject>,
  feed: ReadonlyArray<ThreatIntelIndicator>,
  types: ReadonlyArray<string>,
  from: number,
  to: number,
  trafficKey: (r: JsonObject) => string | undefined,
  indicatorKey: (i: ThreatIntelIndicator) => string,
  dedupe: (r: JsonObject) => string,
): TiAlert[] {
  const internet = rows.filter((r) => r.TrafficType === 'internet').map((r) => ({ r, t: ms(r.TimeGenerated), k: trafficKey(r) }));
  internet.sort((a, b) => a.t - b.t);
  const out: TiAlert[] = [];
  let lo = 0;
  for (let run = Math.floor(from / HOUR) * HOUR + HOUR; run <= to + HOUR; run += HOUR) {
    while (lo < internet.length && internet[lo]!.t < run - HOUR) lo++;
    const byKey = new Map<string, ThreatIntelIndicator[]>();
    for (const i of activeIndicators(feed, types, run)) {
      const k = indicatorKey(i);
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
    if (byKey.size === 0) continue;
    // arg_max(TimeGenerated) per (indicator, entity): the latest matching transaction.
    const latest = new Map<string, TiAlert>();
    for (let k = lo; k < internet.length && internet[k]!.t < run; k++) {
      const e = internet[k]!;
      if (e.k === undefined) continue;
      for (const i of byKey.get(e.k) ?? []) latest.set(`${i.Id}|${dedupe(e.r)}`, { runAt: run, indicator: i, traffic: e.r });
    }
    out.push(...latest.values());
  }
  return out;
}

/** The rule's `extract(@'([^.]+\.[^.]+)$', 1, DestinationFqdn)`. */
export function registeredDomain(fqdn: string): string | undefined {
  return /([^.]+\.[^.]+)$/.exec(fqdn)?.[1];
}

export function gsaTiDomainEntity(rows: ReadonlyArray<JsonObject>, feed: ReadonlyArray<ThreatIntelIndicator>, from: number, to: number): TiAlert[] {
  return hourlyTiMatches(
    rows,
    feed,
    ['domain-name'],
    from,
    to,
    (r) => (typeof r.DestinationFqdn === 'string' && r.DestinationFqdn ? registeredDomain(r.DestinationFqdn) : undefined),
    (i) => i.ObservableValue.toLowerCase(),
    (r) => String(r.DestinationFqdn),
  );
}
