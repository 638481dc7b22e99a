/**
 * "Remote network tunnel down": defined from Microsoft's documentation (no public rule
 * reads RemoteNetworkHealthLogs). Source: MicrosoftDocs/entra-docs
 * docs/global-secure-access/how-to-remote-network-health-logs.md (commit
 * 07cd7acd04259449a361903c29dbb8b442402a88): "Remote network alive: this periodic statistic
 * is generated every 15 minutes for all the active tunnels"; a tunnel that stays
 * disconnected past one such period has missed a heartbeat.
 *
 * Condition: a `tunnelDisconnected` event not followed by `tunnelConnected` for the same
 * RemoteNetworkId within 15 minutes (one heartbeat period). Disconnects too close to the
 * end of the data to tell are not reported.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { ms } from './harness.ts';

export { COLUMNS } from './RemoteNetworkTunnelFlapping.ts';

export const DOWN_AFTER_MS = 15 * 60_000;

export interface DownAlert {
  readonly remoteNetworkId: string;
  readonly disconnectedAt: number;
  /** When the tunnel came back; undefined if it had not by the end of the data. */
  readonly reconnectedAt: number | undefined;
}

export function remoteNetworkTunnelDown(rows: ReadonlyArray<JsonObject>, end: number): DownAlert[] {
  const byNetwork = new Map<string, Array<{ t: number; s: string }>>();
  for (const r of rows) {
    if (r.Status !== 'tunnelDisconnected' && r.Status !== 'tunnelConnected') continue;
    const id = String(r.RemoteNetworkId);
    const e = { t: ms(r.TimeGenerated), s: String(r.Status) };
    const list = byNetwork.get(id);
    if (list) list.push(e);
    else byNetwork.set(id, [e]);
  }
  const out: DownAlert[] = [];
  for (const [remoteNetworkId, events] of byNetwork) {
    events.sort((a, b) => a.t - b.t);
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.s !== 'tunnelDisconnected' || e.t + DOWN_AFTER_MS > end) continue;
      const up = events.slice(i + 1).find((x) => x.s === 'tunnelConnected');
      if (!up || up.t - e.t > DOWN_AFTER_MS) out.push({ remoteNetworkId, disconnectedAt: e.t, reconnectedAt: up?.t });
    }
  }
  return out;
}
