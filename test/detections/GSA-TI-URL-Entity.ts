/**
 * Sentinel "GSA - TI URL Entity" (id 347c6cb3-33d2-4753-b7f6-eab946a8cd51), Global Secure
 * Access solution.
 * Source: Azure/Azure-Sentinel Solutions/Global Secure Access/Analytic Rules/GSA - TI URL Entity.yaml
 * (commit 75b4b0fe55f39fc37e5795f39d90ad40e06017e2). queryFrequency 1h, queryPeriod 14d.
 *
 *   traffic (last 1h): TrafficType == "internet", DestinationUrl not empty, tolower(DestinationUrl)
 *   indicators (14d):  IndicatorType "url", tolower(ObservableValue) in the traffic's URLs,
 *                      active, not expired, not "State: inactive;" / "State: falsepos;"
 *   join on Url == DestinationUrlToLower; one alert per (indicator, DestinationUrl).
 *
 * DestinationUrl is only filled for plain HTTP or TLS-inspected traffic.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import type { ThreatIntelIndicator } from '../../src/stories/workloads-and-network/gsa-malicious-destination.ts';
import { hourlyTiMatches, type TiAlert } from './GSA-TI-Domain-Entity.ts';

export { COLUMNS } from './GSA-TI-Domain-Entity.ts';

export function gsaTiUrlEntity(rows: ReadonlyArray<JsonObject>, feed: ReadonlyArray<ThreatIntelIndicator>, from: number, to: number): TiAlert[] {
  return hourlyTiMatches(
    rows,
    feed,
    ['url'],
    from,
    to,
    (r) => (typeof r.DestinationUrl === 'string' && r.DestinationUrl ? r.DestinationUrl.toLowerCase() : undefined),
    (i) => i.ObservableValue.toLowerCase(),
    (r) => String(r.DestinationUrl),
  );
}
