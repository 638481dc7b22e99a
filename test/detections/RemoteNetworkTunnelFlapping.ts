/**
 * "Remote network tunnel flapping": no public Sentinel or Sigma rule reads
 * RemoteNetworkHealthLogs (the Global Secure Access solution's rules and workbooks read
 * NetworkAccessTraffic and the enriched Microsoft 365 logs). Defined from Microsoft's
 * documentation instead: MicrosoftDocs/entra-docs docs/global-secure-access/how-to-remote-network-health-logs.md
 * (commit 07cd7acd04259449a361903c29dbb8b442402a88) — "Tunnel disconnected: this event is
 * generated when an IPsec tunnel is disconnected", "Create alert rules to get notified for
 * things like a BGP tunnel failure" — and the Entra health scenario "branches disconnected
 * due to tunnel being down" (docs/identity/monitoring-health/global-secure-access-remote-network-alert.md).
 *
 * Condition (an Azure Monitor log alert a network team would write): for one
 * RemoteNetworkId, 3 or more `tunnelDisconnected` events within any 60 minutes.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { ms } from './harness.ts';

export const COLUMNS = ['TimeGenerated', 'RemoteNetworkId', 'Status', 'SourceIp', 'DestinationIp', 'Description'];

export const FLAP_THRESHOLD = 3;
export const FLAP_WINDOW_MS = 60 * 60_000;

export interface FlapAlert {
  readonly remoteNetworkId: string;
  /** The window's first disconnect. */
  readonly from: number;
  readonly disconnects: number;
}

export function remoteNetworkTunnelFlapping(rows: ReadonlyArray<JsonObject>): FlapAlert[] {
  const byNetwork = new Map<string, number[]>();
  for (const r of rows) {
    if (r.Status !== 'tunnelDisconnected') continue;
    const id = String(r.RemoteNetworkId);
    const list = byNetwork.get(id);
    if (list) list.push(ms(r.TimeGenerated));
    else byNetwork.set(id, [ms(r.TimeGenerated)]);
  }
  const out: FlapAlert[] = [];
  for (const [remoteNetworkId, times] of byNetwork) {
    times.sort((a, b) => a - b);
    let best: FlapAlert | undefined;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= FLAP_WINDOW_MS) j++;
      const n = i - j + 1;
      if (n >= FLAP_THRESHOLD && (!best || n > best.disconnects)) best = { remoteNetworkId, from: times[j]!, disconnects: n };
    }
    if (best) out.push(best);
  }
  return out;
}
