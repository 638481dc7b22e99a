/**
 * Sentinel "GSA - TI IP Entity" (id 3ebd25b1-6f54-49f9-b5a5-0246357ce4ca), Global Secure
 * Access solution.
 * Source: Azure/Azure-Sentinel Solutions/Global Secure Access/Analytic Rules/GSA - TI IP Entity.yaml
 * (commit 776da5b1277f341bade8f85b92998516fb7c54b9). queryFrequency 1h, queryPeriod 14d.
 *
 *   traffic (last 1h): TrafficType == "internet", its DestinationIp values
 *   indicators (14d):  IndicatorType "ipv4-addr" or "network-traffic", ObservableValue in
 *                      the traffic's IPs, active, not expired, not inactive / falsepos
 *   join on TI_ipEntity == DestinationIp; one alert per (indicator, DestinationIp).
 */
import type { JsonObject } from '../../src/core/activity.ts';
import type { ThreatIntelIndicator } from '../../src/stories/workloads-and-network/gsa-malicious-destination.ts';
import { hourlyTiMatches, type TiAlert } from './GSA-TI-Domain-Entity.ts';

export { COLUMNS } from './GSA-TI-Domain-Entity.ts';

export function gsaTiIpEntity(rows: ReadonlyArray<JsonObject>, feed: ReadonlyArray<ThreatIntelIndicator>, from: number, to: number): TiAlert[] {
  return hourlyTiMatches(
    rows,
    feed,
    ['ipv4-addr', 'network-traffic'],
    from,
    to,
    (r) => (typeof r.DestinationIp === 'string' && r.DestinationIp ? r.DestinationIp : undefined),
    (i) => i.ObservableValue,
    (r) => String(r.DestinationIp),
  );
}
